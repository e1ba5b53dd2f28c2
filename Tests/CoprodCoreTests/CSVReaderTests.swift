import CoprodIO
import Foundation
import Testing

@Suite("Reading CSV as spreadsheets write it")
struct CSVReaderTests {
    private func records(_ text: String) -> [CSVReader.Record] { Array(CSVReader(bytes: Array(text.utf8))) }

    @Test func byteOrderMarkCRLFAndQuotes() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("organisation,comment\r\n\"Hill, Ltd\",\"said \"\"yes\"\"\"\r\n".utf8)
        let read = Array(CSVReader(bytes: bytes))
        #expect(read.map(\.fields) == [["organisation", "comment"], ["Hill, Ltd", "said \"yes\""]])
        #expect(read.map(\.row) == [1, 2])
    }

    @Test func lineBreaksInsideQuotesKeepRowsAndLinesApart() {
        let read = records("a,b\n\"one\ntwo\nthree\",x\nlast,y\n")
        #expect(read.map(\.fields) == [["a", "b"], ["one\ntwo\nthree", "x"], ["last", "y"]])
        #expect(read.map(\.row) == [1, 2, 3])
        #expect(read.map(\.line) == [1, 2, 5])
    }

    @Test func problemsArePerRecord() {
        let read = records("a,b\nfine,1\nbad\"quote,2\nalso fine,3\n\"never closed,4\n")
        #expect(read[1].problem == nil)
        #expect(read[2].problem?.contains("a quote in the middle of field 1") == true)
        #expect(read[3].fields == ["also fine", "3"])
        #expect(read[4].problem == "a quoted field starting on line 5 is never closed")
    }

    /// A quote that is never closed takes the lines after it into its row, until another quote
    /// ends it or the file ends: the message says which lines, so that no row seems lost.
    @Test func anUnclosedQuoteSaysWhichLinesItTookIn() {
        let read = records("a,b,c\nfine,1,2\nBad,\"open,2\nOrg 1,1,2\nOrg 2,1,2\nLate,\"x\",2\nafter,1,2\n")
        #expect(read.map(\.row) == [1, 2, 3, 4])
        #expect(read[2].line == 3)
        #expect(read[2].problem == "text after the closing quote of field 2 on line 6, in a row that runs from line 3: field 2's quote on line 3 may never be closed, taking lines 3-6 into this one row (quote the whole field and double any quote inside it)")
        #expect(read[2].problemField == nil)
        #expect(read[3].fields == ["after", "1", "2"])
        #expect(read[3].line == 7)
        let atEnd = records("a,b\nfine,1\nBad,\"open\nOrg 1,1\nOrg 2,1\n")
        #expect(atEnd[2].problem == "a quoted field starting on line 3 is never closed, taking lines 3-5 (the rest of the file) into this one row")
        // On its last line, it takes nothing in.
        #expect(records("a,b\nBad,\"open")[1].problem == "a quoted field starting on line 2 is never closed")
        // A line break in a field that is closed is text, and no problem.
        let closed = records("a,b\n\"two\nlines\",1\nnext,2\n")
        #expect(closed.map(\.problem) == [nil, nil, nil])
    }

    /// A problem in one field says which, so that a reader that knows the header names the column.
    @Test func aProblemInOneFieldSaysWhich() {
        let bytes = Array("a,b,c\nx,".utf8) + [0x66, 0xFF] + Array(",1\ny,b\"q,2\n".utf8)
        let read = Array(CSVReader(bytes: bytes))
        #expect(read[1].problemField?.index == 1)
        #expect(read[1].problemField?.reason == "not valid UTF-8 text (save the file as CSV UTF-8: Excel's plain \"CSV (Comma delimited)\" is not UTF-8)")
        #expect(read[2].problem == "a quote in the middle of field 2 (quote the whole field and double the quote)")
        #expect(read[2].problemField?.index == 1)
        #expect(read[2].problemField?.reason == "a quote in the middle of the field (quote the whole field and double the quote)")
    }

    /// Text after a closing quote is a quote gone astray, not part of the field: `"4"5` would
    /// otherwise read as 45. Spaces before the separator are no problem.
    @Test func textAfterAClosingQuoteIsAProblem() {
        let read = records("a,b,c\nx,\"4\"5,1\n\"y\"  ,\"z\"\t,2\n\"Hill\" Ltd,1,2\n")
        #expect(read[1].fields == ["x", "45", "1"])
        #expect(read[1].problem == "text after the closing quote of field 2 (quote the whole field and double any quote inside it)")
        #expect(read[1].problemField?.index == 1)
        #expect(read[1].problemField?.reason == "text after the closing quote of the field (quote the whole field and double any quote inside it)")
        #expect(read[2].problem == nil)
        #expect(read[2].fields == ["y  ", "z\t", "2"])
        #expect(read[3].problem == "text after the closing quote of field 1 (quote the whole field and double any quote inside it)")
    }

    @Test func invalidUTF8IsAProblemOfThatRowOnly() {
        let bytes = Array("a,b\n".utf8) + [0x66, 0xFF, 0x2C, 0x31, 0x0A] + Array("ok,2\n".utf8)
        let read = Array(CSVReader(bytes: bytes))
        #expect(read[1].problem == "field 1 is not valid UTF-8 text (save the file as CSV UTF-8: Excel's plain \"CSV (Comma delimited)\" is not UTF-8)")
        #expect(read[2].fields == ["ok", "2"])
        #expect(read[2].problem == nil)
    }

    @Test("reading a file in small blocks gives the same records", arguments: [1, 2, 3, 7, 64])
    func blocks(_ size: Int) throws {
        let text = "\u{FEFF}a,b\r\n\"one\r\ntwo\",x\r\n\"q \"\"quoted\"\"\",y\r\nbad\"quote,z\r\nlast,\r\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("blocks-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = Array(CSVReader(bytes: Array(text.utf8)))
        var reader = try #require(CSVReader(path: url.path, blockSize: size))
        var streamed: [CSVReader.Record] = []
        while let record = reader.next() { streamed.append(record) }
        #expect(streamed == whole)
        #expect(whole.map(\.fields) == [["a", "b"], ["one\r\ntwo", "x"], ["q \"quoted\"", "y"], ["bad\"quote", "z"], ["last", ""]])
        #expect(whole.map(\.row) == [1, 2, 3, 4, 5])
    }

    /// A file that stops being readable says why, and one read to its end says nothing.
    @Test func aReadErrorIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var unreadable = try #require(CSVReader(path: folder.path))
        #expect(unreadable.next() == nil)
        #expect(unreadable.readFailure == "Is a directory")

        let file = folder.appendingPathComponent("whole.csv")
        try Data("a,b\n1,2\n".utf8).write(to: file)
        var whole = try #require(CSVReader(path: file.path, blockSize: 3))
        #expect(whole.next()?.fields == ["a", "b"])
        #expect(whole.next()?.fields == ["1", "2"])
        #expect(whole.next() == nil)
        #expect(whole.readFailure == nil)
    }

    /// Finding records without splitting them (what a batch's workers do) must agree
    /// with reading them whole, record by record, also across block boundaries.
    @Test("found records agree with read records", arguments: [1, 2, 5, 4096])
    func rawRecordsAgree(_ blockSize: Int) throws {
        let text = "\u{FEFF}organisation,b,c\r\n\"Hill, Ltd\",\"said \"\"yes\"\"\",3\r\n  Brook ,\"one\r\ntwo\",x\n"
            + ",, \n\"\",\" \",\nbad\"quote,2,3\nshort,1\n\"\"\"quoted\"\" name\",b,c\n\"Hill\" Ltd,1,\"2\"3\n\"spaced\" ,1,2\n"
            + "\"never closed,4\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("raw-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = Array(CSVReader(bytes: Array(text.utf8))).dropFirst()
        var reader = try #require(CSVReader(path: url.path, blockSize: blockSize))
        _ = reader.next()
        var found: [CSVReader.RawRecord] = []
        while let raw = reader.nextRaw(keyField: 0) { found.append(raw) }
        #expect(found.count == whole.count)
        for (raw, record) in zip(found, whole) {
            #expect(raw.record == record)
            #expect(raw.row == record.row && raw.line == record.line)
            #expect(raw.fieldCount == record.fields.count)
            #expect(raw.key == record.fields.first)
            #expect(raw.isBlank == record.fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } })
            #expect(raw.hasQuoteProblem == (record.problem != nil))
        }
        #expect(found.map(\.key) == ["Hill, Ltd", "  Brook ", "", "", "bad\"quote", "short", "\"quoted\" name", "Hill Ltd", "spaced ",
                                   "never closed,4\n"])
    }

    /// Records found eight bytes at a time (plain ones) and byte by byte (the rest) agree with
    /// reading them whole, over many mixed records, line ends, block sizes and key columns.
    @Test("mixed records are found as they are read", arguments: [1, 3, 7, 64, 4096])
    func mixedRecordsAgree(_ blockSize: Int) throws {
        let cells = ["Organisation 12", "a", "", " ", "\t", "Doing really well", "3", "café ünï", "\"with, comma\"",
                     "\"two\nlines\"", "say \"\"", "\"\"\"quoted\"\"\"", "long text without any separator at all"]
        let ends = ["\n", "\r\n", "\r"]
        // Every cell beside every other and every line end, in a fixed order.
        var text = "organisation,b,c,d\n"
        for record in 0..<400 {
            text += (0...(record % 6)).map { cells[(record * 7 + $0 * 3) % cells.count] }.joined(separator: ",")
            text += ends[(record / 6) % ends.count]
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mixed-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = Array(Array(CSVReader(bytes: Array(text.utf8))).dropFirst())
        for keyField in [0, 1, nil] as [Int?] {
            var reader = try #require(CSVReader(path: url.path, blockSize: blockSize))
            _ = reader.next()
            var found: [CSVReader.RawRecord] = []
            while let raw = reader.nextRaw(keyField: keyField) { found.append(raw) }
            #expect(found.count == whole.count)
            for (raw, record) in zip(found, whole) {
                #expect(raw.record == record)
                #expect(raw.row == record.row && raw.line == record.line)
                #expect(raw.fieldCount == record.fields.count)
                if let keyField, keyField < record.fields.count, record.problem == nil { #expect(raw.key == record.fields[keyField]) }
                #expect(raw.isBlank == record.fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } })
                #expect(raw.hasQuoteProblem == (record.problem != nil))
            }
        }
    }

    /// A batch's workers read a file in parts that start where a record starts: each part must
    /// give the same records, with the same rows and lines, as reading the file whole.
    @Test("parts of a file read as the whole file does", arguments: [1, 5, 4096])
    func partsAgree(_ blockSize: Int) throws {
        let text = "organisation,b\r\nA,\"one\r\ntwo\"\r\nB,x\rC,\"say \"\"hi\"\"\"\n\nD,y\r\nbad\"quote,z\n\"E, F\",w\nG,last"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try #require(CSVReader(path: url.path, blockSize: blockSize))
        _ = reader.next()
        var marks: [CSVReader.Mark] = []
        var whole: [CSVReader.RawRecord] = []
        while true {
            let mark = reader.mark
            guard let raw = reader.nextRaw(keyField: 0) else { break }
            marks.append(mark)
            whole.append(raw)
        }
        let end = reader.mark
        #expect(end.offset == text.utf8.count)
        #expect(whole.map(\.key) == ["A", "B", "C", "", "D", "bad\"quote", "E, F", "G"])
        #expect(whole.map(\.row) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(whole.map(\.line) == [2, 4, 5, 6, 7, 8, 9, 10])
        // Every way of cutting the records into two parts.
        for cut in marks.indices {
            var parts: [CSVReader.RawRecord] = []
            for (from, to) in [(marks[0], marks[cut]), (marks[cut], end)] {
                var part = try #require(CSVReader(path: url.path, range: from.offset..<to.offset, from: from, blockSize: blockSize))
                while let raw = part.nextRaw(keyField: 0) { parts.append(raw) }
                #expect(part.mark.offset == to.offset)
            }
            #expect(parts.map(\.bytes) == whole.map(\.bytes))
            #expect(parts.map(\.row) == whole.map(\.row))
            #expect(parts.map(\.line) == whole.map(\.line))
            #expect(parts.map(\.key) == whole.map(\.key))
        }
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.line(["plain", "with, comma", "with \"quote\"", "two\nlines"]) == "plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\"\n")
    }
}
