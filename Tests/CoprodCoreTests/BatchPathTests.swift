import CoprodCore
import CoprodIO
import CoprodReports
import Foundation
import Testing

/// A batch reads and writes by faster paths than `evaluate`: plain records read from their bytes,
/// results written with the members every organisation shares encoded once. Each must give
/// exactly what the general path gives.
@Suite("Batch paths give what the general paths give")
struct BatchPathTests {
    static let frameworks = ["quality-standards", "inclusive-practice", "involvement-audit", "project-checklist", "trauma-responsive"]

    @Test func plainRecordsReadAsTheFullReadingReadsThem() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let reader = AssessmentReader(framework: framework)
        let csv = """
            organisation,respondent,role,assets.1,assets.2,assets.3,assets.reflect
            Riverside,R1,Staff,3,made a START, 5 ,More time
            Riverside,R2,,Doing  as well as you can,,2,
            Hill,R1,carer,7,1,1,
            Hill,R2,carer,six,1,1,
            Hill,R3,carer,+4,1,1,
            ,R4,carer,1,1,1,

            """
        var records = CSVReader(bytes: Array(csv.utf8))
        var warnings: [String] = []
        let header = try #require(records.next() as CSVReader.Record?)
        let columns = try reader.columns(header, file: "in.csv", warnings: &warnings)
        var plain: [Response?] = []
        while let raw = records.nextRaw(keyField: 0) {
            let full = reader.response(raw.record, columns: columns, file: "in.csv")
            let fast = reader.plainResponse(raw, columns: columns, file: "in.csv")
            if let fast {
                guard case .response(let response) = full else {
                    Issue.record("row \(raw.row): the plain path read what the full reading rejects")
                    continue
                }
                #expect(fast == response)
            }
            plain.append(fast)
        }
        // Numbers ("+4" too), labels in any case and spacing, and empty cells take the plain path;
        // a value off the scale, a word not on it and an empty organisation are left to the full
        // reading, which rejects them with their reasons.
        #expect(plain.map { $0 != nil } == [true, true, false, false, true, false])
        #expect(plain[0]?[AnswerSlot(id: "assets.2", part: .answer)] == .number(2))
        #expect(plain[0]?.role == "staff")
        #expect(plain[1]?[AnswerSlot(id: "assets.1", part: .answer)] == .number(5))
    }

    /// A batch's worker reads a plain respondent straight from its text; the outcome, response
    /// or rejection, must be the one reading in full gives.
    @Test func plainRespondentsReadAsReadingInFullReadsThem() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        for strict in [false, true] {
            let reader = AssessmentReader(framework: framework, strict: strict)
            var keyColumns = JSONKeyColumns()
            // Each respondent, and whether it takes the plain path.
            let cases: [(json: String, plain: Bool)] = [
                (#"{"organisation": "Riverside", "role": "Staff", "assets.1": 3, "Assets.2": "made  a START", "assets.3": null}"#, true),
                (#"{"organisation": "Hill", "answers": {"assets.1": "5", "organisation": "Dale"}, "assets.1": 1}"#, true),
                (#"{"organisation": "Hill", "assets.1": "six", "assets.reflect": "Caf\u00e9 \"\ud83d\ude00\""}"#, true),
                (#"{"organisation": "Hill", "assets.1": 0, "networks.1": 123456789012345}"#, true),
                (#"{"organisation": "Hill", "favourite colour": "blue", "answers": null}"#, true),
                (#"{"organisation": "  ", "assets.1": 4}"#, true),
                // Keys outside ASCII, as they are or escaped, sort as reading in full sorts them:
                // the rejection names assets.1 by its place among them.
                (#"{"organisation": "Hill", "Zeta": 1, "assets.1": "six", "\u00dcber": 2, "ábc": 3, "assets\u002e2": 4}"#, true),
                // Left to reading in full: two keys for one answer, no organisation, fractions,
                // negative numbers, true and false, arrays, keys not in composed form, repeated
                // keys, leading zeros, control characters, not JSON.
                (#"{"organisation": "Hill", "assets.1": 4, "Assets.1": 5}"#, false),
                (#"{"role": "staff", "assets.1": 4}"#, false),
                (#"{"organisation": "Hill", "assets.1": 4.0}"#, false),
                (#"{"organisation": "Hill", "assets.1": -4}"#, false),
                (#"{"organisation": "Hill", "assets.1": true}"#, false),
                (#"{"organisation": "Hill", "notes": [1]}"#, false),
                // Left to reading in full, which rejects them: a list or an object where one
                // value is expected, `answers` that is not an object.
                (#"{"organisation": "Hill", "assets.1": [4]}"#, false),
                (#"{"organisation": "Hill", "assets.1": {"v": 4}}"#, false),
                (#"{"organisation": "Hill", "role": ["staff"]}"#, false),
                (#"{"organisation": "Hill", "answers": {"assets.1": [1]}}"#, false),
                (#"{"organisation": "Hill", "answers": "none"}"#, false),
                (#"{"organisation": "Hill", "answers": 4}"#, false),
                (#"{"organisation": "Hill", "e\u0301t\u00e9": 4}"#, false),
                ("{\"organisation\": \"Hill\", \"e\u{0301}t\u{00e9}\": 4}", false),
                (#"{"organisation": "Hill", "x\u0001": 4}"#, false),
                (#"{"organisation": "Hill", "assets.1": 4, "assets.1": 5}"#, false),
                (#"{"organisation": "Hill", "assets.1": 04}"#, false),
                ("{\"organisation\": \"Hi\u{01}ll\"}", false),
                (#"{"organisation": "Hill", "assets.1": tru, "answers": {"assets.1": 4}}"#, false),
                (#"{"organisation": "Hill", "assets.1": 4"#, false),
            ]
            for (json, plain) in cases {
                var full = ReadAssessments()
                var fullOutcome: AssessmentReader.Outcome?
                do {
                    try reader.readJSON(Data(json.utf8), file: "in.jsonl", into: &full)
                    fullOutcome = full.responses.first.map { .response($0) } ?? full.rejected.first.map { .rejected($0) }
                } catch {
                    fullOutcome = nil
                }
                let fast = reader.plainResponse(json: Array(json.utf8)[...], file: "in.jsonl", row: 1, keyColumns: &keyColumns)
                // With --strict, an unknown key refuses a respondent: reading in full says so.
                var refused = false
                if case .rejected(let row) = fullOutcome { refused = row.reason.contains("refused with --strict") }
                #expect((fast != nil) == (plain && !refused), "\(json)")
                switch (fast, fullOutcome) {
                case (nil, _): continue
                case (.response(let a), .response(let b)): #expect(a == b, "\(json)")
                case (.rejected(let a), .rejected(var b)):
                    // Reading a file in full places its respondent's problem; a batch places the fast
                    // path's the same way, after it (`AssessmentReader.placed`).
                    b.place = nil
                    #expect(a == b, "\(json)")
                default: Issue.record("\(json): \(String(describing: fast)) where reading in full gives \(String(describing: fullOutcome))")
                }
            }
        }
    }

    @Test func plainTierRecordsReadAsTheFullReadingReadsThem() throws {
        let (framework, _) = try loadFramework("quality-standards")
        let reader = AssessmentReader(framework: framework)
        let csv = """
            organisation,equality.1,equality.1.survey,equality.1.bronze,equality.1.silver,equality.1.gold,equality.1.comment
            Riverside,silver,72%,yes,Yes, no,We ask every year.
            Hill,Gold,65,y,no,,
            Dale,none,,YES,maybe,,
            Vale,platinum,,,,,

            """
        var records = CSVReader(bytes: Array(csv.utf8))
        var warnings: [String] = []
        let header = try #require(records.next() as CSVReader.Record?)
        let columns = try reader.columns(header, file: "qs.csv", warnings: &warnings)
        var plain: [Response?] = []
        while let raw = records.nextRaw(keyField: 0) {
            let fast = reader.plainResponse(raw, columns: columns, file: "qs.csv")
            if let fast, case .response(let response) = reader.response(raw.record, columns: columns, file: "qs.csv") {
                #expect(fast == response)
            }
            plain.append(fast)
        }
        #expect(plain.map { $0 != nil } == [true, true, false, false])
        let silver = AnswerSlot(id: "equality.1", part: .criteria, tier: "silver")
        #expect(plain[0]?[AnswerSlot(id: "equality.1", part: .answer)] == .tier(2))
        #expect(plain[0]?[silver] == .choice("yes"))
        #expect(plain[0]?[AnswerSlot(id: "equality.1", part: .criteria, tier: "gold")] == .choice("no"))
        #expect(plain[0]?[AnswerSlot(id: "equality.1", part: .comment)] == .text("We ask every year."))
        #expect(plain[0]?[AnswerSlot(id: "equality.1", part: .survey)] == .number(72))
        #expect(plain[1]?[AnswerSlot(id: "equality.1", part: .answer)] == .tier(3))
        #expect(plain[1]?[AnswerSlot(id: "equality.1", part: .criteria, tier: "bronze")] == .choice("yes"))
    }

    @Test func textsAreEscapedWhereverTheSpecialBytesFall() {
        // Long and short plain runs around every kind of byte JSON escapes, at every offset
        // within eight bytes, next to bytes above 0x7F that must pass through as they are.
        let specials: [(String, String)] = [("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\u{1F}", "\\u001f"), ("\u{01}", "\\u0001")]
        for (special, escaped) in specials {
            for before in 0..<17 {
                for after in [0, 1, 7, 8, 9, 20] {
                    let text = String(repeating: "é", count: before / 2) + String(repeating: "a", count: before % 2)
                        + special + String(repeating: " ~", count: after)
                    var json = JSONStream()
                    json.string(text)
                    let expected = "\"" + text.replacingOccurrences(of: special, with: escaped) + "\""
                    #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
                }
            }
        }
        var json = JSONStream()
        json.string("Plain ASCII and ünïcödé, with !#$%&'()*+,-./ and ~ and DEL \u{7F} but nothing to escape")
        #expect(String(decoding: json.bytes, as: UTF8.self) == "\"Plain ASCII and ünïcödé, with !#$%&'()*+,-./ and ~ and DEL \u{7F} but nothing to escape\"")
    }

    @Test("results written with a framework's layout are the same bytes", arguments: frameworks)
    func layoutGivesTheSameBytes(_ id: String) throws {
        let (framework, _) = try loadFramework(id)
        let (results, _) = try evaluate(framework, csv: try String(contentsOfFile: "\(packageRoot)/Examples/\(id).csv", encoding: .utf8))
        #expect(!results.isEmpty)
        let layout = ResultJSON.Layout(framework: framework)
        for result in results {
            var plain = JSONStream(), laidOut = JSONStream()
            ResultJSON.write(result, to: &plain)
            ResultJSON.write(result, to: &laidOut, layout: layout)
            #expect(laidOut.bytes == plain.bytes)
        }
    }

    @Test func numbersAreWrittenAsBefore() {
        for (value, text) in [(0.0, "0"), (-0.0, "0"), (4, "4"), (-120, "-120"), (4.3333, "4.3333"), (0.25, "0.25"), (1e16, "1e+16"), (.nan, "null")] {
            var bytes: [UInt8] = []
            JSONStream.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == text, "\(value)")
        }
        // Four-decimal values are written without `description`: the same text, checked over a
        // spread of them and around the edges.
        var generator = SystemRandomNumberGenerator()
        let edges: [Int] = [1, -1, 5, 10, 99, 100, 1_000, 9_999, 10_001, 33_333, -43_333, 123_456_789_012]
        for tenThousandths in edges + (0..<20_000).map({ _ in Int.random(in: -10_000_000...10_000_000, using: &generator) }) {
            let value = Double(tenThousandths) / 10_000
            var bytes: [UInt8] = []
            JSONStream.append(value, to: &bytes)
            let expected = value == value.rounded() ? String(Int(value)) : value.description
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(tenThousandths)")
        }
        for value in [1.0 / 3, 2.0 / 3 * 5, 0.00005, 1e-7, 12.345678] {
            var bytes: [UInt8] = []
            JSONStream.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == value.description)
        }
        for value in [0, 7, 10, 99, 100, 12345, -5, Int.max, Int.min + 1] {
            var bytes: [UInt8] = []
            JSONStream.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func scoresAreFormattedAsTwoDecimalsAtMost() {
        for (value, text) in [(3.666, "3.67"), (2.5, "2.5"), (4, "4"), (0.05, "0.05"), (-0.5, "-0.5"), (-0.004, "0"), (99.999, "100"), (12.1, "12.1")] {
            #expect(Score.format(value) == text, "\(value)")
        }
        // The same text as the shortest form of the value rounded to hundredths, over a spread.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double.random(in: -1_000...1_000, using: &generator)
            let rounded = (value * 100).rounded() / 100
            let expected = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            #expect(Score.format(value) == expected, "\(value)")
        }
    }

    @Test func containersDeeperThanSixtyFourKeepTheirCommas() throws {
        var value = JSON.array([.integer(1), .integer(2)])
        for _ in 0..<70 { value = .array([value, .integer(0)]) }
        let compact = value.text()
        #expect(compact == String(repeating: "[", count: 71) + "1,2]" + String(repeating: ",0]", count: 70))
        let indented = try JSONSerialization.jsonObject(with: Data(value.text(indent: 2).utf8))
        #expect((indented as? [Any])?.count == 2)
    }

    @Test func oneRoleIsKeptWithoutADictionaryAndReadsTheSame() {
        let one = RoleScores(role: "staff", score: .number(3))
        #expect(one == RoleScores(["staff": .number(3)]))
        #expect(one["staff"] == .number(3) && one["carer"] == nil && !one.isEmpty)
        #expect(RoleScores().isEmpty)
        var order: [String] = []
        RoleScores(["staff": .number(1), "carer": .number(2), "board": .none]).forEachSorted { role, _ in order.append(role) }
        #expect(order == ["board", "carer", "staff"])
    }
}
