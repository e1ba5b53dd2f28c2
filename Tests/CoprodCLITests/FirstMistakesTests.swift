import Foundation
import Testing

/// What a new user's first mistakes get told: what was wrong, and what to type instead.
@Suite("A new user's mistakes", .timeLimit(.minutes(2)))
struct FirstMistakesTests {
    static let rootUsage = "Usage: coprod <subcommand>\n  See 'coprod --help' for more information.\n"

    @Test(arguments: [
        (["evalute", "involvement-audit", "Examples/involvement-audit.csv"], "Unknown command 'evalute'. Did you mean 'evaluate'?"),
        (["bach"], "Unknown command 'bach'. Did you mean 'batch'?"),
        (["Merge"], "Unknown command 'Merge'. Did you mean 'merge'?"),
        (["involvement-audit", "Examples/involvement-audit.csv"],
         "Unknown command 'involvement-audit', which is a framework: give the command first, as in `coprod evaluate involvement-audit INPUT...`."),
        (["xyzzy"], "Unknown command 'xyzzy'."),
    ])
    func aMisspeltCommandGetsTheNearestOne(arguments: [String], message: String) async throws {
        let result = try await runCoprodConcurrently(arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "Error: \(message)\n" + Self.rootUsage)
    }

    /// Help, the version, and every command are still what they were.
    @Test func helpAndCommandsAreNotTakenForMistakes() async throws {
        let help = try await runCoprodConcurrently(["help", "evaluate"])
        #expect(help.status == 0)
        #expect(help.standardOutput.hasPrefix("OVERVIEW: Evaluate self-assessments"))
        let rootHelp = try await runCoprodConcurrently(["--help"])
        #expect(rootHelp.status == 0)
        #expect(rootHelp.standardOutput.hasPrefix("OVERVIEW: Write co-production quality frameworks"))
        let none = try await runCoprodConcurrently([])
        #expect(none.standardOutput == rootHelp.standardOutput)
        let version = try await runCoprodConcurrently(["--version"])
        #expect(version.standardOutput == "coprod 0.1.0\n")
        let frameworks = try await runCoprodConcurrently(["frameworks"])
        #expect(frameworks.status == 0)
    }

    static let evaluateUsage = """
        Usage: coprod evaluate <framework> [<inputs> ...] [--format <format>] [--strict] [--organisation <name> ...] [--path <dir> ...] [--memory-limit <MiB>] [--instruction-limit <count>]
          See 'coprod evaluate --help' for more information.

        """
    static let batchUsage = """
        Usage: coprod batch <framework> [<inputs> ...] --out <dir> [--jobs <n>] [--reports <format>] [--force] [--quiet] [--strict] [--path <dir> ...] [--memory-limit <MiB>] [--instruction-limit <count>]
          See 'coprod batch --help' for more information.

        """

    /// Show, template, sample and repl take a framework too, and are told the same; evaluate
    /// given the two the wrong way round gets an order to type that works.
    @Test(arguments: [
        (["show", "Examples/involvement-audit.csv"],
         "Examples/involvement-audit.csv looks like an input, not a framework: give a framework, as in `coprod show involvement-audit` (`coprod frameworks` lists them)."),
        (["template", "answers.json"],
         "answers.json looks like an input, not a framework: give a framework, as in `coprod template FRAMEWORK` (`coprod frameworks` lists them)."),
        (["sample", "Examples/quality-standards.csv", "--orgs", "5"],
         "Examples/quality-standards.csv looks like an input, not a framework: give a framework, as in `coprod sample quality-standards` (`coprod frameworks` lists them)."),
        (["repl", "Examples/involvement-audit.csv"],
         "Examples/involvement-audit.csv looks like an input, not a framework: give the framework first, as in `coprod repl involvement-audit Examples/involvement-audit.csv` (`coprod frameworks` lists them)."),
        (["evaluate", "Examples/involvement-audit.csv", "involvement-audit"],
         "Examples/involvement-audit.csv looks like an input, not a framework: give the framework first, as in `coprod evaluate involvement-audit Examples/involvement-audit.csv` (`coprod frameworks` lists them)."),
    ])
    func anInputWhereAnyCommandsFrameworkGoesIsNamed(arguments: [String], message: String) async throws {
        let result = try await runCoprodConcurrently(arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("Error: \(message)\nUsage: coprod \(arguments[0]) "), "\(result.standardError)")
    }

