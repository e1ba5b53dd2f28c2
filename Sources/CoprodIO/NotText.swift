/// What an input is when it is not UTF-8 text at all (compressed, an archive, a workbook, UTF-16,
/// binary), whether it was to be read as CSV or as JSON: a reader would otherwise report a
/// column, key or byte that says nothing about what to do.
public enum NotText {
    /// How many of a file's first bytes `reason(firstBytes:file:format:)` needs.
    public static let prefixLength = 4096

    /// What the input was to be read as, for the messages' advice.
    public enum Format: String, Sendable {
        case csv = "CSV", json = "JSON"
    }

    /// Why `bytes`, the first of a file's, are not UTF-8 text, and what to do; nil when they may
    /// well be.
    public static func reason(firstBytes bytes: [UInt8], file: String, format: Format) -> String? {
        if bytes.starts(with: [0x1F, 0x8B]) {
            // A process substitution's name has no .json extension, so only CSV can be given so.
            let instead = format == .csv ? ", or give it to evaluate as <(gunzip -c \(file))" : ""
            return "\(file) is compressed (gzip), not \(format.rawValue): uncompress it first (gunzip)\(instead)"
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            if let workbook = workbook(file) ?? workbook(zipStart: bytes) { return "\(file) is \(workbook), not \(format.rawValue): \(saveAsCSV)" }
            let instead = format == .csv ? ", or give it to evaluate as <(unzip -p \(file) NAME.csv)" : ""
            return "\(file) is a zip archive, not \(format.rawValue): give the \(format.rawValue) file inside it (unzip it first\(instead))"
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "\(file) is an Excel 97-2003 workbook, not \(format.rawValue): \(saveAsCSV)"
        }
        if let encoding = utf16(bytes) {
            if format == .csv { return "\(file) is UTF-16 text (as Excel's \"Unicode Text\" saves), not UTF-8: \(saveAsCSV)" }
            let converted = "NEW." + (file.lowercased().hasSuffix(".json") ? "json" : "jsonl")
            return "\(file) is UTF-16 text, not UTF-8: save it as UTF-8 (for example with iconv -f \(encoding) -t UTF-8 \(file) > \(converted))"
        }
        if bytes.contains(0) {
            return "\(file) is not a text file (it holds NUL bytes, which text never does): coprod reads \(format.rawValue) saved as UTF-8 text"
        }
        return nil
    }

    private static let saveAsCSV = "save the sheet as CSV (in Excel: File > Save As > CSV UTF-8 (Comma delimited)) and give that file"

    /// The UTF-16 encoding `bytes` are in, as iconv names it, or nil. With a byte-order mark it
    /// says; without one, text mostly in ASCII has one byte of each pair zero, always the second
    /// (little-endian) or always the first (big-endian).
    private static func utf16(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        guard bytes.count >= 4 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let pairs = bytes.count / 2
        guard max(zeros.even, zeros.odd) * 2 >= pairs, min(zeros.even, zeros.odd) == 0 else { return nil }
        return zeros.odd > 0 ? "UTF-16LE" : "UTF-16BE"
    }

    /// What kind of spreadsheet a zip archive is by its first entry, whatever its name (a workbook
    /// renamed to .csv): Excel's start with `[Content_Types].xml` or `xl/`, OpenDocument's with a
    /// `mimetype` that says so.
    private static func workbook(zipStart bytes: [UInt8]) -> String? {
        guard bytes.count > 30 else { return nil }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        guard bytes.count >= 30 + nameLength else { return nil }
        let name = String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self)
        if name == "[Content_Types].xml" || name.hasPrefix("xl/") || name == "_rels/.rels" { return "an Excel workbook" }
        let content = bytes.dropFirst(30 + nameLength + extraLength).prefix(64)
        if name == "mimetype", String(decoding: content, as: UTF8.self).contains("opendocument.spreadsheet") {
            return "an OpenDocument spreadsheet"
        }
        return nil
    }

    /// What kind of spreadsheet a zip archive named `file` is, by its extension.
    private static func workbook(_ file: String) -> String? {
        let lowercased = file.lowercased()
        if [".xlsx", ".xlsm", ".xltx", ".xltm"].contains(where: lowercased.hasSuffix) { return "an Excel workbook" }
        if lowercased.hasSuffix(".ods") { return "an OpenDocument spreadsheet" }
        if lowercased.hasSuffix(".numbers") { return "a Numbers spreadsheet" }
        return nil
    }
}
