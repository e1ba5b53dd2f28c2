import CoprodCore
import CoprodIO
import Foundation
import Testing

/// Values written another way (4.0, "4 - Doing really well", a fraction for a percentage, a bare
/// number for a ratio) must read alike whichever way a batch reads them: a plain CSV record from
/// its bytes, a plain JSON respondent from its text, or either in full.
@Suite("Values written another way read alike on every path")
struct ValuePathTests {
    /// Each record's outcome by the full reading, and by the plain path where it takes the record;
    /// where both give one, they must be the same.
    private func readCSV(_ id: String, _ csv: String) throws -> [(full: AssessmentReader.Outcome, plain: Response?)] {
        let reader = AssessmentReader(framework: try loadFramework(id).0)
        var records = CSVReader(bytes: Array(csv.utf8))
        var warnings: [String] = []
        let header = try #require(records.next() as CSVReader.Record?)
        let columns = try reader.columns(header, file: "in.csv", warnings: &warnings)
        var outcomes: [(full: AssessmentReader.Outcome, plain: Response?)] = []
        while let raw = records.nextRaw(keyField: 0) {
            let full = reader.response(raw.record, columns: columns, file: "in.csv")
            let plain = reader.plainResponse(raw, columns: columns, file: "in.csv")
            if let plain {
                if case .response(let response) = full { #expect(plain == response, "row \(raw.row)") } else {
                    Issue.record("row \(raw.row): the plain path read what the full reading rejects")
                }
            }
            outcomes.append((full, plain))
        }
        return outcomes
    }

    /// A respondent's outcome read in full, and by the plain path if it takes it; where both give
    /// one, they must be the same.
    private func readJSON(_ id: String, _ json: String) throws -> (full: AssessmentReader.Outcome?, plain: AssessmentReader.Outcome?) {
        let reader = AssessmentReader(framework: try loadFramework(id).0)
        var read = ReadAssessments()
        try reader.readJSON(Data(json.utf8), file: "in.jsonl", into: &read)
        let full = read.responses.first.map { AssessmentReader.Outcome.response($0) } ?? read.rejected.first.map { .rejected($0) }
        var keyColumns = JSONKeyColumns()
        let plain = reader.plainResponse(json: Array(json.utf8)[...], file: "in.jsonl", row: 1, keyColumns: &keyColumns)
        switch (plain, full) {
        case (nil, _): break
        case (.response(let a), .response(let b)): #expect(a == b, "\(json)")
        case (.rejected(let a), .rejected(var b)):
            b.place = nil
            #expect(a == b, "\(json)")
        default: Issue.record("\(json): \(String(describing: plain)) where reading in full gives \(String(describing: full))")
        }
        return (full, plain)
    }

    private func answer(_ outcome: AssessmentReader.Outcome?, _ id: String, _ part: AnswerSlot.Part = .answer) -> Answer? {
        if case .response(let response)? = outcome { return response[AnswerSlot(id: id, part: part)] }
        return nil
    }

    private func reason(_ outcome: AssessmentReader.Outcome?) -> String? {
        if case .rejected(let row)? = outcome { return row.reason }
        return nil
    }

