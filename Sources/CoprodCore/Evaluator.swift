import LuaHost

/// Evaluates assessments against a framework with the built-in scale types, natively, so that a
/// batch of thousands does not call into Lua for the rules every framework shares.
///
/// The rules, and where they come from:
/// - A section's score on a points scale is the mean of its answered indicators (the Wales
///   audit's "add up your scores and divide by 3" when all three are answered).
/// - Tiers are cumulative: a tier counts only if every lower tier is met. Evidence (criteria met,
///   a survey percentage against the thresholds) wins over a declared tier, and a declared tier
///   higher than the evidence is a warning. A section's tier is its lowest indicator's tier.
/// - A checklist section scores the share of applicable items met (partly counts half). A failed
///   must-rule fails the whole assessment with the framework's own words.
/// - Several respondents combine per indicator as `Framework.combining` says for its scale:
///   numbers by the framework's `combine` (mean or median), tiers by the lower median, checklist
///   answers by the least met, ratios by the lowest share: a hard rule is not averaged away;
///   or, where two or more answered, by the framework's own `rules.combine`.
public struct Evaluator: Sendable {
    public let framework: Framework
    // Worked out once: evaluating thousands of organisations reuses them.
    private let indicators: [Indicator]
    /// The same indicators with what evaluating each needs.
    private let plans: [IndicatorPlan]
    private let indicatorsBySection: [String: [Indicator]]
    /// For each of the framework's sections, in order: where its indicators are in `indicators`.
    private let sectionMembers: [[Int]]
    /// Which indicators are on a points scale.
    private let onPoints: [Bool]
    private let hasTiers: Bool
    /// Where the must-rules are in `indicators`: most frameworks have none.
    private let mustRules: [Int]
    private let textSlots: [TextSlot]
    private let nextSteps: NextSteps

    public init(framework: Framework) {
        self.framework = framework
        indicators = framework.indicators
        indicatorsBySection = Dictionary(grouping: indicators, by: \.sectionID)
        let all = indicators
        sectionMembers = framework.sections.map { section in all.indices.filter { all[$0].sectionID == section.id } }
        let layout = SlotLayout(framework: framework)
        plans = indicators.map { IndicatorPlan($0, combining: framework.combining($0.scale), layout: layout) }
        onPoints = indicators.map { $0.scale.range != nil }
        hasTiers = plans.contains { $0.tierSlots != nil }
        mustRules = all.indices.filter { all[$0].must }
        textSlots = TextAnswer.prompts(of: framework, slots: layout.slots).map { TextSlot($0.slot, prompt: $0.prompt) }
        nextSteps = NextSteps(framework: framework)
    }

