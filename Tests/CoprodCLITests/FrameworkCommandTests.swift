import Foundation
import Testing

@Suite("frameworks, show, template and evaluate, run as a user would", .timeLimit(.minutes(2)))
struct FrameworkCommandTests {
    @Test func frameworksListsTheFive() throws {
        let result = try runCoprod(["frameworks"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("ID"))
        #expect(lines.contains { $0.hasPrefix("quality-standards") && $0.contains(" 10 ") && $0.contains(" 36 ") })
    }

    /// A local `involvement-audit.lua` replaces the built-in one: the id is listed once, as the
    /// file it is loaded from, and a second copy in a later directory is not listed at all.
    @Test func frameworksListsAnOverrideOnceWithItsFile() throws {
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("override-\(UUID())")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("later-\(UUID())")
        defer { for directory in [first, second] { try? FileManager.default.removeItem(at: directory) } }
        let audit = try String(contentsOfFile: packageRoot.appendingPathComponent("Frameworks/involvement-audit.lua").path, encoding: .utf8)
        for (directory, title) in [(first, "Local Audit"), (second, "Later Audit")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(audit.replacingOccurrences(of: "title = \"Co-production & Involvement Audit\"", with: "title = \"\(title)\"").utf8)
                .write(to: directory.appendingPathComponent("involvement-audit.lua"))
        }
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures/mini-audit.lua").path,
                                         toPath: second.appendingPathComponent("mini-audit.lua").path)
        let result = try runCoprod(["frameworks", "--path", first.path, "--path", second.path])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows.map { $0.first ?? "" } == ["ID", "inclusive-practice", "involvement-audit", "project-checklist",
                                                  "quality-standards", "trauma-responsive", "mini-audit"])
        #expect(rows[0] == ["ID", "SECTIONS", "INDICATORS", "TITLE", "PUBLISHER", "FROM"])
        #expect(rows[2] == ["involvement-audit", "5", "15", "Local Audit", "Co-production Network for Wales",
                            "\(first.path)/involvement-audit.lua (replaces the built-in)"])
        #expect(rows[1].last == "built in")
        #expect(rows[6] == ["mini-audit", "2", "6", "Mini audit", "coprod tests", "\(second.path)/mini-audit.lua"])
        #expect(!result.standardOutput.contains("Later Audit"))
    }

    /// A module left at the top of a `--path` folder is read as a framework like every file
    /// there: the listing goes on without it, and the message says where modules belong.
    @Test func aModuleBesideTheFrameworksSaysWhereItBelongs() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures/mini-audit.lua").path,
                                         toPath: directory.appendingPathComponent("mini-audit.lua").path)
        try Data("local helpers = {}\nreturn helpers\n".utf8).write(to: directory.appendingPathComponent("helpers.lua"))
        let listed = try runCoprod(["frameworks", "--path", directory.path])
        #expect(listed.status == 2)
        #expect(listed.standardError == "coprod: \(directory.path)/helpers.lua: a framework file must return framework { ... } (it returned table; "
            + "a module that frameworks require belongs in a subfolder, as every .lua file at the top of a framework folder is read as a framework)\n")
        #expect(listed.standardOutput.split(separator: "\n").last?.hasPrefix("mini-audit") == true)
        // Given by its path, not found in a framework folder, it is only not a framework.
        let byPath = try runCoprod(["show", directory.appendingPathComponent("helpers.lua").path])
        #expect(byPath.standardError.hasSuffix("a framework file must return framework { ... } (it returned table)\n"), "\(byPath.standardError)")
        // A file that returns something other than a table is no module: no word of subfolders.
        try Data("return 42\n".utf8).write(to: directory.appendingPathComponent("helpers.lua"))
        let number = try runCoprod(["show", directory.appendingPathComponent("helpers.lua").path])
        #expect(number.standardError.hasSuffix("a framework file must return framework { ... } (it returned number)\n"))
    }

    /// What a framework prints while it loads or its rules run (as a local area debugging a rule
    /// would) goes to standard error: a template, a report or JSON on standard output stays whole.
    @Test func aFrameworksPrintGoesToStandardError() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            print("loading noisy")
            return framework { id = "noisy", title = "Noisy", scale = ordinal { min = 1, max = 5 },
              section "a" { title = "A", statement "a.1" "One" },
              rules = { section_score = function(section, indicators) print("scoring", section.id) return 2 end } }

            """.utf8).write(to: directory.appendingPathComponent("noisy.lua"))
        let input = directory.appendingPathComponent("in.csv").path
        try Data("organisation,a.1\nAcme,4\n".utf8).write(to: URL(fileURLWithPath: input))
        let template = try runCoprod(["template", "noisy", "--path", directory.path])
        #expect(template.standardOutput == "organisation,respondent,role,date,a.1\n")
        #expect(template.standardError == "loading noisy\n")
        let evaluated = try runCoprod(["evaluate", "noisy", input, "--path", directory.path, "--format", "csv"])
        #expect(evaluated.standardOutput == "organisation,respondents,overall,passed,answered,expected,a,failures,warnings\nAcme,1,2,yes,1,1,2,0,0\n")
        #expect(evaluated.standardError.hasPrefix("loading noisy\nscoring\ta\n"), "\(evaluated.standardError)")
    }

    /// A framework given by its path, requiring a module in a subfolder beside it: its folder is
    /// searched only when given with --path, and the message says so.
    @Test func aModuleBesideAFrameworkGivenByPathNamesThePathToGive() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("area"), withIntermediateDirectories: true)
        try Data("return { low = function() return 1 end }\n".utf8).write(to: directory.appendingPathComponent("area/scoring.lua"))
        try Data("""
            return framework { id = "req", title = "Req", scale = ordinal { min = 1, max = 5 },
              section "a" { title = "A", statement "a.1" "One" }, rules = { section_score = require("area.scoring").low } }

            """.utf8).write(to: directory.appendingPathComponent("req.lua"))
        let framework = directory.appendingPathComponent("req.lua").path
        let alone = try runCoprod(["show", framework])
        #expect(alone.status == 2)
        #expect(alone.standardError.hasSuffix("\n\t\(directory.path)/area/scoring.lua is there, but a framework's own folder is searched only when given: "
            + "add --path \(directory.path)\n"), "\(alone.standardError)")
        let withPath = try runCoprod(["show", framework, "--path", directory.path])
        #expect(withPath.status == 0, "\(withPath.standardError)")
    }

    /// A copy renamed but not given its own id would be taken for the framework it was copied
    /// from, in results and summaries and by `merge`, which loads a framework by its id. It is
    /// refused, found by id or given by path, at the line of its id; `frameworks` names it too.
    @Test func aFrameworkWhoseIDIsNotItsFileNameIsRefused() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("our-audit.lua")
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Frameworks/involvement-audit.lua").path, toPath: copy.path)
        let refusal = "coprod: \(copy.path):30: the framework's id is 'involvement-audit' but its file is our-audit.lua: "
            + "the id must be the file's name, as results and merges name a framework by its id "
            + "(set id = \"our-audit\", or name the file involvement-audit.lua)\n"
        for arguments in [["show", "our-audit", "--path", directory.path], ["show", copy.path]] {
            let result = try runCoprod(arguments)
            #expect(result.status == 2)
            #expect(result.standardError == refusal)
        }
        let listed = try runCoprod(["frameworks", "--path", directory.path])
        #expect(listed.status == 2)
        #expect(listed.standardError == refusal)
        #expect(listed.standardOutput.split(separator: "\n").count == 6)

        // A file's name that could not be an id leaves renaming the file.
        let spaced = directory.appendingPathComponent("our audit.lua")
        try FileManager.default.copyItem(at: copy, to: spaced)
        let refusedSpaced = try runCoprod(["show", spaced.path])
        #expect(refusedSpaced.standardError.hasSuffix("its file is our audit.lua: the id must be the file's name, as results and merges "
            + "name a framework by its id (name the file involvement-audit.lua)\n"), "\(refusedSpaced.standardError)")
        try FileManager.default.removeItem(at: spaced)

        let renamed = try String(contentsOf: copy, encoding: .utf8)
            .replacingOccurrences(of: "id = \"involvement-audit\",", with: "id = \"our-audit\",")
        try Data(renamed.utf8).write(to: copy)
        let shown = try runCoprod(["show", "our-audit", "--path", directory.path])
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("our-audit"))
    }

    /// A local area's framework deep in its folders is named whole, where Lua alone would give
    /// "..." and the last 56 bytes of its path: in a syntax error, and in a rule's error.
    @Test func aFrameworkDeepInFoldersIsNamedWhole() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("North Yorkshire/co-production/frameworks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("mini-audit.lua")
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures/mini-audit.lua"), encoding: .utf8)
        try Data(source.replacingOccurrences(of: "title = \"Mini audit\"", with: "title = = \"Mini audit\"").utf8).write(to: file)
        let broken = try runCoprod(["show", file.path])
        #expect(broken.status == 2)
        #expect(broken.standardError == "coprod: \(file.path):4: unexpected symbol near '='\n")

        try Data(source.utf8).write(to: file)
        let input = directory.appendingPathComponent("loopy.csv")
        try Data("organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3\nLoopy,staff,2,2,2,2,2,2\n".utf8).write(to: input)
        let looping = try runCoprod(["evaluate", file.path, input.path, "--instruction-limit", "2000000"])
        #expect(looping.status == 1)
        #expect(looping.standardError.hasPrefix("coprod: Loopy (\(input.path) row 2) not evaluated: \(file.path):21: instruction limit of 2000000 reached"),
                "\(looping.standardError)")
        // What a rule returns is checked against the line of its `function`, named whole too.
        try Data(source.replacingOccurrences(of: "return defaults", with: "return 7").utf8).write(to: file)
        let seven = directory.appendingPathComponent("seven.csv")
        try Data("organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3\nSeven,staff,2,2,2,2,2,2\n".utf8).write(to: seven)
        let returned = try runCoprod(["evaluate", file.path, seven.path])
        #expect(returned.standardError.hasPrefix(
            "coprod: Seven (\(seven.path) row 2) not evaluated: \(file.path):19: rules.next_steps must return a list of texts (returned a number)"),
                "\(returned.standardError)")
    }

    /// `--path` says what coprod reads from it: frameworks by id and modules for require, which is
    /// all it reads; "plugins" were never explained anywhere.
    @Test func pathHelpSaysWhatIsReadFromIt() throws {
        let expected = "--path <dir> A directory with your own frameworks (DIR/ID.lua, used instead of a built-in framework "
            + "with the same id) and the Lua modules that frameworks and scripts load with require (require \"a.b\" reads "
            + "DIR/a/b.lua or DIR/a/b/init.lua). Repeatable; searched before COPROD_PATH."
        for command in ["frameworks", "show", "template", "evaluate", "batch", "merge", "sample", "repl", "lua"] {
            let help = try runCoprod([command, "--help"])
            let words = help.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains(expected), "\(command): \(help.standardOutput)")
            #expect(!words.lowercased().contains("plugin"), "\(command)")
        }
    }

    @Test func showPrintsEveryText() throws {
        let result = try runCoprod(["show", "quality-standards", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("At least 90% of service user satisfaction rates for inclusion reported during annual survey."))
        #expect(result.standardOutput.contains("## Collective Leadership and Partnership Working"))
        // Plain text keeps no Markdown markup: headings in capitals, emphasis without asterisks.
        let text = try runCoprod(["show", "involvement-audit", "--format", "text"])
        let lines = text.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("A self-assessment tool for organisations"))
        #expect(!lines.contains { $0.hasPrefix("*") || $0.hasPrefix("#") })
        let json = try runCoprod(["show", "involvement-audit", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((object?["sections"] as? [Any])?.count == 5)
    }

    /// `show` ends with what the file sets about evaluating, or the defaults it leaves, so a
    /// local area adapting a framework sees what its changes did.
    @Test func showSaysHowTheFrameworkIsEvaluated() throws {
        let audit = try runCoprod(["show", "involvement-audit"])
        #expect(audit.standardOutput.hasSuffix("""
            HOW COPROD EVALUATES IT

            - Several respondents' answers to one indicator combine by the kind of answer:
              - Points on the 1-5 scale: their mean.
            - Two roles are shown as differing on a section when their scores are more than a quarter of its scale apart (one tier; 25 percentage points, 0.25, on a checklist).
            - A batch's area summary counts the organisations below the middle of each section's scale (a tiered section counts its organisations at each tier instead).
            - Rules of its own, in Lua: none, so coprod's own section scores and next steps apply.

            """), "\(audit.standardOutput.suffix(600))")
        // inclusive-practice.lua sets combine = "median".
        let inclusive = try runCoprod(["show", "inclusive-practice", "--format", "json"])
        let settings = try JSONSerialization.jsonObject(with: Data(inclusive.standardOutput.utf8)) as? [String: Any]
        #expect(settings?["combine"] as? String == "median")
        #expect(settings?["rules"] as? [String] == [])
        // A local area's own: a gap, a bar, one section's own bar and a rule.
        let ownDirectory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: ownDirectory) }
        let own = ownDirectory.appendingPathComponent("mini-audit.lua")
        let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures/mini-audit.lua").path
        let adapted = try String(contentsOfFile: fixtures, encoding: .utf8)
            .replacingOccurrences(of: "publisher = \"coprod tests\",", with: "publisher = \"coprod tests\", gap = 1.5, below = 2.5,")
            .replacingOccurrences(of: "section \"networks\" { title = \"Networks\",", with: "section \"networks\" { title = \"Networks\", below = 2,")
        try Data(adapted.utf8).write(to: own)
        let shown = try runCoprod(["show", own.path, "--format", "markdown"])
        #expect(shown.standardOutput.hasSuffix("""
            - Two roles are shown as differing on a section when their scores are more than 1.5 apart.
            - A batch's area summary counts the organisations below 2.5; sections with a bar of their own: Networks 2.
            - Rules of its own, in Lua: next_steps; respondents still combine as above.

            """), "\(shown.standardOutput.suffix(600))")
    }

    /// How several respondents combine, for every kind of answer in each shipped framework: what
    /// the evaluator does (project-checklist's Board 3/12 and 6/12 give 3/12 and fail the 30%
    /// rule; quality-standards' none and gold give none), not the numbers' mean for all.
    @Test func showSaysHowRespondentsCombineInEachFramework() throws {
        let head = "- Several respondents' answers to one indicator combine by the kind of answer:\n"
        let median = "their median (halfway between the two middle ones when their number is even)."
        let checklist = "  - Answers yes, partly, no, n/a: the least met any respondent gives (no, else partly, else yes; n/a only when all of them answer n/a).\n"
        let expected = [
            "involvement-audit": "  - Points on the 1-5 scale: their mean.\n",
            "inclusive-practice": "  - Points on the 0-10 scale: \(median)\n",
            "project-checklist": checklist
                + "  - Ratios of counts: the lowest share any respondent gives (3/12 and 6/12 give 3/12).\n"
                + "  - Answers yes, no: the least met any respondent gives (no, else yes). board.casting-vote, which must be answered no: yes if any respondent gives it.\n",
            "quality-standards": "  - Tiers (none, bronze, silver, gold): the median tier, the lower of the two middle ones when their number is even, since a tier between two is not met (bronze, gold, gold give gold; none, gold give none).\n",
            "trauma-responsive": "  - Points on the 1-4 scale: \(median)\n" + checklist + "  - Figures in hours: \(median)\n",
        ]
        for (id, sentences) in expected {
            let shown = try runCoprod(["show", id, "--format", "markdown"])
            #expect(shown.status == 0)
            #expect(shown.standardOutput.contains(head + sentences + "- Two roles"), "\(id): \(shown.standardOutput.suffix(900))")
            #expect(shown.standardOutput.hasSuffix("- Rules of its own, in Lua: none, so coprod's own section scores and next steps apply.\n"), "\(id)")
            #expect(!shown.standardOutput.contains("numbers for one indicator combine"))
        }
        let json = try runCoprod(["show", "project-checklist", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let combining = (object?["combining"] as? [[String: String]])?.map { $0["by"] ?? "" }
        #expect(combining == ["least met", "lowest", "least met"])
    }

    /// `show` says which rules of its own a framework has, and that `combine` replaces how
    /// respondents combine; a rule name coprod never calls (say `weights`, hoping to weight the
    /// roles) is refused where it is written.
    @Test func showNamesTheRulesAFrameworkHasAndAnUnknownOneIsRefused() throws {
        let fixture = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures/mini-audit.lua").path
        let shown = try runCoprod(["show", fixture])
        #expect(shown.standardOutput.hasSuffix("- Rules of its own, in Lua: next_steps; respondents still combine as above.\n"),
                "\(shown.standardOutput.suffix(600))")
        let ownDirectory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: ownDirectory) }
        let own = ownDirectory.appendingPathComponent("mini-audit.lua")
        let adapted = try String(contentsOfFile: fixture, encoding: .utf8)
            .replacingOccurrences(of: "rules = {", with: "rules = {\n    weights = function() return 1 end,")
        try Data(adapted.utf8).write(to: own)
        let refused = try runCoprod(["show", own.path])
        #expect(refused.status == 2)
        #expect(refused.standardError == "coprod: \(own.path):19: framework 'mini-audit': unknown rule 'weights' (accepted: combine, next_steps, section_score)\n")

        try Data(adapted.replacingOccurrences(of: "weights = function() return 1 end", with: "combine = function(_, answers) return answers[1].score end").utf8).write(to: own)
        let combining = try runCoprod(["show", own.path])
        #expect(combining.status == 0, "\(combining.standardError)")
        #expect(combining.standardOutput.contains("""
            - Several respondents' answers to one indicator combine by the framework's own rule, rules.combine, where two or more \
            answered; free text is kept, every answer. Without the rule, coprod would combine them by the kind of answer:
              - Points on the 1-5 scale: their mean.
            """), "\(combining.standardOutput.suffix(900))")
        #expect(combining.standardOutput.hasSuffix("- Rules of its own, in Lua: combine, next_steps.\n"))
        let json = try runCoprod(["show", own.path, "--format", "json"])
        let settings = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((settings?["combining"] as? [[String: Any]])?.compactMap { $0["by"] as? String } == ["rules.combine"])
    }

    @Test func templateRoundTripsThroughEvaluate() throws {
        let template = try runCoprod(["template", "involvement-audit"])
        #expect(template.status == 0)
        let header = template.standardOutput.trimmingCharacters(in: .newlines)
        let columns = header.split(separator: ",", omittingEmptySubsequences: false)
        #expect(columns.prefix(5) == ["organisation", "respondent", "role", "date", "assets.1"])
        // Fill every scored column with 4 and every free-text column with a word.
        let row = columns.map { column -> String in
            switch column {
            case "organisation": return "Round Trip"
            case "respondent", "role", "date": return ""
            default: return column.hasSuffix(".reflect") || column.hasSuffix(".action") ? "words" : "4"
            }
        }.joined(separator: ",")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("template-\(UUID()).csv")
        try Data((header + "\n" + row + "\n").utf8).write(to: file)
        let result = try runCoprod(["evaluate", "involvement-audit", file.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            organisation,respondents,overall,passed,answered,expected,assets,networks,outcomes,relationships,catalysts,failures,warnings
            Round Trip,1,4,yes,15,15,4,4,4,4,4,0,0

            """)
        let json = try runCoprod(["template", "quality-standards", "--format", "json"])
        #expect(json.standardOutput.contains("\"equality.1.survey\": \"\""))
    }

    @Test func evaluateRejectsOffScaleRowsAndGoesOn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("offscale-\(UUID()).csv")
        try Data("organisation,assets.1\nGood,4\nBad,six\n".utf8).write(to: file)
        let result = try runCoprod(["evaluate", "involvement-audit", file.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(file.path) row 3, column B 'assets.1': 'six' is not on the 1-5 scale (accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)"))
        #expect(result.standardError.contains("2 rows read: 1 evaluated for 1 organisation, 1 rejected"))
        #expect(result.standardOutput.contains("\"organisation\": \"Good\""))
    }

    @Test func unknownColumnsWarnOrFailWithStrict() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-\(UUID()).csv")
        try Data("organisation,assets.1,favourite colour\nA,4,blue\n".utf8).write(to: file)
        let warned = try runCoprod(["evaluate", "involvement-audit", file.path])
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("column C 'favourite colour' is not part of involvement-audit (ignored"))
        let strict = try runCoprod(["evaluate", "involvement-audit", file.path, "--strict"])
        #expect(strict.status == 2)
        // Empty columns past the last one used, as spreadsheets export them: one warning for
        // all, and not refused with --strict.
        try Data("organisation,assets.1,,\r\nA,4,,\r\n".utf8).write(to: file)
        for options in [[], ["--strict"]] {
            let empty = try runCoprod(["evaluate", "involvement-audit", file.path, "--format", "csv"] + options)
            #expect(empty.status == 0, "\(empty.standardError)")
            #expect(empty.standardError.split(separator: "\n").filter { $0.contains("warning") }
                == ["coprod: warning: \(file.path): columns C, D have no header (ignored)"], "\(empty.standardError)")
        }
    }

    /// JSON has keys, not columns: they are named as they are, and with --strict a respondent
    /// with an unknown key is rejected saying so.
    @Test func unknownJSONKeysWarnOrRejectWithStrict() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"[{"organisation": "A", "assets.1": 4, "favourite colour": "blue"}, {"organisation": "B", "assets.1": 2}]"#.utf8).write(to: file)
        let warned = try runCoprod(["evaluate", "involvement-audit", file.path])
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("\(file.path): key 'favourite colour' is not part of involvement-audit (ignored"))
        let strict = try runCoprod(["evaluate", "involvement-audit", file.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("\(file.path) item 1 (line 1, column 39): key 'favourite colour' is not part of involvement-audit (refused with --strict"),
                "\(strict.standardError)")
    }

    @Test func frameworkErrorsNameTheFileAndLineAndExitTwo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID()).lua")
        try Data("return framework {\n  id = 'x', title = 'X',\n  section 'a' { titel = 'A' },\n}\n".utf8).write(to: file)
        let result = try runCoprod(["show", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("coprod: \(file.path):3: section 'a': unknown field 'titel'"))
        // A setting of the wrong type is an error, not quietly the default.
        let wrongTypeDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("below-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: wrongTypeDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: wrongTypeDirectory) }
        let wrongType = wrongTypeDirectory.appendingPathComponent("x.lua")
        try Data("return framework {\n  id = 'x', title = 'X', below = '3',\n  section 'a' { title = 'A' },\n}\n".utf8).write(to: wrongType)
        let typed = try runCoprod(["show", wrongType.path])
        #expect(typed.status == 2)
        #expect(typed.standardError == "coprod: \(wrongType.path):2: framework 'x': 'below' must be a number (got string)\n")
        try Data("return framework {\n  id = 'x', title = 'X',\n  section 'a' { title = 'A', below = true },\n}\n".utf8).write(to: wrongType)
        let inSection = try runCoprod(["show", wrongType.path])
        #expect(inSection.status == 2)
        #expect(inSection.standardError == "coprod: \(wrongType.path):3: section 'a': 'below' must be a number (got boolean)\n")
        let missing = try runCoprod(["show", "no-such-framework"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no framework 'no-such-framework': give a built-in id"))
        let misspelt = try runCoprod(["show", "involvment-audit"])
        #expect(misspelt.status == 2)
        #expect(misspelt.standardError.contains("no framework 'involvment-audit' (did you mean 'involvement-audit'?): give a built-in id"))
        // A COPROD_PATH folder that has gone is named where the framework is not found.
        let notFolder = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-folder-\(UUID())").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: notFolder))
        defer { try? FileManager.default.removeItem(atPath: notFolder) }
        let stale = try runCoprod(["show", "my-area"], environment: ["COPROD_PATH": "/nonexistent/area:" + NSTemporaryDirectory() + ":" + notFolder])
        #expect(stale.status == 2)
        #expect(stale.standardError.hasSuffix("or a path to a .lua file (/nonexistent/area does not exist, \(notFolder) is not a folder: check COPROD_PATH)\n"))
    }

    /// A local area's own framework file: a misspelt rule stops it before any row is read, a rule
    /// that returns what its section cannot take or never ends rejects that organisation, each
    /// named at its line in the file.
    @Test func aLocalFrameworksRuleMistakesNameItsLine() throws {
        // A short directory: Lua shortens long file names in its messages.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func framework(_ id: String, rules: String) throws {
            let source = """
                return framework {
                  id = "\(id)", title = "Mini",
                  scale = ordinal { min = 1, max = 5 },
                  section "s" { title = "S", statement "s.1" "One", statement "s.2" "Two" },
                  rules = {
                \(rules)
                  },
                }

                """
            try Data(source.utf8).write(to: directory.appendingPathComponent("\(id).lua"))
        }
        try framework("misspelt", rules: "    section_scor = function() return 1 end,")
        try framework("purple", rules: """
                section_score = function(section, indicators)
                  if indicators[1].score == 2 then return "purple" end
                end,
            """)
        try framework("endless", rules: """
                section_score = function(section, indicators)
                  while indicators[1].score == 2 do end
                end,
            """)
        let input = directory.appendingPathComponent("mini.csv").path
        try Data("organisation,s.1,s.2\nAlpha,4,3\nBeta,2,2\n".utf8).write(to: URL(fileURLWithPath: input))
        let misspelt = try runCoprod(["evaluate", "misspelt", input, "--path", directory.path])
        #expect(misspelt.status == 2)
        #expect(misspelt.standardError == "coprod: \(directory.path)/misspelt.lua:6: framework 'misspelt': unknown rule 'section_scor': "
            + "did you mean 'section_score'? (accepted: combine, next_steps, section_score)\n")
        let purple = try runCoprod(["evaluate", "purple", input, "--path", directory.path, "--format", "csv"])
        #expect(purple.status == 1)
        #expect(purple.standardError.hasPrefix("coprod: Beta (\(input) row 3) not evaluated: \(directory.path)/purple.lua:6: "
            + "rules.section_score returned 'purple' for section 's', which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)\n"),
            "\(purple.standardError)")
        let endless = try runCoprod(["evaluate", "endless", input, "--path", directory.path, "--format", "csv", "--instruction-limit", "100000"])
        #expect(endless.status == 1)
        #expect(endless.standardError.hasPrefix("coprod: Beta (\(input) row 3) not evaluated: \(directory.path)/endless.lua:7: "
            + "instruction limit of 100000 reached: a loop that never ends is the usual cause; if the script is only long, "
            + "raise the limit with --instruction-limit (0: no limit)\n"), "\(endless.standardError)")
    }

    /// A file that cannot be read, or given twice, is named with why; a pipe (a shell's `<(…)`,
    /// or standard input as /dev/stdin) is read like a file.
    @Test func evaluateReadsAPipeAndSaysWhyAFileCannotBeRead() throws {
        let piped = try runCoprod(["evaluate", "involvement-audit", "/dev/stdin", "--format", "csv"],
                                  input: "organisation,assets.1,assets.2\nGood,4,\"Made a start\"\n")
        #expect(piped.status == 0, "\(piped.standardError)")
        // One respondent; assets 4 and "Made a start" (2), a mean of 3, the only section
        // answered, so overall 3 too; 2 of the audit's 15 statements answered.
        #expect(piped.standardOutput.split(separator: "\n").last?.hasPrefix("Good,1,3,yes,2,15,3,") == true, "\(piped.standardOutput)")
        #expect(piped.standardError.contains("coprod: 1 row read: 1 evaluated for 1 organisation, 0 rejected"))
        // A misspelt column is ignored with a warning that names the column it is closest to
        // (with no column of the framework's, the file would be refused: see InputMistakeTests).
        let misspelt = try runCoprod(["evaluate", "involvement-audit", "/dev/stdin", "--format", "csv"],
                                     input: "organisation,asset.1,colour,assets.2\nGood,4,red,3\n")
        #expect(misspelt.standardError.contains("/dev/stdin: column B 'asset.1' is not part of involvement-audit (ignored; did you mean 'assets.1'? `coprod template involvement-audit` lists the columns)"), "\(misspelt.standardError)")
        #expect(misspelt.standardError.contains("/dev/stdin: column C 'colour' is not part of involvement-audit (ignored; `coprod template involvement-audit` lists the columns)"))
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID()).csv").path
        let notFound = try runCoprod(["evaluate", "involvement-audit", missing])
        #expect(notFound.status == 2)
        #expect(notFound.standardError.contains("cannot read \(missing): No such file or directory"))
        let twice = try runCoprod(["evaluate", "involvement-audit", "Examples/involvement-audit.csv", "./Examples/involvement-audit.csv"])
        #expect(twice.status == 2)
        #expect(twice.standardError.contains("./Examples/involvement-audit.csv and Examples/involvement-audit.csv are the same file: its rows would be counted twice; give it once"))
        let folder = try runCoprod(["evaluate", "involvement-audit", "Examples"])
        #expect(folder.status == 2)
        #expect(folder.standardError.contains("Examples is a folder: give the files in it (for example Examples/*.csv)"))
        // UTF-16 with its byte-order mark, as Excel saves "Unicode Text": named as what it is,
        // where the header's first field alone would be "not valid UTF-8 text".
        let unicodeText = FileManager.default.temporaryDirectory.appendingPathComponent("unicode-\(UUID()).csv")
        try Data([0xFF, 0xFE, 0x6F, 0x00, 0x72, 0x00, 0x67, 0x00]).write(to: unicodeText)
        defer { try? FileManager.default.removeItem(at: unicodeText) }
        let utf16 = try runCoprod(["evaluate", "involvement-audit", unicodeText.path])
        #expect(utf16.status == 2)
        #expect(utf16.standardError.contains("\(unicodeText.path) is UTF-16 text (as Excel's \"Unicode Text\" saves), not UTF-8: save the sheet as CSV"), "\(utf16.standardError)")
        // JSON in UTF-16 is refused whole, by evaluate and batch alike, with how to convert it:
        // read as bytes, its lines came apart at the zero bytes, and a line it never had was rejected.
        let jsonLines = FileManager.default.temporaryDirectory.appendingPathComponent("unicode-\(UUID()).jsonl")
        let line = "{\"organisation\": \"X\", \"assets.1\": 4}\n"
        try Data(line.utf8.flatMap { [$0, 0] }).write(to: jsonLines)
        defer { try? FileManager.default.removeItem(at: jsonLines) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("unicode-out-\(UUID())")
        for arguments in [["evaluate", "involvement-audit", jsonLines.path], ["batch", "involvement-audit", jsonLines.path, "--out", out.path]] {
            let refused = try runCoprod(arguments)
            #expect(refused.status == 2)
            #expect(refused.standardError == "coprod: \(jsonLines.path) is UTF-16 text, not UTF-8: save it as UTF-8 "
                + "(for example with iconv -f UTF-16LE -t UTF-8 \(jsonLines.path) > NEW.jsonl)\n", "\(refused.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // JSON on standard input cannot be renamed to .jsonl: it is to be saved to a file.
        let pipedJSON = try runCoprod(["evaluate", "involvement-audit", "-"], input: line)
        #expect(pipedJSON.status == 2)
        #expect(pipedJSON.standardError.contains("coprod: standard input looks like JSON, but is read as CSV: save it to a file named .jsonl"), "\(pipedJSON.standardError)")
    }

    /// JSON Lines as batch reads them: a respondent per line, numbered by its line, blank lines
    /// (spaces, tabs, a carriage return) skipped; evaluate and batch give the same results and the same rejections.
    @Test func evaluateReadsJSONLinesAsBatchDoes() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("answers.jsonl").path
        let lines = [
            #"{"organisation": "Good", "assets.1": 4, "answers": {"assets.2": "Made a start"}}"#,
            " \t\r",
            "[1, 2]",
            #"{"organisation": "Bad", "assets.1": "six"}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let evaluated = try runCoprod(["evaluate", "involvement-audit", file, "--format", "csv"])
        #expect(evaluated.status == 1)
        // As from CSV above: assets 4 and 2, a mean of 3, the only section answered.
        #expect(evaluated.standardOutput.split(separator: "\n").last?.hasPrefix("Good,1,3,yes,2,15,3,") == true, "\(evaluated.standardOutput)")
        let offScale = "key 'assets.1': 'six' is not on the 1-5 scale"
        #expect(evaluated.standardError.contains("\(file) line 3: expected one respondent (an object), found an array of 2 items ([1,2])"), "\(evaluated.standardError)")
        #expect(evaluated.standardError.contains("\(file) line 4, \(offScale)"), "\(evaluated.standardError)")
        #expect(evaluated.standardError.contains("3 rows read: 1 evaluated for 1 organisation, 2 rejected"))
        let out = work.appendingPathComponent("out")
        let batch = try runCoprod(["batch", "involvement-audit", file, "--out", out.path, "--quiet"])
        #expect(batch.status == 1)
        #expect(try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8) == evaluated.standardOutput)
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 3)
        #expect(rejected[1] == "\(file),3,,,\"expected one respondent (an object), found an array of 2 items ([1,2])\"", "\(rejected)")
        #expect(rejected[2].hasPrefix("\(file),4,Bad,key 'assets.1',"), "\(rejected)")
    }

    /// Output lost to a full disk is an error (exit 2), not a success with a cut-off file; a long
    /// output stops at the first failed write.
    @Test func aFullDiskIsAnError() throws {
        for arguments in [["frameworks"], ["sample", "involvement-audit", "--orgs", "200000"]] {
            let process = Process()
            process.executableURL = coprodExecutable
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let error = Pipe()
            process.standardError = error
            try process.run()
            let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(arguments)")
            #expect(message == "coprod: cannot write to standard output: No space left on device\n", "\(arguments)")
        }
    }

    @Test func readmeMainCommandEvaluatesTheExample() throws {
        let result = try runCoprod(["evaluate", "involvement-audit", "Examples/involvement-audit.csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Riverside Carers Centre"))
        #expect(result.standardOutput.contains("  Catalysts      1.78"))
        // Free text under the section that asked for it: Riverside's catalysts reflection is
        // Amira's (staff), not part of Ben's answer on relationships to the same question.
        #expect(result.standardOutput.contains("""
              In their own words:
                Assets: What would help you to improve in this area?
                  \u{201C}Ask us before deciding\u{201D} — Ben, service user
                Networks: The five things which will help us to improve the most are:
                  \u{201C}Start a peer group\u{201D} — Ben, service user
                Relationships: What would help you to improve in this area?
                  \u{201C}Staff listen, but decisions are already made\u{201D} — Ben, service user
                Catalysts: What would help you to improve in this area?
                  \u{201C}Pay people for their time\u{201D} — Amira, staff

            """), "\(result.standardOutput)")
    }
}
