import CoprodCore
import CoprodIO
import Foundation
import Testing

/// A batch's first pass groups JSON respondents by the organisation `JSONRespondentScan` finds
/// from their keys; it must be the organisation reading in full gives, or none.
@Suite("Finding a JSON respondent's organisation from its keys")
struct JSONRespondentScanTests {
    /// The organisation reading `json` in full gives; nil when it rejects it.
    private func fullReading(_ json: String, reader: AssessmentReader) -> String? {
        var read = ReadAssessments()
        do {
            try reader.readJSON(Data(json.utf8), file: "in.jsonl", into: &read)
        } catch {
            return nil
        }
        return read.responses.count == 1 && read.rejected.isEmpty ? read.responses[0].organisation : nil
    }

    private func scan(_ json: String) -> String? {
        var keys: [UInt8] = []
        return JSONRespondentScan.organisation(in: Array(json.utf8)[...], keys: &keys)
    }

    @Test func givesWhatReadingInFullGivesOrNothing() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let reader = AssessmentReader(framework: framework)
        // Each respondent, with what the scan should find (nil: left to reading in full).
        let cases: [(json: String, found: String?)] = [
            (#"{"organisation": "Riverside", "assets.1": 3, "role": "staff"}"#, "Riverside"),
            (#"{ "Organisation Name" : "  Hill\t" , "assets.1" : "Making progress" }"# + "\r", "Hill"),
            (#"{"organization": "Caf\u00e9 \"Q\" \/ \\ \ud83d\ude00"}"#, "Café \"Q\" / \\ 😀"),
            // `answers` is merged over the top level.
            (#"{"organisation": "A", "answers": {"organisation": "B", "assets.1": 4}}"#, "B"),
            (#"{"answers": {"organisation": "B"}, "organisation": "A"}"#, "B"),
            (#"{"organisation": "A", "answers": {"assets.1": "4", "answers": {"organisation": "C"}}}"#, "A"),
            (#"{"organisation": "A", "extra": [1, {"x": [2, "]"]}], "notes": {"deep": [true, null, -1.5e3]}}"#, "A"),
            // Escaped keys, as a JSON writer that escapes everything outside ASCII writes them.
            (#"{"organisation\u0020name": "Z", "caf\u00e9 \u2019s": 1}"#, "Z"),
            (#"{"answ\u0065rs": {"organisation": "B"}, "organisation": "A"}"#, "B"),
            // Left to reading in full: not a string, repeated (escaped or not), not plain ASCII,
            // a control character in a key, not one object, unfinished, empty, a lone surrogate.
            (#"{"organisation": 42}"#, nil),
            (#"{"organisation": true}"#, nil),
            (#"{"organisation": "A", "organisation": "B"}"#, nil),
            (#"{"Organisation": "X", "organisation": "Y"}"#, nil),
            (#"{"organisation": "Y", "answers": {"ORGANISATION": "X"}}"#, nil),
            (#"{"answers": {}, "answers": {"organisation": "B"}, "organisation": "A"}"#, nil),
            ("{\"organisation\u{00A0}name\": \"Z\"}", nil),
            (#"{"organisation": "A", "organis\u0061tion": "B"}"#, nil),
            (#"{"organisation": "A", "x\u0000": 1}"#, nil),
            (#"[{"organisation": "A"}]"#, nil),
            (#"{"organisation": "A", "assets.1": }"#, nil),
            (#"{"organisation": "A"} {"#, nil),
            (#"{"organisation": "A""#, nil),
            (#"{"organisation": "   "}"#, nil),
            (#"{"organisation": "\ud83d"}"#, nil),
            (#"{"org": "A"}"#, nil),
            (#"{"organisation": "A", "x": "# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}", nil),
        ]
        for (json, found) in cases {
            let scanned = scan(json)
            #expect(scanned == found, "\(json)")
            if let scanned { #expect(fullReading(json, reader: reader) == scanned, "\(json)") }
        }
        // Reading in full gives those left to it an organisation where it can.
        #expect(fullReading(#"{"organisation": 42}"#, reader: reader) == "42")
        #expect(fullReading("{\"organisation\u{00A0}name\": \"Z\"}", reader: reader) == "Z")
        // Two keys for the organisation leave it in doubt: reading in full rejects the respondent.
        #expect(fullReading(#"{"Organisation": "X", "organisation": "Y"}"#, reader: reader) == nil)
        #expect(fullReading(#"{"organisation": "Y", "answers": {"ORGANISATION": "X"}}"#, reader: reader) == nil)
    }

    /// The scan checks a respondent's structure, not the spelling of its numbers and literals: a
    /// respondent it names that is not JSON is rejected when it is read in full, in its group.
    @Test func namesSomeRespondentsThatReadingInFullRejects() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let reader = AssessmentReader(framework: framework)
        let json = #"{"organisation": "A", "assets.1": tru}"#
        #expect(scan(json) == "A")
        #expect(fullReading(json, reader: reader) == nil)
        // Nor does it check the kinds of values: an answer, a role or `answers` that is a list
        // or an object (or `answers` that is not an object) is named, then rejected.
        for wrong in [#"{"organisation": "A", "answers": [1, {"x": [2, "]"]}]}"#, #"{"organisation": "A", "answers": "x"}"#,
                      #"{"organisation": "A", "role": ["staff"]}"#, #"{"organisation": "A", "assets.1": {"v": 4}}"#] {
            #expect(scan(wrong) == "A", "\(wrong)")
            #expect(fullReading(wrong, reader: reader) == nil, "\(wrong)")
        }
    }

    @Test func givesTheKeysInOrderWithAnswersMarked() {
        var keys: [UInt8] = []
        _ = JSONRespondentScan.organisation(in: Array(#"{"organisation": "A", "answers": {"assets.1": 4}, "role": "x"}"#.utf8)[...], keys: &keys)
        #expect(keys == Array("organisation\0answers\0\u{1}assets.1\0\u{2}role\0".utf8))
    }
}