    /// Evaluates one organisation. `rules` are the framework's own Lua rules, if it has any; an
    /// error raised by one of them is thrown, naming the rule's file and line.
    public func evaluate(_ assessment: Assessment, rules: FrameworkRules? = nil) throws(LuaError) -> OrganisationResult {
        let responses = assessment.responses
        var roles: [String: Int] = [:]
        for response in responses { roles[response.role ?? "", default: 0] += 1 }
        let namedRoles = roles.keys.filter { !$0.isEmpty }.sorted()

        var warnings: [String] = []
        if responses.count > 1, let repeated = Evaluator.repeatedRows(responses) { warnings.append(repeated) }
        var failures: [Failure] = []
        var indicatorResults: [IndicatorResult] = []
        indicatorResults.reserveCapacity(indicators.count)
        // When everyone gave the same role, that role's view is the whole view.
        let onlyRole = namedRoles.count == 1 && roles[""] == nil ? namedRoles.first : nil
        // Where each response came from, as tier warnings end: " (qs.csv row 4)".
        let origins = !hasTiers ? [] : responses.map { $0.file.isEmpty ? "" : TierReading.joined(" (", $0.file, " row ", String($0.row), ")") }
        // A framework's own section score is given each role's view too, answers and all.
        let sectionRule = rules.flatMap { $0.scoresSections ? $0 : nil }
        var roleAnswers: [[String: String]]? = sectionRule != nil && onlyRole == nil && !namedRoles.isEmpty ? [] : nil
        for plan in plans {
            indicatorResults.append(try evaluate(plan, responses, origins: origins, roles: namedRoles, onlyRole: onlyRole,
                                                 rules: rules, warnings: &warnings, failures: &failures, roleAnswers: &roleAnswers))
        }

        var sectionResults: [SectionResult] = []
        sectionResults.reserveCapacity(framework.sections.count)
        for (sectionIndex, section) in framework.sections.enumerated() {
            let members = sectionMembers[sectionIndex]
            var score = sectionScore(members) { indicatorResults[$0].score }
            if let sectionRule {
                let indicators = members.map { FrameworkRules.ScoredIndicator(id: indicatorResults[$0].id, score: indicatorResults[$0].score,
                                                                             answer: indicatorResults[$0].answer) }
                score = try sectionRule.sectionScore(section, indicators, role: nil) ?? score
            }
            let byRole = try roleScores(namedRoles, onlyRole: onlyRole, whole: score) { role throws(LuaError) in
                let view = sectionScore(members) { indicatorResults[$0].roleScores[role] ?? .none }
                // A role that scored nothing in the section has no view of it, by any rule.
                guard let sectionRule, members.contains(where: { indicatorResults[$0].roleScores[role] != nil }) else { return view }
                let indicators = members.map { FrameworkRules.ScoredIndicator(id: indicatorResults[$0].id, score: indicatorResults[$0].roleScores[role] ?? .none,
                                                                             answer: roleAnswers?[$0][role]) }
                return try sectionRule.sectionScore(section, indicators, role: role) ?? view
            }
            sectionResults.append(SectionResult(
                id: section.id, title: section.title, score: score,
                answered: members.reduce(0) { $0 + (indicatorResults[$1].answers > 0 ? 1 : 0) }, expected: members.count, roleScores: byRole))
        }

        let answered = indicatorResults.reduce(0) { $0 + ($1.answers > 0 ? 1 : 0) }
        // A must-rule left blank is neither met nor failed: whether the organisation passes is
        // not known (one answered n/a does not apply to it, and is met).
        let mustUnanswered = failures.isEmpty ? mustRules.filter { indicatorResults[$0].answers == 0 }.map { indicatorResults[$0].id } : []
        if !mustUnanswered.isEmpty {
            warnings.append("whether it passes is not known: \(mustUnanswered.count == 1 ? "a must-rule has" : "\(mustUnanswered.count) must-rules have") "
                            + "no answer (\(mustUnanswered.joined(separator: ", ")))")
        }
        if answered < indicatorResults.count {
            warnings.append(Evaluator.unanswered(indicatorResults))
        }
        var result = OrganisationResult(
            framework: framework.id, organisation: assessment.organisation, respondents: responses.count,
            roles: roles, indicators: indicatorResults, sections: sectionResults,
            overall: Evaluator.overallScore(sectionResults.map(\.score)), answered: answered, expected: indicatorResults.count,
            failures: failures, warnings: warnings, nextSteps: [], texts: texts(responses),
            gaps: gaps(sectionResults, roles: namedRoles), mustUnanswered: mustUnanswered)
        result.nextSteps = nextSteps.steps(for: result)
        if let rules { result.nextSteps = try rules.nextSteps(result, defaults: result.nextSteps) }
        return result
    }

    // MARK: - Indicators

    /// One indicator over every response, and over each role's.
    private func evaluate(_ plan: IndicatorPlan, _ responses: [Response], origins: [String], roles: [String], onlyRole: String?,
                          rules: FrameworkRules?, warnings: inout [String], failures: inout [Failure],
                          roleAnswers: inout [[String: String]]?) throws(LuaError) -> IndicatorResult {
        var combined = combine(plan, responses, origins: origins, warn: true)
        try combineByRule(rules, plan, responses, into: &combined)
        if !combined.warnings.isEmpty { warnings += combined.warnings }
        // Kept only for a framework's own section score: most batches have none, and pay nothing.
        let keepsAnswers = roleAnswers != nil
        var answers: [String: String] = [:]
        let byRole = try roleScores(roles, onlyRole: onlyRole, whole: combined.score) { role throws(LuaError) in
            let inRole = responses.filter { $0.role == role }
            var view = combine(plan, inRole, warn: false)
            try combineByRule(rules, plan, inRole, into: &view)
            if keepsAnswers { answers[role] = view.answer }
            return view.score
        }
        if keepsAnswers { roleAnswers?.append(answers) }
        if let failure = mustRule(plan.indicator, combined) { failures.append(failure) }
        if let shortfall = threshold(plan.indicator, combined) { warnings.append(shortfall) }
        return IndicatorResult(id: plan.indicator.id, sectionID: plan.indicator.sectionID, score: combined.score, answer: combined.answer,
                               declared: combined.declared, answers: combined.count, roleScores: byRole)
    }

