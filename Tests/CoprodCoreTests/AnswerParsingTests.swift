import CoprodCore
import Testing

@Suite("Reading values on their scales")
struct AnswerParsingTests {
    let wales = Scale.ordinal(min: 1, max: 5, labels: ["No action yet", "Made a start", "Making progress", "Doing really well", "Doing as well as you can"], meanings: [])

    @Test func ordinalTakesNumbersOrLabelsInAnyCase() throws {
        #expect(try wales.parse("4") == .number(4))
        #expect(try wales.parse(" made  a START ") == .number(2))
        #expect(try wales.parse("Doing as well as you can") == .number(5))
        #expect(try wales.parse("") == nil)
    }

    @Test func offScaleValuesSayWhatIsAccepted() {
        let problem = #expect(throws: ValueProblem.self) { try wales.parse("six") }
        #expect(problem?.message == "'six' is not on the 1-5 scale (accepted: 1-5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can)")
        #expect(throws: ValueProblem.self) { try wales.parse("0") }
        #expect(throws: ValueProblem.self) { try wales.parse("4.5") }
    }

    @Test func ratingAnchorsAndRange() throws {
        let rating = Scale.rating(min: 0, max: 10, anchors: [0: "Not Great", 5: "OK", 10: "Great"])
        #expect(try rating.parse("ok") == .number(5))
        #expect(try rating.parse("not great") == .number(0))
        #expect(try rating.parse("7") == .number(7))
        #expect(throws: ValueProblem.self) { try rating.parse("11") }
    }

    @Test func tiersChecklistsRatiosAndPercentages() throws {
        #expect(try Scale.tiers(["bronze", "silver", "gold"]).parse("Silver") == .tier(2))
        #expect(try Scale.tiers(["bronze", "silver", "gold"]).parse("none") == .tier(0))
        let checklist = Scale.choice(["yes", "partly", "no", "n/a"])
        #expect(try checklist.parse("Y") == .choice("yes"))
        #expect(try checklist.parse("Not applicable") == .choice("n/a"))
        #expect(try checklist.parse("partially") == .choice("partly"))
        #expect(throws: ValueProblem.self) { try Scale.choice(["yes", "no"]).parse("partly") }
        #expect(try Scale.ratio.parse("3/12") == .ratio(part: 3, whole: 12))
        #expect(try Scale.ratio.parse("3 of 12") == .ratio(part: 3, whole: 12))
        #expect(try Scale.ratio.parse("25%")?.share == 0.25)
        #expect(throws: ValueProblem.self) { try Scale.ratio.parse("13/12") }
        #expect(try Scale.number(unit: "%").parse("72%") == .number(72))
        #expect(try Scale.number(unit: "%").parse("72") == .number(72))
    }

    @Test func foldingForHeaders() {
        #expect("  You  value ALL\tparticipants ".foldedForMatching == "you value all participants")
        #expect("everyone\u{2019}s".foldedForMatching == "everyone's")
    }
}
