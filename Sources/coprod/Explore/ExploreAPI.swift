import CoprodCore
import CoprodIO
import CoprodReports
import Foundation
import LuaHost

/// The host API for exploring results, shared by `coprod repl` and `coprod lua`: load frameworks
/// and inputs, evaluate, and work with collections of results (see coprod/results.lua).
enum ExploreAPI {
    /// The documentation of every function, shown by `:help api` and in the README.
    static let functions: [(name: String, summary: String)] = [
        ("coprod.frameworks()", "the frameworks available: { { id =, title =, sections =, indicators = }, ... }"),
        ("coprod.framework(id_or_path)", "a framework as a table: id, title, sections with their indicators and texts"),
        ("coprod.evaluate(framework, file, ...)", "evaluates CSV/JSON inputs; returns a collection of results (input problems go to stderr)"),
        ("results.rejected", "the rows evaluate rejected: { { file =, row =, organisation =, column =, reason =, message = }, ... }"),
        ("results:filter(function(r) ... end)", "the results for which the function returns true"),
        ("results:sort(section [, descending])", "sorted by a section's score (or \"overall\", or a function of a result giving the value to sort by)"),
        ("results:top(n, section) / results:bottom(n, section)", "the n highest / lowest on a section"),
        ("results:group(field)", "a table of collections by a field (\"passed\", a function, or \"role\": each role's own view)"),
        ("results:summary()", "per section: count, mean, min, q1, median, q3, max"),
        ("results:compare(role_a, role_b)", "where two roles' scores differ (a's less b's), largest difference first"),
        ("results:get(name) / results:names()", "one organisation's result / all the names"),
        ("results:csv() / results:write_csv(path)", "the collection as CSV text / written to a new file"),
        ("results:write_json(path)", "the collection as JSON, written to a new file"),
        ("coprod.inspect(value [, {depth =, items =, full = true}])", "the text the REPL prints for a value; full shows a summary's fields"),
    ]

    static func install(in state: LuaState, catalog: FrameworkCatalog) throws(LuaError) {
        try state.register("coprod.frameworks") { _ in
            var list: [LuaValue] = []
            for id in FrameworkCatalog.builtInIDs {
                let framework = try catalog.load(id, in: state)
                list.append(["id": .string(framework.id), "title": .string(framework.title),
                             "sections": .integer(Int64(framework.sections.count)), "indicators": .integer(Int64(framework.indicators.count))])
            }
            return [.table(LuaTable(array: list))]
        }
        // These return a failure rather than raise it (see CallerError): the prelude raises it at
        // the line that called coprod.framework or coprod.evaluate.
        try state.register("coprod._framework_data") { arguments in
            try CallerError.returned {
                let framework = try catalog.load(try arguments.string(1), in: state)
                return try state.run("return require('coprod.frameworks').data(FRAMEWORKS[...])", arguments: [.string(framework.id)])
            }
        }
        try state.register("coprod._evaluate") { arguments in
            try CallerError.returned {
                let reference = try arguments.string(1)
                let files = try arguments.table(2).sequence.compactMap(\.stringValue)
                let framework = try catalog.load(reference, in: state)
                var read = ReadAssessments()
                let reader = AssessmentReader(framework: framework)
                try InputFile.checkDistinct(files, twice: "its rows would be counted twice")
                for file in files { try reader.readFile(file, into: &read) }
                let rules = try FrameworkRules(framework: framework, state: state)
                // As `coprod evaluate` reports and rejects, on standard error, so that a script's
                // own output stays its own; the rows are the script's too, on the collection. A
                // limit stops the script whose call it is.
                let evaluated = try Evaluator(framework: framework).evaluateEach(&read, rules: rules) { error in
                    if case .limit = error.kind { true } else { false }
                }
                let results = evaluated.results.map(ExploreAPI.table)
                let rejected = read.rejected.map(ExploreAPI.table)
                return [.table(LuaTable(array: results)), .table(LuaTable(array: framework.sections.map { .string($0.id) })),
                        .table(LuaTable(array: rejected))]
            }
        }
        // The name meant, for the API's own messages ("no section 'relationship'").
        try offerClosestName(to: state)
        try state.register("coprod._json") { arguments in
            [.string(ExploreAPI.json(try arguments.value(1)).text(indent: 2))]
        }
        try state.register("coprod._write") { arguments in
            let path = try arguments.string(1)
            let text = try arguments.string(2)
            let overwrite = try arguments.boolean(3)
            if !overwrite && FileManager.default.fileExists(atPath: path) {
                return [.nil, .string("\(path) exists; pass true as the last argument to replace it")]
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                return [.nil, .string("cannot write \(path)")]
            }
            return [.string(path)]
        }
        // Numbers in a collection's CSV and summaries, as `coprod evaluate` writes them.
        try state.register("coprod._csv_number") { arguments in [.string(ResultCSV.number(try arguments.number(1)))] }
        try state.register("coprod._score_text") { arguments in [.string(Score.format(try arguments.number(1)))] }
        try state.run(prelude, chunkName: "=(coprod explore)")
    }

