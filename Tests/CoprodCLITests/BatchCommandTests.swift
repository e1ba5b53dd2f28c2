import Foundation
import Testing

@Suite("coprod batch", .timeLimit(.minutes(2)))
struct BatchCommandTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
    let header = "organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect\n"

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-batch-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func read(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func resultsAreInInputOrderAndIdenticalWhateverTheJobs() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "300", "--seed", "5"])
        #expect(sample.status == 0)
        // Interleave the organisations' rows so that grouping has work to do.
        var lines = sample.standardOutput.split(separator: "\n").map(String.init)
        let head = lines.removeFirst()
        let interleaved = [head] + lines.enumerated().sorted { ($0.offset % 3, $0.offset) < ($1.offset % 3, $1.offset) }.map(\.element)
        let input = try write(interleaved.joined(separator: "\n") + "\n", "sample.csv", in: work)
        var outputs: [String] = []
        // Workers beyond the chunks' count are not started: 256 asked, one chunk here.
        for jobs in ["1", "4", "256"] {
            let out = work.appendingPathComponent("out-\(jobs)")
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", jobs, "--quiet"])
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(try read(out, "results.jsonl"))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        let names = outputs[0].split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["organisation"] as? String
        }
        #expect(names.count == 300)
        #expect(names.prefix(3) == ["Organisation 1", "Organisation 2", "Organisation 3"])
        #expect(names == (1...300).map { "Organisation \($0)" })
    }

    @Test func anOrganisationWhoseLastRowComesAfterManyOthersDoesNotStallTheBatch() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // Alpha's rows are the first and the last. With a chunk per organisation, the 600
        // organisations between them are far more chunks than may wait between evaluating and
        // writing (4 with one worker): Alpha must be listed where its last row is, with both
        // rows, and nothing may wait for it before then.
        var text = header + "Alpha,staff,1,1,1,1,1,1,\n"
        for number in 1...600 { text += "Organisation \(number),staff,3,3,3,3,3,3,\n" }
        text += "Alpha,carer,5,5,5,5,5,5,\n"
        let input = try write(text, "scattered.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", "1", "--quiet",
                                    "--chunk-bytes", "1"], timeout: 60)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try read(out, "results.jsonl").split(separator: "\n")
        #expect(lines.count == 601)
        let alpha = try #require(lines.last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(alpha["organisation"] as? String == "Alpha")
        #expect(alpha["respondents"] as? Int == 2)
        #expect(alpha["overall"] as? Double == 3)
    }

    /// Workers read the inputs in chunks cut where an organisation's rows start. However small
    /// the chunks and however many workers, the results must be those of one chunk and one
    /// worker: no organisation split in two, scattered rows gathered from every chunk (and the
    /// organisation listed where its last row is), and every row accounted for.
    @Test func chunksOfAnySizeGiveTheSameResults() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var lines: [String] = [String(header.dropLast()), "Scattered,staff,1,1,1,1,1,1,"]
        for number in 1...40 {
            let value = number % 5 + 1
            lines.append("Org \(number),staff,\(value),\(value),\(value),2,2,2,")
            lines.append("Org \(number),carer,3,3,3,4,4,4,\"a, b\"")
            switch number {
            case 5: lines.append("Middle,staff,2,2,2,2,2,2,")
            case 10: lines.append("Short,staff,4,4")
            case 15: lines.append("Middle,carer,4,4,4,4,4,4,")
            case 20: lines += ["", "Scattered,carer,5,5,5,5,5,5,"]
            case 25: lines.append("\"Smith, Jones\",staff,2,2,2,2,2,2,\"said \"\"no\"\"\"")
            case 30: lines.append("Off,staff,six,4,4,3,3,3,")
            default: break
            }
        }
        lines.append("Scattered,service user,3,3,3,3,3,3,")
        let input = try write(lines.joined(separator: "\r\n") + "\r\n", "chunks.csv", in: work)

        let files = ["results.jsonl", "results.csv", "rejected.csv", "summary.json", "summary.md"]
        var outputs: [[String]] = []
        for (jobs, chunkBytes) in [("1", nil), ("1", "1"), ("3", "1"), ("4", "100"), ("2", "333")] as [(String, String?)] {
            let out = work.appendingPathComponent("out-\(jobs)-\(chunkBytes ?? "default")")
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", jobs, "--quiet"]
                                       + (chunkBytes.map { ["--chunk-bytes", $0] } ?? []), timeout: 60)
            #expect(result.status == 1, "\(result.standardError)")
            let output = try files.map { try read(out, $0) }
            if let reference = outputs.first {
                let differing = files.indices.filter { output[$0] != reference[$0] }.map { files[$0] }
                #expect(differing.isEmpty, "--jobs \(jobs) --chunk-bytes \(chunkBytes ?? "default"): \(differing) differ")
            }
            outputs.append(output)
        }

        let results = outputs[0][0].split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let names = results.compactMap { $0["organisation"] as? String }
        // In the order of each organisation's last row.
        #expect(names == (1...15).map { "Org \($0)" } + ["Middle"] + (16...25).map { "Org \($0)" } + ["Smith, Jones"]
                + (26...40).map { "Org \($0)" } + ["Scattered"])
        let respondents = Dictionary(uniqueKeysWithValues: results.map { ($0["organisation"] as? String ?? "", $0["respondents"] as? Int ?? 0) })
        #expect(respondents["Scattered"] == 3 && respondents["Middle"] == 2 && respondents["Smith, Jones"] == 1 && respondents["Org 40"] == 2)
        // Scattered answered 1, 5 and 3 throughout; Middle 2 and 4.
        #expect(results.last?["overall"] as? Double == 3)
        #expect(results[15]["overall"] as? Double == 3)
        let rejected = outputs[0][2].split(separator: "\n")
        #expect(rejected.count == 3)
        #expect(rejected[1].hasPrefix("\(input),24,Short,,"))
        #expect(rejected[2].hasPrefix("\(input),69,Off,"))
        let summary = try JSONSerialization.jsonObject(with: Data(outputs[0][3].utf8)) as? [String: Any]
        #expect(summary?["rows"] as? [String: Int] == ["read": 88, "evaluated": 86, "rejected": 2])
    }

    /// Rows whose organisation names are equal as text belong to one organisation however their
    /// bytes differ (the Kelvin sign and `K`, `é` in one code point or two, spaces or tabs
    /// around), together or apart, wherever the column is and however the input is cut: the
    /// first pass, which keeps only a hash of each name, must agree with the workers, which
    /// group by the names.
    @Test(arguments: [false, true]) func namesEqualAsTextAreOneOrganisation(organisationSecond: Bool) throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let rows = [("Kelvin Trust", "staff", 1), ("\u{212A}elvin Trust", "carer", 5), ("Caf\u{00E9} Group", "staff", 2),
                    ("Org 1", "staff", 3), ("Cafe\u{0301} Group", "carer", 4), (" Padded\t", "staff", 2), ("Org 2", "staff", 3),
                    ("Padded", "carer", 4), ("Kelvin Trust", "service user", 3)]
        var text = organisationSecond ? "role,organisation" + header.dropFirst("organisation,role".count) : header
        for (name, role, value) in rows {
            let answers = Array(repeating: "\(value)", count: 6).joined(separator: ",")
            text += (organisationSecond ? "\(role),\(name)" : "\(name),\(role)") + ",\(answers),\n"
        }
        let input = try write(text, "names.csv", in: work)
        var outputs: [String] = []
        // Several times with three workers: which chunk a worker finishes first is chance.
        for (turn, (jobs, chunkBytes)) in ([("1", nil), ("1", "1")] + Array(repeating: ("3", "1"), count: 6) as [(String, String?)]).enumerated() {
            let out = work.appendingPathComponent("out-\(turn)")
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", jobs, "--quiet"]
                                       + (chunkBytes.map { ["--chunk-bytes", $0] } ?? []))
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(try read(out, "results.jsonl"))
        }
        // The same bytes: `==` on strings would take a composed "é" for a decomposed one.
        #expect(outputs.allSatisfy { Array($0.utf8) == Array(outputs[0].utf8) })
        let results = outputs[0].split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        // Each where its last row is; `==` on names is `String`'s, so either form of each matches.
        #expect(results.compactMap { $0["organisation"] as? String } == ["Org 1", "Caf\u{00E9} Group", "Org 2", "Padded", "Kelvin Trust"])
        // Each spelt as its first row spells it, byte for byte, as `evaluate` has it.
        #expect(results.map { Array(($0["organisation"] as? String ?? "").utf8) }
            == ["Org 1", "Caf\u{00E9} Group", "Org 2", "Padded", "Kelvin Trust"].map { Array($0.utf8) })
        #expect(results.compactMap { $0["respondents"] as? Int } == [1, 2, 1, 2, 3])
        // Kelvin Trust answered 1, 5 and 3 throughout; Café Group 2 and 4; Padded 2 and 4.
        #expect(results.compactMap { $0["overall"] as? Double } == [3, 3, 3, 3, 3])
    }

    /// Names that differ only in how they were typed stay apart (coprod cannot know they are
    /// one organisation) and are warned of, by a batch however it is cut and by `evaluate`.
    @Test func namesTypedTwoWaysAreWarnedOf() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let rows = ["Riverside Housing", "St Mary's", "Hill Trust", "riverside  housing", "St Mary\u{2019}s", "Hill Trust"]
        let input = try write(header + rows.map { "\($0),staff,3,3,3,3,3,3,\n" }.joined(), "names.csv", in: work)
        let warning = "coprod: warning: names that differ only in case, spaces, accents or punctuation were evaluated as different "
            + "organisations: 'Riverside Housing' and 'riverside  housing'; 'St Mary's' and 'St Mary\u{2019}s' (if each is one organisation, "
            + "write its name the same way in every row and run again)"
        for (jobs, chunkBytes) in [("1", "65536"), ("3", "1")] {
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", work.appendingPathComponent("out-\(jobs)").path,
                                        "--jobs", jobs, "--chunk-bytes", chunkBytes, "--quiet"])
            #expect(result.standardError.split(separator: "\n").map(String.init) == [warning])
            #expect(try read(work.appendingPathComponent("out-\(jobs)"), "results.csv").split(separator: "\n").count == 6)
        }
        let evaluated = try runCoprod(["evaluate", "mini-audit", input, "--path", fixtures, "--format", "csv"])
        #expect(evaluated.standardError.split(separator: "\n").first.map(String.init) == warning)
        // A composed and a decomposed spelling of one name, among others: listed in one order by
        // both commands, that of the names' bytes.
        let accents = ["Zoe\u{0308} Housing", "Zo\u{00EB} Housing.", "Zo\u{00EB} Housing", "ZO\u{00CB} HOUSING"]
        let accentInput = try write(header + accents.map { "\($0),staff,3,3,3,3,3,3,\n" }.joined(), "accents.csv", in: work)
        let accentBatch = try runCoprod(["batch", "mini-audit", accentInput, "--path", fixtures, "--out", work.appendingPathComponent("accents").path, "--quiet"])
        let accentEvaluate = try runCoprod(["evaluate", "mini-audit", accentInput, "--path", fixtures, "--format", "csv"])
        #expect(Array(accentBatch.standardError.utf8) == Array((accentEvaluate.standardError.split(separator: "\n")[0] + "\n").utf8))
        // Many spellings of one name: all gathered, whichever worker has which, and shown alike.
        let many = ["River Side", "river side", "RIVER SIDE", "River-Side", "River.Side", "riverside", "RiverSide", "RIVERSIDE"]
        let manyInput = try write(header + many.map { "\($0),staff,3,3,3,3,3,3,\n" }.joined(), "many.csv", in: work)
        var said: [String] = []
        for (jobs, chunkBytes) in [("1", "65536"), ("3", "1"), ("4", "1")] {
            said.append(try runCoprod(["batch", "mini-audit", manyInput, "--path", fixtures, "--out", work.appendingPathComponent("many-\(jobs)").path,
                                       "--jobs", jobs, "--chunk-bytes", chunkBytes, "--quiet"]).standardError)
        }
        said.append(try runCoprod(["evaluate", "mini-audit", manyInput, "--path", fixtures, "--format", "csv"]).standardError.split(separator: "\n")[0] + "\n")
        #expect(said.allSatisfy { $0 == said[0] }, "\(said)")
        #expect(said[0].contains("'RIVER SIDE', 'RIVERSIDE', 'River Side', 'River-Side', 'River.Side' and 3 more"), "\(said[0])")
        let unlike = try write(header + "Riverside Housing,staff,3,3,3,3,3,3,\nRiverside Care,staff,3,3,3,3,3,3,\n", "unlike.csv", in: work)
        let quiet = try runCoprod(["batch", "mini-audit", unlike, "--path", fixtures, "--out", work.appendingPathComponent("unlike").path, "--quiet"])
        #expect(quiet.standardError.isEmpty)
    }

    /// CSV, JSON Lines and JSON inputs in one batch: each file is read in its own chunks, and an
    /// organisation with rows in two files is evaluated once, where its last row is.
    @Test func csvJSONLinesAndJSONTogether() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let csv = try write(header + "A,staff,1,1,1,1,1,1,\nA,carer,2,2,2,2,2,2,\nB,staff,4,4,4,4,4,4,\n", "first.csv", in: work)
        let lines = [
            #"{"organisation": "C", "role": "staff", "assets.1": 3, "assets.2": 3, "assets.3": 3}"#,
            #"{"organisation": "C", "role": "carer", "answers": {"assets.1": 5, "assets.2": 5, "assets.3": 5}}"#,
            #"{"organisation": "D", "role": "staff", "assets.1": "#,
            "",
            #"{"organisation": "A", "role": "service user", "assets.1": 3, "assets.2": 3, "assets.3": 3, "networks.1": 3, "networks.2": 3, "networks.3": 3}"#,
        ]
        let jsonl = try write(lines.joined(separator: "\n") + "\n", "second.jsonl", in: work)
        let json = try write(#"[{"organisation": "E", "role": "staff", "assets.1": "Making progress"}, {"role": "staff"}]"#, "third.json", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", csv, jsonl, json, "--path", fixtures, "--out", out.path, "--jobs", "2",
                                    "--quiet", "--chunk-bytes", "1"], timeout: 60)
        #expect(result.status == 1, "\(result.standardError)")
        let results = try read(out, "results.jsonl").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(results.compactMap { $0["organisation"] as? String } == ["B", "C", "A", "E"])
        #expect(results.compactMap { $0["respondents"] as? Int } == [1, 2, 3, 1])
        // A: assets (1 + 2 + 3) / 3 = 2 and networks the same, so 2 overall; C: assets (3 + 5) / 2.
        #expect(results[2]["overall"] as? Double == 2)
        #expect((results[1]["sections"] as? [[String: Any]])?.first?["score"] as? Double == 4)
        let rejected = try read(out, "rejected.csv").split(separator: "\n").map(String.init)
        #expect(rejected.count == 3, "\(rejected)")
        #expect(rejected.contains { $0 == "\(jsonl),3,,,\"not valid JSON: expected a value at column 52, found the end of the line\"" }, "\(rejected)")
        #expect(rejected.contains { $0.hasPrefix("\(json),2,,\"line ") && $0.contains(#""no ""organisation"" key (accepted: "#) }, "\(rejected)")
        let summary = try JSONSerialization.jsonObject(with: Data(try read(out, "summary.json").utf8)) as? [String: Any]
        #expect(summary?["rows"] as? [String: Int] == ["read": 9, "evaluated": 7, "rejected": 2])
    }

    /// An organisation whose rows run on from the end of one input into the next (each
    /// organisation sending a file of its own, or an export split in two) is one organisation,
    /// evaluated once with all its rows, as `evaluate` has it, whatever the jobs.
    @Test(arguments: [1, 2]) func anOrganisationRunningOnIntoTheNextInputIsOne(jobs: Int) throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try write(header + "Riverside,staff,5,5,5,5,5,5,\nRiverside,staff,4,4,4,4,4,4,\n", "first.csv", in: work)
        let second = try write(header + "Riverside,service user,1,1,1,1,1,1,\nValley,staff,3,3,3,3,3,3,\n", "second.csv", in: work)
        let third = try write(#"{"organisation": "Valley", "role": "carer", "assets.1": 5, "assets.2": 5, "assets.3": 5, "networks.1": 5, "networks.2": 5, "networks.3": 5}"# + "\n",
                              "third.jsonl", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", first, second, third, "--path", fixtures, "--out", out.path,
                                    "--jobs", String(jobs), "--quiet"], timeout: 60)
        #expect(result.status == 0, "\(result.standardError)")
        // Riverside: (5 + 4 + 1) / 3 in both sections; Valley: (3 + 5) / 2.
        let rows = try read(out, "results.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(rows == ["Riverside,3,3.3333", "Valley,2,4"])
        let evaluated = try runCoprod(["evaluate", "mini-audit", first, second, third, "--path", fixtures, "--format", "csv"])
        #expect(evaluated.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == rows)
    }

    /// JSON Lines and JSON inputs are cut into chunks as a CSV one is: whatever the chunk size
    /// and the number of workers, they give what the same rows as CSV give, and a line or item
    /// that is not one respondent is rejected with its number.
    @Test func jsonLinesAndJSONAreReadInChunksAsCSVIs() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "40", "--respondents", "2", "--seed", "8"])
        var lines = sample.standardOutput.split(separator: "\n").map(String.init)
        let names = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // Organisation 1's first row goes to the end, so that its rows are apart.
        lines.append(lines.removeFirst())
        let csv = try write(([names.joined(separator: ",")] + lines).joined(separator: "\n") + "\n", "rows.csv", in: work)
        let objects = try lines.map { line in
            let values = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let object = Dictionary(uniqueKeysWithValues: zip(names, values).filter { !$0.1.isEmpty })
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        }
        // Item 10 is not an object.
        var items = objects
        items.insert("5", at: 9)
        let json = try write("[\n" + items.joined(separator: ",\n") + "\n]\n", "rows.json", in: work)
        var jsonLines = objects
        // Lines 4 and 5 are blank, line 10 is not JSON, line 20 holds two respondents.
        jsonLines.insert(contentsOf: ["", "  "], at: 3)
        jsonLines.insert(#"{"organisation": "#, at: 9)
        jsonLines.insert(#"[{"organisation": "X", "role": "staff"}, {"organisation": "Y", "role": "staff"}]"#, at: 19)
        let jsonl = try write(jsonLines.joined(separator: "\n") + "\n", "rows.jsonl", in: work)

        let reference = work.appendingPathComponent("csv")
        _ = try runCoprod(["batch", "mini-audit", csv, "--path", fixtures, "--out", reference.path, "--quiet"])
        let expected: [(input: String, rejected: [(prefix: String, reason: String)])] = [
            (jsonl, [("\(jsonl),10,,,", "not valid JSON: expected a value at column 18, found the end of the line"),
                     ("\(jsonl),20,,,", "expected one respondent (an object), found an array of 2 items ([{")]),
            (json, [("\(json),10,,\"line ", "expected one respondent (an object), found a number (5)")]),
        ]
        for (input, rejections) in expected {
            for (jobs, chunkBytes) in [("1", nil), ("1", "1"), ("3", "1"), ("2", "150")] as [(String, String?)] {
                let out = work.appendingPathComponent("\(input.suffix(5))-\(jobs)-\(chunkBytes ?? "default")")
                let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", jobs, "--quiet"]
                                           + (chunkBytes.map { ["--chunk-bytes", $0] } ?? []), timeout: 60)
                #expect(result.status == 1, "\(result.standardError)")
                for name in ["results.jsonl", "results.csv"] {
                    #expect(try read(out, name) == read(reference, name), "\(input) --jobs \(jobs) --chunk-bytes \(chunkBytes ?? "default"): \(name) differs")
                }
                let rejected = try read(out, "rejected.csv").split(separator: "\n").map(String.init)
                #expect(rejected.count == rejections.count + 1, "\(rejected)")
                for (prefix, reason) in rejections {
                    #expect(rejected.contains { $0.hasPrefix(prefix) && $0.contains(reason) }, "\(prefix) \(reason): \(rejected)")
                }
                let summary = try JSONSerialization.jsonObject(with: Data(try read(out, "summary.json").utf8)) as? [String: Any]
                #expect(summary?["rows"] as? [String: Int] == ["read": 80 + rejections.count, "evaluated": 80, "rejected": rejections.count])
            }
        }
    }

    /// The first pass groups JSON respondents by the organisation found from their keys, without
    /// reading them in full: a respondent rejected when read is still listed in its group, as a
    /// CSV row with a value off its scale is, and an unknown key is warned of once, by name.
    @Test func jsonRespondentsAreGroupedAsCSVRowsAre() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // C's last row is rejected (six is off the scale): C is listed there, after X.
        let csv = try write("organisation,role,assets.1,favourite colour\nC,staff,3,\nX,staff,3,blue\nC,staff,six,\n", "rows.csv", in: work)
        let lines = [
            #"{"organisation": "C", "role": "staff", "assets.1": 3}"#,
            #"{"organisation": "X", "role": "staff", "assets.1": 3, "favourite colour": "blue"}"#,
            #"{"Organisation": "C", "role": "staff", "favourite colour": "red", "assets.1": "six"}"#,
        ]
        let jsonl = try write(lines.joined(separator: "\n") + "\n", "rows.jsonl", in: work)
        for input in [csv, jsonl] {
            let out = work.appendingPathComponent("out-\(input.suffix(4))")
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
            #expect(result.status == 1, "\(result.standardError)")
            let names = try read(out, "results.csv").split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
            #expect(names == ["X", "C"], "\(input)")
            let rejected = try read(out, "rejected.csv").split(separator: "\n").map(String.init)
            #expect(rejected.count == 2 && rejected[1].hasPrefix("\(input),\(input == csv ? 4 : 3),C,"), "\(rejected)")
        }
        let warned = try runCoprod(["batch", "mini-audit", jsonl, "--path", fixtures, "--out", work.appendingPathComponent("warned").path])
        let warnings = warned.standardError.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings == ["coprod: warning: \(jsonl): key 'favourite colour' is not part of mini-audit (ignored; `coprod template mini-audit` lists the columns)"])
        // With --strict the key rejects each respondent that has it, saying why.
        let strict = work.appendingPathComponent("strict")
        _ = try runCoprod(["batch", "mini-audit", jsonl, "--path", fixtures, "--out", strict.path, "--strict", "--quiet"])
        let rejected = try read(strict, "rejected.csv").split(separator: "\n").map(String.init)
        #expect(rejected.count == 3, "\(rejected)")
        #expect(rejected.dropFirst().allSatisfy { $0.contains("key 'favourite colour' is not part of mini-audit (refused with --strict") }, "\(rejected)")
    }

    /// A result read on its own (a line of results.jsonl, a report) says which of its
    /// organisation's rows were rejected and left out, so that it does not pass for all of them;
    /// `evaluate` says the same.
    @Test func aResultNamesItsOrganisationsRejectedRows() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // Row 6 is broken (too few fields): named by the organisation it seems to be, in
        // rejected.csv, but not in A's result, as a batch cannot group it; so is row 7, whose
        // text not UTF-8 is named first but which has a quote out of place after it.
        var bytes = Array((header + "A,staff,5,5,5,5,5,5,\nA,service user,1,1,six,1,1,1,\nB,staff,2,2,2,2,2,2,\nA,carer,9,1,1,1,1,1,\nA,staff,1\n").utf8)
        bytes += Array("A,".utf8) + [0xFF] + Array(",\"4\"5,1,1,1,1,1,\n".utf8)
        let input = work.appendingPathComponent("answers.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet", "--jobs", "2"])
        #expect(result.status == 1, "\(result.standardError)")
        let lines = try read(out, "results.jsonl").split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let warningsOf = Dictionary(uniqueKeysWithValues: lines.map { ($0["organisation"] as? String ?? "", $0["warnings"] as? [String] ?? []) })
        let leftOut = "2 rows of this organisation were rejected and left out of this result (\(input) row 3, \(input) row 5): the rejected rows say why"
        #expect(warningsOf["A"]?.first == leftOut)
        #expect(warningsOf["B"]?.contains { $0.contains("rejected") } == false)
        #expect(try read(out, "rejected.csv").split(separator: "\n").dropFirst(3).first == "\(input),6,A,,the row has 3 fields but the header has 9")
        let evaluated = try runCoprod(["evaluate", "mini-audit", input, "--path", fixtures, "--format", "json"])
        let organisations = try JSONSerialization.jsonObject(with: Data(evaluated.standardOutput.utf8)) as? [[String: Any]]
        #expect((organisations?.first?["warnings"] as? [String])?.first == leftOut)
        #expect((organisations?.last?["warnings"] as? [String])?.contains { $0.contains("rejected") } == false)
    }

    /// A name a spreadsheet would run as a formula (typed into a form's name box) is written to
    /// results.csv and rejected.csv as text, with an apostrophe before it; results.jsonl keeps
    /// it as written.
    @Test func aNameASpreadsheetWouldRunIsWrittenAsText() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "\"=HYPERLINK(\"\"http://x\"\",\"\"B\"\")\",staff,4,4,4,4,4,4,\n@Home,staff,2,2,2,2,2,2,\n"
                              + "-Minus,staff,six,2,2,2,2,2,\nPlain,staff,3,3,3,3,3,3,\n", "names.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
        #expect(result.status == 1, "\(result.standardError)")
        let rows = try read(out, "results.csv").split(separator: "\n").dropFirst()
        #expect(rows.first?.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\",\"\"B\"\")\",1,4,") == true)
        #expect(rows.dropFirst().map { String($0.prefix { $0 != "," }) } == ["'@Home", "Plain"])
        #expect(try read(out, "rejected.csv").split(separator: "\n")[1].hasPrefix("\(input),4,'-Minus,"))
        #expect(try read(out, "results.jsonl").contains(#""organisation":"=HYPERLINK(\"http://x\",\"B\")""#))
        let evaluated = try runCoprod(["evaluate", "mini-audit", input, "--path", fixtures, "--format", "csv"])
        #expect(evaluated.standardOutput.split(separator: "\n")[2].hasPrefix("'@Home,1,2,"))
    }

    /// `evaluate` names an organisation and tells its rejected rows as a batch does: by its
    /// first row read, rejected or not, byte for byte, and by its name with the spaces at either
    /// end aside.
    @Test func evaluateNamesAndTellsAsABatchDoes() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "Caf\u{00E9},staff,six,1,1,1,1,1,\nCafe\u{0301},staff,3,3,3,3,3,3,\n Org A ,staff,six,1,1,1,1,1,\nOrg A,carer,4,4,4,4,4,4,\n",
                              "spelt.csv", in: work)
        let out = work.appendingPathComponent("out")
        _ = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
        let batched = try read(out, "results.jsonl").split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let evaluated = try runCoprod(["evaluate", "mini-audit", input, "--path", fixtures, "--format", "json"])
        let listed = try JSONSerialization.jsonObject(with: Data(evaluated.standardOutput.utf8)) as? [[String: Any]] ?? []
        for results in [batched, listed] {
            #expect(results.map { Array(($0["organisation"] as? String ?? "").utf8) } == [Array("Caf\u{00E9}".utf8), Array("Org A".utf8)])
            #expect(results.map { ($0["warnings"] as? [String])?.first ?? "" } == [
                "1 row of this organisation was rejected and left out of this result (\(input) row 2): the rejected rows say why",
                "1 row of this organisation was rejected and left out of this result (\(input) row 4): the rejected rows say why",
            ])
        }
        #expect(try read(out, "rejected.csv").split(separator: "\n")[2].hasPrefix("\(input),4,Org A,"))
    }

    @Test func badRowsAndFailingRulesAreRejectedAndCounted() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var text = header
        text += "Good,staff,4,4,4,3,3,3,fine\n"                 // row 2
        text += "Bad quote,staff,4,\"4,4,3,3,3,\n"              // row 3 never closes: the rest of the file is one record
        let first = try write(text, "first.csv", in: work)
        var second = header
        second += "Short,staff,4,4\n"                          // row 2: too few fields
        second += "Off,staff,six,4,4,3,3,3,\n"                 // row 3: off the scale
        second += "Faulty,staff,1,1,1,1,1,1,\n"                // row 4: the rule raises
        second += "Loopy,staff,2,2,2,2,2,2,\n"                 // row 5: the rule never ends
        second += "Good,service user,2,2,2,1,1,1,\n"           // row 6: a second view of Good
        var bytes = Array(second.utf8)
        bytes += Array("Bytes,staff,".utf8) + [0xFF, 0xFE] + Array(",4,4,3,3,3,\n".utf8)  // row 7: invalid UTF-8
        bytes += Array("Stray,staff,2,\"4\"5,4,3,3,3,\n".utf8)                        // row 8: not 45, a quote gone astray
        let secondPath = work.appendingPathComponent("second.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: secondPath))
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", first, secondPath, "--path", fixtures, "--out", out.path,
                                    "--jobs", "2", "--instruction-limit", "2000000"])
        #expect(result.status == 1)
        let rejected = try read(out, "rejected.csv").split(separator: "\n").map(String.init)
        #expect(rejected.count == 8)  // header + 7 rows
        #expect(rejected.contains { $0.hasPrefix("\(first),3,,,") && $0.contains("never closed") })
        #expect(rejected.contains { $0.hasPrefix("\(secondPath),2,Short,,") && $0.contains("the row has 4 fields but the header has 9") })
        #expect(rejected.contains { $0.hasPrefix("\(secondPath),3,Off,C 'assets.1',") && $0.contains("'six' is not on the 1-5 scale") })
        #expect(rejected.contains { $0.hasPrefix("\(secondPath),4,Faulty,,") && $0.contains("mini-audit.lua:20: this rule fails for Faulty") })
        #expect(rejected.contains { $0.hasPrefix("\(secondPath),5,Loopy,,") && $0.contains("instruction limit of 2000000 reached") })
        // The bad bytes are the third field's: the row names its column, and the organisation before it.
        #expect(rejected.contains { $0.hasPrefix("\(secondPath),7,Bytes,C 'assets.1',\"not valid UTF-8 text") })
        #expect(rejected.contains { $0 == "\(secondPath),8,Stray,D 'assets.2',text after the closing quote of the field (quote the whole field and double any quote inside it)" })
        let summary = try JSONSerialization.jsonObject(with: Data(try read(out, "summary.json").utf8)) as? [String: Any]
        let rows = summary?["rows"] as? [String: Int]
        #expect(rows == ["read": 9, "evaluated": 2, "rejected": 7])
        let good = try read(out, "results.csv").split(separator: "\n")
        #expect(good.count == 2)
        #expect(good[1].hasPrefix("Good,2,"))
        #expect(result.standardError.contains("9 rows read: 2 evaluated for 1 organisation, 7 rejected"))
        #expect(try read(out, "summary.md").contains("1 organisation evaluated from 2 rows; 7 rows rejected (see rejected.csv); 9 rows read."))
        // A limit hit is said as it happens, once: a loop in a rule costs the whole limit for
        // every organisation, and a long batch would otherwise say so only at its end.
        #expect(result.standardError.components(separatedBy: "coprod: warning: Loopy not evaluated: ").count == 2, "\(result.standardError)")
        #expect(result.standardError.contains("The batch goes on, rejecting each organisation a limit stops; if every one will be, stop it (Ctrl-C) and mend the rule first.\n"))
        #expect(!result.standardError.contains("warning: Faulty"))
    }

    /// A batch of a header alone evaluates no one: its summary says so, without a heading over an
    /// empty list, and without sending the reader to an empty rejected.csv.
    @Test func aHeaderAloneGivesASummaryOfNoOne() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header, "empty.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try read(out, "summary.md")
        #expect(summary.contains("0 organisations evaluated from 0 rows; 0 rows rejected; 0 rows read."), "\(summary)")
        #expect(!summary.contains("Strongest"), "\(summary)")
    }

    @Test func summaryStatisticsWorkedByHand() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // Assets means: A (1+1+1)/3 = 1, B (2+2+2)/3 = 2, C (3+3+4)/3 = 3.33, D (5+5+5)/3 = 5.
        var text = header
        text += "A,staff,1,1,1,2,2,2,\nB,staff,2,2,2,2,2,2,\nC,staff,3,3,4,2,2,2,\nD,staff,5,5,5,2,2,2,\n"
        let input = try write(text, "four.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try JSONSerialization.jsonObject(with: Data(try read(out, "summary.json").utf8)) as? [String: Any]
        let assets = (summary?["sections"] as? [[String: Any]])?.first
        // Nearest rank: Q1 is the 1st of 4, the median the 2nd, Q3 the 3rd.
        #expect(assets?["min"] as? Double == 1)
        #expect(assets?["q1"] as? Double == 1)
        #expect(assets?["median"] as? Double == 2)
        #expect(assets?["q3"] as? Double == 3.3333)
        #expect(assets?["max"] as? Double == 5)
        let bottom = (assets?["bottom"] as? [[String: String]])?.first
        #expect(bottom == ["organisation": "A", "score": "1"])
        // The middle of the 1-5 scale is 3: A (1) and B (2) are below it on assets; all four
        // (networks 2 each) on networks.
        let below = assets?["below"] as? [String: Any]
        #expect(below?["threshold"] as? Double == 3)
        #expect(below?["count"] as? Int == 2)
        let networks = (summary?["sections"] as? [[String: Any]])?.last
        #expect((networks?["below"] as? [String: Any])?["count"] as? Int == 4)
        #expect(try read(out, "summary.md").contains("| Assets | 4 | 1 | 1 | 2 | 3.33 | 5 | 2 below 3 |"))
        // Three names each way; on networks all four are at 2, so a fourth shares the last place.
        #expect(try read(out, "summary.md").contains("- **Assets**: strongest D (5), C (3.33), B (2); weakest A (1), B (2), C (3.33)\n"))
        #expect(try read(out, "summary.md").contains("- **Networks**: strongest A (2), B (2), C (2) and 1 more at 2; weakest A (2), B (2), C (2) and 1 more at 2\n"))
        // A local area's own bar, set in the framework: below 3.5, C (3.33) counts too. A
        // section's own bar comes first: networks below 1.5, which none of the four (2 each) is.
        let own = work.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let framework = try String(contentsOfFile: fixtures + "/mini-audit.lua", encoding: .utf8)
            .replacingOccurrences(of: "publisher = \"coprod tests\",", with: "publisher = \"coprod tests\", below = 3.5,")
            .replacingOccurrences(of: "section \"networks\" { title = \"Networks\",", with: "section \"networks\" { title = \"Networks\", below = 1.5,")
        _ = try write(framework, "mini-audit.lua", in: own)
        let raised = work.appendingPathComponent("raised")
        #expect(try runCoprod(["batch", "mini-audit", input, "--path", own.path, "--out", raised.path, "--quiet"]).status == 0)
        let raisedSummary = try read(raised, "summary.md")
        #expect(raisedSummary.contains("| Assets | 4 | 1 | 1 | 2 | 3.33 | 5 | 3 below 3.5 |"), "\(raisedSummary)")
        #expect(raisedSummary.contains("| Networks | 4 | 2 | 2 | 2 | 2 | 2 | 0 below 1.5 |"), "\(raisedSummary)")
        #expect(try read(out, "summary.md").contains("4 organisations evaluated from 4 rows; 0 rows rejected; 4 rows read."))
        // One organisation, one row: counts read as sentences.
        let one = try write(header + "A,staff,1,1,1,2,2,2,\n", "one.csv", in: work)
        let single = work.appendingPathComponent("single")
        let oneResult = try runCoprod(["batch", "mini-audit", one, "--path", fixtures, "--out", single.path])
        #expect(oneResult.standardError.contains("coprod: 1 row read: 1 evaluated for 1 organisation, 0 rejected"))
        #expect(try read(single, "summary.md").contains("1 organisation evaluated from 1 row; 0 rows rejected; 1 row read."))
    }

    /// On a terminal a batch shows its progress, then clears it for the closing line; `--quiet`
    /// shows neither. (Away from a terminal, as in every other test here, it shows no progress.)
    /// A checklist's section is a share met, and the area summary shows it as the reports do:
    /// in percent. Scoping's four statements: A meets all, B two, C one, D none.
    @Test func aChecklistsSummaryIsInPercent() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let text = "organisation,scoping.1,scoping.2,scoping.3,scoping.4\nA,yes,yes,yes,yes\nB,yes,yes,no,no\nC,yes,no,no,no\nD,no,no,no,no\n"
        let input = try write(text, "checklist.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "project-checklist", input, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        // 0, 25, 50 and 100%: the first quartile is the lowest, the median the second, the third
        // quartile the third; two are below the middle of the checklist.
        let summary = try read(out, "summary.md")
        #expect(summary.contains("| Project Scoping | 4 | 0% | 0% | 25% | 50% | 100% | 2 below 50% |"), "\(summary)")
        // summary.json keeps the numbers as results.jsonl has them.
        let json = try JSONSerialization.jsonObject(with: Data(try read(out, "summary.json").utf8)) as? [String: Any]
        let scoping = (json?["sections"] as? [[String: Any]])?.first { $0["id"] as? String == "scoping" }
        #expect(scoping?["median"] as? Double == 0.25)
    }

    @Test func progressOnATerminal() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "A,staff,1,1,1,2,2,2,\nB,staff,2,2,2,2,2,2,\n", "in.csv", in: work)
        let shown = try PseudoTerminal(arguments: ["batch", "mini-audit", input, "--path", fixtures, "--out", work.appendingPathComponent("shown").path],
                                       environment: [:])
        defer { shown.close() }
        #expect(shown.waitFor("of 2 rows ("), "\(shown.transcript)")
        #expect(shown.waitFor("\r\u{1B}[Kcoprod: 2 rows read: 2 evaluated for 2 organisations, 0 rejected"), "\(shown.transcript)")
        #expect(shown.waitForExit() == 0)
        let quiet = try PseudoTerminal(arguments: ["batch", "mini-audit", input, "--path", fixtures, "--out", work.appendingPathComponent("quiet").path, "--quiet"],
                                       environment: [:])
        defer { quiet.close() }
        #expect(quiet.waitForExit() == 0)
        #expect(!quiet.transcript.contains("rows"), "\(quiet.transcript)")
    }

    /// A batch run again into its own output directory leaves that run's reports and no earlier
    /// run's: none with stale scores beside the new results, nor in a format no longer asked for.
    @Test func aRunAgainReplacesTheEarlierRunsReports() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let both = try write(header + "River,staff,4,4,4,4,4,4,\nHill,staff,2,2,2,2,2,2,\n", "both.csv", in: work)
        let river = try write(header + "River,staff,1,1,1,1,1,1,\n", "river.csv", in: work)
        func reports() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path).sorted()
        }
        func run(_ input: String, _ options: [String]) throws {
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"] + options)
            #expect(result.status == 0, "\(result.standardError)")
        }
        try run(both, ["--reports", "html"])
        #expect(try reports() == ["Hill.html", "River.html"])
        try run(river, ["--reports", "md"])
        #expect(try reports() == ["River.md"])
        #expect(try read(out, "reports/River.md").contains("| **Overall** | **1** |"))
        try run(river, [])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports").path))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(left == [".coprod-batch", "rejected.csv", "results.csv", "results.jsonl", "summary.json", "summary.md"])
    }

    /// One report per organisation, in Markdown or HTML, saying the same: scores per section and
    /// role, where roles differ, next steps, and each free text under its own section.
    @Test func reportsPerOrganisationWorkedByHand() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // River: staff 4,2,4 / 2,3,2 and service user 2,2,3 / 1,1,1. Assets by statement 3, 2,
        // 3.5: 2.83; staff 3.33, service user 2.33, a difference of 1, not more than a quarter
        // of the 1-5 scale. Networks 1.5, 2, 1.5: 1.67; staff 2.33, service user 1: differ.
        // Two names that make the same file name, but for case: neither report replaces the other.
        let text = header + "River,staff,4,2,4,2,3,2,More peer work\nRiver,service user,2,2,3,1,1,1,\nHill & Dale <East>,staff,5,5,5,4,4,4,\n"
            + "hill & dale <east>,staff,1,1,1,1,1,1,\n"
        let input = try write(text, "two.csv", in: work)
        for format in ["md", "html"] {
            let out = work.appendingPathComponent(format)
            let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--reports", format, "--quiet"])
            #expect(result.status == 0, "\(result.standardError)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path).sorted()
            #expect(names == ["Hill---Dale--East-.\(format)", "River.\(format)", "hill---dale--east--2.\(format)"])
            #expect(try read(out, "reports/hill---dale--east--2.\(format)").contains(format == "md" ? "# hill & dale \\<east\\>" : "<h1>hill &amp; dale &lt;east&gt;</h1>"))
            let river = try read(out, "reports/River.\(format)")
            let hill = try read(out, "reports/Hill---Dale--East-.\(format)")
            if format == "md" {
                #expect(river.contains("""
                    | Section | Score | service user | staff | Answered |
                    |---|---|---|---|---|
                    | Assets | 2.83 | 2.33 | 3.33 | 3/3 |
                    | Networks | 1.67 | 1 | 2.33 | 3/3 |
                    | **Overall** | **2.25** |  |  | 6/6 |
                    """), "\(river)")
                #expect(river.contains("## Where roles see things differently\n\n- **Networks**: service user 1, staff 2.33\n"))
                #expect(river.contains("**Assets: What would help you to improve in this area?**\n\n> More peer work — staff\n"))
                #expect(hill.hasPrefix("# Hill & Dale \\<East\\>\n\n*Mini audit* · 1 respondent\n"), "\(hill)")
            } else {
                #expect(river.contains("<tr><th>Section</th><th>Score</th><th>service user</th><th>staff</th><th>Answered</th></tr>"), "\(river)")
                #expect(river.contains("<tr><td>Networks</td><td>1.67</td><td>1</td><td>2.33</td><td>3/3</td></tr>"))
                #expect(river.contains("<li><strong>Networks</strong>: service user 1, staff 2.33</li>"))
                #expect(river.contains("<h3>Assets: What would help you to improve in this area?</h3>\n<blockquote>More peer work — staff</blockquote>"))
                #expect(hill.contains("<h1>Hill &amp; Dale &lt;East&gt;</h1>\n<p><em>Mini audit</em> · 1 respondent</p>"), "\(hill)")
            }
        }
    }

    /// A file name is at most 255 bytes: a longer organisation name stopped the batch when it
    /// wrote that organisation's report.
    @Test func aLongOrganisationNameGetsAShortenedReportName() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let name = String(repeating: "Ward ", count: 60)  // 300 bytes
        let input = try write(header + "\(name),staff,1,1,1,2,2,2,\n", "long.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--reports", "md", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path)
        #expect(names == [String(String(repeating: "Ward-", count: 60).prefix(200)) + ".md"])
    }

    @Test func refusesADirectoryItDidNotMake() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "A,staff,1,1,1,2,2,2,\n", "in.csv", in: work)
        let occupied = work.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: true)
        _ = try write("keep me", "notes.txt", in: occupied)
        let refused = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", occupied.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("is not empty and was not made by coprod batch or merge; choose another --out or add --force"))
        let forced = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", occupied.path, "--force", "--quiet"])
        #expect(forced.status == 0)
        #expect(try read(occupied, "notes.txt") == "keep me")
        let again = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", occupied.path, "--quiet"])
        #expect(again.status == 0)
    }

    /// An input that cannot be read, and options out of range, stop the batch before it starts
    /// (exit 2), with why and what would be accepted, and leave nothing behind: not even the
    /// output directory, which the batch made.
    @Test func unreadableInputsAndBadOptionsAreUsageErrors() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "A,staff,1,1,1,2,2,2,\n", "in.csv", in: work)
        let folder = work.appendingPathComponent("folder.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let missing = work.appendingPathComponent("missing.csv").path
        // A named pipe, as a shell's <(…) gives: a batch reads each input twice, a pipe once.
        let pipe = work.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let noOrganisation = try write("name,role\nA,staff\n", "no-organisation.csv", in: work)
        // A workbook given as it was downloaded, and a CSV saved where the list separator is ';'.
        let workbook = work.appendingPathComponent("Forms export.xlsx").path
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)).write(to: URL(fileURLWithPath: workbook))
        let semicolons = try write("organisation;role;assets.1\nA;staff;1\n", "semicolons.csv", in: work)
        // A forms tool heads each column with its question.
        let questions = try write("Timestamp,Name of your organisation,assets.1\n2024-05-01,A,1\n", "questions.csv", in: work)
        // Two directories above the output directory are made too, and removed with it.
        let made = work.appendingPathComponent("made")
        let out = made.appendingPathComponent("deeper/out").path
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let jobsRange = "--jobs must be from 1 to \(max(256, 4 * cores)): each worker holds a Lua state of its own, "
            + "and this machine has \(cores) core\(cores == 1 ? "" : "s") (the default, one worker each)."
        var cases: [(arguments: [String], message: String)] = [
            ([folder.path], "\(folder.path) is a folder: give the files in it (for example \(folder.path)/*.csv)"),
            ([input, missing], "cannot read \(missing): No such file or directory"),
            // One file twice would count its rows twice, however it is spelled.
            ([input, input], "\(input) is given twice: its rows would be counted twice; give it once"),
            ([input, work.path + "/./in.csv"], "\(work.path)/./in.csv and \(input) are the same file: its rows would be counted twice"),
            ([pipe], "\(pipe) is not a file but a pipe or a device: a batch reads each input twice, so save it to a file first"),
            // Found only once the output directory is made: it is removed again.
            ([noOrganisation], "no 'organisation' column; the header has: 'name' and 'role'"),
            ([input, workbook], "\(workbook) is an Excel workbook, not CSV: save the sheet as CSV"),
            ([semicolons], "\(semicolons): the header is separated by semicolons, not commas"),
            ([questions], "no 'organisation' column; the header has: 'Timestamp', 'Name of your organisation' and 'assets.1' (if column B 'Name of your organisation' names the organisation, head it 'organisation')"),
            ([input, "--jobs", "0"], jobsRange),
            ([input, "--jobs", "-1"], jobsRange),
            // A slip of the finger for 10 would hold 10,000 Lua states.
            ([input, "--jobs", "10000"], jobsRange),
            // Not a whole number: what the option takes, not only that the value is invalid.
            ([input, "--jobs", "two"], "The value 'two' is invalid for '--jobs <n>': give a whole number of workers, from 1 to \(max(256, 4 * cores))"),
            ([input, "--instruction-limit", "-5"],
             "The value '-5' is invalid for '--instruction-limit <count>': give a whole number of instructions, or 0 for no limit"),
            ([input, "--memory-limit", "2G"], "The value '2G' is invalid for '--memory-limit <MiB>': give a whole number of MiB, or 0 for no limit"),
            ([input, "--memory-limit", "17592186044416"], "--memory-limit is too large (at most 8796093022207 MiB; 0: no limit)."),
            // A whole number too large to hold is told so, not called something else.
            ([input, "--instruction-limit", "99999999999999999999"],
             "The value '99999999999999999999' is invalid for '--instruction-limit <count>': too large: give a whole number of instructions, or 0 for no limit"),
            ([input, "--chunk-bytes", "0"], "--chunk-bytes must be 1 or more."),
        ]
        #if os(Linux)
        // A file the system lists as a plain file but cannot read, as a failing disk gives:
        // reading the start of a process's own memory fails with an I/O error.
        cases.append((["/proc/self/mem"], "cannot read /proc/self/mem: Input/output error"))
        #endif
        for (arguments, message) in cases {
            let result = try runCoprod(["batch", "mini-audit", "--path", fixtures, "--out", out, "--quiet"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: made.path), "\(arguments)")
        }
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "-1"])
        #expect(sample.status == 2)
        #expect(sample.standardError.contains("--orgs must be 0 or more (got -1)."), "\(sample.standardError)")
    }

    /// A batch never touches its inputs: not even one kept in the output directory under a name
    /// the batch writes.
    @Test func anInputInTheOutputDirectoryIsNeverReplaced() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let first = try runCoprod(["batch", "mini-audit", try write(header + "A,staff,1,1,1,2,2,2,\n", "in.csv", in: work),
                                   "--path", fixtures, "--out", out.path, "--quiet"])
        #expect(first.status == 0)
        let kept = try read(out, "rejected.csv")
        let input = out.appendingPathComponent("rejected.csv").path
        let again = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
        #expect(again.status == 2)
        #expect(again.standardError.contains("\(input) is in \(out.path) under a name the batch writes, so it would be replaced: choose another --out"))
        #expect(try read(out, "rejected.csv") == kept)
    }

    @Test func anOutputThatCannotBeOpenedLeavesNoPartialFile() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "A,staff,1,1,1,2,2,2,\n", "in.csv", in: work)
        // An earlier batch's directory where results.csv's temporary name is taken by a folder:
        // results.jsonl opens, results.csv does not.
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".results.csv.partial"), withIntermediateDirectories: true)
        _ = try write("", ".coprod-batch", in: out)
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--quiet"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot write \(out.path)/.results.csv.partial: Is a directory"), "\(result.standardError)")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(left == [".coprod-batch", ".results.csv.partial"])
    }

    /// A disk that fills mid-batch (the results file's temporary name leads to /dev/full) stops
    /// the batch with the system's words, whichever worker was writing, and leaves nothing: the
    /// workers stop taking chunks rather than wait for room that will not come.
    @Test(arguments: ["1", "2", "5"])
    func aDiskThatFillsMidBatchStopsIt(jobs: String) throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // About 15 KB of results each: several of the file's 4 MB buffers.
        let sample = try runCoprod(["sample", "quality-standards", "--orgs", "1500", "--seed", "3"])
        #expect(sample.status == 0)
        let input = try write(sample.standardOutput, "in.csv", in: work)
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        _ = try write("", ".coprod-batch", in: out)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent(".results.jsonl.partial").path,
                                                   withDestinationPath: "/dev/full")
        let result = try runCoprod(["batch", "quality-standards", input, "--out", out.path, "--jobs", jobs, "--quiet",
                                    "--chunk-bytes", "4096"])
        #expect(result.status == 2)
        #expect(result.standardError == "coprod: cannot write \(out.path)/.results.jsonl.partial: No space left on device\n",
                "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".coprod-batch"])
    }

    /// A batch of the mini audit with one organisation, as WORK/shard.
    private func oneOrganisationShard(in work: URL) throws -> String {
        let shard = work.appendingPathComponent("shard").path
        let batch = try runCoprod(["batch", "mini-audit", try write(header + "A,staff,1,1,1,2,2,2,\n", "in.csv", in: work),
                                   "--path", fixtures, "--out", shard, "--quiet"])
        #expect(batch.status == 0)
        return shard
    }

    /// A shard given twice would count its organisations twice; an --out that is a shard would
    /// replace its results.
    @Test func mergeRefusesAShardTwiceOrAsItsOutput() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let shard = try oneOrganisationShard(in: work)
        let kept = try read(URL(fileURLWithPath: shard), "results.jsonl")
        let twice = try runCoprod(["merge", shard, shard + "/.", "--out", work.appendingPathComponent("all").path])
        #expect(twice.status == 2)
        #expect(twice.standardError.contains("\(shard)/. and \(shard) are the same directory: its organisations would be counted twice"))
        let over = try runCoprod(["merge", shard, "--out", shard])
        #expect(over.status == 2)
        #expect(over.standardError.contains("--out \(shard) is the batch \(shard), whose results it would replace: choose another --out"))
        #expect(try read(URL(fileURLWithPath: shard), "results.jsonl") == kept)
    }

    /// Merge loads the framework the shards name by its id: a local one only with the batches'
    /// --path, which it asks for.
    @Test func mergeAsksForThePathOfALocalFramework() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let shard = try oneOrganisationShard(in: work)
        let all = work.appendingPathComponent("all").path
        let lost = try runCoprod(["merge", shard, "--out", all])
        #expect(lost.status == 2)
        #expect(lost.standardError == "coprod: the batches were run with the framework 'mini-audit', which is not built in "
            + "and not in --path or COPROD_PATH: give merge --path with the folder that holds mini-audit.lua "
            + "(the batches' --path, or the folder of the file they were given)\n")
        // A file of the same id changed since (a section renamed) would place the results wrongly.
        let changed = work.appendingPathComponent("changed")
        try FileManager.default.createDirectory(at: changed, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: fixtures + "/mini-audit.lua", encoding: .utf8)
        _ = try write(source.replacingOccurrences(of: "section \"networks\"", with: "section \"links\""), "mini-audit.lua", in: changed)
        let moved = try runCoprod(["merge", shard, "--out", all + "-changed", "--path", changed.path])
        #expect(moved.status == 2)
        #expect(moved.standardError == "coprod: \(shard) was evaluated against a framework 'mini-audit' with other sections or indicators "
            + "than the one found now (\(changed.path)/mini-audit.lua): give merge the --path the batches were run with\n")
        // A --path that is not a folder is named, with the folder to give for a file.
        let file = try runCoprod(["merge", shard, "--out", all, "--path", fixtures + "/mini-audit.lua"])
        #expect(file.status == 2)
        #expect(file.standardError.contains("--path \(fixtures)/mini-audit.lua is not a folder: give the folder that holds your "
            + "frameworks and modules (for this file, give its folder: --path \(fixtures))."), "\(file.standardError)")
        #expect(!FileManager.default.fileExists(atPath: all))
        let found = try runCoprod(["merge", shard, "--out", all, "--path", fixtures])
        #expect(found.status == 0, "\(found.standardError)")
        #expect(try read(URL(fileURLWithPath: all), "results.jsonl") == read(URL(fileURLWithPath: shard), "results.jsonl"))
    }

    /// Shards split by row rather than by organisation put one organisation in two: the merge
    /// says so. A shard whose results.csv and results.jsonl disagree is not merged.
    @Test func mergeWarnsOfAnOrganisationInTwoShardsAndRefusesAnIncompleteOne() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try write(header + "A,staff,1,1,1,2,2,2,\nB,staff,2,2,2,2,2,2,\n", "first.csv", in: work)
        let second = try write(header + "B,carer,4,4,4,4,4,4,\n", "second.csv", in: work)
        for (input, name) in [(first, "s1"), (second, "s2")] {
            _ = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", work.appendingPathComponent(name).path, "--quiet"])
        }
        let (s1, s2) = (work.appendingPathComponent("s1").path, work.appendingPathComponent("s2").path)
        let split = try runCoprod(["merge", s1, s2, "--out", work.appendingPathComponent("split").path, "--path", fixtures])
        #expect(split.status == 0)
        #expect(split.standardError.contains("coprod: warning: B is in both \(s1) and \(s2): shards must split the inputs by organisation"), "\(split.standardError)")
        // results.csv loses its last row: the shard is refused, and nothing is left behind.
        let table = work.appendingPathComponent("s1/results.csv")
        let rows = try String(contentsOf: table, encoding: .utf8).split(separator: "\n")
        try Data((rows.dropLast().joined(separator: "\n") + "\n").utf8).write(to: table)
        let out = work.appendingPathComponent("broken")
        let broken = try runCoprod(["merge", s1, s2, "--out", out.path, "--path", fixtures])
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("\(s1): results.csv has fewer rows than results.jsonl has lines, so it is not a complete coprod batch output"), "\(broken.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Shards of two frameworks are not one collection.
        let other = work.appendingPathComponent("other").path
        _ = try runCoprod(["batch", "involvement-audit", "Examples/involvement-audit.csv", "--out", other, "--quiet"])
        let mixed = try runCoprod(["merge", s2, other, "--out", out.path, "--path", fixtures])
        #expect(mixed.status == 2)
        #expect(mixed.standardError.contains("\(other) holds results for involvement-audit, and \(s2) for mini-audit: merge the shards of one framework"), "\(mixed.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: ["md", "html"]) func mergingShardsEqualsOneRun(reports format: String) throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "60", "--seed", "11"])
        var lines = sample.standardOutput.split(separator: "\n").map(String.init)
        let head = lines.removeFirst()
        lines.insert("Off,staff,six,1,1,1,1,1,,,,", at: 100)  // a rejected row in the second shard
        // Two names that make one report name, one in each shard: the second is "-2" in one run,
        // though its own shard named it without.
        lines.insert("Hill & Dale,R1,staff,2026-11-01,2,2,2,,2,2,2", at: 0)
        lines.insert("hill & dale,R1,staff,2026-11-01,3,3,3,,3,3,3", at: 120)
        let all = try write(([head] + lines).joined(separator: "\n") + "\n", "all.csv", in: work)
        let first = try write(([head] + lines[..<91]).joined(separator: "\n") + "\n", "first.csv", in: work)
        let second = try write(([head] + lines[91...]).joined(separator: "\n") + "\n", "second.csv", in: work)
        for (input, name) in [(all, "single"), (first, "shard1"), (second, "shard2")] {
            _ = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", work.appendingPathComponent(name).path,
                               "--reports", format, "--quiet"])
        }
        let merged = work.appendingPathComponent("merged")
        let result = try runCoprod(["merge", work.appendingPathComponent("shard1").path, work.appendingPathComponent("shard2").path,
                                    "--out", merged.path, "--path", fixtures])
        // Shard 2 has a row rejected, so the merge exits as the single run does.
        #expect(result.status == 1, "\(result.standardError)")
        #expect(!result.standardError.contains("warning"), "\(result.standardError)")
        for name in ["results.jsonl", "results.csv", "summary.json", "summary.md"] {
            #expect(try read(merged, name) == read(work.appendingPathComponent("single"), name), "\(name) differs")
        }
        let reports = try FileManager.default.contentsOfDirectory(atPath: merged.appendingPathComponent("reports").path).sorted()
        #expect(try reports == FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("single/reports").path).sorted())
        #expect(reports.contains("hill---dale-2.\(format)"))
        #expect(reports.count == 62)  // the 60 sampled organisations and the two hills; "Off" was rejected
        for name in reports {
            #expect(try read(merged, "reports/" + name) == read(work.appendingPathComponent("single"), "reports/" + name), "\(name) differs")
        }
        // A rejected row names its own shard's file and row, so compare what follows those.
        let strip = { (text: String) in text.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 2).last ?? "" } }
        #expect(strip(try read(merged, "rejected.csv")) == strip(try read(work.appendingPathComponent("single"), "rejected.csv")))
    }

    /// Where roles disagree on a checklist, the merged summary gives their shares as
    /// percentages, as one batch does (results.jsonl holds them as fractions).
    @Test func mergedChecklistShardsShowRolesSharesAsOneRunDoes() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let head = "organisation,role,scoping.1,scoping.2\n"
        let first = try write(head + "A,staff,yes,yes\nA,carer,no,no\n", "first.csv", in: work)
        let second = try write(head + "B,staff,yes,no\n", "second.csv", in: work)
        for (inputs, name) in [([first, second], "single"), ([first], "shard1"), ([second], "shard2")] {
            let run = try runCoprod(["batch", "project-checklist"] + inputs + ["--out", work.appendingPathComponent(name).path, "--quiet"])
            #expect(run.status == 0, "\(run.standardError)")
        }
        let merged = work.appendingPathComponent("merged")
        let result = try runCoprod(["merge", work.appendingPathComponent("shard1").path, work.appendingPathComponent("shard2").path, "--out", merged.path])
        #expect(result.status == 0, "\(result.standardError)")
        for name in ["summary.json", "summary.md"] {
            #expect(try read(merged, name) == read(work.appendingPathComponent("single"), name), "\(name) differs")
        }
        #expect(try read(merged, "summary.md").contains("carer 0%, staff 100%"))
    }

    /// A checklist's area summary counts the organisations that met the must-rules, failed one,
    /// or left one blank; results.csv's `passed` is empty for those. Shares are as exact as
    /// results.jsonl writes them: 10.5 of 11 is 95.45%, not a bin's 95.4%.
    @Test func aChecklistsSummaryCountsItsMustRules() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let head = "organisation,board.1,board.2,board.3,board.non-professionals,board.5,board.6,board.casting-vote,board.7,board.8,board.9,board.10,"
            + "overview.non-professionals,overview.10,team.4\n"
        let input = try write(head + "All,yes,yes,partly,5/12,yes,yes,no,yes,yes,yes,yes,6 of 10,yes,yes\n"
                              + "Blank,yes,yes,yes,5/12,yes,yes,no,yes,yes,yes,yes,,yes,yes\n"
                              + "Fails,yes,yes,yes,2/12,yes,yes,no,yes,yes,yes,yes,6 of 10,yes,yes\n", "checklist.csv", in: work)
        let out = work.appendingPathComponent("out")
        let result = try runCoprod(["batch", "project-checklist", input, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let passed = try read(out, "results.csv").split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix(3)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }
        #expect(passed == ["yes", "", "no"])
        let summary = try JSONSerialization.jsonObject(with: Data(try read(out, "summary.json").utf8)) as? [String: Any]
        let organisations = summary?["organisations"] as? [String: Any]
        #expect(organisations?["must_rules"] as? [String: Int] == ["met": 1, "failed": 1, "not_known": 1])
        // Board: All met ten and board.3 partly, 10.5 / 11 = 0.954545...; the others 11 / 11 (a
        // failed ratio still counts as answered: its share is 0 there, so Fails has 10 / 11).
        let board = (summary?["sections"] as? [[String: Any]])?.first { $0["id"] as? String == "board" }
        #expect(board?["min"] as? Double == 0.9091)
        #expect(board?["median"] as? Double == 0.9545)
        let markdown = try read(out, "summary.md")
        #expect(markdown.contains("Must-rules: 1 met them all, 1 failed one or more, and for 1 it is not known, as a must-rule has no answer"))
        #expect(markdown.contains("| 90.91% | 90.91% | 95.45% | 100% | 100% |"), "\(markdown)")
    }

    @Test func anOutputDirectoryThatCannotBeMadeIsNamedWithWhy() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "A,staff,1,1,1,2,2,2,\n", "in.csv", in: work)
        let out = work.appendingPathComponent("in.csv/out").path
        let result = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out, "--quiet"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot create \(out): Not a directory"), "\(result.standardError)")
    }

    @Test func aMergeThatFailsLeavesNoPartialFile() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try write(header + "A,staff,1,1,1,2,2,2,\nB,staff,3,3,3,3,3,3,\n", "in.csv", in: work)
        let shard = work.appendingPathComponent("shard")
        _ = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", shard.path, "--quiet"])
        // The merge writes both results files, then cannot write rejected.csv under its
        // temporary name, which a folder holds.
        let merged = work.appendingPathComponent("merged")
        try FileManager.default.createDirectory(at: merged.appendingPathComponent(".rejected.csv.partial"), withIntermediateDirectories: true)
        _ = try write("", ".coprod-batch", in: merged)
        let result = try runCoprod(["merge", shard.path, "--out", merged.path, "--path", fixtures])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot write \(merged.path)/.rejected.csv.partial: Is a directory"), "\(result.standardError)")
        let left = try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted()
        #expect(left == [".coprod-batch", ".rejected.csv.partial"])
    }

    /// A thousand organisations that mini-audit takes some milliseconds over each (its "Slow"
    /// rule): time enough to act on a batch while it runs.
    private func slowInput(_ name: String, in work: URL) throws -> String {
        try write(header + (1...1000).map { "Slow \($0),staff,3,3,3,3,3,3,\n" }.joined(), name, in: work)
    }

    /// Runs coprod with `arguments`, does `meanwhile` once `appears` exists (or after 20 s), and
    /// gives its exit status and standard error.
    private func runBatch(_ arguments: [String], once appears: URL, meanwhile: (Process) throws -> Void) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = coprodExecutable
        process.arguments = arguments
        let error = Pipe()
        process.standardError = error
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !FileManager.default.fileExists(atPath: appears.path) {
            Thread.sleep(forTimeInterval: 0.002)
        }
        try meanwhile(process)
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    /// A batch reads its inputs twice: one that changes in between (a forms tool still writing
    /// it) stops the batch, and no results are kept.
    @Test func anInputThatChangesWhileReadStopsTheBatch() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "10000"])
        let input = try write(sample.standardOutput, "growing.csv", in: work)
        let out = work.appendingPathComponent("out")
        // Once the run has begun, another respondent arrives.
        let (status, message) = try runBatch(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", "2", "--quiet"],
                                             once: out.appendingPathComponent(".results.jsonl.partial")) { _ in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((sample.standardOutput.split(separator: "\n")[1] + "\n").utf8))
            try handle.close()
        }
        #expect(status == 2, "\(message)")
        #expect(message.contains("\(input) changed while the batch read it, so its results were not kept"), "\(message)")
        // The batch made the directory, and removes it with nothing in it.
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Every row the first pass counted must be evaluated or rejected. A file changed in place
    /// without its size or time showing it (here a comma made a line end, so one row reads as
    /// two) reads differently the second time: the batch stops, and no results are kept.
    @Test func aChunkThatReadsDifferentlyTheSecondTimeStopsTheBatch() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try slowInput("rewritten.csv", in: work)
        let modified = try FileManager.default.attributesOfItem(atPath: input)[.modificationDate] as? Date
        let out = work.appendingPathComponent("out")
        let (status, message) = try runBatch(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", "1", "--quiet",
                                              "--chunk-bytes", "1", "--reports", "md"],
                                             once: out.appendingPathComponent(".reports.partial")) { _ in
            let text = try String(contentsOfFile: input, encoding: .utf8)
            let changed = text.replacingOccurrences(of: "Slow 900,staff,", with: "Slow 900,staff\n")
            #expect(changed.utf8.count == text.utf8.count)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
            try handle.write(contentsOf: Data(changed.utf8))
            try handle.close()
            try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: input)
        }
        #expect(status == 2, "\(message)")
        #expect(message.hasPrefix("coprod: \(input) read differently the second time: 2 rows from row 901 where the first pass counted 1, "
            + "so the results were not kept."), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Workers open the input again for each chunk: one that is gone by then (moved or deleted
    /// mid-batch) stops the batch, saying which file, and nothing is kept.
    @Test func anInputThatCannotBeReadAgainMidBatchStopsTheBatch() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try slowInput("moved.csv", in: work)
        let out = work.appendingPathComponent("out")
        // A chunk per organisation, each some milliseconds' work, with a report for each: once the
        // first report is written, the input goes.
        let (status, message) = try runBatch(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", "1", "--quiet",
                                              "--chunk-bytes", "1", "--reports", "md"],
                                             once: out.appendingPathComponent(".reports.partial")) { _ in
            try FileManager.default.removeItem(atPath: input)
        }
        #expect(status == 2, "\(message)")
        #expect(message.hasPrefix("coprod: cannot read \(input) again: No such file or directory (a batch reads each input twice: "
            + "leave the inputs in place until it is done)\n"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Ctrl-C or SIGTERM mid-batch removes what the batch had begun, as an error does: no hidden
    /// `.partial` files are left, a directory the batch made goes, and an earlier batch's output
    /// stays as it was.
    @Test func anInterruptionRemovesWhatTheBatchBegan() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try slowInput("slow.csv", in: work)
        let earlier = try write(header + "Quick,staff,4,4,4,4,4,4,\n", "quick.csv", in: work)
        let kept = work.appendingPathComponent("kept")
        #expect(try runCoprod(["batch", "mini-audit", earlier, "--path", fixtures, "--out", kept.path, "--quiet"]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: kept.path).sorted()
        let results = try read(kept, "results.jsonl")
        for (signal, out, status, said) in [(SIGINT, work.appendingPathComponent("new/out"), 130, "interrupted"),
                                            (SIGTERM, kept, 143, "stopped")] {
            let (exit, message) = try runBatch(["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", "1", "--quiet",
                                                "--chunk-bytes", "1", "--reports", "md"],
                                               once: out.appendingPathComponent(".reports.partial")) { process in
                kill(process.processIdentifier, signal)
            }
            #expect(exit == Int32(status), "\(message)")
            #expect(message == "coprod: \(said); the files begun were removed\n")
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("new").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path).sorted() == before)
        #expect(try read(kept, "results.jsonl") == results)
    }

    @Test func anInterruptedRunLeavesNoHalfWrittenFile() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "40000", "--respondents", "2"])
        let input = try write(sample.standardOutput, "big.csv", in: work)
        let out = work.appendingPathComponent("out")
        let process = Process()
        process.executableURL = coprodExecutable
        process.arguments = ["batch", "mini-audit", input, "--path", fixtures, "--out", out.path, "--jobs", "1", "--quiet"]
        try process.run()
        // Wait until the run has started writing, then kill it.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !FileManager.default.fileExists(atPath: out.appendingPathComponent(".results.jsonl.partial").path) {
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        for name in ["results.jsonl", "results.csv", "rejected.csv", "summary.json", "summary.md"] {
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) exists")
        }
    }
}
