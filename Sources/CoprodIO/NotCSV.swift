/// What an input read as CSV is instead, when its header cannot be read: an analyst's export is
/// often a workbook, UTF-16 text or separated by semicolons, and "no 'organisation' column; the
/// header has: PK…" does not say what to do about it.
public enum NotCSV {
    /// How many of a file's first bytes `reason(firstBytes:file:)` needs.
    public static let prefixLength = NotText.prefixLength

    /// Why a file whose first bytes are `bytes` is not UTF-8 CSV, and what to do; nil when it
    /// may well be CSV (and the header's own error says what is wrong).
    public static func reason(firstBytes bytes: some Collection<UInt8>, file: String) -> String? {
        let bytes = Array(bytes.prefix(prefixLength))
        if let reason = NotText.reason(firstBytes: bytes, file: file, format: .csv) { return reason }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let first = text.first(where: { !isWhiteSpace($0) }), first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            // Standard input or a pipe (`<(...)`) has no name to go by, and cannot be renamed.
            if file == "-" || file.hasPrefix("/dev/") || file.hasPrefix("/proc/self/fd/") {
                return "\(file == "-" || file == "/dev/stdin" ? "standard input" : file) looks like JSON, but is read as CSV: save it to a file named .jsonl (one respondent per line) or .json (an array of respondents) and give that"
            }
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

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
