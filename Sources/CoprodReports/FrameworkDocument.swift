import Foundation
import CoprodCore

/// The whole framework, every text, for `coprod show`: as Markdown, as plain text, or as JSON.
public enum FrameworkDocument {
    public static func markdown(_ framework: Framework) -> String {
        let escape = { (text: String) in Markdown.escape(text) }
        var lines: [String] = ["# \(escape(framework.title))"]
        if let subtitle = framework.subtitle { lines += ["", "*\(escape(subtitle))*"] }
        let about = [framework.publisher, framework.edition].compactMap { $0 }
        if !about.isEmpty { lines += ["", about.map(escape).joined(separator: " · ")] }
        lines += ["", "Id: `\(framework.id)` · \(counted(framework.sections.count, "section")) · \(counted(framework.indicators.count, "indicator"))"]
        if let source = framework.source { lines += ["", "Source: \(escape(source))"] }
        if !framework.introduction.isEmpty { lines += [""] + paragraphs(framework.introduction.map(escape)) }
        if !framework.guidance.isEmpty { lines += ["", "## How to use it", ""] + framework.guidance.map { "- \(escape($0))" } }
        lines += FrameworkScales.markdown(framework)
        for section in framework.sections {
            lines += ["", "## \(escape(section.title))"]
            if let label = section.label { lines += ["", "*\(escape(label))*"] }
            if let summary = section.summary { lines += ["", escape(summary)] }
            if !section.questions.isEmpty { lines += [""] + section.questions.map { "> \(escape($0))" } }
            lines.append("")
            for element in section.elements {
                switch element {
                case .indicator(let indicator): lines += describe(indicator)
                case .prompt(let prompt): lines.append("- ✎ `\(prompt.id)` \(escape(prompt.text))")
                case .note(let text): lines.append("- \(escape(text))")
                case .heading(let text): lines += ["", "### \(escape(text))", ""]
                case .feel(let text): lines.append("- ♥ \(escape(text))")
                }
            }
            if !section.nextSteps.isEmpty { lines += ["", "**Next steps**", ""] + section.nextSteps.map { "- \(escape($0))" } }
        }
        if !framework.notes.isEmpty { lines += ["", "## Notes on this encoding", ""] + framework.notes.map { "- \(escape($0))" } }
        lines += ["", "## How coprod evaluates it", ""] + EvaluationSettings.lines(framework)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain text: the Markdown without its markup, which a terminal would show as it is, and
    /// with the framework's texts as written; headings in capitals.
    public static func text(_ framework: Framework) -> String {
        markdown(framework).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for marker in ["### ", "## ", "# "] where line.hasPrefix(marker) {
                return Markdown.plain(line.dropFirst(marker.count)).uppercased()
            }
            return Markdown.plain(line)
        }.joined(separator: "\n")
    }

    private static func describe(_ indicator: Indicator) -> [String] {
        let escape = { (text: String) in Markdown.escape(text) }
        var lines = ["- `\(indicator.id)` \(escape(indicator.text))" + (indicator.must ? " **(must)**" : "") + " — \(escape(indicator.scale.accepted))"]
        lines += indicator.detail.map { "  - \(escape($0))" }
        if case .tiers(let levels) = indicator.scale {
            for tier in levels {
                let descriptors = indicator.descriptors[tier] ?? []
                lines.append("  - **\(escape(tier.capitalized))**: "
                             + (descriptors.isEmpty ? "(no descriptor)" : descriptors.map(escape).joined(separator: " · ")))
            }
        }
        if let survey = indicator.survey {
            let thresholds = survey.thresholds.sorted { $0.value < $1.value }.map { "\(escape($0.key)) ≥ \(Score.format($0.value))%" }
            lines.append("  - Survey (\(escape(survey.measure))): " + thresholds.joined(separator: ", "))
        }
        let counts = indicator.numerator.map { "\(escape($0)) / \(escape(indicator.denominator ?? ""))" }
        if let atLeast = indicator.atLeast {
            let figure = indicator.scale == .ratio
                ? "\(Score.format(atLeast * 100))%" : Score.format(atLeast) + (indicator.unit.map { " \(escape($0))" } ?? "")
            lines.append("  - At least \(figure)" + (counts.map { ": \($0)" } ?? ""))
        } else if let counts {
            lines.append("  - \(counts)")
        }
        if let fails = indicator.fails { lines.append("  - If not met: \(escape(fails))") }
        if let guidance = indicator.guidance { lines.append("  - \(escape(guidance))") }
        return lines
    }

