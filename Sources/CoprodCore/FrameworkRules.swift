import LuaHost

/// Rules a framework (or a local area adapting it) supplies in Lua, replacing a default:
///
/// ```lua
/// rules = {
///   -- indicators: { { id =, score = number or tier name, answer = }, ... }
///   section_score = function(section, indicators) return ... end,  -- number or tier name
///   -- result: the evaluated organisation, as plain tables; return a list of texts
///   next_steps = function(result, defaults) return defaults end,
/// }
/// ```
///
/// A state is not thread-safe, so each worker makes its own `FrameworkRules` from its own state.
public final class FrameworkRules {
    /// The rules coprod calls, by their names in `rules = { ... }`; any other name is not used.
    public enum Name: String, CaseIterable, Sendable {
        case sectionScore = "section_score"
        case nextSteps = "next_steps"
    }

    let state: LuaState
    let framework: Framework
    private let sectionScore: LuaFunction?
    private let nextSteps: LuaFunction?

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
                if type(rule) ~= "function" then return nil end
                RULES = RULES or {}
                RULES[id .. "/" .. name] = rule
                return true
                """, chunkName: "=(coprod rules)")
            func rule(_ name: Name) throws(LuaError) -> LuaFunction? {
                guard framework.rules.contains(name.rawValue),
                      try lookup.call([.string(framework.id), .string(name.rawValue)]).first == true else { return nil }
                return try state.load("return RULES[...](select(2, ...))", chunkName: "=(coprod rules)")
            }
            sectionScore = try rule(.sectionScore)
            nextSteps = try rule(.nextSteps)
        } catch {
            throw FrameworkError(error)
        }
    }

    func sectionScore(_ section: Section, _ indicators: [IndicatorResult]) throws(LuaError) -> Score? {
        guard let sectionScore else { return nil }
        let list = indicators.map { indicator -> LuaValue in
            var table = LuaTable(dictionary: ["id": .string(indicator.id), "score": FrameworkRules.value(indicator.score)])
            if let answer = indicator.answer { table["answer"] = .string(answer) }
            return .table(table)
        }
        let sectionTable = LuaValue.table(LuaTable(dictionary: ["id": .string(section.id), "title": .string(section.title)]))
        let result = try sectionScore.call([.string(framework.id + "/section_score"), sectionTable, .table(LuaTable(array: list))]).first ?? .nil
        switch result {
        case .nil: return Score.none
        case .integer, .number: return .number(result.numberValue ?? 0)
        case .string(let name):
            let levels = tierLevels(section)
            if name == "none" { return .tier(0, "none") }
            if let index = levels.firstIndex(of: name) { return .tier(index + 1, name) }
            throw LuaError(.runtime, "rules.section_score returned '\(name)', which is not a tier of section '\(section.id)' (accepted: none, \(levels.joined(separator: ", ")))")
        default:
            throw LuaError(.runtime, "rules.section_score must return a number, a tier name or nil (returned a \(result.typeName))")
        }
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
        let returned = try nextSteps.call([.string(framework.id + "/next_steps"), .table(resultTable),
                                           .table(LuaTable(array: defaults.map(LuaValue.string)))]).first ?? .nil
        guard let list = returned.tableValue else {
            throw LuaError(.runtime, "rules.next_steps must return a list of texts (returned a \(returned.typeName))")
        }
        return list.sequence.compactMap(\.stringValue)
    }

    private func tierLevels(_ section: Section) -> [String] {
        for indicator in section.indicators { if case .tiers(let levels) = indicator.scale { return levels } }
        return []
    }

    static func value(_ score: Score) -> LuaValue {
        switch score {
        case .number(let value), .share(let value): .number(value)
        case .tier(_, let name): .string(name)
        case .none: .nil
        }
    }
}