    @Test func pointsWrittenAnotherWay() throws {
        let rows = try readCSV("involvement-audit", """
            organisation,assets.1,assets.2,assets.3
            A,4.0,4 - Doing really well,4: doing REALLY well
            B,4. Doing really well,5.00,1
            C,4 \u{2013} Doing really well,2,3
            D,4 - Made a start,4.5,n/a

            """)
        // Plain ASCII records take the plain path; an en dash, or values off the scale, do not.
        #expect(rows.map { $0.plain != nil } == [true, true, false, false])
        #expect([answer(rows[0].full, "assets.1"), answer(rows[0].full, "assets.2"), answer(rows[0].full, "assets.3")]
                == [.number(4), .number(4), .number(4)])
        #expect([answer(rows[1].full, "assets.1"), answer(rows[1].full, "assets.2")] == [.number(4), .number(5)])
        #expect(answer(rows[2].full, "assets.1") == .number(4))
        let accepted = "(accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)"
        #expect(reason(rows[3].full) == "'4 - Made a start' is not on the 1-5 scale: Made a start is 2, not 4; write the one meant \(accepted)"
                + "; also column C 'assets.2': '4.5' is not on the 1-5 scale \(accepted)"
                + "; also column D 'assets.3': 'n/a' is not on the 1-5 scale \(accepted)")

        // A JSON string takes the plain path; a JSON number with a point is read in full, and
        // gives the same.
        let strings = try readJSON("involvement-audit", #"{"organisation": "A", "assets.1": "4.0", "assets.2": "4 - Doing really well", "assets.3": "4 \u2013 doing really well"}"#)
        #expect(strings.plain != nil)
        #expect([answer(strings.full, "assets.1"), answer(strings.full, "assets.2"), answer(strings.full, "assets.3")]
                == [.number(4), .number(4), .number(4)])
        let number = try readJSON("involvement-audit", #"{"organisation": "A", "assets.1": 4.0, "assets.2": 4.5}"#)
        #expect(number.plain == nil)
        #expect(reason(number.full) == "'4.5' is not on the 1-5 scale \(accepted)")
        let disagreeing = try readJSON("involvement-audit", #"{"organisation": "A", "assets.1": "4 - Made a start"}"#)
        #expect(disagreeing.plain != nil)
        #expect(reason(disagreeing.full) == "'4 - Made a start' is not on the 1-5 scale: Made a start is 2, not 4; write the one meant \(accepted)")
    }

    @Test func fractionsAndBareNumbersForPercentages() throws {
        let survey = "(accepted: a percentage from 0 to 100, such as 72 or 72%; leave it empty for no answer)"
        let fraction = "'0.72' is not a percentage: it looks like a fraction; write 72%, or 0.72% if it really is under one percent \(survey)"
        let surveys = try readCSV("quality-standards", """
            organisation,equality.1,equality.1.survey
            Brook,silver,0.72
            Dale,silver,72
            Vale,silver,0.72%

            """)
        #expect(surveys.map { $0.plain != nil } == [false, true, true])
        #expect(reason(surveys[0].full) == fraction)
        #expect(answer(surveys[1].full, "equality.1", .survey) == .number(72))
        #expect(answer(surveys[2].full, "equality.1", .survey) == .number(0.72))
        // A JSON number 0.72 is read in full; the same as text takes the plain path.
        for json in [#"{"organisation": "Brook", "equality.1.survey": 0.72}"#, #"{"organisation": "Brook", "equality.1.survey": "0.72"}"#] {
            #expect(reason(try readJSON("quality-standards", json).full) == fraction, "\(json)")
        }

        let ratio = "(accepted: two whole counts such as 3/12 or 3 of 12, the first no more than the second, or a percentage from 0 to 100 such as 25%; leave it empty for no answer)"
        let shares = try readCSV("project-checklist", """
            organisation,board.non-professionals
            A,0.35
            B,72
            C,35%
            D,7 of 20

            """)
        #expect(shares.map { $0.plain != nil } == [false, false, true, true])
        #expect(reason(shares[0].full) == "'0.35' is not a ratio: it looks like a fraction; write 35% \(ratio)")
        #expect(reason(shares[1].full) == "'72' is not a ratio: a percentage needs its % sign, 72%, since a bare number could be a count \(ratio)")
        #expect(answer(shares[2].full, "board.non-professionals")?.share == 0.35)
        #expect(answer(shares[3].full, "board.non-professionals") == .ratio(part: 7, whole: 20))
        let bare = try readJSON("project-checklist", #"{"organisation": "B", "board.non-professionals": 72}"#)
        #expect(bare.plain != nil)
        #expect(reason(bare.full) == "'72' is not a ratio: a percentage needs its % sign, 72%, since a bare number could be a count \(ratio)")
    }
}