    /// A command that takes no inputs reads a file without an input's name as the framework, as
    /// it was given: a framework from a pipe, or copied without its .lua.
    @Test func aFrameworkFromAPipeIsStillAFramework() async throws {
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Frameworks/involvement-audit.lua"), encoding: .utf8)
        let piped = try await runCoprodConcurrently(["template", "/dev/stdin"], input: source)
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput.hasPrefix("organisation,respondent,role,date,assets.1,"))
    }

    /// The framework forgotten: the input is named as what it is, with the order to type.
    @Test(arguments: [
        (["evaluate", "Examples/involvement-audit.csv"],
         "Examples/involvement-audit.csv looks like an input, not a framework: give the framework first, as in `coprod evaluate involvement-audit Examples/involvement-audit.csv` (`coprod frameworks` lists them).",
         evaluateUsage),
        (["evaluate", "Examples/involvement-audit.csv", "Examples/quality-standards.csv", "--format", "csv"],
         "Examples/involvement-audit.csv looks like an input, not a framework: give the framework first, as in `coprod evaluate involvement-audit Examples/involvement-audit.csv Examples/quality-standards.csv` (`coprod frameworks` lists them).",
         evaluateUsage),
        (["evaluate", "answers.jsonl"],
         "answers.jsonl looks like an input, not a framework: give the framework first, as in `coprod evaluate FRAMEWORK answers.jsonl` (`coprod frameworks` lists them).",
         evaluateUsage),
        // A file that exists, whatever its name, when nothing follows it.
        (["evaluate", "Package.swift"],
         "Package.swift looks like an input, not a framework: give the framework first, as in `coprod evaluate FRAMEWORK Package.swift` (`coprod frameworks` lists them).",
         evaluateUsage),
        (["batch", "Examples/quality-standards.csv", "--out", "results"],
         "Examples/quality-standards.csv looks like an input, not a framework: give the framework first, as in `coprod batch quality-standards Examples/quality-standards.csv --out results` (`coprod frameworks` lists them).",
         batchUsage),
        // A framework with no inputs is still told to give one.
        (["evaluate", "involvement-audit"],
         "Give at least one input file (see `coprod template involvement-audit` for the columns).", evaluateUsage),
        (["evaluate", "Examples/audit-averages.lua"],
         "Give at least one input file (see `coprod template Examples/audit-averages.lua` for the columns).", evaluateUsage),
        (["batch", "involvement-audit", "--out", "results"], "Give at least one input file.", batchUsage),
    ])
    func anInputWhereTheFrameworkGoesIsNamed(arguments: [String], message: String, usage: String) async throws {
        let result = try await runCoprodConcurrently(arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "Error: \(message)\n" + usage)
    }

    /// `-` is standard input for evaluate, which reads it whole, as CSV as any pipe.
    @Test func evaluateReadsStandardInputAsDash() async throws {
        let csv = try String(contentsOf: packageRoot.appendingPathComponent("Examples/involvement-audit.csv"), encoding: .utf8)
        let dash = try await runCoprodConcurrently(["evaluate", "involvement-audit", "-", "--format", "csv"], input: csv)
        let file = try await runCoprodConcurrently(["evaluate", "involvement-audit", "Examples/involvement-audit.csv", "--format", "csv"])
        #expect(dash.status == 0)
        #expect(dash.standardOutput == """
            organisation,respondents,overall,passed,answered,expected,assets,networks,outcomes,relationships,catalysts,failures,warnings
            Riverside Carers Centre,3,2.6444,yes,15,15,3,2,3,3.4444,1.7778,0,0
            Hillside Youth Forum,2,4.2,yes,15,15,4.5,4.3333,3.8333,4.5,3.8333,0,0
            Dale Community Trust,1,2.1333,yes,15,15,2,2.3333,1.6667,3,1.6667,0,0

            """)
        #expect(dash.standardOutput == file.standardOutput)
        #expect(dash.standardError == "coprod: 6 rows read: 6 evaluated for 3 organisations, 0 rejected\n")
    }

    /// A batch reads each input twice, which standard input cannot be: said as for a pipe.
    @Test func batchSaysToSaveStandardInputFirst() async throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let result = try await runCoprodConcurrently(["batch", "involvement-audit", "-", "--out", out], input: "organisation\n")
        #expect(result.status == 2)
        #expect(result.standardError == "coprod: - is standard input: a batch reads each input twice, so save it to a file first (for example with > assessments.csv) and give that\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A limit reached is said in the unit it was given in, with the option that raises it.
    @Test func aLimitReachedNamesTheOptionThatRaisesIt() async throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("loopy.csv").path
        try Data("organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect\nLoopy,staff,2,2,2,2,2,2,\n".utf8)
            .write(to: URL(fileURLWithPath: input))
        let fixture = "Tests/CoprodCLITests/Fixtures/mini-audit.lua"
        let looping = try await runCoprodConcurrently(["evaluate", fixture, input, "--instruction-limit", "2000000"])
        #expect(looping.status == 1)
        #expect(looping.standardError == """
            coprod: Loopy (\(input) row 2) not evaluated: \(fixture):21: instruction limit of 2000000 reached: a loop that never ends is the usual cause; if the script is only long, raise the limit with --instruction-limit (0: no limit)
            coprod: 1 row read: 0 evaluated for 0 organisations, 1 rejected

            """)
        // The same framework, with Loopy's rule filling memory instead.
        let hungryDirectory = directory.appendingPathComponent("hungry")
        try FileManager.default.createDirectory(at: hungryDirectory, withIntermediateDirectories: true)
        let hungry = hungryDirectory.appendingPathComponent("mini-audit.lua")
        let source = try String(contentsOf: packageRoot.appendingPathComponent(fixture), encoding: .utf8)
            .replacingOccurrences(of: "then while true do end end", with: "then local s = 'x' while true do s = s .. s end end")
        try Data(source.utf8).write(to: hungry)
        let filling = try await runCoprodConcurrently(["evaluate", hungry.path, input, "--memory-limit", "16"])
        #expect(filling.status == 1)
        let lines = filling.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("coprod: Loopy (\(input) row 2) not evaluated: ") == true)
        #expect(lines.first?.hasSuffix("hungry/mini-audit.lua:21: memory limit of 16 MiB reached: a table or text that grows without end is the usual cause; if the script needs more, raise the limit with --memory-limit, in MiB (16 now; 0: no limit)") == true, "\(filling.standardError)")
        #expect(lines.dropFirst() == ["coprod: 1 row read: 0 evaluated for 0 organisations, 1 rejected", ""])
    }
}

extension FirstMistakesTests {
    /// Values a user may well type, each refused with what would be taken instead.
    @Test(arguments: [
        (["sample", "involvement-audit", "--seed", "-1"], "Error: --seed must be a whole number from 0 to 18446744073709551615 (got '-1')."),
        (["sample", "involvement-audit", "--seed", "abc"], "Error: --seed must be a whole number from 0 to 18446744073709551615 (got 'abc')."),
        (["batch", "involvement-audit", "Examples/involvement-audit.csv", "--out", ""], "Error: --out is empty: give the directory to write into."),
        (["merge", "results", "--out", ""], "Error: --out is empty: give the directory to write into."),
        (["evaluate", "involvement-audit.lua", "Examples/involvement-audit.csv"],
         "coprod: cannot open involvement-audit.lua: No such file or directory: to use the framework 'involvement-audit', give its id, without .lua"),
    ])
    func aValueThatCannotBeTakenSaysWhatWould(arguments: [String], message: String) async throws {
        let result = try await runCoprodConcurrently(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(message + "\n"), "\(result.standardError)")
    }

    /// The seed given as before still gives the same file: `--seed` reads its value as text now.
    @Test func aSeedGivesTheSameSampleAsBefore() async throws {
        let seven = try await runCoprodConcurrently(["sample", "mini-audit", "--path", "Tests/CoprodCLITests/Fixtures", "--orgs", "2", "--seed", "7"])
        let again = try await runCoprodConcurrently(["sample", "mini-audit", "--path", "Tests/CoprodCLITests/Fixtures", "--orgs", "2", "--seed", "7"])
        let other = try await runCoprodConcurrently(["sample", "mini-audit", "--path", "Tests/CoprodCLITests/Fixtures", "--orgs", "2", "--seed", "8"])
        #expect(seven.status == 0)
        #expect(seven.standardOutput == again.standardOutput)
        #expect(seven.standardOutput != other.standardOutput)
    }
}

extension FirstMistakesTests {
    /// `evaluate --format` says markdown where `batch --reports` says md: either takes both.
    @Test func markdownAndMdAreOneFormat() async throws {
        let long = try await runCoprodConcurrently(["evaluate", "involvement-audit", "Examples/involvement-audit.csv", "--format", "markdown"])
        let short = try await runCoprodConcurrently(["evaluate", "involvement-audit", "Examples/involvement-audit.csv", "--format", "md"])
        #expect(short.status == 0)
        #expect(short.standardOutput.hasPrefix("# Riverside Carers Centre\n"))
        #expect(short.standardOutput == long.standardOutput)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("markdown-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let batch = try await runCoprodConcurrently(["batch", "involvement-audit", "Examples/involvement-audit.csv", "--out", out.path,
                                                     "--reports", "markdown", "--quiet"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path).sorted()
        #expect(reports == ["Dale-Community-Trust.md", "Hillside-Youth-Forum.md", "Riverside-Carers-Centre.md"])
    }

    /// `show --format md` was refused, as the one command of the three not taking md; its help says so.
    @Test func showTakesMdAsEvaluateDoes() async throws {
        let long = try await runCoprodConcurrently(["show", "involvement-audit", "--format", "markdown"])
        let short = try await runCoprodConcurrently(["show", "involvement-audit", "--format", "md"])
        #expect(short.status == 0, "\(short.standardError)")
        #expect(short.standardOutput.hasPrefix("# Co-production "))
        #expect(short.standardOutput == long.standardOutput)
        let help = try await runCoprodConcurrently(["show", "--help"])
        let words = help.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--format <format> Output format: text (for a terminal), markdown or md (a document to share), json (for other tools)."),
                "\(help.standardOutput)")
    }
}
