import LuaHost

/// Rules a framework (or a local area adapting it) supplies in Lua, replacing a default:
///
/// ```lua
/// rules = {
///   -- answers: two or more respondents' to one indicator, { { score =, answer =, role = }, ... }
///   combine = function(indicator, answers) return ... end,  -- its score, as the scale takes it
///   -- indicators: { { id =, score = number or tier name, answer = }, ... }; role: nil for the
///   -- whole organisation, or the role whose view is scored
///   section_score = function(section, indicators, role) return ... end,  -- number or tier name
///   -- result: the evaluated organisation, as plain tables; return a list of texts
///   next_steps = function(result, defaults) return defaults end,
/// }
/// ```
///
/// A state is not thread-safe, so each worker makes its own `FrameworkRules` from its own state.
public final class FrameworkRules {
    /// The rules coprod calls, by their names in `rules = { ... }`; any other name is not used.
    public enum Name: String, CaseIterable, Sendable {
        case combine
        case sectionScore = "section_score"
        case nextSteps = "next_steps"
    }

    let state: LuaState
    let framework: Framework
    private let combineRule: Rule?
    private let sectionScore: Rule?
    private let nextSteps: Rule?

    /// One of the framework's rules, with where it is written: a message about what it returned
    /// points there, as Lua's own messages about what it raised do.
    private struct Rule {
        let function: LuaFunction
        /// "rules.lua:12: ", or "" for a rule with no line of its own.
        let place: String

        init(_ function: LuaFunction) {
            self.function = function
            place = function.definition.map { "\($0.chunk):\($0.line): " } ?? ""
        }

        func error(_ message: String) -> LuaError {
            let location = function.definition
            return LuaError(.runtime, place + message, chunk: location?.chunk, line: location?.line)
        }
    }

    /// Rules of `framework`, loaded in `state` by `FrameworkCatalog.load`. Nil when the framework
    /// has no rules of its own.
    public init?(framework: Framework, state: LuaState) throws(FrameworkError) {
        guard !framework.rules.isEmpty else { return nil }
        self.state = state
        self.framework = framework
        do {
            let lookup = try state.load("""
                local id, name = ...
                local framework = FRAMEWORKS and FRAMEWORKS[id]
                local rule = framework and framework.rules and framework.rules[name]
                if type(rule) == "function" then return rule end
                """, chunkName: "=(coprod rules)")
            func rule(_ name: Name) throws(LuaError) -> Rule? {
                guard framework.rules.contains(name.rawValue),
                      let function = try lookup.callReturningFunction([.string(framework.id), .string(name.rawValue)]) else { return nil }
                return Rule(function)
            }
            combineRule = try rule(.combine)
            sectionScore = try rule(.sectionScore)
            nextSteps = try rule(.nextSteps)
        } catch {
            throw FrameworkError(error)
        }
    }

    /// Whether the framework combines several respondents' answers by a rule of its own.
    var combinesRespondents: Bool { combineRule != nil }

    /// One respondent's answer to an indicator, as `rules.combine` is given it: its score as the
    /// scale gives it (a number, a tier name, a checklist answer, a share from 0 to 1), the
    /// answer as written where there is one, and the respondent's role.
    struct RespondentAnswer {
        var score: LuaValue
        var answer: String?
        var role: String?
    }

