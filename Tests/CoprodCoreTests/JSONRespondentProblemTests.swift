import CoprodCore
import CoprodIO
import Foundation
import Testing

/// What a JSON line or item that is not one good respondent says: where (the key, or the line
/// and column), what was found there and what would be accepted.
@Suite("What a JSON respondent that cannot be read says")
struct JSONRespondentProblemTests {
    static let scale = "(accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can)"
    /// What a value off the scale is refused with: the same, and that empty is no answer.
    static let offScale = "(accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)"

    private func outcome(_ text: String, start: TextPosition? = nil, framework id: String = "involvement-audit") throws -> AssessmentReader.Outcome {
        try outcome(Array(text.utf8), start: start, framework: id)
    }

    private func outcome(_ bytes: [UInt8], start: TextPosition? = nil, framework id: String = "involvement-audit") throws -> AssessmentReader.Outcome {
        let (framework, _) = try loadFramework(id)
        return outcome(bytes, start: start, reader: AssessmentReader(framework: framework))
    }

    private func outcome(_ bytes: [UInt8], start: TextPosition? = nil, reader: AssessmentReader) -> AssessmentReader.Outcome {
        var warnings: [String] = []
        return reader.readRespondent(bytes[...], number: 3, file: start == nil ? "in.jsonl" : "in.json", start: start, warnings: &warnings)
    }

    private func rejection(_ text: String, start: TextPosition? = nil) throws -> RejectedRow? {
        if case .rejected(let row) = try outcome(text, start: start) { return row }
        return nil
    }