    /// Each role's view: `whole` when everyone gave the one role, else `score(role)` for each.
    /// Roles with nothing to score are left out.
    private func roleScores<E: Error>(_ roles: [String], onlyRole: String?, whole: Score,
                                      _ score: (String) throws(E) -> Score) throws(E) -> RoleScores {
        if let onlyRole { return whole == .none ? RoleScores() : RoleScores(role: onlyRole, score: whole) }
        var scores: [String: Score] = [:]
        for role in roles {
            let value = try score(role)
            if value != .none { scores[role] = value }
        }
        return RoleScores(scores)
    }

    /// `combined` as the framework's own `rules.combine` gives it, where two or more of
    /// `responses` answered: its score and answer; warnings and a declared tier stay coprod's.
    private func combineByRule(_ rules: FrameworkRules?, _ plan: IndicatorPlan, _ responses: [Response],
                               into combined: inout Combined) throws(LuaError) {
        guard let rules, rules.combinesRespondents, combined.count > 1, plan.combining != .allKept else { return }
        let answers = responses.compactMap { response -> FrameworkRules.RespondentAnswer? in
            let own = combine(plan, [response], warn: false)
            guard own.count > 0 else { return nil }
            // A checklist answer is its own score to the rule ("partly"), n/a included.
            let score = plan.combining == .leastMet ? own.answer.map(LuaValue.string) ?? .nil : FrameworkRules.value(own.score)
            return FrameworkRules.RespondentAnswer(score: score, answer: own.answer, role: response.role)
        }
        guard answers.count > 1, let ruled = try rules.combine(plan.indicator, answers) else { return }
        (combined.score, combined.answer) = ruled
        // Answered, yet unscored: say why, or it reads as a fault.
        if ruled.score == .none && ruled.answer == nil {
            combined.warnings.append("\(plan.indicator.id) \"\(plan.indicator.text)\": rules.combine gave no score for its \(answers.count) answers")
        }
        // A declared tier is shown only where it differs from the tier given.
        if combined.declared == combined.score { combined.declared = nil }
    }

    struct Combined {
        var score: Score = .none
        var answer: String?
        var declared: Score?
        var count = 0
        var warnings: [String] = []
    }

