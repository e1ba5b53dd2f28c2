import Foundation
import Testing

@Suite("coprod repl", .timeLimit(.minutes(2)))
struct ReplTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
    /// River: staff 4,2,4 / 2,3,2 and service user 2,2,3 / 1,1,1. Hill: staff 5,5,5 / 4,4,4.
    let input = """
        organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect
        River,staff,4,Made a start,4,2,3,2,More peer work
        River,service user,2,2,3,1,1,1,
        Hill,staff,5,5,5,4,4,4,

        """

    private func inputFile() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repl-\(UUID()).csv")
        try Data(input.utf8).write(to: url)
        return url.path
    }

    @Test func pipedSessionPrintsValuesAndGoesOnAfterErrors() throws {
        let session = """
            1 + 1
            local t = {3, 2, 1, nested = {x = "y"}} t.self = t return t
            function double(n)
              return n * 2
            end
            double(21)
            error("on purpose")
            "still here"
            """
        let result = try runCoprod(["repl"], input: session)
        #expect(result.standardOutput == """
            2
            { 3, 2, 1, nested = { x = "y" }, self = <cycle> }
            42
            "still here"

            """)
        #expect(result.standardError == "stdin:7: on purpose\n")
        #expect(result.status == 1)
    }

    @Test func exploringAPIWithValuesWorkedByHand() throws {
        let file = try inputFile()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("weakest-\(UUID()).csv").path
        let session = """
            results
            results:bottom(1, "networks"):names()[1]
            results:get("River").sections.assets
            results:get("River").by_role.staff.networks
            results:compare("staff", "service user")[1].difference
            results:summary().networks.median
            #results:filter(function(r) return r.values.assets > 4 end)
            results:bottom(2, "networks"):write_csv("\(output)")
            """
        let result = try runCoprod(["repl", "mini-audit", file, "--path", fixtures], input: session)
        #expect(result.status == 0, "\(result.standardError)")
        // River assets: per statement means (3, 2, 3.5), mean 2.8333; staff networks (2+3+2)/3;
        // the staff / service-user gap on networks: 2.3333 - 1; medians of Hill 4 and River 1.6667
        // by nearest rank: the lower.
        #expect(result.standardOutput == """
            <results: 2 organisations: River, Hill>
            "River"
            2.8333333333333
            2.3333333333333
            1.3333333333333
            1.6666666666667
            1
            "\(output)"

            """)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == """
            organisation,overall,passed,assets,networks
            River,2.25,yes,2.8333,1.6667
            Hill,4.5,yes,5,4

            """)
    }

    /// Piped, the session is a script, and an error names its line in the whole input, commands
    /// and blank lines counted, as `lua < script` would; each chunk was once compiled on its own,
    /// so every error was at stdin:1. An error inside a function names the function's own line;
    /// a chunk over two lines that cannot be finished, its first, as lua(1) names `1 +` there.
    @Test func pipedErrorsNameTheLineOfTheInput() throws {
        let session = """
            x = 1
            y = 2
            results:top("x")
            function g()
              return nil + 1
            end
            :help keys

            g()
            error("boom")
            1 +
            )
            """
        let result = try runCoprod(["repl", "mini-audit", try inputFile(), "--path", fixtures], input: session)
        #expect(result.standardError == """
            stdin:3: top(n, section) takes how many first, then the section: got string
            stdin:5: attempt to perform arithmetic on a nil value
            stdin:10: boom
            stdin:11: unexpected symbol near '1'

            """)
        #expect(result.status == 1)
    }

    /// A file that cannot be read is named with why, at the line typed and not at the line of
    /// coprod's own code that read it; given on the command line, it has no line.
    @Test func anUnreadableInputIsNamedWhereItWasAskedFor() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID()).csv").path
        let typed = try runCoprod(["repl", "mini-audit", "--path", fixtures],
                                  input: "1 + 1\ncoprod.evaluate(framework, \"\(missing)\")\n")
        #expect(typed.standardError == "stdin:2: cannot read \(missing): No such file or directory\n")
        let given = try runCoprod(["repl", "mini-audit", missing, "--path", fixtures], input: "")
        #expect(given.status == 2)
        #expect(given.standardError == "coprod: cannot read \(missing): No such file or directory\n")
        let unknown = try runCoprod(["repl", "no-such-framework"], input: "")
        #expect(unknown.status == 2)
        #expect(unknown.standardError.hasPrefix("coprod: no framework 'no-such-framework': give a built-in id"))
    }

    /// A mistake in a call to the API is named at the line typed, not at a line of the API's own
    /// code (the REPL once ran an expression as a tail call, which left no frame for the line).
    @Test func mistakesInCallsAreNamedAtTheLineTyped() throws {
        let file = try inputFile()
        let result = try runCoprod(["repl", "mini-audit", file, "--path", fixtures],
                                   input: "results:bottom(1, \"nope\")\nresults:filter(3)\n#results -- a comment\n1 + 1;\nresults:compare(\"staff\", \"service users\")\nresults:top(1, \"network\")\n")
        // A role no organisation has (here a plural) would compare to an empty list: it is named,
        // with the one meant when it is a few typing mistakes away.
        #expect(result.standardError == """
            stdin:1: no section 'nope' (sections: assets, networks)
            stdin:2: filter takes a function(result) returning true or false
            stdin:5: no role 'service users' in these results: did you mean 'service user'? (roles: service user, staff)
            stdin:6: no section 'network': did you mean 'networks'? (sections: assets, networks)

            """)
        #expect(result.standardOutput == "2\n2\n")
    }

    /// A chunk that ends where more could follow continues on the next line, though as
    /// statements it fails at once (`1 +` is not a statement: "unexpected symbol near '1'").
    @Test func anUnfinishedExpressionContinuesOnTheNextLine() throws {
        let session = """
            1 +
            2
            (1 +
            2) * 3
            x = 4 *
            5
            x
            {1,
            2}
            1 + )
            "after"
            """
        let result = try runCoprod(["repl"], input: session)
        #expect(result.standardOutput == "3\n9\n20\n{ 1, 2 }\n\"after\"\n")
        #expect(result.standardError == "stdin:10: unexpected symbol near '1'\n")
        let unfinished = try runCoprod(["repl"], input: "1 + 1\n2 *\n")
        #expect(unfinished.standardOutput == "2\n")
        #expect(unfinished.standardError == "coprod: the input ended inside an unfinished chunk\n")
        #expect(unfinished.status == 1)
    }

    @Test func anUnfinishedExpressionPromptsForMoreOnATerminal() throws {
        let terminal = try PseudoTerminal(arguments: ["repl"], environment: ["HOME": FileManager.default.temporaryDirectory.path])
        defer { terminal.close() }
        #expect(terminal.waitFor("> "))
        terminal.type("6 *\r")
        #expect(terminal.waitFor(">> "), "\(terminal.transcript)")
        terminal.type("7\r")
        #expect(terminal.waitFor("42"), "\(terminal.transcript)")
        terminal.type(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func commandsWork() throws {
        let result = try runCoprod(["repl"], input: ":help\n:help api\n:nonsense\n:quit\n1 + 1\n")
        #expect(result.standardOutput.contains(":load FILE"))
        #expect(result.standardOutput.contains("results:compare(role_a, role_b)"))
        #expect(result.standardOutput.contains("results.rejected"))
        #expect(result.standardOutput.contains("or a function of a result giving the value to sort by"))
        #expect(!result.standardOutput.contains("\n2\n"))
        #expect(result.standardError.contains("unknown command :nonsense"))
    }

    /// `:frameworks` lists what `:show` can load, `--path` included, with where each comes from;
    /// a file that cannot be loaded is named with why, and the session goes on.
    @Test func frameworksCommandListsThePathToo() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: "\(fixtures)/mini-audit.lua", toPath: directory.appendingPathComponent("mini-audit.lua").path)
        try Data("return { id = 'broken'".utf8).write(to: directory.appendingPathComponent("broken.lua"))
        let result = try runCoprod(["repl", "--path", directory.path], input: ":frameworks\n1 + 1\n")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: "\t").first.map(String.init) ?? "" } == [
            "inclusive-practice", "involvement-audit", "project-checklist", "quality-standards", "trauma-responsive",
            "mini-audit", "2",
        ])
        #expect(lines.contains("involvement-audit\t5 sections, 15 indicators\tCo-production & Involvement Audit\tbuilt in"))
        #expect(lines.contains("mini-audit\t2 sections, 6 indicators\tMini audit\t\(directory.path)/mini-audit.lua"))
        #expect(result.standardError.hasPrefix("broken cannot be loaded: "))
        #expect(result.standardError.hasSuffix("broken.lua:1: '}' expected near <eof>\n"))
        #expect(result.status == 1)
    }

    /// One section and one indicator are counted as a sentence counts them, where the summary
    /// and `:frameworks` said "1 sections, 1 indicators".
    @Test func aFrameworkOfOneIsCountedInTheSingular() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("one.lua")
        try Data("""
            return framework {
              id = "one", title = "One", publisher = "coprod tests",
              scale = ordinal { min = 1, max = 2, labels = { "No", "Yes" } },
              section "only" { title = "Only", statement "only.1" "The one statement." },
            }
            """.utf8).write(to: file)
        let result = try runCoprod(["repl", "one", "--path", directory.path], input: "framework\n:frameworks\n")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "<framework one: One, 1 section, 1 indicator>")
        #expect(lines.last == "one\t1 section, 1 indicator\tOne\t\(file.path)")
    }

    @Test func limitsApplyInTheRepl() throws {
        let result = try runCoprod(["repl", "--instruction-limit", "1000000"], input: "while true do end\n'after'\n")
        #expect(result.standardError.contains("instruction limit of 1000000 reached"))
        #expect(result.standardOutput == "\"after\"\n")
    }

    @Test func terminalSessionCompletesAndSurvivesControlC() throws {
        let terminal = try PseudoTerminal(arguments: ["repl", "mini-audit", try inputFile(), "--path", fixtures],
                                          environment: ["HOME": FileManager.default.temporaryDirectory.path])
        defer { terminal.close() }
        #expect(terminal.waitFor("> "))
        terminal.type("while true do end\r")
        #expect(terminal.waitFor("while true do end"))
        Thread.sleep(forTimeInterval: 0.5)
        terminal.interrupt()
        #expect(terminal.waitFor("interrupted"), "\(terminal.transcript)")
        terminal.type("6 * 7\r")
        #expect(terminal.waitFor("42"))
        // Tab completes a global, then a method; running the line shows what was completed.
        terminal.type("resu\t\r")
        #expect(terminal.waitFor("<results: 2 organisations: River, Hill>"), "\(terminal.transcript)")
        terminal.type("results:bott\t(1, 'assets'):names()[1]\r")
        #expect(terminal.waitFor("\"River\""), "\(terminal.transcript)")
        // A field of a table.
        terminal.type("coprod.insp\t(results:get('Hill'), {full = true}):match('organisation = \"(%a+)\"')\r")
        #expect(terminal.waitFor("\"Hill\""), "\(terminal.transcript)")
        // Two Ctrl-Cs at an empty prompt leave.
        terminal.interrupt()
        #expect(terminal.waitFor("Ctrl-C again"))
        terminal.interrupt()
        #expect(terminal.waitForExit() == 0)
    }

    @Test func quitLeavesTheTerminalSession() throws {
        let terminal = try PseudoTerminal(arguments: ["repl"], environment: ["HOME": FileManager.default.temporaryDirectory.path])
        defer { terminal.close() }
        #expect(terminal.waitFor("> "))
        terminal.type(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }
}

/// Runs coprod on a pseudo-terminal made by script(1) (util-linux), as in a person's terminal:
/// the terminal is the program's controlling terminal, so Ctrl-C sends SIGINT as it would.
final class PseudoTerminal: @unchecked Sendable {  // `seen` is guarded by `lock`
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var seen = ""

    init(arguments: [String], environment: [String: String]) throws {
        let command = ([coprodExecutable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", "stty cols 200; exec " + command.joined(separator: " "), "/dev/null"]
        process.currentDirectoryURL = packageRoot
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        merged["TERM"] = "xterm"
        process.environment = merged
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock {
                self.seen += String(decoding: data, as: UTF8.self)
                self.all += String(decoding: data, as: UTF8.self)
            }
        }
        try process.run()
    }

    /// Everything the terminal has shown.
    var transcript: String { lock.withLock { all } }
    private var all = ""

    func type(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Ctrl-C, typed.
    func interrupt() { type("\u{03}") }

    /// Waits until `text` has appeared since the last match, for up to five seconds.
    func waitFor(_ text: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let found = lock.withLock { () -> Bool in
                guard let range = seen.range(of: text) else { return false }
                seen = String(seen[range.upperBound...])
                return true
            }
            if found { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    func waitForExit() -> Int32 {
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? -1 : process.terminationStatus
    }

    func close() {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { process.terminate() }
    }
}