    /// The Lua half: wraps the host functions into collections.
    static let prelude = """
        local results = require "coprod.results"
        local inspect = require "coprod.inspect"
        coprod.inspect = inspect.text
        local Framework = { __name = "framework" }
        function Framework.__summary(framework)
          local indicators = 0
          for _, section in ipairs(framework.sections) do
            for _, element in ipairs(section.elements) do
              if element.kind == "indicator" then indicators = indicators + 1 end
            end
          end
          local function counted(count, noun) return ("%d %s%s"):format(count, noun, count == 1 and "" or "s") end
          return ("<framework %s: %s, %s, %s>"):format(framework.id, framework.title,
            counted(#framework.sections, "section"), counted(indicators, "indicator"))
        end
        Framework.__tostring = Framework.__summary
        -- An API function raises what went wrong at its caller's line (error level 2), where
        -- the user made the call; a host function's failure is returned to it for that (nil,
        -- message, and whether the message already names its own place, such as a line of a
        -- framework file).
        function coprod.framework(reference)
          if type(reference) ~= "string" then
            error("coprod.framework(id_or_path) needs a framework id or a path, got " .. type(reference), 2)
          end
          local framework, message, located = coprod._framework_data(reference)
          if not framework then error(message, located and 0 or 2) end
          framework.reference = reference  -- how to load it again (an id or a path)
          return setmetatable(framework, Framework)
        end
        function coprod.evaluate(framework, ...)
          local files = { ... }
          if type(framework) == "table" then framework = framework.reference or framework.id end
          if type(framework) ~= "string" then
            error("coprod.evaluate(framework, file, ...) needs a framework (an id, a path or coprod.framework(...)), got "
              .. type(framework), 2)
          end
          if select("#", ...) == 0 then error("coprod.evaluate(framework, file, ...) needs at least one input file", 2) end
          for index = 1, select("#", ...) do
            if type(files[index]) ~= "string" then
              error(("coprod.evaluate(framework, file, ...): file %d is a %s, not a path"):format(index, type(files[index])), 2)
            end
          end
          local list, section_ids, rejected = coprod._evaluate(framework, files)
          if not list then error(section_ids, rejected and 0 or 2) end
          local collection = results.new(list, section_ids)
          collection.rejected = rejected
          return collection
        end
        local function write(usage, path, text, overwrite)
          if type(path) ~= "string" then return nil, usage .. " needs a file path, got " .. type(path) end
          if type(text) ~= "string" then return nil, usage .. " needs the text to write, got " .. type(text) end
          return coprod._write(path, text, overwrite)
        end
        function coprod.write(path, text, overwrite)
          local written, message = write("coprod.write(path, text [, overwrite])", path, text, overwrite)
          if not written then error(message, 2) end
          return written
        end
        function results.Collection:write_csv(path, overwrite)
          results.check(self, "write_csv")
          local written, message = write("write_csv(path [, overwrite])", path, self:csv(), overwrite)
          if not written then error(message, 2) end
          return written
        end
        function results.Collection:write_json(path, overwrite)
          results.check(self, "write_json")
          local parts = {}
          for index, result in ipairs(self) do parts[index] = coprod._json(result) end
          local written, message = write("write_json(path [, overwrite])", path,
            "[\\n" .. table.concat(parts, ",\\n") .. "\\n]\\n", overwrite)
          if not written then error(message, 2) end
          return written
        end
        """