    /// Combines the responses' answers to one indicator by its plan's rule, which `coprod show`
    /// describes; `warn` says whether to word warnings (a role's view repeats what the whole view
    /// already warned about), ending each with the response's entry in `origins`.
    func combine(_ plan: IndicatorPlan, _ responses: [Response], origins: [String] = [], warn: Bool) -> Combined {
        var combined = Combined()
        let slot = plan.slot
        switch plan.combining {
        case .mean, .median:
            let combinedValue: Double?
            if responses.count == 1 {
                // One respondent (the usual case) needs no list: the mean and median of one value
                // are that value.
                combinedValue = responses[0].answers[slot]?.number
                combined.count = combinedValue == nil ? 0 : 1
            } else {
                let values = responses.compactMap { $0.answers[slot]?.number }
                combined.count = values.count
                combinedValue = plan.combining == .median ? Statistics.median(values) : Statistics.mean(values)
            }
            if let value = combinedValue {
                combined.score = .number(value)
                if let point = Int(exactly: value.rounded(.down)), let label = plan.indicator.scale.label(for: point) {
                    combined.answer = label
                }
            }
        case .lowerMedian:
            // The plan has them for every tiered indicator.
            guard case .tiers(let levels) = plan.indicator.scale, let slots = plan.tierSlots else { break }
            let tier: Int?
            let declared: Int?
            if responses.count == 1 {
                // One respondent (the usual case) needs no lists.
                let reading = TierReading(indicator: plan.indicator, levels: levels, slots: slots, answers: responses[0].answers,
                                          origin: warn && !origins.isEmpty ? origins[0] : "", warn: warn)
                combined.warnings = reading.warnings
                (tier, declared) = (reading.tier, reading.declared)
                combined.count = tier == nil ? 0 : 1
            } else {
                var tiers: [Int] = []
                var declaredTiers: [Int] = []
                for index in responses.indices {
                    let reading = TierReading(indicator: plan.indicator, levels: levels, slots: slots, answers: responses[index].answers,
                                              origin: warn && index < origins.count ? origins[index] : "", warn: warn)
                    if !reading.warnings.isEmpty { combined.warnings += reading.warnings }
                    if let tier = reading.tier { tiers.append(tier) }
                    if let declared = reading.declared { declaredTiers.append(declared) }
                }
                combined.count = tiers.count
                (tier, declared) = (Statistics.lowerMedian(tiers), Statistics.lowerMedian(declaredTiers))
            }
            if let tier {
                combined.score = .tier(tier, TierReading.name(tier, levels))
                if let declared, declared != tier { combined.declared = .tier(declared, TierReading.name(declared, levels)) }
            }
        case .leastMet:
            guard case .choice(let options) = plan.indicator.scale else { break }
            let answers = responses.compactMap { response -> String? in
                if case .choice(let option)? = response.answers[slot] { return option }
                return nil
            }
            combined.count = answers.count
            if let answer = leastMet(answers, options: options, failing: plan.indicator.failingAnswer) {
                combined.answer = answer
                combined.score = answer == "n/a" ? .none : .share(Evaluator.credit(answer, mustBe: plan.indicator.mustBe))
            }
        case .lowest:
            let shares = responses.compactMap { $0.answers[slot]?.share }
            combined.count = shares.count
            if let lowest = shares.min() {
                combined.score = .share(lowest)
                if let figure = responses.compactMap({ $0.answers[slot] }).first(where: { $0.share == lowest }) {
                    combined.answer = Evaluator.describe(figure)
                }
            }
        case .allKept:
            combined.count = responses.filter { $0.answers[slot] != nil }.count
        }
        return combined
    }

    /// The least-met answer: for a must-rule with a required answer, the failing answer if anyone
    /// gave it; otherwise the answer furthest down the options (yes, partly, no), ignoring n/a
    /// unless it is all there is.
    private func leastMet(_ answers: [String], options: [String], failing: String?) -> String? {
        if let failing, answers.contains(failing) { return failing }
        let applicable = answers.filter { $0 != "n/a" }
        if applicable.isEmpty { return answers.first }
        return applicable.max { (options.firstIndex(of: $0) ?? 0) < (options.firstIndex(of: $1) ?? 0) }
    }

    /// One respondent's row given again, with the same role, date and answers: a form sent twice,
    /// or an export given twice, which would count that person twice. Rows without a respondent's
    /// name, or with other answers, are anyone's and are not compared.
    static func repeatedRows(_ responses: [Response]) -> String? {
        var rowsOf: [String: [Int]] = [:]
        var names: [String] = []
        for (index, response) in responses.enumerated() {
            guard let name = response.respondent, !name.isEmpty else { continue }
            if rowsOf[name] == nil { names.append(name) }
            rowsOf[name, default: []].append(index)
        }
        // Each respondent once, with every row that repeats an earlier one of theirs.
        var repeats: [(name: String, rows: [String])] = []
        for name in names {
            let rows = rowsOf[name] ?? []
            guard rows.count > 1 else { continue }
            var repeated: [Int] = []
            for (position, index) in rows.enumerated() {
                let response = responses[index]
                if let first = rows[..<position].first(where: { earlier in
                    let other = responses[earlier]
                    return other.role == response.role && other.date == response.date && other.answers == response.answers
                }) {
                    if !repeated.contains(first) { repeated.append(first) }
                    repeated.append(index)
                }
            }
            if !repeated.isEmpty { repeats.append((name, repeated.sorted().map { responses[$0].origin })) }
        }
        guard let one = repeats.first else { return nil }
        func listed(_ rows: [String]) -> String { rows.dropLast().joined(separator: ", ") + " and " + rows[rows.count - 1] }
        let advice = "which count as more than one respondent: remove the repeats if a form was sent twice or a file given twice"
        if repeats.count == 1 { return "respondent '\(one.name)' has identical rows (\(listed(one.rows))), \(advice)" }
        let shown = repeats.prefix(3).map { "'\($0.name)': \(listed($0.rows))" }.joined(separator: "; ")
        let more = repeats.count > 3 ? "; and \(repeats.count - 3) more" : ""
        return "\(repeats.count) respondents have identical rows (\(shown)\(more)), \(advice)"
    }

