import Foundation
import Testing

/// `evaluate --organisation`: one organisation (or a few) out of a whole export.
@Suite("coprod evaluate --organisation", .timeLimit(.minutes(2)))
struct EvaluateOneOrganisationTests {
    let example = packageRoot.appendingPathComponent("Examples/involvement-audit.csv").path

    /// Hillside's two respondents, from Examples/involvement-audit.csv: assets 5, 5, 4 and 4, 5, 4
    /// average 4.5; the other organisations' rows are left aside and counted as such.
    @Test func onlyTheNamedOrganisationsAreEvaluated() throws {
        let one = try runCoprod(["evaluate", "involvement-audit", example, "--organisation", " Hillside Youth Forum ", "--format", "csv"])
        #expect(one.status == 0, "\(one.standardError)")
        let rows = one.standardOutput.split(separator: "\n").dropFirst()
        #expect(rows.map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == ["Hillside Youth Forum,2,4.2"])
        #expect(rows.first?.split(separator: ",")[6] == "4.5")
        #expect(one.standardError == "coprod: 6 rows read: 2 evaluated for 1 organisation, 0 rejected, 4 rows of other organisations left aside (--organisation)\n")
        let two = try runCoprod(["evaluate", "involvement-audit", example, "--organisation", "Hillside Youth Forum",
                                 "--organisation", "Riverside Carers Centre", "--format", "csv"])
        #expect(two.standardOutput.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } } == ["Riverside Carers Centre", "Hillside Youth Forum"])
    }

    @Test func anEmptyNameIsRefused() throws {
        let result = try runCoprod(["evaluate", "involvement-audit", example, "--organisation", " "])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --organisation needs a name, as the inputs give it.\n"), "\(result.standardError)")
    }

    /// A name no row has stops the run, with the name meant: typed in another case, or misspelt.
    @Test(arguments: [("hillside youth forum", "Hillside Youth Forum"), ("Hilside Youth Forum", "Hillside Youth Forum")])
    func aNameNoRowHasIsRefusedWithTheOneMeant(typed: String, meant: String) throws {
        let result = try runCoprod(["evaluate", "involvement-audit", example, "--organisation", typed])
        #expect(result.status == 2)
        #expect(result.standardError == "coprod: no organisation named '\(typed)' in \(example) (did you mean '\(meant)'?)\n")
    }
}
