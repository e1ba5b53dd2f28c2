import Foundation
import Testing

/// What a new user's first mistakes get told: what was wrong, and what to type instead.
@Suite("A new user's mistakes", .timeLimit(.minutes(1)))
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
    func aMisspeltCommandGetsTheNearestOne(arguments: [String], message: String) throws {
        let result = try runCoprod(arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "Error: \(message)\n" + Self.rootUsage)
    }

    /// Help, the version, and every command are still what they were.
    @Test func helpAndCommandsAreNotTakenForMistakes() throws {
        let help = try runCoprod(["help", "evaluate"])
        #expect(help.status == 0)
        #expect(help.standardOutput.hasPrefix("OVERVIEW: Evaluate self-assessments"))
        let rootHelp = try runCoprod(["--help"])
        #expect(rootHelp.status == 0)
        #expect(rootHelp.standardOutput.hasPrefix("OVERVIEW: Write co-production quality frameworks"))
        let none = try runCoprod([])
        #expect(none.standardOutput == rootHelp.standardOutput)
        let version = try runCoprod(["--version"])
        #expect(version.standardOutput == "coprod 0.1.0\n")
        let frameworks = try runCoprod(["frameworks"])
        #expect(frameworks.status == 0)
    }
}