    /// Which indicators no respondent answered, by id: a column missing from the input shows here
    /// for every organisation.
    static func unanswered(_ indicators: [IndicatorResult]) -> String {
        let ids = indicators.filter { $0.answers == 0 }.map(\.id)
        let listed = ids.count > 6 ? ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more" : ids.joined(separator: ", ")
        return "\(ids.count) of \(indicators.count) indicators \(ids.count == 1 ? "has" : "have") no answer: \(listed)"
    }

    static func credit(_ answer: String, mustBe: String?) -> Double {
        if let mustBe { return answer == mustBe ? 1 : 0 }
        switch answer {
        case "yes": return 1
        case "partly": return 0.5
        default: return 0
        }
    }

    static func describe(_ answer: Answer) -> String {
        switch answer {
        case .ratio(let part, let whole):
            "\(Score.format(part)) of \(Score.format(whole)) = \(Score.format(part / whole * 100))%"
        case .share(let share): "\(Score.format(share * 100))%"
        case .number(let value): Score.format(value)
        case .tier(let index): "tier \(index)"
        case .choice(let text), .text(let text): text
        }
    }

    func mustRule(_ indicator: Indicator, _ combined: Combined) -> Failure? {
        guard indicator.must else { return nil }
        let words = indicator.fails ?? indicator.text
        switch indicator.scale {
        case .choice:
            guard let answer = combined.answer, answer != "n/a" else { return nil }
            let met = indicator.mustBe.map { answer == $0 } ?? (answer == "yes")
            return met ? nil : Failure(indicatorID: indicator.id, message: "\(words) (answered: \(answer))")
        case .ratio, .number:
            guard let atLeast = indicator.atLeast, let value = combined.score.number, value < atLeast else { return nil }
            let needed = indicator.scale == .ratio ? "\(Score.format(atLeast * 100))%" : Score.format(atLeast)
            return Failure(indicatorID: indicator.id, message: "\(words) (\(combined.answer ?? Score.format(value)); at least \(needed) needed)")
        default:
            return nil
        }
    }

    /// A figure below its `at_least` that is not a must-rule: a warning, not a failure.
    func threshold(_ indicator: Indicator, _ combined: Combined) -> String? {
        guard !indicator.must, let atLeast = indicator.atLeast, let value = combined.score.number, value < atLeast else { return nil }
        let unit = indicator.unit.map { " \($0)" } ?? ""
        let needed = indicator.scale == .ratio ? "\(Score.format(atLeast * 100))%" : Score.format(atLeast) + unit
        let given = combined.answer ?? (Score.format(value) + unit)
        return "\(indicator.id) \"\(indicator.text)\": \(given) given, at least \(needed) expected"
    }

    // MARK: - Sections and the whole

    /// Points scales score the mean; tiers the lowest tier; checklists the share met.
    /// The section's kind of score follows its indicators' scales, answered or not: any points
    /// scale makes it a mean of points, so an answered checklist item or figure beside them never
    /// turns it into a share.
    func sectionScore(_ members: [Int], _ scoreOf: (Int) -> Score) -> Score {
        if members.contains(where: { onPoints[$0] }) {
            var total = 0.0
            var count = 0
            for member in members where onPoints[member] {
                guard let value = scoreOf(member).number else { continue }
                total += value
                count += 1
            }
            return count > 0 ? .number(total / Double(count)) : .none
        }
        // The lowest tier, if any indicator has one (the first of equals, as `min` would).
        var lowest: (index: Int, name: String)?
        for member in members {
            if case .tier(let index, let name) = scoreOf(member), index < lowest?.index ?? .max { lowest = (index, name) }
        }
        if let lowest { return .tier(lowest.index, lowest.name) }
        // The share met: checklist answers by their credit, figures by their threshold.
        var met = 0.0
        var counted = 0
        for member in members {
            switch scoreOf(member) {
            case .share(let share):
                if case .choice = indicators[member].scale { met += share } else { met += share >= (indicators[member].atLeast ?? 0) ? 1 : 0 }
            case .number(let value):
                met += value >= (indicators[member].atLeast ?? -.infinity) ? 1 : 0
            default:
                continue
            }
            counted += 1
        }
        return counted > 0 ? .share(met / Double(counted)) : .none
    }

