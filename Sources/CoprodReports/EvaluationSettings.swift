import CoprodCore

/// What `coprod show` says under "How coprod evaluates it": what the framework file sets about
/// evaluating, or the default it leaves, so a local area adapting a framework sees what its
/// changes did. How respondents combine is read from `Framework.combining`, the rule the
/// evaluator itself follows, never written per framework (unless the framework has its own
/// `rules.combine`, which the evaluator then follows instead).
enum EvaluationSettings {
    /// Markdown list items, sub-items indented by two spaces.
    static func lines(_ framework: Framework) -> [String] {
        let gap = framework.gap.map { "more than \(Score.format($0)) apart" }
            ?? "more than a quarter of its scale apart (one tier; 25 percentage points, 0.25, on a checklist)"
        let below = framework.below.map(Score.format)
            ?? "the middle of each section's scale (a tiered section counts its organisations at each tier instead)"
        let ownBars = framework.sections.compactMap { section in section.below.map { "\(Markdown.escape(section.title)) \(Score.format($0))" } }
        return [framework.combinesByOwnRule
            ? "- Several respondents' answers to one indicator combine by the framework's own rule, rules.combine, "
                + "where two or more answered; free text is kept, every answer. Without the rule, coprod would combine them "
                + "by the kind of answer:"
            : "- Several respondents' answers to one indicator combine by the kind of answer:"]
            + combining(framework).map { "  - \($0)" }
            + [
                "- Two roles are shown as differing on a section when their scores are \(gap).",
                "- A batch's area summary counts the organisations below \(below)"
                    + (ownBars.isEmpty ? "." : "; sections with a bar of their own: \(ownBars.joined(separator: ", "))."),
            ]
            + rules(framework).map { "- \($0)" }
    }

    /// One sentence for each scale the framework's indicators use, in the order they first appear.
    static func combining(_ framework: Framework) -> [String] {
        scales(framework).map { scale in
            var sentence = Markdown.escape("\(kind(of: scale)): \(rule(framework.combining(scale), on: scale)).")
            for indicator in framework.indicators where indicator.scale == scale {
                guard let failing = indicator.failingAnswer, let needed = indicator.mustBe else { continue }
                sentence += " \(Markdown.escape(indicator.id)), which must be answered \(Markdown.escape(needed)): \(Markdown.escape(failing)) if any respondent gives it."
            }
            return sentence
        }
    }

    /// The scales the framework's indicators use, each once, in the order they first appear.
    static func scales(_ framework: Framework) -> [Scale] {
        var scales: [Scale] = []
        for indicator in framework.indicators where !scales.contains(indicator.scale) { scales.append(indicator.scale) }
        return scales
    }

    private static func kind(of scale: Scale) -> String {
        switch scale {
        case .ordinal(let min, let max, _, _), .rating(let min, let max, _): "Points on the \(min)-\(max) scale"
        case .tiers: "Tiers (\(scale.accepted))"
        case .choice(let options): "Answers \(options.joined(separator: ", "))"
        case .ratio: "Ratios of counts"
        case .number(let unit): unit.map { "Figures in \($0)" } ?? "Figures"
        case .text: "Free text"
        }
    }

    private static func rule(_ rule: RespondentCombining, on scale: Scale) -> String {
        switch rule {
        case .mean: return "their mean"
        case .median: return "their median (halfway between the two middle ones when their number is even)"
        case .lowerMedian:
            var words = "the median tier, the lower of the two middle ones when their number is even, since a tier between two is not met"
            if case .tiers(let levels) = scale, let first = levels.first, let last = levels.last {
                words += " (\(first), \(last), \(last) give \(last); none, \(last) give none)"
            }
            return words
        case .leastMet:
            guard case .choice(let options) = scale else { return "the least met any respondent gives" }
            let order = options.filter { $0 != "n/a" }.reversed().joined(separator: ", else ")
            return "the least met any respondent gives (\(order)"
                + (options.contains("n/a") ? "; n/a only when all of them answer n/a)" : ")")
        case .lowest: return "the lowest share any respondent gives (3/12 and 6/12 give 3/12)"
        case .allKept: return "every answer is kept, with its respondent and role"
        }
    }

    /// Which of the framework's Lua rules replace coprod's own. (A name coprod does not call is
    /// refused when the framework loads, so every rule a framework has is one of these.)
    private static func rules(_ framework: Framework) -> [String] {
        let used = FrameworkRules.Name.allCases.filter { framework.rules.contains($0.rawValue) }
        return [used.isEmpty
            ? "Rules of its own, in Lua: none, so coprod's own section scores and next steps apply."
            : "Rules of its own, in Lua: \(used.map(\.rawValue).joined(separator: ", "))"
                + (used.contains(.combine) ? "." : "; respondents still combine as above.")]
    }
}