    @Test(arguments: [
        ("this is not json", "expected one respondent (an object, starting with '{') at column 1, found 'this'"),
        (#"{"organisation":"Eta","assets.1":4"#, "expected ',' or '}' after a value at column 35, found the end of the line"),
        (#"{"organisation":"Eta","assets.1":4,"#, "expected a key in double quotes at column 36, found the end of the line"),
        (#"{"organisation":"Iota","assets.1":4} trailing"#, "text after the respondent at column 38, found 'trailing'"),
        (#"{"organisation": Riverside}"#, "expected a value at column 18, found 'Riverside' (text goes in double quotes)"),
        (#"{"organisation": "A", "assets.1": 04}"#, "'04' at column 35 is not a JSON number (no leading zeros: write it without them, or in double quotes)"),
        (#"{"organisation": "A\q"}"#, #"'\q' at column 20 is not an escape JSON has (write a backslash as \\)"#),
        ("{\"organisation\": \"A\tB\"}", #"a control character (byte 9) inside a string at column 20: write a line end as \n, a tab as \t"#),
        (#"{"organisation": "A}"#, #"the string at column 18 is not closed (no '"' after it)"#),
        (#"{"organisation" "A"}"#, #"expected ':' after the key at column 17, found '"'"#),
        (#"{"organisation": "\ud83d"}"#, #"a lone high surrogate at column 19 (half of a character: '\u' and another surrogate must follow)"#),
        (#"{"organisation": "A",, "assets.1": 4}"#, "expected a key in double quotes at column 22, found ','"),
        (#"{"organisation": "A", "assets.1": [1, 2}"#, "expected ',' or ']' after a value at column 40, found '}'"),
        // A byte-order mark is not a column.
        ("\u{FEFF}{\"a\" 1}", "expected ':' after the key at column 6, found '1'"),
    ])
    func aLineThatIsNotJSONSaysWhereAndWhy(text: String, reason: String) throws {
        let row = try #require(try rejection(text))
        #expect(row.reason == "not valid JSON: " + reason)
        #expect(row.description == "in.jsonl line 3: not valid JSON: " + reason)
    }

    @Test func invalidUTF8IsNamedWithItsColumn() throws {
        let bytes = Array(#"{"organisation":"B"#.utf8) + [0xFF] + Array(#"","assets.1":4}"#.utf8)
        guard case .rejected(let row) = try outcome(bytes) else {
            Issue.record("read as a respondent")
            return
        }
        #expect(row.reason == "not valid JSON: not valid UTF-8 at column 19 (save the file as UTF-8)")
    }

    /// An item of a JSON array is placed by its line and column in the file, from where it
    /// starts: on its own line or further on.
    @Test func anItemIsPlacedInItsFile() throws {
        let row = try #require(try rejection(#"{"organisation":"Beta","assets.1":4,,}"#, start: TextPosition(line: 3, column: 2)))
        #expect(row.description == "in.json item 3: not valid JSON: expected a key in double quotes at line 3, column 38, found ','")
        let multiline = try #require(try rejection("{\"a\": \"é\",\n   \"b\" 2}", start: TextPosition(line: 2, column: 3)))
        #expect(multiline.reason == "not valid JSON: expected ':' after the key at line 3, column 8, found '2'")
        let cut = try #require(try rejection(#"{"a": 1"#, start: TextPosition(line: 1, column: 2)))
        #expect(cut.reason == "not valid JSON: expected ',' or '}' after a value at line 1, column 9, found the end of the item")
        let empty = try #require(try rejection(" ", start: TextPosition(line: 1, column: 5)))
        #expect(empty.reason == "the item is empty (expected one respondent, an object, before the ',')")
    }

    /// Valid JSON that is not one object says what it is.
    @Test(arguments: [
        (#""just a string""#, #"a string ("just a string")"#),
        ("[1,2,3]", "an array of 3 items ([1,2,3])"),
        (#"[{"organisation": "X"}]"#, #"an array of 1 item ([{"organisation":"X"}])"#),
        ("[]", "an empty array ([])"),
        ("42", "a number (42)"),
        ("null", "null"),
        ("true", "true"),
        (#""a string much longer than forty characters, cut short""#, #"a string ("a string much longer than forty charac…)"#),
    ])
    func aValueThatIsNotAnObjectIsNamed(text: String, found: String) throws {
        let row = try #require(try rejection(text))
        #expect(row.reason == "expected one respondent (an object), found " + found)
    }

    /// A list or an object where one value is expected rejects the respondent, naming the key,
    /// what it holds and what it takes; keys the framework does not have may hold anything.
    @Test(arguments: [
        (#"{"organisation":"Delta","assets.1":[4]}"#, "Delta", "assets.1", "found an array of 1 item ([4]) where one answer on the 1-5 scale is expected \(scale)"),
        (#"{"organisation":"D2","assets.1":{"v":4}}"#, "D2", "assets.1", #"found an object ({"v":4}) where one answer on the 1-5 scale is expected "# + scale),
        (#"{"organisation":"D5","answers":{"assets.1":[1]}}"#, "D5", "assets.1", "found an array of 1 item ([1]) where one answer on the 1-5 scale is expected \(scale)"),
        (#"{"organisation":"D3","role":["staff"],"assets.1":4}"#, "D3", "role", #"found an array of 1 item (["staff"]) where one role is expected (accepted: text, such as staff, service user, carer or board)"#),
        (#"{"organisation":"D4","answers":"x","assets.1":4}"#, "D4", "answers", #"found a string ("x") where an object of answers is expected (accepted: an object such as {"assets.1": 4}, or the answers beside "organisation")"#),
        (#"{"organisation":"D6","answers":[]}"#, "D6", "answers", #"found an empty array ([]) where an object of answers is expected (accepted: an object such as {"assets.1": 4}, or the answers beside "organisation")"#),
        (#"{"Organisation":["A"]}"#, nil, "Organisation", #"found an array of 1 item (["A"]) where the organisation's name is expected (accepted: text or a number)"#),
        (#"{"organisation":"D7","respondent":{"id":3}}"#, "D7", "respondent", #"found an object ({"id":3}) where the respondent's name or id is expected (accepted: text or a number)"#),
        (#"{"organisation":"D8","date":[]}"#, "D8", "date", "found an empty array ([]) where the date is expected (accepted: text, such as 2024-05-31)"),
        (#"{"organisation":"D9","assets.reflect":["more time"]}"#, "D9", "assets.reflect", #"found an array of 1 item (["more time"]) where text is expected (accepted: any text)"#),
        // true and false are shown as the file has them, not as the "yes" and "no" they are read as.
        (#"{"organisation":"Gamma","assets.1":true}"#, "Gamma", "assets.1", "true is not on the 1-5 scale \(offScale)"),
        (#"{"organisation":"Gamma","answers":{"assets.2":false}}"#, "Gamma", "assets.2", "false is not on the 1-5 scale \(offScale)"),
    ] as [(String, String?, String, String)])
    func aValueOfTheWrongKindRejectsTheRespondent(text: String, organisation: String?, key: String, reason: String) throws {
        let row = try #require(try rejection(text))
        #expect(row.column == "key '\(key)'")
        #expect(row.organisation == organisation)
        #expect(row.reason == reason)
    }

    @Test func listsUnderUnknownKeysNullAnswersAndTrueForYesAreRead() throws {
        guard case .response(let response) = try outcome(#"{"organisation": "A", "notes": [1, {"x": 2}], "answers": null, "assets.1": 4}"#) else {
            Issue.record("rejected")
            return
        }
        #expect(response.organisation == "A")
        #expect(response[AnswerSlot(id: "assets.1", part: .answer)] == .number(4))
        guard case .response(let checklist) = try outcome(#"{"organisation": "A", "scoping.1": true}"#, framework: "project-checklist") else {
            Issue.record("rejected")
            return
        }
        #expect(checklist[AnswerSlot(id: "scoping.1", part: .answer)] == .choice("yes"))
    }

    @Test(arguments: [
        (#"{"respondent":"R","assets.1":4}"#, "; its keys are 'assets.1', 'respondent'"),
        (#"{"Name of your organisation":"A","assets.1":4}"#,
         #"; if key 'Name of your organisation' names the organisation, name it "organisation"; its keys are 'Name of your organisation', 'assets.1'"#),
        ("{}", "; the respondent has no keys"),
        (#"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}"#, "; its keys are 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', …"),
    ])
    func aRespondentWithoutAnOrganisationIsToldWhichKeysNameIt(text: String, rest: String) throws {
        let row = try #require(try rejection(text))
        #expect(row.reason == #"no "organisation" key (accepted: "organisation", "organization" or "organisation name", in any case)"# + rest)
    }

    /// A list of respondents wrapped in an object, as some tools export it, is named as such: the
    /// fix is to give the list itself. Two lists, or a list of plain values, are not taken for it.
    @Test func aListWrappedInAnObjectIsNamed() throws {
        let wrapped = try #require(try rejection(#"{"respondents": [{"organisation": "A", "assets.1": 4}], "count": 1}"#))
        #expect(wrapped.reason == #"no "organisation" key: this is an object holding a list of respondents under 'respondents'; "#
            + #"give the list itself, as a .json file that is an array of respondents ([{"organisation": ...}, ...])"#)
        let numbers = try #require(try rejection(#"{"respondent": "R", "scores": [1, 2]}"#))
        #expect(numbers.reason.hasPrefix(#"no "organisation" key (accepted:"#))
        let two = try #require(try rejection(#"{"staff": [{"organisation": "A"}], "carers": [{"organisation": "A"}]}"#))
        #expect(two.reason.hasPrefix(#"no "organisation" key (accepted:"#))
    }

    /// The scanner that says where a text stops being JSON must find a problem exactly where the
    /// parser refuses one: checked on every text one byte shorter, or with one byte changed, than
    /// respondents with every kind of value.
    @Test func theScannerFindsAProblemWhereverTheParserFindsOne() throws {
        let texts = [
            #"{"organisation": "Café \"Q\" \u00e9 \ud83d\ude00", "assets.1": [1, -2.5e+3, true, false, null], "x": {"y": {}, "z": []}}"#,
            #"{"a":0,"b":-0.5,"c":1E2,"d":"\/\b\f\n\r\t","e":[[]],"answers":{"assets.1":"4"}}"#,
        ]
        let (framework, _) = try loadFramework("involvement-audit")
        let reader = AssessmentReader(framework: framework)
        var checked = 0
        for text in texts {
            let bytes = Array(text.utf8)
            var variants: [[UInt8]] = []
            for index in bytes.indices {
                var shorter = bytes
                shorter.remove(at: index)
                variants.append(shorter)
                for replacement in Array(#"{}[]",:\ 0a-.eu"#.utf8) + [0xFF, 0x09] {
                    var changed = bytes
                    changed[index] = replacement
                    variants.append(changed)
                }
            }
            for variant in variants where variant.first == UInt8(ascii: "{") {
                let parses = (try? JSONSerialization.jsonObject(with: Data(variant), options: .fragmentsAllowed)) != nil
                let problem: String? = switch outcome(variant, reader: reader) {
                case .rejected(let row) where row.reason.hasPrefix("not valid JSON"): row.reason
                default: nil
                }
                #expect(parses == (problem == nil), "\(String(decoding: variant, as: UTF8.self)): \(problem ?? "no problem found")")
                #expect(problem?.hasPrefix("not valid JSON (") != true, "the parser's words: \(String(decoding: variant, as: UTF8.self))")
                checked += 1
            }
        }
        #expect(checked > 2_000)
    }
}
