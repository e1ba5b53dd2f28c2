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
        #expect(problem?.message == "'six' is not on the 1-5 scale (accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)")
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
        // A figure is written in digits: not hex, not an exponent, not one too large to show.
        let hours = Scale.number(unit: "hours")
        #expect(try hours.parse("24.5") == .number(24.5))
        #expect(try hours.parse("+48") == .number(48))
        #expect(try hours.parse(".5") == .number(0.5))
        for text in ["0x10", "1e305", "inf", "1.2.3", ".", "-", "12 hours", "1000000000000000"] {
            #expect(throws: ValueProblem.self, "\(text)") { try hours.parse(text) }
        }
    }

    /// A share is 0-100% and a count is whole: 150% of a board, or 3.5 of 7 members, is a slip
    /// to be shown, not a score to be made of it.
    @Test func percentagesAndCountsOutOfTheirRangeAreRefused() throws {
        #expect(try Scale.ratio.parse("0%")?.share == 0)
        #expect(try Scale.ratio.parse("100%")?.share == 1)
        #expect(try Scale.ratio.parse("0/7") == .ratio(part: 0, whole: 7))
        #expect(try Scale.ratio.parse("7 of 7") == .ratio(part: 7, whole: 7))
        let ratio = "(accepted: two whole counts such as 3/12 or 3 of 12, the first no more than the second, or a percentage from 0 to 100 such as 25%; leave it empty for no answer)"
        for text in ["150%", "-10%", "3.5/7", "3/7.5", "-3/7", "8/7", "3/0", "3 out of 12"] {
            #expect(problem { try Scale.ratio.parse(text) } == "'\(text)' is not a ratio \(ratio)")
        }
        let survey = Scale.number(unit: "%")
        #expect(try survey.parse("0") == .number(0))
        #expect(try survey.parse("100%") == .number(100))
        #expect(try survey.parse("72.5") == .number(72.5))
        for text in ["140", "140%", "-5", "abc"] {
            #expect(problem { try survey.parse(text) } == "'\(text)' is not a percentage (accepted: a percentage from 0 to 100, such as 72 or 72%; leave it empty for no answer)")
        }
        // A figure in another unit has no range to keep to.
        #expect(try Scale.number(unit: "people").parse("140") == .number(140))
        #expect(problem { try Scale.number(unit: "people").parse("many") } == "'many' is not a number (accepted: a number of people; leave it empty for no answer)")
        #expect(problem { try Scale.choice(["yes", "no"]).parse("maybe") } == "'maybe' is not one of the answers yes/no (accepted: yes, no; leave it empty for no answer)")
        #expect(problem { try Scale.tiers(["bronze", "silver", "gold"]).parse("platinum") }
                == "'platinum' is not one of the tiers (accepted: none, bronze, silver, gold; leave it empty for no answer)")
    }

    /// The message reading `parse`'s value gives; nil if it reads.
    private func problem(_ parse: () throws -> Answer?) -> String? {
        do {
            _ = try parse()
            return nil
        } catch {
            return (error as? ValueProblem)?.message ?? "\(error)"
        }
    }

    @Test func foldingForHeaders() {
        #expect("  You  value ALL\tparticipants ".foldedForMatching == "you value all participants")
        #expect("everyone\u{2019}s".foldedForMatching == "everyone's")
    }
}