    private static func paragraphs(_ texts: [String]) -> [String] {
        texts.flatMap { [$0, ""] }.dropLast()
    }

    public static func json(_ framework: Framework) -> JSON {
        .object([
            ("id", .string(framework.id)), ("title", .string(framework.title)), ("subtitle", .optional(framework.subtitle)),
            ("publisher", .optional(framework.publisher)), ("edition", .optional(framework.edition)),
            ("source", .optional(framework.source)),
            ("introduction", .array(framework.introduction.map(JSON.string))),
            ("guidance", .array(framework.guidance.map(JSON.string))),
            ("scales", FrameworkScales.json(framework)),
            ("sections", .array(framework.sections.map { section in
                .object([
                    ("id", .string(section.id)), ("title", .string(section.title)), ("label", .optional(section.label)),
                    ("summary", .optional(section.summary)),
                    ("questions", .array(section.questions.map(JSON.string))),
                    ("elements", .array(section.elements.map(element))),
                    ("next_steps", .array(section.nextSteps.map(JSON.string))),
                    ("below", section.below.map(JSON.number) ?? .null),
                ])
            })),
            ("notes", .array(framework.notes.map(JSON.string))),
            ("combine", .string(framework.combine.rawValue)),
            // Each scale the indicators use, with how several respondents' answers on it combine.
            ("combining", .array(EvaluationSettings.scales(framework).map { scale in
                .object([("accepted", .string(scale.accepted)), ("by", .string(
                    framework.combinesByOwnRule && scale != .text
                        ? "rules.combine" : framework.combining(scale).rawValue))])
            })),
            ("gap", framework.gap.map(JSON.number) ?? .null),
            ("below", framework.below.map(JSON.number) ?? .null),
            ("rules", .array(framework.rules.sorted().map(JSON.string))),
        ])
    }

    private static func element(_ element: Section.Element) -> JSON {
        switch element {
        case .indicator(let indicator):
            var members: [(String, JSON)] = [
                ("kind", .string(indicator.kind.rawValue)), ("id", .string(indicator.id)), ("text", .string(indicator.text)),
                ("accepted", .string(indicator.scale.accepted)),
            ]
            for (tier, descriptors) in indicator.descriptors.sorted(by: { $0.key < $1.key }) {
                members.append((tier, .array(descriptors.map(JSON.string))))
            }
            if !indicator.detail.isEmpty { members.append(("detail", .array(indicator.detail.map(JSON.string)))) }
            if let guidance = indicator.guidance { members.append(("guidance", .string(guidance))) }
            if indicator.must { members.append(("must", .bool(true))) }
            if let mustBe = indicator.mustBe { members.append(("must_be", .string(mustBe))) }
            if let fails = indicator.fails { members.append(("fails", .string(fails))) }
            if let atLeast = indicator.atLeast { members.append(("at_least", .number(atLeast))) }
            for (key, text) in [("numerator", indicator.numerator), ("denominator", indicator.denominator), ("unit", indicator.unit)] {
                if let text { members.append((key, .string(text))) }
            }
            if let survey = indicator.survey {
                members.append(("survey", .object([("measure", .string(survey.measure))]
                    + survey.thresholds.sorted { $0.value < $1.value }.map { ($0.key, .number($0.value)) })))
            }
            return .object(members)
        case .prompt(let prompt): return .object([("kind", .string("reflect")), ("id", .string(prompt.id)), ("text", .string(prompt.text))])
        case .note(let text): return .object([("kind", .string("note")), ("text", .string(text))])
        case .heading(let text): return .object([("kind", .string("heading")), ("text", .string(text))])
        case .feel(let text): return .object([("kind", .string("feel")), ("text", .string(text))])
        }
    }
}
