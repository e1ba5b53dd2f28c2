import LuaHost

/// A framework that could not be found or loaded, with the file and line when there is one.
public struct FrameworkError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    init(_ error: LuaError) {
        self.init(file: error.chunk, line: error.line, error.message)
    }

    public var description: String {
        guard let file else { return message }
        let prefix = line.map { "\(file):\($0):" } ?? "\(file):"
        return message.hasPrefix(prefix) ? message : "\(prefix) \(message)"
    }
}

/// Turns a framework file into a `Framework`: Lua runs the file with the framework language, the
/// host reads the data it built.
public enum FrameworkLoader {
    /// Runs `source` in `state` (which must have the built-in modules on its search path) and
    /// reads the framework it returns. The framework table stays in the state as the global
    /// `FRAMEWORKS[id]`, for rules that call back into Lua. With `fileID`, the name of the file
    /// the source was read from, the framework's id must be that. `inFolder` says the file was
    /// found at the top of a framework folder (`--path`), for what a module left there is told.
    public static func load(source: [UInt8], chunkName: String, origin: String, fileID: String? = nil, inFolder: Bool = false,
                            in state: LuaState) throws(FrameworkError) -> Framework {
        let file = chunkName.hasPrefix("@") || chunkName.hasPrefix("=") ? String(chunkName.dropFirst()) : chunkName
        let data: LuaValue
        do {
            // For the framework language's "did you mean".
            try offerClosestName(to: state)
            state.noteChunkName(chunkName)
            let results = try state.run("""
                local frameworks = require "coprod.frameworks"
                local framework = frameworks.load(...)
                FRAMEWORKS = FRAMEWORKS or {}
                FRAMEWORKS[framework.id] = framework
                return frameworks.data(framework)
                """, chunkName: "=(coprod)", arguments: [.bytes(source), .string(chunkName), fileID.map(LuaValue.string) ?? .nil,
                                                               .boolean(inFolder)])
            data = results.first ?? .nil
        } catch {
            throw FrameworkError(error)
        }
        guard let table = data.tableValue else { throw FrameworkError(file: file, "the file did not return a framework") }
        do {
            return try FrameworkReader(file: file, origin: origin).framework(table)
        } catch let error as FrameworkError {
            throw error
        } catch {
            throw FrameworkError(file: file, String(describing: error))
        }
    }
}

/// Reads the plain data the Lua constructors built. They have checked the shape already; this
/// checks what Swift relies on and names the framework file when something is off.
struct FrameworkReader {
    let file: String
    let origin: String

    func framework(_ table: LuaTable) throws -> Framework {
        let defaultScale = try table["scale"].tableValue.map { try readScale($0, where: "the framework") }
        let sections = try table["sections"].tableValue?.sequence.map { value -> Section in
            guard let section = value.tableValue else { throw problem("a section is not a table") }
            return try self.section(section, defaultScale: defaultScale)
        } ?? []
        let combine = table["combine"].stringValue ?? "mean"
        guard let combination = Framework.Combination(rawValue: combine) else {
            throw problem("combine must be \"mean\" or \"median\" (got \"\(combine)\")")
        }
        let rules = Set(table["rules"].tableValue?.entries.compactMap { $0.key.stringValue } ?? [])
        return Framework(
            id: try text(table, "id"), title: try text(table, "title"),
            subtitle: table["subtitle"].stringValue, publisher: table["publisher"].stringValue,
            edition: table["edition"].stringValue, source: table["source"].stringValue,
            introduction: texts(table, "introduction"), guidance: texts(table, "guidance"),
            notes: texts(table, "notes"), sections: sections, combine: combination,
            gap: try number(table, "gap"), below: try number(table, "below"), rules: rules, origin: origin)
    }

    /// An optional number: absent gives nil, anything but a number is an error, not ignored.
    private func number(_ table: LuaTable, _ key: String, in place: String? = nil) throws -> Double? {
        let value = table[key]
        if value == .nil { return nil }
        guard let number = value.numberValue else {
            throw problem("\(place.map { "\($0): " } ?? "")\(key) must be a number (got \(value.typeName))")
        }
        return number
    }

