import CoprodCore
import CoprodIO
import Testing

/// Cases worked out by hand from seed 002: "calculate your average score by adding up your
/// individual scores and dividing them by 3", scores 1-5 with the five column labels.
@Suite("Co-production & Involvement Audit (seed 002)")
struct InvolvementAuditTests {
    let framework: Framework
    init() throws { framework = try loadFramework("involvement-audit").0 }

    @Test func fiveprinciplesOfThreeStatements() {
        #expect(framework.sections.map(\.title) == ["Assets", "Networks", "Outcomes", "Relationships", "Catalysts"])
        #expect(framework.indicators.count == 15)
        #expect(framework.sections.allSatisfy { $0.indicators.count == 3 })
        #expect(framework.indicators.first?.text == "You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.")
    }

    @Test func averagesAreSumOverThreeWithLabelsAsText() throws {
        let (results, read) = try evaluate(framework, csv: """
            organisation,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3
            Labels,Making progress,made a start,DOING REALLY WELL,No action yet,Doing as well as you can,3
            """)
        #expect(read.rejected.isEmpty)
        // (3 + 2 + 4) / 3 = 3; (1 + 5 + 3) / 3 = 3.
        #expect(results[0].section("assets")?.score == .number(3))
        #expect(results[0].section("networks")?.score == .number(3))
        #expect(results[0].section("outcomes")?.score == Score.none)
        #expect(results[0].answered == 6)
        #expect(results[0].expected == 15)
    }

    @Test func exampleOrganisationsWorkedByHand() throws {
        let (results, read) = try evaluate(framework, csv: try example("involvement-audit.csv"))
        #expect(read.rejected.isEmpty)
        #expect(results.map(\.organisation) == ["Riverside Carers Centre", "Hillside Youth Forum", "Dale Community Trust"])
        let riverside = results[0]
        // Statement means over staff, service user and carer: (4+3+3)/3, (3+2+2)/3, (4+3+3)/3;
        // their average (10/3 + 7/3 + 10/3) / 3 = 3.
        #expect(approximately(riverside.section("assets")?.score, 3))
        // The carer answered in words: Making progress, Made a start, Making progress = 8/3.
        #expect(approximately(riverside.section("assets")?.byRole["carer"], 8.0 / 3))
        // Catalysts: staff (3+2+2)/3, service user (1+2+1)/3, carer (2+2+1)/3 -> (7+4+5)/9.
        #expect(approximately(riverside.section("catalysts")?.score, 16.0 / 9))
        // Relationships: staff 13/3 against service user 8/3 differ by 5/3, more than a quarter of
        // the 1-5 range; Catalysts' staff 7/3 against 4/3 differ by exactly 1, which is not more.
        #expect(riverside.gaps.map(\.sectionID) == ["relationships"])
        #expect(riverside.gaps.first.map { [$0.roles.0, $0.roles.1] } == ["service user", "staff"])
        #expect(riverside.nextSteps == ["Catalysts is the lowest (1.78). What would help you to improve in this area?"])
        let dale = results[2]
        #expect(dale.section("assets")?.score == .number(2))
        #expect(approximately(dale.section("outcomes")?.score, 5.0 / 3))
        #expect(dale.texts.map(\.id) == ["outcomes.reflect", "outcomes.action"])
        // Outcomes (2+1+2)/3 and Catalysts (2+2+1)/3 share the lowest score, 5/3.
        #expect(dale.nextSteps == ["Outcomes is joint lowest (1.67). What would help you to improve in this area?",
                                   "Catalysts is joint lowest (1.67). What would help you to improve in this area?"])
    }

    /// With one principle scored, its prompt is still the next step, but it is not "the lowest".
    @Test func oneSectionScoredIsNotCalledTheLowest() throws {
        let (results, _) = try evaluate(framework, csv: "organisation,assets.1,assets.2,assets.3\nOnly,4,4,3\n")
        #expect(results[0].nextSteps == ["Assets is the only section scored (3.67). What would help you to improve in this area?"])
    }

    @Test func offScaleValueRejectsTheRowOnly() throws {
        let (results, read) = try evaluate(framework, csv: """
            organisation,assets.1,assets.2
            Good,4,5
            Bad,six,5
            """, file: "audit.csv")
        #expect(results.map(\.organisation) == ["Good"])
        #expect(read.rejected.map(\.description) == [
            "audit.csv row 3, column B 'assets.1': 'six' is not on the 1-5 scale (accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)",
        ])
    }

    /// A row with too few or too many fields is rejected with how many it has, in words.
    @Test func aRowWithTheWrongNumberOfFieldsSaysHowMany() throws {
        let (results, read) = try evaluate(framework, csv: "organisation,assets.1,assets.2\nGood,4,5\nLone\nLong,1,2,3\n", file: "audit.csv")
        #expect(results.map(\.organisation) == ["Good"])
        #expect(read.rejected.map(\.reason) == ["the row has 1 field but the header has 3", "the row has 4 fields but the header has 3"])
    }

    /// A blank line above the header is named as such; a byte-order mark inside a header name
    /// (files joined together) is not part of it; a long value is quoted by its start.
    @Test func invisibleMistakesAroundTheHeaderAndLongValuesAreNamed() throws {
        #expect(throws: InputError("audit.csv: the first line is blank, where the header should be (the column names, "
                                   + "`coprod template involvement-audit` shows them): delete the blank lines above it")) {
            try evaluate(framework, csv: "\norganisation,assets.1\nA,3\n", file: "audit.csv")
        }
        let (results, _) = try evaluate(framework, csv: "organisation\u{FEFF},\u{200B}assets.1\nA,3\n")
        #expect(results.first?.indicator("assets.1")?.score == .number(3))
        let (_, read) = try evaluate(framework, csv: "organisation,assets.1\nA,\(String(repeating: "x", count: 200))\n")
        #expect(read.rejected.first?.reason.hasPrefix("'\(String(repeating: "x", count: 59))…' (200 characters) is not on the 1-5 scale (accepted:") == true)
    }

    @Test func headersMayBeTheStatementsAsAFormsToolWritesThem() throws {
        let (results, read) = try evaluate(framework, csv: """
            Organisation,"YOU HELP PEOPLE BECOME PART OF  supportive peer networks.",networks.2,networks.3
            Forms,5,4,3
            """)
        #expect(read.warnings.isEmpty)
        #expect(results[0].section("networks")?.score == .number(4))
    }
}
