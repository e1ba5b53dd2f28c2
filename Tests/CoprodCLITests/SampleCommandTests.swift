import Foundation
import Testing

@Suite("coprod sample")
struct SampleCommandTests {
    /// The survey thresholds for bronze, silver and gold that the quality standards' document
    /// gives, for the three indicators that have a survey.
    static let thresholds = ["equality.1": [55, 70, 90], "respect.1": [55, 70, 90], "communication.2": [55, 75, 90]]
    static let tiers = ["none", "bronze", "silver", "gold"]

    @Test func aTieredIndicatorsColumnsTellOneStory() throws {
        let sample = try runCoprod(["sample", "quality-standards", "--orgs", "200", "--respondents", "1", "--seed", "3"])
        #expect(sample.status == 0)
        // No field is quoted, so splitting on commas reads the file.
        #expect(!sample.standardOutput.contains("\""))
        let lines = sample.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let indicators = header.compactMap { $0.hasSuffix(".bronze") ? String($0.dropLast(".bronze".count)) : nil }
        #expect(indicators.count == 36)
        #expect(Set(header.filter { $0.hasSuffix(".survey") }) == Set(Self.thresholds.keys.map { $0 + ".survey" }))
        #expect(lines.count == 201)

        var declaredAsSupported = 0, overclaimed = 0
        for fields in lines.dropFirst() {
            try #require(fields.count == header.count)
            func value(_ column: String) throws -> String { fields[try #require(header.firstIndex(of: column))] }
            for id in indicators {
                // Criteria are met up to a tier and not above it: never "gold" without "silver".
                let criteria = try ["bronze", "silver", "gold"].map { try value("\(id).\($0)") }
                let met = criteria.prefix { $0 == "yes" }.count
                #expect(criteria.dropFirst(met).allSatisfy { $0 == "no" }, "\(fields[0]) \(id): \(criteria)")
                // The survey figure is at least the threshold of the tier met, under the next one's.
                if let bands = Self.thresholds[id], let survey = Int(try value("\(id).survey")) {
                    #expect(met == 0 || survey >= bands[met - 1], "\(fields[0]) \(id): \(survey)% with \(met) tiers met")
                    #expect(met == 3 || survey < bands[met], "\(fields[0]) \(id): \(survey)% with \(met) tiers met")
                }
                // The tier declared is the one met, or one above it.
                let declared = try value(id)
                if declared.isEmpty { continue }
                let index = try #require(Self.tiers.firstIndex(of: declared))
                if index == met { declaredAsSupported += 1 } else if index == met + 1 { overclaimed += 1 } else {
                    Issue.record("\(fields[0]) \(id): \(declared) declared with \(met) tiers met")
                }
            }
        }
        // One in seven or so of those below gold claims the next tier up.
        let share = Double(overclaimed) / Double(declaredAsSupported + overclaimed)
        #expect(share > 0.05 && share < 0.2, "\(overclaimed) over-claimed of \(declaredAsSupported + overclaimed)")

        // The evaluator reads the same story: no criteria out of order, and one warning for each
        // tier declared above the evidence.
        let evaluation = try runCoprod(["evaluate", "quality-standards", "/dev/stdin"], input: sample.standardOutput)
        #expect(evaluation.status == 0)
        #expect(!evaluation.standardOutput.contains("tiers are cumulative"))
        #expect(evaluation.standardOutput.components(separatedBy: " declared, but the evidence supports ").count - 1 == overclaimed)
    }

    /// Each option is checked on its own, and only the wrong one is named.
    @Test(arguments: [
        (["--orgs", "-1"], "--orgs must be 0 or more (got -1)."),
        (["--orgs", "1e5"], "The value '1e5' is invalid for '--orgs <orgs>': give a whole number of organisations, 0 or more\n"
            + "Help:  --orgs <orgs>  How many organisations. (default: 10)"),
        (["--respondents", "0"], "--respondents must be 1 or more (got 0)."),
        (["--orgs", "2", "--respondents", "-3"], "--respondents must be 1 or more (got -3)."),
        (["--roles", ""], "--roles needs at least one role name, such as 'staff,service user,carer'."),
        (["--roles", " "], "--roles needs at least one role name, such as 'staff,service user,carer'."),
        (["--roles", "staff,,carer"], "--roles has an empty role name in 'staff,,carer': give names separated by commas, such as 'staff,service user,carer'."),
        (["--roles", "staff, "], "--roles has an empty role name in 'staff, ': give names separated by commas, such as 'staff,service user,carer'."),
    ])
    func wrongOptionsAreNamedOneByOne(options: [String], message: String) throws {
        let result = try runCoprod(["sample", "involvement-audit"] + options)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            Error: \(message)
            Usage: coprod sample <framework> [--orgs <orgs>] [--respondents <respondents>] [--roles <roles>] [--seed <seed>] [--path <dir> ...] [--memory-limit <MiB>] [--instruction-limit <count>]
              See 'coprod sample --help' for more information.

            """)
    }

    @Test func rolesAreTrimmedAndGivenInTurn() throws {
        let result = try runCoprod(["sample", "involvement-audit", "--orgs", "1", "--roles", " staff , carer"])
        #expect(result.status == 0)
        let roles = result.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(roles == ["staff", "carer", "staff"])
    }

    @Test func theSameSeedGivesTheSameFile() throws {
        let first = try runCoprod(["sample", "quality-standards", "--orgs", "20", "--seed", "4"])
        let again = try runCoprod(["sample", "quality-standards", "--orgs", "20", "--seed", "4"])
        let other = try runCoprod(["sample", "quality-standards", "--orgs", "20", "--seed", "5"])
        #expect(first.status == 0)
        #expect(first.standardOutput == again.standardOutput)
        #expect(first.standardOutput != other.standardOutput)
        // Three respondents each by default, after the header.
        #expect(first.standardOutput.split(separator: "\n").count == 61)
    }
}