    /// Data as JSON; a table whose keys are 1...n is an array.
    static func json(_ value: LuaValue) -> JSON {
        switch value {
        case .nil: return .null
        case .boolean(let flag): return .bool(flag)
        case .integer(let number): return .integer(Int(number))
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .bytes(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        case .table(let table):
            let sequence = table.sequence
            if !sequence.isEmpty && sequence.count == table.count { return .array(sequence.map(json)) }
            return .object(table.entries.compactMap { entry in
                guard let key = entry.key.stringValue, key != "section_ids" else { return nil }
                return (key, json(entry.value))
            })
        }
    }

    /// A rejected row as rejected.csv gives it (its column with the place in a JSON item), and
    /// the message `coprod evaluate` prints for it.
    static func table(_ row: RejectedRow) -> LuaValue {
        var table = LuaTable(dictionary: ["file": .string(row.file), "row": .integer(Int64(row.row)),
                                          "reason": .string(row.reason), "message": .string(row.description)])
        if let organisation = row.organisation { table["organisation"] = .string(organisation) }
        if !row.whereInRow.isEmpty { table["column"] = .string(row.whereInRow) }
        return .table(table)
    }

    static func table(_ result: OrganisationResult) -> LuaValue {
        func value(_ score: Score) -> LuaValue {
            switch score {
            case .number(let number), .share(let number): .number(number)
            case .tier(_, let name): .string(name)
            case .none: .nil
            }
        }
        func number(_ score: Score) -> LuaValue { score.number.map(LuaValue.number) ?? .nil }
        var sections = LuaTable(), values = LuaTable(), byRole = LuaTable(), roleValues = LuaTable()
        for section in result.sections {
            sections[section.id] = value(section.score)
            values[section.id] = number(section.score)
            for (role, score) in section.byRole {
                var scores = byRole[role].tableValue ?? LuaTable()
                scores[section.id] = value(score)
                byRole[role] = .table(scores)
                var numbers = roleValues[role].tableValue ?? LuaTable()
                numbers[section.id] = number(score)
                roleValues[role] = .table(numbers)
            }
        }
        var roles = LuaTable(), roleOverall = LuaTable(), roleOverallValue = LuaTable()
        for (role, count) in result.roles where !role.isEmpty {
            roles[role] = .integer(Int64(count))
            let overall = result.overall(ofRole: role)
            roleOverall[role] = value(overall)
            roleOverallValue[role] = number(overall)
        }
        let gaps = result.gaps.map { gap -> LuaValue in
            ["section": .string(gap.sectionID), "roles": [.string(gap.roles.0), .string(gap.roles.1)],
             "difference": .number(gap.difference)]
        }
        return .table(LuaTable(dictionary: [
            "organisation": .string(result.organisation), "overall": value(result.overall), "overall_value": number(result.overall),
            "passed": result.passed.map(LuaValue.boolean) ?? .nil, "respondents": .integer(Int64(result.respondents)), "roles": .table(roles),
            "sections": .table(sections), "values": .table(values), "by_role": .table(byRole), "role_values": .table(roleValues),
            "role_overall": .table(roleOverall), "role_overall_value": .table(roleOverallValue),
            "next_steps": .table(LuaTable(array: result.nextSteps.map(LuaValue.string))),
            "failures": .table(LuaTable(array: result.failures.map { .string($0.message) })),
            "warnings": .table(LuaTable(array: result.warnings.map(LuaValue.string))),
            "gaps": .table(LuaTable(array: gaps)),
        ]))
    }
}