    private func section(_ table: LuaTable, defaultScale: Scale?) throws -> Section {
        let id = try text(table, "id")
        let sectionScale = try table["scale"].tableValue.map { try readScale($0, where: "section '\(id)'") } ?? defaultScale
        var elements: [Section.Element] = []
        for value in table["elements"].tableValue?.sequence ?? [] {
            guard let element = value.tableValue else { continue }
            switch element["kind"].stringValue {
            case "indicator":
                elements.append(.indicator(try indicator(element, sectionID: id, defaultScale: sectionScale)))
            case "reflect": elements.append(.prompt(Prompt(id: try text(element, "id"), text: try text(element, "text"))))
            case "note": elements.append(.note(try text(element, "text")))
            case "heading": elements.append(.heading(try text(element, "text")))
            case "feel": elements.append(.feel(try text(element, "text")))
            default: throw problem("section '\(id)' holds an element of unknown kind")
            }
        }
        return Section(id: id, title: try text(table, "title"), summary: table["summary"].stringValue,
                       label: table["label"].stringValue, questions: texts(table, "questions"),
                       nextSteps: texts(table, "next_steps"), elements: elements,
                       below: try number(table, "below", in: "section '\(id)'"))
    }

    private func indicator(_ table: LuaTable, sectionID: String, defaultScale: Scale?) throws -> Indicator {
        let id = try text(table, "id")
        guard let kind = Indicator.Kind(rawValue: table["type"].stringValue ?? "") else {
            throw problem("indicator '\(id)' has an unknown type")
        }
        let declared = try table["scale"].tableValue.map { try readScale($0, where: "indicator '\(id)'") }
        let scale: Scale
        switch kind {
        case .ratio: scale = .ratio
        case .metric: scale = .number(unit: table["unit"].stringValue)
        case .item: scale = declared ?? .choice(["yes", "partly", "no", "n/a"])
        case .statement, .indicator:
            guard let chosen = declared ?? defaultScale else {
                throw problem("indicator '\(id)' has no scale: give the framework or its section a scale")
            }
            scale = chosen
        }
        var descriptors: [String: [String]] = [:]
        for tier in ["bronze", "silver", "gold"] where table[tier] != .nil { descriptors[tier] = texts(table, tier) }
        if case .tiers(let levels) = scale {
            for tier in levels where table[tier] != .nil { descriptors[tier] = texts(table, tier) }
        }
        var survey: SurveyMetric?
        if let metric = table["metric"].tableValue {
            var thresholds: [String: Double] = [:]
            for entry in metric["thresholds"].tableValue ?? LuaTable() {
                if let tier = entry.key.stringValue, let value = entry.value.numberValue { thresholds[tier] = value }
            }
            survey = SurveyMetric(measure: metric["measure"].stringValue ?? "", thresholds: thresholds)
        }
        return Indicator(
            id: id, kind: kind, sectionID: sectionID, text: try text(table, "text"), scale: scale,
            guidance: table["guidance"].stringValue, detail: texts(table, "detail"),
            descriptors: descriptors, survey: survey, must: table["must"].booleanValue ?? false,
            fails: table["fails"].stringValue, mustBe: table["must_be"].stringValue,
            atLeast: table["at_least"].numberValue, numerator: table["numerator"].stringValue,
            denominator: table["denominator"].stringValue, unit: table["unit"].stringValue)
    }

    private func readScale(_ table: LuaTable, where place: String) throws -> Scale {
        let min = Int(table["min"].integerValue ?? 0), max = Int(table["max"].integerValue ?? 0)
        switch table["type"].stringValue {
        case "ordinal":
            return .ordinal(min: min, max: max, labels: texts(table, "labels"), meanings: texts(table, "meanings"))
        case "rating":
            var anchors: [Int: String] = [:]
            for value in table["anchors"].tableValue?.sequence ?? [] {
                if let anchor = value.tableValue, let point = anchor["point"].integerValue, let word = anchor["word"].stringValue {
                    anchors[Int(point)] = word
                }
            }
            return .rating(min: min, max: max, anchors: anchors)
        case "tiers": return .tiers(texts(table, "levels"))
        case "checklist", "yes_no": return .choice(texts(table, "options"))
        case "text": return .text
        case let other:
            throw problem("\(place) uses the scale type '\(other ?? "?")', which this version of coprod cannot evaluate")
        }
    }

    private func text(_ table: LuaTable, _ key: String) throws -> String {
        guard let value = table[key].stringValue else { throw problem("'\(key)' is missing or not text") }
        return value
    }

    private func texts(_ table: LuaTable, _ key: String) -> [String] {
        if let single = table[key].stringValue { return [single] }
        return table[key].tableValue?.sequence.compactMap(\.stringValue) ?? []
    }

    private func problem(_ message: String) -> FrameworkError { FrameworkError(file: file, message) }
}
