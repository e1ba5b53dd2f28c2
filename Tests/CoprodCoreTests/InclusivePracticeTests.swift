import CoprodCore
import Testing

/// Cases worked out by hand from seed 001: a 0-10 rating per principle (0 Not Great, 5 OK,
/// 10 Great) and the three NEXT STEPS prompts.
@Suite("Quality Indicators for Co-production and Inclusive Practice (seed 001)")
struct InclusivePracticeTests {
    let framework: Framework
    init() throws { framework = try loadFramework("inclusive-practice").0 }

    @Test func fourPrinciplesAndTwentyFiveStatements() {
        #expect(framework.sections.map(\.title) == ["WELCOME & CARE", "VALUE & INCLUDE", "COMMUNICATE", "Partnership"])
        #expect(framework.sections.map(\.feelings.count) == [7, 7, 7, 4])
        #expect(framework.sections.flatMap(\.feelings).count == 25)
        #expect(framework.sections[0].feelings.first == "All voices are heard and valued")
        #expect(framework.indicators.map(\.id) == ["welcome-care.rating", "value-include.rating", "communicate.rating", "partnership.rating"])
        #expect(framework.sections.allSatisfy { $0.nextSteps == ["What needs to happen now?", "What will this involve?", "How will this be done in co-production?"] })
    }

    @Test func ratingsWithAnchorWordsAndTheContactPrompts() throws {
        let (results, read) = try evaluate(framework, csv: try example("inclusive-practice.csv"))
        #expect(read.rejected.isEmpty)
        let northshire = results[0]
        // Welcome & care: 7, OK (5), 9 -> median 7. Partnership: 6, Great (10), 7 -> median 7.
        #expect(northshire.section("welcome-care")?.score == .number(7))
        #expect(northshire.section("partnership")?.score == .number(7))
        // Communicate: 3, 2, 6 -> median 3, the lowest principle, so it comes first with the prompts.
        #expect(northshire.section("communicate")?.score == .number(3))
        #expect(northshire.nextSteps == [
            "COMMUNICATE is the lowest (3). What needs to happen now? What will this involve? How will this be done in co-production?",
        ])
        // Parent carers' median of 3 and 2 is 2.5; staff said 6: more than a quarter of 0-10 apart.
        #expect(northshire.section("communicate")?.byRole == ["parent carer": .number(2.5), "staff": .number(6)])
        #expect(northshire.gaps.contains { $0.sectionID == "communicate" && $0.difference == 3.5 })
        // Westvale: partnership 5 and 6 -> median 5.5, lowest.
        #expect(results[1].section("partnership")?.score == .number(5.5))
        #expect(results[1].texts.map(\.text) == ["Only invited at the end"])
    }

    @Test func ratingsOutsideZeroToTenAreRejected() throws {
        let (_, read) = try evaluate(framework, csv: "organisation,communicate.rating\nArea,11\n", file: "ip.csv")
        #expect(read.rejected.first?.description == "ip.csv row 2, column B 'communicate.rating': '11' is not on the 0-10 scale (accepted: a whole number from 0 to 10 (0 Not Great, 5 OK, 10 Great); leave it empty for no answer)")
    }
}
