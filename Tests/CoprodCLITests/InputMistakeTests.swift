import Foundation
import Testing

/// Mistakes found in real exports, each named where a user would look for it, and the same from
/// `evaluate` and from `batch`.
@Suite("Mistakes in inputs, named as a user would look for them")
struct InputMistakeTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path

    private func file(_ text: String, _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mistake-\(UUID())-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `batch` into a new directory; its rejected.csv lines after the header.
    private func batch(_ framework: String, _ input: String, _ options: [String] = []) throws -> (CommandResult, [String]) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mistake-out-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runCoprod(["batch", framework, input, "--out", out.path, "--quiet"] + options)
        let rejected = (try? String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)) ?? ""
        return (result, rejected.split(separator: "\n").dropFirst().map(String.init))
    }

    /// Checks that `evaluate` and `batch` both refuse `input` with exactly `message`.
    private func expectRefused(_ framework: String, _ input: String, _ message: String) throws {
        let evaluated = try runCoprod(["evaluate", framework, input])
        #expect(evaluated.status == 2)
        #expect(evaluated.standardError == message)
        let (batched, _) = try batch(framework, input)
        #expect(batched.status == 2)
        #expect(batched.standardError == message)
    }

    /// Two columns for one organisation (or role, or respondent) leave which counts to chance:
    /// `evaluate` took the last and `batch` the first. Both refuse the header now.
    @Test(arguments: [("organisation,Organisation Name,assets.1\nA,B,4\n", "column A 'organisation' and column B 'Organisation Name' are both the organisation"),
                      ("organisation,organization,assets.1\nA,B,4\n", "column A 'organisation' and column B 'organization' are both the organisation"),
                      ("organisation,role,assets.1,Role\nA,staff,4,carer\n", "column B 'role' and column D 'Role' are both the role"),
                      ("organisation,name,respondent,assets.1\nA,Jo,R1,4\n", "column B 'name' and column C 'respondent' are both the respondent")])
    func aRepeatedColumnIsRefused(header text: String, message: String) throws {
        let input = try file(text, "repeated.csv")
        try expectRefused("involvement-audit", input, "coprod: \(input): \(message): keep one, and rename or delete the other\n")
    }

    @Test func anEmptyFileSaysWhatWasExpected() throws {
        let input = try file("", "empty.csv")
        try expectRefused("involvement-audit", input, "coprod: \(input): the file is empty (expected a header row with an 'organisation' column)\n")
        // JSON Lines too, blank lines and all (it was read as no rows, exit 0).
        for text in ["", "\n  \r\n\n", "\u{FEFF}\n"] {
            let lines = try file(text, "empty.jsonl")
            try expectRefused("involvement-audit", lines,
                              "coprod: \(lines): the file is empty (expected one respondent per line, such as {\"organisation\": \"...\", ...})\n")
        }
    }

    @Test func strictNamesEveryColumnItRefuses() throws {
        let input = try file("organisation,asset.2,foo,assets.1\nA,1,2,3\n", "strict.csv")
        let result = try runCoprod(["evaluate", "involvement-audit", input, "--strict"])
        #expect(result.status == 2)
        #expect(result.standardError == "coprod: \(input): column B 'asset.2' (did you mean 'assets.2'?), column C 'foo' are not part of involvement-audit (refused with --strict; `coprod template involvement-audit` lists the columns)\n")
    }

    /// An input for another framework has no column this one knows: every organisation would
    /// come out with no answers, so it is refused, where misspelt columns are only warned of.
    @Test func anInputForAnotherFrameworkIsRefused() throws {
        try expectRefused("project-checklist", "Examples/involvement-audit.csv",
                          "coprod: Examples/involvement-audit.csv: no column is an answer of project-checklist (25 columns not part of it): is it an input for another framework? `coprod template project-checklist` lists the columns, `coprod frameworks` the frameworks\n")
    }

    /// A header with no column of the framework's answers would give every organisation nothing
    /// answered: refused, saying what the header has, or what its columns were likely meant to be.
    @Test func aHeaderWithNoAnswerColumnIsRefused() throws {
        let metadata = try file("organisation,Role,date\nA,staff,2024-05-01\n", "metadata.csv")
        try expectRefused("involvement-audit", metadata,
                          "coprod: \(metadata): no column is an answer of involvement-audit (the header has only 'organisation', 'Role' and 'date'): `coprod template involvement-audit` lists the columns\n")
        let misspelt = try file("organisation,asset.1,Timestamp\nA,4,x\n", "misspelt.csv")
        try expectRefused("involvement-audit", misspelt,
                          "coprod: \(misspelt): no column is an answer of involvement-audit (2 columns not part of it; column B 'asset.1': did you mean 'assets.1'?): `coprod template involvement-audit` lists the columns\n")
    }

    /// A row with several values off their scales names them all, in one rejection, so that
    /// fixing one does not just bring up the next; the row counts once.
    @Test func everyValueOffItsScaleInARowIsNamed() throws {
        let input = try file("organisation,assets.1,assets.2,assets.3\nY,11,4,maybe\nZ,4,4,4\n", "several.csv")
        let reason = "'11' is not on the 1-5 scale (accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer); also column D 'assets.3': 'maybe' is not on the 1-5 scale (accepted: a whole number from 1 to 5 or No action yet, Made a start, Making progress, Doing really well, Doing as well as you can; leave it empty for no answer)"
        let evaluated = try runCoprod(["evaluate", "involvement-audit", input, "--format", "csv"])
        #expect(evaluated.status == 1)
        #expect(evaluated.standardError.contains("coprod: \(input) row 2, column B 'assets.1': \(reason)\n"), "\(evaluated.standardError)")
        #expect(evaluated.standardError.hasSuffix("coprod: 2 rows read: 1 evaluated for 1 organisation, 1 rejected\n"))
        let (batched, rejected) = try batch("involvement-audit", input)
        #expect(batched.status == 1)
        #expect(rejected == ["\(input),2,Y,B 'assets.1',\"\(reason)\""])
    }

    @Test func anEmptyOrganisationNamesItsColumn() throws {
        let input = try file("role,organisation,assets.1\nstaff,,4\nstaff,A,4\n", "empty.csv")
        let reason = "the organisation is empty: every row needs the name of the organisation it assesses"
        let evaluated = try runCoprod(["evaluate", "involvement-audit", input, "--format", "csv"])
        #expect(evaluated.standardError.contains("coprod: \(input) row 2, column B 'organisation': \(reason)\n"), "\(evaluated.standardError)")
        let (_, rejected) = try batch("involvement-audit", input)
        #expect(rejected == ["\(input),2,,B 'organisation',\(reason)"])
    }

    /// A cell that is not UTF-8 rejects its row, which is still its organisation's (told in its
    /// result) wherever that column is; an organisation's own name not UTF-8 names none. As in
    /// `evaluate`, so in `batch`.
    @Test func aCellNotUTF8LeavesTheRowItsOrganisations() throws {
        let header = Array("respondent,welcome-care.rating,organisation\n".utf8)
        // The second: row 2's name is not UTF-8, and decoded it would read as row 3's, "B\u{FFFD}".
        let cases: [(bytes: [UInt8], row: Int, told: Bool)] = [
            (header + Array("R1,5,A\nR2,".utf8) + [0xE9] + Array(",A\n".utf8), 3, true),
            (header + Array("R1,5,B".utf8) + [0xE9] + Array("\nR2,5,B".utf8) + [0xEF, 0xBF, 0xBD] + Array("\n".utf8), 2, false),
        ]
        for (index, (bytes, row, told)) in cases.enumerated() {
            let input = try file("", "utf8-\(index).csv")
            try Data(bytes).write(to: URL(fileURLWithPath: input))
            let evaluated = try runCoprod(["evaluate", "inclusive-practice", input, "--format", "json"])
            let out = try runCoprod(["batch", "inclusive-practice", input, "--out", input + ".out", "--quiet", "--force"])
            #expect(out.status == 1)
            let batched = try String(contentsOfFile: input + ".out/results.jsonl", encoding: .utf8)
            let warned = "1 row of this organisation was rejected and left out of this result (\(input) row \(row))"
            #expect(evaluated.standardOutput.contains(warned) == told, "\(evaluated.standardOutput)")
            #expect(batched.contains(warned) == told, "\(batched)")
        }
    }

    /// The organisation "above" an empty one is the nearest row a batch groups, in `evaluate`
    /// too: not a row with the wrong number of fields; a row whose text is not UTF-8, yes.
    @Test func theOrganisationAboveIsTheNearestRowABatchGroups() throws {
        var withBadText = Array("organisation,role,assets.1,assets.2\nAlpha,staff,3,4\nBeta,staff,3,".utf8) + [0xFF]
        withBadText += Array("\n,staff,4,4\n".utf8)
        let cases: [([UInt8], String)] = [(Array("organisation,role,assets.1,assets.2\nAlpha,staff,3,4\nBeta,staff,3\n,staff,4,4\n".utf8), "Alpha"),
                                          (withBadText, "Beta")]
        for (index, (bytes, above)) in cases.enumerated() {
            let input = try file(String(decoding: bytes, as: UTF8.self), "above\(index).csv")
            try Data(bytes).write(to: URL(fileURLWithPath: input))
            let reason = "the organisation is empty: every row needs the name of the organisation it assesses; the organisation above it is '\(above)': "
                + "if that cell was merged over the rows below it, unmerge it and fill the name down"
            let evaluated = try runCoprod(["evaluate", "involvement-audit", input, "--format", "csv"])
            #expect(evaluated.standardError.contains("coprod: \(input) row 4, column A 'organisation': \(reason)\n"), "\(evaluated.standardError)")
            let (_, rejected) = try batch("involvement-audit", input, ["--chunk-bytes", "1"])
            #expect(rejected.last == "\(input),4,,A 'organisation',\"\(reason)\"", "\(rejected)")
        }
    }

    /// A spreadsheet's cell merged over an organisation's rows leaves those below the first
    /// empty: said so, from `evaluate` and from `batch` cut into chunks of a row each.
    @Test func anEmptyOrganisationBelowOneMayBeAMergedCell() throws {
        let input = try file("organisation,role,assets.1\nSt Mary's,staff,4\n,carer,3\n,board,2\nOak,staff,1\n", "merged.csv")
        let reason = "the organisation is empty: every row needs the name of the organisation it assesses; the organisation above it is 'St Mary's': if that cell was merged over the rows below it, unmerge it and fill the name down"
        let evaluated = try runCoprod(["evaluate", "involvement-audit", input, "--format", "csv"])
        #expect(evaluated.status == 1)
        #expect(evaluated.standardError.contains("coprod: \(input) row 3, column A 'organisation': \(reason)\n"), "\(evaluated.standardError)")
        #expect(evaluated.standardError.contains("coprod: \(input) row 4, column A 'organisation': \(reason)\n"), "\(evaluated.standardError)")
        let (_, rejected) = try batch("involvement-audit", input, ["--chunk-bytes", "1"])
        #expect(rejected == ["\(input),3,,A 'organisation',\"\(reason)\"", "\(input),4,,A 'organisation',\"\(reason)\""])
    }

    /// An unclosed quote reads the lines after it into its row: the rejection says which lines,
    /// and the counts say those lines were one row.
    @Test func anUnclosedQuoteSaysWhichLinesItTookIn() throws {
        var text = "organisation,role,assets.1\nFirst,staff,4\nBad,\"staff,2\n"
        for number in 1...3 { text += "Org \(number),staff,3\n" }
        text += "Late,\"x\",1\nAfter,staff,5\n"
        let input = try file(text, "quote.csv")
        let reason = "text after the closing quote of field 2 on line 7, in a row that runs from line 3: field 2's quote on line 3 may never be closed, taking lines 3-7 into this one row (quote the whole field and double any quote inside it)"
        let evaluated = try runCoprod(["evaluate", "involvement-audit", input, "--format", "csv"])
        #expect(evaluated.status == 1)
        #expect(evaluated.standardError.contains("coprod: \(input) row 3: \(reason)\n"), "\(evaluated.standardError)")
        #expect(evaluated.standardError.hasSuffix("coprod: 3 rows read: 2 evaluated for 2 organisations, 1 rejected\n"))
        let (batched, rejected) = try batch("involvement-audit", input, ["--chunk-bytes", "1"])
        #expect(batched.status == 1)
        #expect(rejected == ["\(input),3,,,\"\(reason)\""])
    }

    /// Which indicators no one answered, by id: a column left out of the input shows here.
    @Test func unansweredIndicatorsAreNamed() throws {
        let input = try file("organisation,assets.1,assets.3\nA,1,3\n", "partial.csv")
        let result = try runCoprod(["evaluate", "involvement-audit", input, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\"13 of 15 indicators have no answer: assets.2, networks.1, networks.2, networks.3, outcomes.1 and 8 more\""),
                "\(result.standardOutput)")
        let one = try file("organisation,assets.1,assets.2\nA,1,3\n", "one.csv")
        let mini = try runCoprod(["evaluate", "mini-audit", one, "--path", fixtures, "--format", "json"])
        #expect(mini.standardOutput.contains("\"4 of 6 indicators have no answer: assets.3, networks.1, networks.2, networks.3\""), "\(mini.standardOutput)")
    }
}
