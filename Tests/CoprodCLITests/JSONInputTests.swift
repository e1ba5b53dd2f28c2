import Foundation
import Testing

/// JSON Lines and JSON inputs that are not all good respondents: `evaluate` and `batch` reject
/// the same lines and items for the same reasons, each saying where and why, and evaluate the
/// rest alike; a file cut short is refused by both.
@Suite("Bad JSON inputs in evaluate and batch", .timeLimit(.minutes(3)))
struct JSONInputTests {
    static let scale = "(accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can)"
    /// What a value off the scale is refused with: the same, and that empty is no answer.
    static let offScale = "(accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)"

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-json-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A rejected.csv line as `evaluate` says it: "FILE line 3, key 'x': reason".
    private func described(_ line: Substring, word: String) -> String {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character != "\"" {
                    field.append(character)
                } else if characters.first == "\"" {
                    field.append(characters.removeFirst())
                } else {
                    quoted = false
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        // The column is a key, with where it is in a JSON file ("key 'assets.1' (line 8, column 4)"),
        // or for an item with no key named, where the item starts ("line 3, column 3").
        let place = fields[3].isEmpty ? "" : fields[3].hasPrefix("line ") ? " (\(fields[3]))" : ", \(fields[3])"
        return "\(fields[0]) \(word) \(fields[1])" + place + ": " + fields[4]
    }

    /// Runs evaluate and batch (in one chunk, and item by item with two workers) on `input`,
    /// checks they agree, and gives evaluate's rejections and summary line.
    private func evaluateAndBatch(_ input: String, word: String, in work: URL) throws -> (rejections: [String], summary: String) {
        let evaluated = try runCoprod(["evaluate", "involvement-audit", input, "--format", "csv"], timeout: 60)
        #expect(evaluated.status == 1, "\(evaluated.standardError)")
        let lines = evaluated.standardError.split(separator: "\n").map(String.init)
        let rejections = lines.filter { !$0.contains(" rows read: ") }.map { String($0.dropFirst("coprod: ".count)) }
        for options in [["--jobs", "1"], ["--jobs", "2", "--chunk-bytes", "1"]] {
            let out = work.appendingPathComponent("out-\(UUID())")
            let batch = try runCoprod(["batch", "involvement-audit", input, "--out", out.path, "--quiet"] + options, timeout: 60)
            #expect(batch.status == 1, "\(options): \(batch.standardError)")
            // The same results; batch lists an organisation where its last row is, rejected or not.
            let results = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
            #expect(results.split(separator: "\n").sorted() == evaluated.standardOutput.split(separator: "\n").sorted(), "\(options)")
            let rejected = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { described($0, word: word) }
            #expect(rejected == rejections, "\(options)")
        }
        return (rejections, lines.last ?? "")
    }

    /// A JSON input whose respondents have no key of the framework's answers (another
    /// framework's, or misspelt) is refused whole, as a CSV header with no answer column is, by
    /// `evaluate` and `batch` alike; answers given as null are still answers' keys.
    @Test func anInputWithNoAnswerKeyIsRefused() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let lines = try write(#"{"organisation":"A","asset.1":3}"# + "\n" + #"{"organisation":"B","Q1":4}"# + "\n", "none.jsonl", in: work)
        let array = try write(#"[{"organisation":"A","answers":{"asset.1":3}}]"#, "none.json", in: work)
        for file in [lines, array] {
            let message = "coprod: \(file): no key of its respondents is an answer of involvement-audit (key 'asset.1': did you mean 'assets.1'?; "
                + "`coprod template involvement-audit --format json` shows the keys, `coprod frameworks` the frameworks)\n"
            let evaluated = try runCoprod(["evaluate", "involvement-audit", file])
            #expect(evaluated.status == 2)
            #expect(evaluated.standardError == message)
            let out = work.appendingPathComponent("out")
            let batch = try runCoprod(["batch", "involvement-audit", file, "--out", out.path])
            #expect(batch.status == 2)
            #expect(batch.standardError == message)
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        let nulls = try write(#"{"organisation":"A","answers":{"assets.1":null}}"# + "\n", "nulls.jsonl", in: work)
        #expect(try runCoprod(["evaluate", "involvement-audit", nulls]).status == 0)
    }

    /// A respondent whose organisation a batch's first pass cannot find from its keys alone
    /// (`answers` given twice) is rejected before it is grouped: `evaluate` neither tells its
    /// organisation's result of it nor names the organisation by it, as a batch does not.
    @Test func aRespondentRejectedBeforeItIsGroupedIsNotToldToItsOrganisation() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let lines = [#"{"organisation":"Alpha","role":"staff","assets.1":3}"#,
                     #"{"organisation":"Alpha","answers":{"assets.1":2},"answers":{"assets.2":4}}"#,
                     #"{"organisation":"Cafe\#u{0301}","answers":{},"answers":{}}"#,
                     #"{"organisation":"Caf\#u{00E9}","assets.1":3}"#]
        let file = try write(lines.joined(separator: "\n") + "\n", "grouped.jsonl", in: work)
        let out = work.appendingPathComponent("out")
        _ = try runCoprod(["batch", "involvement-audit", file, "--out", out.path, "--quiet"])
        let batched = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let evaluated = try runCoprod(["evaluate", "involvement-audit", file, "--format", "json"])
        let listed = try JSONSerialization.jsonObject(with: Data(evaluated.standardOutput.utf8)) as? [[String: Any]] ?? []
        for results in [batched, listed] {
            #expect(results.map { Array(($0["organisation"] as? String ?? "").utf8) } == [Array("Alpha".utf8), Array("Caf\u{00E9}".utf8)])
            #expect(results.allSatisfy { ($0["warnings"] as? [String])?.contains { $0.contains("rejected") } == false })
        }
    }

    @Test func jsonLinesThatAreNotGoodRespondentsAreRejectedAlike() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let lines: [[UInt8]] = [
            #"{"organisation":"Alpha","role":"staff","assets.1":4,"assets.2":3}"#,
            "this is not json",
            "[1,2,3]",
            #""just a string""#,
            #"{"organisation":"Gamma","assets.1":true}"#,
            #"{"organisation":"Delta","assets.1":[4]}"#,
            #"{"organisation":"Delta","assets.1":{"v":4}}"#,
            #"{"organisation":"Delta","role":["staff"],"assets.1":4}"#,
            #"{"organisation":"Delta","answers":"x","assets.1":4}"#,
            #"{"organisation":"Delta","answers":{"assets.1":[1]}}"#,
            #"{"respondent":"R","assets.1":4}"#,
            #"{"organisation":"Eta","assets.1":4,"#,
            "",
            #"{"organisation":"Iota","assets.1":4} trailing"#,
            "UTF8",
            #"{"organisation":"Alpha","role":"carer","answers":{"assets.1":2}}"#,
            #"{"organisation":"Beta","answers":null,"assets.1":"Made a start"}"#,
            #"{"organisation":"Alpha","assets.1":"four"}"#,
            #"{"organisation":"Theta","assets.1":1e999}"#,
        ].map { $0 == "UTF8" ? Array(#"{"organisation":"B"#.utf8) + [0xFF] + Array(#"","assets.1":4}"#.utf8) : Array($0.utf8) }
        let file = work.appendingPathComponent("rows.jsonl").path
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: file))

        let (rejections, summary) = try evaluateAndBatch(file, word: "line", in: work)
        let answer = "where one answer on the 1-5 scale is expected \(JSONInputTests.scale)"
        #expect(rejections == [
            "\(file) line 2: not valid JSON: expected one respondent (an object, starting with '{') at column 1, found 'this'",
            "\(file) line 3: expected one respondent (an object), found an array of 3 items ([1,2,3])",
            #"\#(file) line 4: expected one respondent (an object), found a string ("just a string")"#,
            "\(file) line 5, key 'assets.1': true is not on the 1-5 scale \(JSONInputTests.offScale)",
            "\(file) line 6, key 'assets.1': found an array of 1 item ([4]) \(answer)",
            #"\#(file) line 7, key 'assets.1': found an object ({"v":4}) \#(answer)"#,
            #"\#(file) line 8, key 'role': found an array of 1 item (["staff"]) where one role is expected (accepted: text, such as staff, service user, carer or board)"#,
            #"\#(file) line 9, key 'answers': found a string ("x") where an object of answers is expected (accepted: an object such as {"assets.1": 4}, or the answers beside "organisation")"#,
            "\(file) line 10, key 'assets.1': found an array of 1 item ([1]) \(answer)",
            #"\#(file) line 11: no "organisation" key (accepted: "organisation", "organization" or "organisation name", in any case); its keys are 'assets.1', 'respondent'"#,
            "\(file) line 12: not valid JSON: expected a key in double quotes at column 36, found the end of the line",
            "\(file) line 14: not valid JSON: text after the respondent at column 38, found 'trailing'",
            "\(file) line 15: not valid JSON: not valid UTF-8 at column 19 (save the file as UTF-8)",
            "\(file) line 18, key 'assets.1': 'four' is not on the 1-5 scale \(JSONInputTests.offScale)",
            "\(file) line 19: the number 1e999 is too large to read (a value is a number no larger than about 1e308, or text)",
        ])
        // 18 lines that are not blank: Alpha's two good ones and Beta's are evaluated.
        #expect(summary == "coprod: 18 rows read: 3 evaluated for 2 organisations, 15 rejected")
        // --strict changes nothing here: no key is unknown.
        let strict = try runCoprod(["evaluate", "involvement-audit", file, "--strict", "--format", "csv"], timeout: 60)
        #expect(strict.status == 1)
        #expect(strict.standardError.split(separator: "\n").last == Substring(summary))
    }

    /// A key given twice in one object is refused, as a column given twice is: a parser keeps one
    /// value without a word. Once at the top level and once in `answers` is the documented merge.
    @Test func aKeyGivenTwiceInOneObjectIsRejected() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("twice.jsonl").path
        try Data("""
            {"organisation":"Alpha","role":"staff","assets.1":4,"assets.1":2}
            {"organisation":"Beta","answers":{"assets.2":3,"assets.2":3}}
            {"organisation":"Gamma","assets.1":4,"answers":{"assets.1":2}}
            {"organisation":"Alpha","role":"carer","assets.1":3}
            {"organisation":"Delta","role":"staff","role":"carer","assets.1":3}
            {"organisation":"Epsilon","Organisation":"Zeta","assets.1":3}
            {"organisation":"Eta","role":"staff","Role":"carer","assets.1":3}
            {"organisation":"Theta","organisation":"Iota","assets.1":3}

            """.utf8).write(to: URL(fileURLWithPath: file))
        let (rejections, summary) = try evaluateAndBatch(file, word: "line", in: work)
        let twice = "given twice in one object: which of its values is meant cannot be told (keep one)"
        #expect(rejections == [
            "\(file) line 1, key 'assets.1': \(twice)",
            "\(file) line 2, key 'assets.2': \(twice)",
            "\(file) line 5, key 'role': \(twice)",
            "\(file) line 6: key 'Organisation' and key 'organisation' are both the organisation: keep one, and rename or delete the other",
            "\(file) line 7: key 'Role' and key 'role' are both the role: keep one, and rename or delete the other",
            "\(file) line 8, key 'organisation': \(twice)",
        ])
        #expect(summary == "coprod: 8 rows read: 2 evaluated for 2 organisations, 6 rejected")
        // rejected.csv names the organisation, unless it is the organisation that is in doubt.
        let out = work.appendingPathComponent("organisations")
        _ = try runCoprod(["batch", "involvement-audit", file, "--out", out.path, "--quiet"])
        let organisations = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(organisations == ["Alpha", "Beta", "Delta", "", "Eta", ""])

        // A key coprod ignores may be given twice, anywhere: its values are never read.
        let ignored = work.appendingPathComponent("ignored.jsonl").path
        try Data(#"{"organisation":"Kappa","notes":{"x":1,"x":2},"extra":1,"extra":2,"assets.1":3}"#.utf8).write(to: URL(fileURLWithPath: ignored))
        let kept = try runCoprod(["evaluate", "involvement-audit", ignored, "--format", "csv"])
        #expect(kept.status == 0, "\(kept.standardError)")
        #expect(kept.standardOutput.contains("\nKappa,1,"))
    }

    @Test func jsonItemsThatAreNotGoodRespondentsAreRejectedAlike() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let text = """
            [
              {"organisation": "Alpha", "role": "staff", "assets.1": 4},
              "a string",
              42,
              null,
              {"organisation": "Beta", "assets.1": 4,,},
              {"organisation": "Gamma",
               "assets.1": [4]},
              ,
              {"organisation": "Delta", "assets.1": 3}},
              {"organisation": "Alpha",
               "role": "carer"
               "assets.1": 2},
              {"organisation": "Eps", "answers": {"assets.1": 5}},
              {"organisation": "Zeta", "assets.1": tru}
            ]

            """
        let file = work.appendingPathComponent("rows.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))

        let (rejections, summary) = try evaluateAndBatch(file, word: "item", in: work)
        #expect(rejections == [
            #"\#(file) item 2 (line 3, column 3): expected one respondent (an object), found a string ("a string")"#,
            "\(file) item 3 (line 4, column 3): expected one respondent (an object), found a number (42)",
            "\(file) item 4 (line 5, column 3): expected one respondent (an object), found null",
            "\(file) item 5: not valid JSON: expected a key in double quotes at line 6, column 42, found ','",
            "\(file) item 6, key 'assets.1' (line 8, column 4): found an array of 1 item ([4]) where one answer on the 1-5 scale is expected \(JSONInputTests.scale)",
            "\(file) item 7: the item is empty (expected one respondent, an object, before the ',')",
            "\(file) item 8: not valid JSON: text after the respondent at line 10, column 43, found '}'",
            #"\#(file) item 9: not valid JSON: expected ',' or '}' after a value at line 13, column 4, found '"'"#,
            "\(file) item 11: not valid JSON: expected a value at line 15, column 40, found 'tru' (text goes in double quotes)",
        ])
        #expect(summary == "coprod: 11 rows read: 2 evaluated for 2 organisations, 9 rejected")
    }

    /// An item can run over many lines: a problem with one of its keys names the line and column
    /// of that key as written (inside "answers", in another case), and evaluate and batch agree.
    @Test func aJSONItemsKeyIsPlacedWhereItIsWritten() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let text = """
            [
              {"organisation": "Alpha", "assets.1": 4},
              {"organisation": "Beta",
               "answers": {"networks.1": 2,
                  "Assets.1": 9}},
              {"organisation": "Gamma", "role": ["staff"]},
              {"organisation": "Delta", "assets.1": 3,
               "answers": {"assets.1": "six"}},
              {"organisation": "Eps", "networks.1": 1, "answers": {"networks.1": 2,
                 "networks.1": 3}},
              {"organisation": "Zeta",
               "Organisation": "Eta"}
            ]

            """
        let file = work.appendingPathComponent("placed.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let (rejections, summary) = try evaluateAndBatch(file, word: "item", in: work)
        let twice = "given twice in one object: which of its values is meant cannot be told (keep one)"
        #expect(rejections == [
            "\(file) item 2, key 'assets.1' (line 5, column 7): '9' is not on the 1-5 scale \(JSONInputTests.offScale)",
            "\(file) item 3, key 'role' (line 6, column 29): found an array of 1 item ([\"staff\"]) where one role is expected "
                + "(accepted: text, such as staff, service user, carer or board)",
            // The value read is the one in "answers", and that is where the message points.
            "\(file) item 4, key 'assets.1' (line 8, column 16): 'six' is not on the 1-5 scale \(JSONInputTests.offScale)",
            // A key given twice is placed where it is given the second time.
            "\(file) item 5, key 'networks.1' (line 10, column 6): \(twice)",
            // Two keys for one thing: the one named second.
            "\(file) item 6 (line 11, column 4): key 'Organisation' and key 'organisation' are both the organisation: keep one, and rename or delete the other",
        ])
        #expect(summary == "coprod: 6 rows read: 1 evaluated for 1 organisation, 5 rejected")
    }

    /// A JSON file that ends before its array is closed may be half written: neither command
    /// evaluates any of it (nor of the other inputs), and both say where it ends.
    @Test(arguments: [
        ("[\n {\"organisation\": \"Alpha\", \"assets.1\": 4},\n {\"organisation\": \"Beta\", \"assets.1\": 4}\n",
         "the file ends before its array is closed (']' is missing after item 2, which starts at line 3, column 2): it may have been cut short, so none of it is evaluated; export it again, or end the array with ']' if it is complete"),
        ("[\n {\"organisation\": \"Alpha\", \"assets.1\": 4},\n {\"organisation\": \"Beta\", \"ass",
         "the file ends inside item 2, which starts at line 3, column 2, before the array is closed: it has been cut short, so none of it is evaluated; export it again"),
    ])
    func aJSONFileCutShortIsRefusedByBoth(text: String, problem: String) throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("cut.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let good = work.appendingPathComponent("good.csv").path
        try Data("organisation,assets.1\nGood,4\n".utf8).write(to: URL(fileURLWithPath: good))
        let evaluated = try runCoprod(["evaluate", "involvement-audit", good, file], timeout: 60)
        #expect(evaluated.status == 2)
        #expect(evaluated.standardError == "coprod: \(file): \(problem)\n")
        #expect(evaluated.standardOutput.isEmpty)
        let out = work.appendingPathComponent("out")
        let batch = try runCoprod(["batch", "involvement-audit", good, file, "--out", out.path], timeout: 60)
        #expect(batch.status == 2)
        #expect(batch.standardError == "coprod: \(file): \(problem)\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
