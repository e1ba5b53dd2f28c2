import CoprodIO
import Testing

@Suite("Naming an input that is not CSV")
struct NotCSVTests {
    private func reason(_ bytes: [UInt8], _ file: String = "export.csv") -> String? {
        NotCSV.reason(firstBytes: bytes, file: file)
    }

    @Test func workbooksByTheirFirstBytesAndName() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        #expect(reason(zip, "Forms export.xlsx")?.hasPrefix("Forms export.xlsx is an Excel workbook, not CSV: save the sheet as CSV (in Excel: File > Save As > CSV UTF-8 (Comma delimited))") == true)
        #expect(reason(zip, "area.ODS")?.hasPrefix("area.ODS is an OpenDocument spreadsheet, not CSV") == true)
        #expect(reason(zip, "answers.zip")?.hasPrefix("answers.zip is a zip archive, not CSV: give the CSV file inside it") == true)
        // Renamed to .csv, a workbook is still known by its first entry.
        func zipEntry(_ name: String, _ content: String) -> [UInt8] {
            let nameBytes = Array(name.utf8)
            return [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 22) + [UInt8(nameBytes.count), 0, 0, 0] + nameBytes + Array(content.utf8)
        }
        #expect(reason(zipEntry("[Content_Types].xml", "<Types/>"), "export.csv")?.hasPrefix("export.csv is an Excel workbook, not CSV") == true)
        #expect(reason(zipEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), "export.csv")?
            .hasPrefix("export.csv is an OpenDocument spreadsheet, not CSV") == true)
        #expect(reason(zipEntry("answers.csv", "a,b"), "export.csv")?.hasPrefix("export.csv is a zip archive, not CSV") == true)
        let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]
        #expect(reason(xls, "old.xls")?.hasPrefix("old.xls is an Excel 97-2003 workbook, not CSV") == true)
        #expect(reason([0x1F, 0x8B, 0x08, 0x00], "big.csv.gz")?.hasPrefix("big.csv.gz is compressed (gzip), not CSV") == true)
    }

    @Test func textThatIsNotUTF8CSV() {
        // "org" in UTF-16, little-endian and big-endian, each after its byte-order mark.
        #expect(reason([0xFF, 0xFE, 0x6F, 0x00, 0x72, 0x00, 0x67, 0x00])?.hasPrefix("export.csv is UTF-16 text (as Excel's \"Unicode Text\" saves), not UTF-8") == true)
        #expect(reason([0xFE, 0xFF, 0x00, 0x6F, 0x00, 0x72, 0x00, 0x67])?.hasPrefix("export.csv is UTF-16 text") == true)
        // Without a byte-order mark, by one byte of each pair being zero.
        #expect(reason([0x6F, 0x00, 0x72, 0x00, 0x67, 0x00])?.hasPrefix("export.csv is UTF-16 text (as Excel's \"Unicode Text\" saves)") == true)
        #expect(reason([0x00, 0x6F, 0x00, 0x72, 0x00, 0x67])?.hasPrefix("export.csv is UTF-16 text") == true)
        #expect(reason([0x6F, 0x72, 0x00, 0x67, 0x2C, 0x00, 0x00, 0x01])
            == "export.csv is not a text file (it holds NUL bytes, which text never does): coprod reads CSV saved as UTF-8 text")
        let json = [0xEF, 0xBB, 0xBF] + Array(" \n[{\"organisation\": \"A\"}]".utf8)
        #expect(reason(json)?.hasPrefix("export.csv looks like JSON, but only a file named .json") == true)
        // A pipe cannot be renamed: it is to be saved to a file.
        #expect(reason(json, "/dev/fd/63")?.hasPrefix("/dev/fd/63 looks like JSON, but is read as CSV: save it to a file named .jsonl") == true)
        #expect(reason(json, "-")?.hasPrefix("standard input looks like JSON, but is read as CSV") == true)
    }

    /// JSON is read from bytes too: what is not UTF-8 text is named as for CSV, with advice that
    /// fits JSON (no process substitution, which a JSON file cannot be given as).
    @Test func jsonThatIsNotUTF8Text() {
        func json(_ bytes: [UInt8], _ file: String) -> String? { NotText.reason(firstBytes: bytes, file: file, format: .json) }
        #expect(json([0xFF, 0xFE, 0x7B, 0x00], "a.json") == "a.json is UTF-16 text, not UTF-8: save it as UTF-8 (for example with iconv -f UTF-16 -t UTF-8 a.json > NEW.json)")
        #expect(json([0x00, 0x7B, 0x00, 0x22], "a.jsonl") == "a.jsonl is UTF-16 text, not UTF-8: save it as UTF-8 (for example with iconv -f UTF-16BE -t UTF-8 a.jsonl > NEW.jsonl)")
        #expect(json([0x1F, 0x8B, 0x08, 0x00], "a.jsonl.gz") == "a.jsonl.gz is compressed (gzip), not JSON: uncompress it first (gunzip)")
        #expect(json([0x50, 0x4B, 0x03, 0x04], "a.zip") == "a.zip is a zip archive, not JSON: give the JSON file inside it (unzip it first)")
        #expect(json(Array("{\"organisation\": \"A\"}\n".utf8), "a.jsonl") == nil)
    }

    @Test func aHeaderSeparatedByOtherThanCommas() {
        #expect(reason(Array("organisation;respondent;assets.1\nA;1;4\n".utf8))
            == "export.csv: the header is separated by semicolons, not commas: coprod reads comma-separated CSV; save it as CSV UTF-8 (Comma delimited)")
        #expect(reason(Array("organisation\trespondent\r\nA\t1\r\n".utf8))?.hasPrefix("export.csv: the header is separated by tabs, not commas") == true)
        // Only the header counts: semicolons in a later row, or in a header that has commas too,
        // say nothing about the separator.
        #expect(reason(Array("name,role\nA;B,staff\n".utf8)) == nil)
        #expect(reason(Array("name;x,role\n".utf8)) == nil)
        #expect(reason(Array("name\nA;B\n".utf8)) == nil)
    }

    @Test func csvOrNothingGivesNoReason() {
        #expect(reason([]) == nil)
        #expect(reason(Array("name,role\nA,staff\n".utf8)) == nil)
        #expect(reason([0xEF, 0xBB, 0xBF] + Array("name,role\n".utf8)) == nil)
    }
}
