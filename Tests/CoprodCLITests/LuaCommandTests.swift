import Foundation
import Testing

@Suite("coprod lua, run as a user would", .timeLimit(.minutes(2)))
struct LuaCommandTests {
    @Test func evaluatesCode() throws {
        let result = try runCoprod(["lua", "-e", "print(6 * 7)"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "42\n")
        #expect(result.standardError == "")
    }

    @Test func runsAScriptWithArguments() throws {
        let script = try temporaryScript("print(arg[0], select('#', ...), ...)\nprint(arg[1], arg[2])")
        let result = try runCoprod(["lua", script, "Cardiff", "--not-an-option"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(script)\t2\tCardiff\t--not-an-option\nCardiff\t--not-an-option\n")
    }

    /// `-` reads the script from standard input, as `lua -` does, naming it `stdin` in errors.
    @Test func dashReadsTheScriptFromStandardInput() throws {
        let result = try runCoprod(["lua", "-", "Cardiff"], input: "print(arg[0], ...)\nlocal x\nprint(x.y)\n")
        #expect(result.status == 1)
        #expect(result.standardOutput == "-\tCardiff\n")
        #expect(result.standardError.hasPrefix("coprod: stdin:3: attempt to index a nil value (local 'x')\n"))
    }

    @Test func errorPrintsScriptLineAndMessage() throws {
        let script = try temporaryScript("local x = 1\n\nerror('the score is missing')\n")
        let result = try runCoprod(["lua", script])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("coprod: \(script):3: the score is missing\n"))
        #expect(result.standardError.contains("stack traceback:"))
    }

    @Test func syntaxErrorNamesTheLine() throws {
        let script = try temporaryScript("local ok = true\nif ok then\n  print('x'\nend\n")
        let result = try runCoprod(["lua", script])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("coprod: \(script):4: ')' expected (to close '(' at line 3) near 'end'"))
    }

    @Test func limitsExitOneAndNameTheLimitTheUsualCauseAndTheOptionThatRaisesIt() throws {
        let loop = try runCoprod(["lua", "--instruction-limit", "5000000", "-e", "\nwhile true do end"])
        #expect(loop.status == 1)
        #expect(loop.standardError == "coprod: (command line):2: instruction limit of 5000000 reached: "
            + "a loop that never ends is the usual cause; if the script is only long, "
            + "raise the limit with --instruction-limit (0: no limit)\n")
        let bomb = try runCoprod(["lua", "--memory-limit", "16", "-e", "local s = 'x' while true do s = s .. s end"])
        #expect(bomb.status == 1)
        #expect(bomb.standardError == "coprod: (command line):1: memory limit of 16 MiB reached: "
            + "a table or text that grows without end is the usual cause; if the script needs more, "
            + "raise the limit with --memory-limit, in MiB (16 now; 0: no limit)\n")
    }

    @Test func defaultLimitsStopARunawayScriptWithinSeconds() throws {
        let started = Date()
        let result = try runCoprod(["lua", "-e", "while true do pcall(function() while true do end end) end"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("instruction limit of 1000000000 reached"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func standardSemanticsScriptPasses() throws {
        let result = try runCoprod(["lua", "Tests/LuaHostTests/Lua/standard-semantics.lua"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("checks passed\n"))
    }

    @Test func requireUsesPathAndEnvironment() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "return 'local rules'".write(to: directory.appendingPathComponent("rules.lua"), atomically: true, encoding: .utf8)
        let viaOption = try runCoprod(["lua", "--path", directory.path, "-e", "print((require 'rules'))"])
        #expect(viaOption.standardOutput == "local rules\n")
        let viaEnvironment = try runCoprod(["lua", "-e", "print((require 'rules'))"], environment: ["COPROD_PATH": directory.path])
        #expect(viaEnvironment.standardOutput == "local rules\n")
        let escape = try runCoprod(["lua", "--path", directory.path, "-e", "require '../rules'"])
        #expect(escape.status == 1)
        #expect(escape.standardError.contains("module name '../rules' is not allowed"))
    }

    @Test func usageErrorsExitTwo() throws {
        let nothing = try runCoprod(["lua"])
        #expect(nothing.status == 2)
        #expect(nothing.standardError.contains("Give a script to run, or code with -e."))
        let missing = try runCoprod(["lua", "no-such-script.lua"])
        #expect(missing.status == 2)
        #expect(missing.standardError == "coprod: cannot open no-such-script.lua: No such file or directory\n")
        let unknown = try runCoprod(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func helpAndVersion() throws {
        let help = try runCoprod(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: coprod <subcommand>"))
        #expect(help.standardOutput.contains("lua"))
        let luaHelp = try runCoprod(["lua", "--help"])
        #expect(luaHelp.standardOutput.contains("--instruction-limit"))
        #expect(luaHelp.standardOutput.contains("--memory-limit"))
        let version = try runCoprod(["--version"])
        #expect(version.standardOutput.hasPrefix("coprod 0."))
    }

    @Test func outputIsByteIdenticalBetweenRuns() throws {
        let code = "local t = {} for i = 1, 20 do t[i] = math.random(100) end print(table.concat(t, ' '))"
        let first = try runCoprod(["lua", "-e", code])
        let second = try runCoprod(["lua", "-e", code])
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }

    /// The script example `coprod lua --help` gives, run as it is shown there.
    @Test func helpExampleRunsAsShown() throws {
        let help = try runCoprod(["lua", "--help"]).standardOutput
        let example = try #require(help.split(separator: "\n").first { $0.contains("Examples/") })
        let words = example.split(separator: " ").map(String.init)
        #expect(words == ["coprod", "lua", "Examples/audit-averages.lua", "Examples/involvement-audit.csv"])
        let result = try runCoprod(Array(words.dropFirst()))
        #expect(result.status == 0, "\(result.standardError)")
        // Worked by hand from Examples/involvement-audit.csv: each statement's mean over the
        // organisation's respondents, then each principle's mean of its three statements. Riverside:
        // assets (10/3 + 7/3 + 10/3) / 3 = 3, networks (7/3 + 2 + 5/3) / 3 = 2, outcomes 27/9,
        // relationships 31/9, catalysts 16/9. Hillside: assets (4.5 + 5 + 4) / 3, networks (4 + 4.5 +
        // 4.5) / 3, outcomes and catalysts 11.5/3, relationships 13.5/3. Dale, one respondent: 6/3,
        // 7/3, 5/3, 9/3, 5/3. A label is the scale point's whose whole number the figure reaches.
        #expect(result.standardOutput == """
            Riverside Carers Centre: 3 respondents
              Assets         3.00  Making progress
              Networks       2.00  Made a start
              Outcomes       3.00  Making progress
              Relationships  3.44  Making progress
              Catalysts      1.78  No action yet
              Start with Catalysts: the lowest average (1.78).
            Hillside Youth Forum: 2 respondents
              Assets         4.50  Doing really well
              Networks       4.33  Doing really well
              Outcomes       3.83  Making progress
              Relationships  4.50  Doing really well
              Catalysts      3.83  Making progress
              Start with Outcomes and Catalysts: the lowest averages (3.83).
            Dale Community Trust: 1 respondent
              Assets         2.00  Made a start
              Networks       2.33  Made a start
              Outcomes       1.67  No action yet
              Relationships  3.00  Making progress
              Catalysts      1.67  No action yet
              Start with Outcomes and Catalysts: the lowest averages (1.67).

            """)
        let one = try runCoprod(["lua", "Examples/audit-averages.lua", "Examples/involvement-audit.csv", "Dale Community Trust"])
        #expect(one.standardOutput.hasPrefix("Dale Community Trust: 1 respondent\n"))
        #expect(one.standardOutput.split(separator: "\n").count == 7)
    }

    /// `require` finds coprod's own modules as well as those in --path and COPROD_PATH, and
    /// nothing else, as the help says.
    @Test func helpSaysWhereRequireLooks() throws {
        let help = try runCoprod(["lua", "--help"]).standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("require loads the modules built into coprod (such as coprod.results) and .lua files in the directories of --path and COPROD_PATH, which are searched first, and nothing else."))
        #expect(!help.contains("require only from"))
        let builtIn = try runCoprod(["lua", "-e", "print(type(require('coprod.results').new))"])
        #expect(builtIn.standardOutput == "function\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("frameworks"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "return 'ours'".write(to: directory.appendingPathComponent("frameworks/involvement-audit.lua"), atomically: true, encoding: .utf8)
        let first = try runCoprod(["lua", "--path", directory.path, "-e", "print((require 'frameworks.involvement-audit'))"])
        #expect(first.standardOutput == "ours\n")
        let elsewhere = try runCoprod(["lua", "-e", "require 'Examples.audit-averages'"])
        #expect(elsewhere.status == 1)
        #expect(elsewhere.standardError.contains("module 'Examples.audit-averages' not found"))
    }

    /// coprod.evaluate says what `coprod evaluate` says of an input, on standard error and in its
    /// words, so a script's output is its own; it once printed rejections to standard output and
    /// said nothing of a misspelt column. The rejected rows are the script's, on the collection.
    @Test func evaluateReportsInputProblemsOnStandardErrorAndKeepsTheRejectedRows() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("answers.csv").path
        try Data("organisation,role,assets.1,asset.2\nRiver,staff,4,3\nHill,staff,9,2\n".utf8).write(to: URL(fileURLWithPath: input))
        let script = try temporaryScript("""
            local r = coprod.evaluate("involvement-audit", arg[1])
            print(#r, #r.rejected)
            local row = r.rejected[1]
            print(row.file == arg[1], row.row, row.organisation, row.column, row.reason)
            """)
        let result = try runCoprod(["lua", script, input])
        #expect(result.status == 0, "\(result.standardError)")
        let accepted = "a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer"
        #expect(result.standardOutput == "1\t1\ntrue\t3\tHill\tC 'assets.1'\t'9' is not on the 1-5 scale (accepted: \(accepted))\n")
        #expect(result.standardError == """
            coprod: warning: \(input): column D 'asset.2' is not part of involvement-audit (ignored; did you mean 'assets.2'? `coprod template involvement-audit` lists the columns)
            coprod: \(input) row 3, column C 'assets.1': '9' is not on the 1-5 scale (accepted: \(accepted))

            """)
        // The same when the REPL evaluates the inputs it is given, where `results` keeps them.
        let repl = try runCoprod(["repl", "involvement-audit", input], input: "#results.rejected\nresults.rejected[1].message\n")
        #expect(repl.standardOutput == "1\n\"\(input) row 3, column C 'assets.1': '9' is not on the 1-5 scale (accepted: \(accepted))\"\n")
        #expect(repl.standardError == result.standardError)
    }

    /// A framework's rule that fails for one organisation rejects that organisation, as
    /// `coprod evaluate` does, and the script gets the others; one file given twice is refused.
    @Test func evaluateRejectsAnOrganisationWhoseRuleFailsAndGoesOn() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            return framework { id = "boom", title = "Boom", scale = ordinal { min = 1, max = 5 },
              section "a" { title = "A", statement "a.1" "One" },
              rules = { section_score = function(section, indicators)
                if indicators[1].score == 5 then error("five is not believable") end
                return 2 end } }

            """.utf8).write(to: directory.appendingPathComponent("boom.lua"))
        let input = directory.appendingPathComponent("in.csv").path
        try Data("organisation,a.1\nAcme,5\nBeta,3\n".utf8).write(to: URL(fileURLWithPath: input))
        let script = try temporaryScript("""
            local r = coprod.evaluate("boom", arg[1])
            print(#r, r[1].organisation, #r.rejected, r.rejected[1].organisation, r.rejected[1].reason)
            """)
        let result = try runCoprod(["lua", "--path", directory.path, script, input])
        #expect(result.status == 0, "\(result.standardError)")
        let reason = "\(directory.path)/boom.lua:4: five is not believable"
        #expect(result.standardOutput == "1\tBeta\t1\tAcme\t\(reason)\n")
        #expect(result.standardError == "coprod: Acme (\(input) row 2) not evaluated: \(reason)\n")
        let twice = try runCoprod(["lua", "--path", directory.path, try temporaryScript("coprod.evaluate('boom', arg[1], arg[1])"), input])
        #expect(twice.status == 1)
        #expect(twice.standardError.contains("\(input) is given twice: its rows would be counted twice; give it once"), "\(twice.standardError)")
    }

    private func temporaryScript(_ code: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-\(UUID()).lua")
        try code.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
