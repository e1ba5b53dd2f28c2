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
        let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]
        #expect(reason(xls, "old.xls")?.hasPrefix("old.xls is an Excel 97-2003 workbook, not CSV") == true)
        #expect(reason([0x1F, 0x8B, 0x08, 0x00], "big.csv.gz")?.hasPrefix("big.csv.gz is compressed (gzip), not CSV") == true)
    }

    @Test func textThatIsNotUTF8CSV() {
        // "org" in UTF-16, little-endian and big-endian, each after its byte-order mark.
        #expect(reason([0xFF, 0xFE, 0x6F, 0x00, 0x72, 0x00, 0x67, 0x00])?.hasPrefix("export.csv is UTF-16 text (as Excel's \"Unicode Text\" saves), not UTF-8") == true)
        #expect(reason([0xFE, 0xFF, 0x00, 0x6F, 0x00, 0x72, 0x00, 0x67])?.hasPrefix("export.csv is UTF-16 text") == true)
        #expect(reason([0x6F, 0x00, 0x72, 0x00])?.hasPrefix("export.csv is not a text file (it holds zero bytes)") == true)
        let json = [0xEF, 0xBB, 0xBF] + Array(" \n[{\"organisation\": \"A\"}]".utf8)
        #expect(reason(json)?.hasPrefix("export.csv looks like JSON, but only a file named .json") == true)
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
