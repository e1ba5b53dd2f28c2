/// What an input read as CSV is instead, when its header cannot be read: an analyst's export is
/// often a workbook, UTF-16 text or separated by semicolons, and "no 'organisation' column; the
/// header has: PK…" does not say what to do about it.
public enum NotCSV {
    /// How many of a file's first bytes `reason(firstBytes:file:)` needs.
    public static let prefixLength = 4096

    /// Why a file whose first bytes are `bytes` is not UTF-8 CSV, and what to do; nil when it
    /// may well be CSV (and the header's own error says what is wrong).
    public static func reason(firstBytes bytes: some Collection<UInt8>, file: String) -> String? {
        let bytes = Array(bytes.prefix(prefixLength))
        if bytes.starts(with: [0x1F, 0x8B]) {
            return "\(file) is compressed (gzip), not CSV: uncompress it first (gunzip), or give it to evaluate as <(gunzip -c \(file))"
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            guard let workbook = workbook(file) else {
                return "\(file) is a zip archive, not CSV: give the CSV file inside it (unzip it first, or give it to evaluate as <(unzip -p \(file) NAME.csv))"
            }
            return "\(file) is \(workbook), not CSV: \(saveAsCSV)"
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "\(file) is an Excel 97-2003 workbook, not CSV: \(saveAsCSV)"
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "\(file) is UTF-16 text (as Excel's \"Unicode Text\" saves), not UTF-8: \(saveAsCSV)"
        }
        if bytes.contains(0) {
            return "\(file) is not a text file (it holds zero bytes): coprod reads CSV saved as UTF-8 text"
        }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let first = text.first(where: { !isWhiteSpace($0) }), first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            return "\(file) looks like JSON, but only a file named .json (an array of respondents) or .jsonl (one respondent per line) is read as JSON: rename it"
        }
        let header = text.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        if !header.contains(UInt8(ascii: ",")) {
            let semicolons = header.count { $0 == UInt8(ascii: ";") }
            let tabs = header.count { $0 == UInt8(ascii: "\t") }
            if semicolons > 0 || tabs > 0 {
                let separator = semicolons >= tabs ? "semicolons" : "tabs"
                return "\(file): the header is separated by \(separator), not commas: coprod reads comma-separated CSV; save it as CSV UTF-8 (Comma delimited)"
            }
        }
        return nil
    }

    private static let saveAsCSV = "save the sheet as CSV (in Excel: File > Save As > CSV UTF-8 (Comma delimited)) and give that file"

    /// What kind of spreadsheet a zip archive named `file` is, by its extension.
    private static func workbook(_ file: String) -> String? {
        let lowercased = file.lowercased()
        if [".xlsx", ".xlsm", ".xltx", ".xltm"].contains(where: lowercased.hasSuffix) { return "an Excel workbook" }
        if lowercased.hasSuffix(".ods") { return "an OpenDocument spreadsheet" }
        if lowercased.hasSuffix(".numbers") { return "a Numbers spreadsheet" }
        return nil
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