    /// The framework's own combination of two or more respondents' `answers` to `indicator`:
    /// its score, and the answer shown beside it. The rule may return a number, or text as an
    /// input's cell would give it; a value the scale cannot take is an error naming the rule's
    /// line and what the scale accepts.
    func combine(_ indicator: Indicator, _ answers: [RespondentAnswer]) throws(LuaError) -> (score: Score, answer: String?)? {
        guard let combineRule else { return nil }
        let indicatorTable = LuaValue.table(LuaTable(dictionary: [
            "id": .string(indicator.id), "section": .string(indicator.sectionID), "text": .string(indicator.text),
        ]))
        let list = answers.map { answer -> LuaValue in
            var table = LuaTable(dictionary: ["score": answer.score])
            if let written = answer.answer { table["answer"] = .string(written) }
            if let role = answer.role { table["role"] = .string(role) }
            return .table(table)
        }
        let result = try combineRule.function.call([indicatorTable, .table(LuaTable(array: list))]).first ?? .nil
        if case .nil = result { return (.none, nil) }
        let scale = indicator.scale
        // A number as it is; text as an input's cell would be read ("Silver", "Doing really well", "25%").
        let number = result.numberValue.flatMap { $0.isFinite && abs($0) < 1e15 ? $0 : nil }
        let parsed = result.stringValue.flatMap { try? scale.parse($0) }
        switch scale {
        case .ordinal, .rating, .number:
            if let value = number ?? parsed?.number, scale.points.map({ Double($0.lowerBound)...Double($0.upperBound) ~= value }) ?? true {
                return (.number(value), Int(exactly: value.rounded(.down)).flatMap { scale.label(for: $0) })
            }
        case .tiers(let levels):
            if case .tier(let index)? = parsed { return (.tier(index, TierReading.name(index, levels)), nil) }
        case .choice:
            if case .choice(let answer)? = parsed {
                return (answer == "n/a" ? .none : .share(Evaluator.credit(answer, mustBe: indicator.mustBe)), answer)
            }
        case .ratio:
            if let share = number ?? parsed?.share, (0...1).contains(share) { return (.share(share), Score.format(share * 100) + "%") }
        case .text:
            return nil
        }
        throw combineRule.error("rules.combine returned \(FrameworkRules.described(result)) for \(indicator.id), which takes "
            + "\(FrameworkRules.combinedValues(scale)), or nil for no score")
    }

