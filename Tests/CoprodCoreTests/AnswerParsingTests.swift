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

    /// A spreadsheet writes a whole number as 4.0, and a forms tool a point with its label: both
    /// are the point. A number and a label that are two points are refused, saying which is which.
    @Test func pointsWrittenAsSpreadsheetsAndFormsWriteThem() throws {
        #expect(try wales.parse("4.0") == .number(4))
        #expect(try wales.parse(" 5.00 ") == .number(5))
        for text in ["4 - Doing really well", "4 \u{2013} doing REALLY well", "4. Doing really well", "4: Doing  really well",
                     "4\u{2014}Doing really well", "4 -Doing really well"] {
            #expect(try wales.parse(text) == .number(4), "\(text)")
        }
        let rating = Scale.rating(min: 0, max: 10, anchors: [0: "Not Great", 5: "OK", 10: "Great"])
        #expect(try rating.parse("10.0") == .number(10))
        #expect(try rating.parse("5 - ok") == .number(5))
        let accepted = "(accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)"
        #expect(problem { try wales.parse("4 - Made a start") }
                == "'4 - Made a start' is not on the 1-5 scale: Made a start is 2, not 4; write the one meant \(accepted)")
        #expect(problem { try wales.parse("6 - doing really well") }
                == "'6 - doing really well' is not on the 1-5 scale: Doing really well is 4, not 6; write the one meant \(accepted)")
        #expect(problem { try rating.parse("7 - OK") }
                == "'7 - OK' is not on the 0-10 scale: OK is 5, not 7; write the one meant (accepted: a whole number from 0 to 10 (0 Not Great, 5 OK, 10 Great); leave it empty for no answer)")
        // Not a point: a fraction, a whole number off the scale, words that are no label, no separator.
        for text in ["4.5", "4.05", "4.", "6.0", "0.0", "4 - Doing well", "4 Doing really well", "4 -"] {
            #expect(problem { try wales.parse(text) } == "'\(text)' is not on the 1-5 scale \(accepted)")
        }
    }

    /// A survey percentage of 0.72 is 72% written as a fraction far more often than under one
    /// percent: read as 0.72%, it would drop the tier to none and blame the organisation. A ratio
    /// takes a share only with its % sign, since a bare number could be a count.
    @Test func fractionsAndBareNumbersWhereAPercentageIsMeant() throws {
        let survey = Scale.number(unit: "%")
        let percentage = "(accepted: a percentage from 0 to 100, such as 72 or 72%; leave it empty for no answer)"
        #expect(problem { try survey.parse("0.72") }
                == "'0.72' is not a percentage: it looks like a fraction; write 72%, or 0.72% if it really is under one percent \(percentage)")
        #expect(problem { try survey.parse(".725") }
                == "'.725' is not a percentage: it looks like a fraction; write 72.5%, or .725% if it really is under one percent \(percentage)")
        #expect(problem { try survey.parse("0.005") }
                == "'0.005' is not a percentage: it looks like a fraction; write 0.5%, or 0.005% if it really is under one percent \(percentage)")
        #expect(try survey.parse("0.72%") == .number(0.72))
        #expect(try survey.parse("0.5 %") == .number(0.5))
        #expect(try survey.parse("0") == .number(0))
        #expect(try survey.parse("0.0") == .number(0))
        #expect(try survey.parse("1") == .number(1))
        // 1.0 with its point is a whole share as a spreadsheet writes it, as a ratio takes it.
        #expect(problem { try survey.parse("1.0") }
                == "'1.0' is not a percentage: it looks like a fraction; write 100%, or 1.0% if it really is under one percent \(percentage)")
        #expect(try survey.parse("1.5") == .number(1.5))
        let ratio = "(accepted: two whole counts such as 3/12 or 3 of 12, the first no more than the second, or a percentage from 0 to 100 such as 25%; leave it empty for no answer)"
        #expect(problem { try Scale.ratio.parse("0.35") } == "'0.35' is not a ratio: it looks like a fraction; write 35% \(ratio)")
        #expect(problem { try Scale.ratio.parse("0.1") } == "'0.1' is not a ratio: it looks like a fraction; write 10% \(ratio)")
        // A whole share written with a point, as a spreadsheet writes 1 and 0 as fractions.
        #expect(problem { try Scale.ratio.parse("1.0") } == "'1.0' is not a ratio: it looks like a fraction; write 100% \(ratio)")
        #expect(problem { try Scale.ratio.parse("0.0") } == "'0.0' is not a ratio: it looks like a fraction; write 0% \(ratio)")
        #expect(problem { try Scale.ratio.parse("-0.0") } == "'-0.0' is not a ratio \(ratio)")
        #expect(problem { try Scale.ratio.parse("72") }
                == "'72' is not a ratio: a percentage needs its % sign, 72%, since a bare number could be a count \(ratio)")
        #expect(problem { try Scale.ratio.parse("100") }
                == "'100' is not a ratio: a percentage needs its % sign, 100%, since a bare number could be a count \(ratio)")
        #expect(problem { try Scale.ratio.parse("150") } == "'150' is not a ratio \(ratio)")
        #expect(try Scale.ratio.parse("35%")?.share == 0.35)
    }

    /// People type `-`, `none` or `n/a` for no answer: where the scale does not take them, the
    /// message says to leave the value empty; where it does they are answers that count (n/a
    /// leaves a checklist's count, none is below bronze).
    @Test func whatPeopleTypeForNoAnswer() throws {
        for text in ["-", "none", "n/a"] {
            #expect(problem { try wales.parse(text) }?.hasSuffix("; leave it empty for no answer)") == true, "\(text)")
            #expect(problem { try Scale.ratio.parse(text) }?.hasSuffix("; leave it empty for no answer)") == true, "\(text)")
        }
        #expect(try wales.parse(" ") == nil)
        #expect(try Scale.choice(["yes", "partly", "no", "n/a"]).parse("n/a") == .choice("n/a"))
        #expect(try Scale.tiers(["bronze", "silver", "gold"]).parse("none") == .tier(0))
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
