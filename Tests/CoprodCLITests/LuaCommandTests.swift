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

    @Test func limitsExitOneAndNameTheLimit() throws {
        let loop = try runCoprod(["lua", "--instruction-limit", "5000000", "-e", "\nwhile true do end"])
        #expect(loop.status == 1)
        #expect(loop.standardError == "coprod: (command line):2: instruction limit of 5000000 reached (raise it with --instruction-limit)\n")
        let bomb = try runCoprod(["lua", "--memory-limit", "16", "-e", "local s = 'x' while true do s = s .. s end"])
        #expect(bomb.status == 1)
        #expect(bomb.standardError == "coprod: (command line):1: memory limit of 16 MiB reached (raise it with --memory-limit)\n")
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

    @Test func auditAveragesScriptRuns() throws {
        let result = try runCoprod(["lua", "Examples/audit-averages.lua"])
        #expect(result.status == 0, "\(result.standardError)")
        // Worked by hand from the seed's rule, sum / 3: Assets (4 + 3 + 4) / 3, Catalysts (1 + 2 + 2) / 3.
        #expect(result.standardOutput.contains("  Assets         3.67  Making progress\n"))
        #expect(result.standardOutput.contains("start with Catalysts, the lowest average (1.67)"))
    }

    private func temporaryScript(_ code: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-\(UUID()).lua")
        try code.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