    /// The lowest tier if any section has one; else the mean of the sections' points, or of
    /// their shares when every answered section is a share. Public, so that a role's view of
    /// a result gets its overall by the same rule as the whole (`OrganisationResult.overall(ofRole:)`).
    public static func overallScore(_ scores: [Score]) -> Score {
        var lowest: (index: Int, name: String)?
        var (shares, shareCount, points, pointCount) = (0.0, 0, 0.0, 0)
        for score in scores {
            switch score {
            case .tier(let index, let name): if index < lowest?.index ?? .max { lowest = (index, name) }
            case .share(let value): (shares, shareCount) = (shares + value, shareCount + 1)
            case .number(let value): (points, pointCount) = (points + value, pointCount + 1)
            case .none: continue
            }
        }
        if let lowest { return .tier(lowest.index, lowest.name) }
        if pointCount == 0 && shareCount > 0 { return .share(shares / Double(shareCount)) }
        return pointCount > 0 ? .number(points / Double(pointCount)) : .none
    }

    func gaps(_ sections: [SectionResult], roles: [String]) -> [RoleGap] {
        guard roles.count > 1 else { return [] }
        var gaps: [RoleGap] = []
        for section in sections {
            let threshold = framework.gap ?? defaultGap(section)
            for (index, first) in roles.enumerated() {
                for second in roles[(index + 1)...] {
                    guard let a = section.roleScores[first], let b = section.roleScores[second],
                          let x = a.number, let y = b.number else { continue }
                    let difference = abs(x - y)
                    // A hair's breadth of rounding (2.333... - 1.333...) is not a difference.
                    if difference > threshold + 1e-9 {
                        gaps.append(RoleGap(sectionID: section.id, roles: (first, second), scores: (a, b), difference: difference))
                    }
                }
            }
        }
        return gaps.sorted { $0.difference > $1.difference }
    }

    private func defaultGap(_ section: SectionResult) -> Double {
        switch section.score {
        case .tier: return 0.5
        case .share: return 0.25
        default:
            let ranges = (indicatorsBySection[section.id] ?? []).compactMap(\.scale.range)
            return (ranges.max() ?? 4) / 4
        }
    }

    private func texts(_ responses: [Response]) -> [TextAnswer] {
        var texts: [TextAnswer] = []
        for textSlot in textSlots {
            // By index: iterating would copy every response.
            for index in responses.indices {
                guard case .text(let text)? = responses[index].answers[textSlot.slot] else { continue }
                texts.append(TextAnswer(id: textSlot.column, prompt: textSlot.prompt, role: responses[index].role,
                                        respondent: responses[index].respondent, text: text))
            }
        }
        return texts
    }
}

/// One indicator with what evaluating it needs, worked out once per framework: where its answer
/// is and, for tiers, where its evidence is. A class, so that each step of an evaluation shares
/// it rather than copying the indicator's texts.
final class IndicatorPlan: Sendable {
    let indicator: Indicator
    /// How several respondents' answers combine: `Framework.combining` of its scale.
    let combining: RespondentCombining
    let slot: AnswerSlot
    let tierSlots: TierReading.Slots?

    init(_ indicator: Indicator, combining: RespondentCombining, layout: SlotLayout) {
        self.indicator = indicator
        self.combining = combining
        slot = layout.placed(AnswerSlot(id: indicator.id, part: .answer))
        if case .tiers(let levels) = indicator.scale {
            tierSlots = TierReading.Slots(indicator: indicator, levels: levels, layout: layout)
        } else {
            tierSlots = nil
        }
    }
}

/// A free-text prompt or comment column, with its prompt as results give it; shared as
/// `IndicatorPlan` is.
final class TextSlot: Sendable {
    let slot: AnswerSlot
    let column: String
    let prompt: String

    init(_ slot: AnswerSlot, prompt: String) {
        self.slot = slot
        column = slot.column
        self.prompt = prompt
    }
}