    /// A value a rule returned, as a message quotes it: a number as Lua prints it, in full.
    static func described(_ value: LuaValue) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .number(let number) where number.isNaN: "nan"
        case .integer, .number: value.description
        default: "a \(value.typeName)"
        }
    }

    /// What `rules.combine` may return for an indicator on `scale`.
    static func combinedValues(_ scale: Scale) -> String {
        switch scale {
        case .ordinal(let min, let max, let labels, _): "a number from \(min) to \(max)" + (labels.isEmpty ? "" : " or one of its labels")
        case .rating(let min, let max, let anchors): "a number from \(min) to \(max)" + (anchors.isEmpty ? "" : " or one of its anchor words")
        case .tiers, .choice: "one of " + scale.accepted
        case .ratio: "a share from 0 to 1, or a ratio such as 3/12 or 25%"
        case .number: "a number"
        case .text: "nothing (free text is not combined)"
        }
    }

    var scoresSections: Bool { sectionScore != nil }

    /// One indicator's score as `rules.section_score` is given it: the organisation's, or one
    /// role's.
    struct ScoredIndicator {
        var id: String
        var score: Score
        var answer: String?
    }

    /// The section's score by `rules.section_score`, for the whole organisation (`role` nil) or
    /// for one role's view; nil when the framework has no such rule.
    func sectionScore(_ section: Section, _ indicators: [ScoredIndicator], role: String?) throws(LuaError) -> Score? {
        guard let sectionScore else { return nil }
        let list = indicators.map { indicator -> LuaValue in
            var table = LuaTable(dictionary: ["id": .string(indicator.id), "score": FrameworkRules.value(indicator.score)])
            if let answer = indicator.answer { table["answer"] = .string(answer) }
            return .table(table)
        }
        let sectionTable = LuaValue.table(LuaTable(dictionary: ["id": .string(section.id), "title": .string(section.title)]))
        let result = try sectionScore.function.call([sectionTable, .table(LuaTable(array: list)), role.map(LuaValue.string) ?? .nil]).first ?? .nil
        let levels = tierLevels(section)
        if levels.isEmpty {
            // A number on the section's own scale: the summaries and charts place it there.
            let bounds = FrameworkRules.bounds(section)
            if let value = result.numberValue, bounds ~= value {
                // A section without points is scored as a share met, as coprod scores it itself:
                // shown as a percentage, and compared between roles by a quarter of it.
                return FrameworkRules.onPoints(section) ? .number(value) : .share(value)
            }
            if case .nil = result { return Score.none }
            throw sectionScore.error("rules.section_score returned \(FrameworkRules.described(result)) for section '\(section.id)'\(role.map { " (role '\($0)')" } ?? ""), "
                + "which \(FrameworkRules.scoring(section)) (accepted: a number from \(Score.format(bounds.lowerBound)) "
                + "to \(Score.format(bounds.upperBound)), or nil for no score)")
        }
        // A tiered section is scored by a tier, read as an input's cell gives one (any case).
        if case .nil = result { return Score.none }
        let tiers = Scale.tiers(levels)
        if case .tier(let index)? = result.stringValue.flatMap({ try? tiers.parse($0) }) {
            return .tier(index, TierReading.name(index, levels))
        }
        throw sectionScore.error("rules.section_score returned \(FrameworkRules.described(result)) for section '\(section.id)'\(role.map { " (role '\($0)')" } ?? ""), "
            + "which \(FrameworkRules.scoring(section)) (accepted: \(tiers.accepted), or nil for no score)")
    }

    /// The numbers an untiered section's score may take: its points scale, or a share from 0 to 1.
    private static func onPoints(_ section: Section) -> Bool {
        section.indicators.contains { $0.scale.points != nil }
    }

    private static func bounds(_ section: Section) -> ClosedRange<Double> {
        if let range = section.indicators.lazy.compactMap(\.scale.points).first { return Double(range.lowerBound)...Double(range.upperBound) }
        return 0...1
    }

    func nextSteps(_ result: OrganisationResult, defaults: [String]) throws(LuaError) -> [String] {
        guard let nextSteps else { return defaults }
        let sections = result.sections.map { section -> LuaValue in
            .table(LuaTable(dictionary: ["id": .string(section.id), "title": .string(section.title), "score": FrameworkRules.value(section.score)]))
        }
        let resultTable = LuaTable(dictionary: [
            "organisation": .string(result.organisation), "overall": FrameworkRules.value(result.overall),
            "sections": .table(LuaTable(array: sections)),
            "failures": .table(LuaTable(array: result.failures.map { .string($0.message) })),
        ])
        let returned = try nextSteps.function.call([.table(resultTable), .table(LuaTable(array: defaults.map(LuaValue.string)))]).first ?? .nil
        guard let list = returned.tableValue else {
            throw nextSteps.error("rules.next_steps must return a list of texts (returned a \(returned.typeName))")
        }
        // A step dropped without a word is worse than an organisation rejected with the reason.
        let steps = list.sequence
        if list.count > steps.count, let key = list.first(where: { entry in
            guard case .integer(let index) = entry.key else { return true }
            return index < 1 || index > steps.count
        })?.key {
            throw nextSteps.error("rules.next_steps must return a list of texts (returned a table with the key \(FrameworkRules.described(key)); "
                + "a list is { \"first step\", \"second step\" }, in order)")
        }
        return try steps.enumerated().map { (index, step) throws(LuaError) in
            guard let text = step.stringValue else {
                throw nextSteps.error("rules.next_steps must return a list of texts (step \(index + 1) is \(FrameworkRules.described(step)))")
            }
            return text
        }
    }

    private func tierLevels(_ section: Section) -> [String] {
        for indicator in section.indicators { if case .tiers(let levels) = indicator.scale { return levels } }
        return []
    }

    /// How the host scores `section` by default, as `Evaluator.sectionScore` decides it: what a
    /// rule's score stands in for, for a message about one it cannot take.
    static func scoring(_ section: Section) -> String {
        let indicators = section.indicators
        if let points = indicators.first(where: { $0.scale.range != nil }), let range = points.scale.points {
            return "is scored on the \(range.lowerBound)-\(range.upperBound) scale"
        }
        if indicators.contains(where: { if case .tiers = $0.scale { true } else { false } }) { return "is scored in tiers" }
        return indicators.isEmpty ? "has no indicators" : "is scored as the share of its items met"
    }

    static func value(_ score: Score) -> LuaValue {
        switch score {
        case .number(let value), .share(let value): .number(value)
        case .tier(_, let name): .string(name)
        case .none: .nil
        }
    }
}
