import Foundation

/// Reads CSV as spreadsheets and forms tools write it: UTF-8 with or without a byte-order mark,
/// CRLF, LF or CR line ends, quoted fields with doubled quotes and line breaks inside.
///
/// It works on bytes and reports problems per record (an unclosed quote, invalid UTF-8) with the
/// record's row number as a spreadsheet shows it (the header is row 1), so one bad row is
/// rejected with its reason and the rest are still read. (yaslab/CSV.swift was considered: it
/// reports no row positions and stops at the first invalid UTF-8 sequence.)
public struct CSVReader: Sequence, IteratorProtocol {
    /// One record: its fields, or why it could not be read.
    public struct Record: Sendable, Equatable {
        /// Spreadsheet row number: the header is row 1.
        public var row: Int
        /// The line of the file the record starts on (differs from `row` after quoted line breaks).
        public var line: Int
        public var fields: [String]
        public var problem: String?
        /// When the problem is in one field: which, and the reason without naming the field, so
        /// that a reader that knows the header can name its column.
        public var problemField: FieldProblem?
        /// A quote out of place anywhere in it (the problem named may be an earlier cell's text
        /// that is not UTF-8): its fields may not be where they should be.
        public var hasQuoteProblem = false
    }

    /// A problem in one field of a record.
    public struct FieldProblem: Sendable, Equatable {
        /// The field, 0 for the first.
        public var index: Int
        public var reason: String
        /// Its text is not UTF-8: the row's fields are where they should be, so the row is
        /// still its organisation's, where a misplaced quote may have shifted them.
        public var encoding = false
    }

    private var bytes: [UInt8]
    private var position: Int
    private var row = 0
    private var line = 1
    /// More of the input, for reading a file in blocks; nil once it is all in `bytes`.
    private var more: BlockSource?
    /// Bytes of the input before `bytes[0]`.
    private var dropped = 0

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Reads `path` a block at a time, so memory does not grow with the file; nil if it cannot
    /// be opened.
    public init?(path: String, blockSize: Int = 1 << 20) {
        guard let source = BlockSource(path: path, range: 0..<Int.max, blockSize: blockSize) else { return nil }
        self.init(bytes: [])
        more = source
        while bytes.count < 3 && loadMore() {}
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// Reads the records of `path` within `range`, which starts where `mark` was taken, so rows
    /// and lines are numbered as in the whole file. A batch's workers read their parts of a file so.
    public init?(path: String, range: Range<Int>, from mark: Mark, blockSize: Int = 1 << 20) {
        guard let source = BlockSource(path: path, range: range, blockSize: blockSize) else { return nil }
        self.init(bytes: [])
        more = source
        dropped = range.lowerBound
        row = mark.row
        line = mark.line
    }

    /// Where reading is: the byte offset in the input of the next record, and the row and line
    /// numbers before it.
    public struct Mark: Sendable, Equatable {
        public var offset: Int
        public var row: Int
        public var line: Int
    }

    /// `bytes` as text, nil if they are not UTF-8: ASCII (most names) by the quickest way.
    static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    public var mark: Mark { Mark(offset: dropped + position, row: row, line: line) }

    /// Why the file stopped being read before its end (the system's words), after `next` or
    /// `nextRaw` has returned nil; nil when it was read to the end.
    public private(set) var readFailure: String?

    /// Appends the next block, dropping what has been read already. False at the end.
    @discardableResult
    private mutating func loadMore() -> Bool {
        guard let source = more else { return false }
        if position > 0 {
            let used = Swift.min(position, bytes.count)
            bytes.removeFirst(used)
            dropped += used
            position = 0
        }
        guard source.append(to: &bytes) else {
            readFailure = source.failure
            more = nil
            return false
        }
        return true
    }

    public mutating func next() -> Record? { readWhole { $0.parseRecord() } }

    /// A record found but not split into fields: its bytes, where it is, how many fields it has
    /// and the text of one of them. A batch finds records this way, and splits only those of
    /// organisations it evaluates.
    public struct RawRecord: Sendable {
        public var row: Int
        public var line: Int
        /// The record without its line end.
        public var bytes: [UInt8]
        public var fieldCount: Int
        /// The field asked for, unquoted; nil if the record has fewer fields, or the field's
        /// text is not UTF-8.
        public var key: String?
        /// No field holds anything but spaces and tabs.
        public var isBlank: Bool
        /// A quote in the middle of a field, or one never closed: `record` says which.
        public var hasQuoteProblem: Bool

        /// The record split into fields, with its row and line as found.
        public var record: Record {
            var reader = CSVReader(bytes: bytes)
            reader.row = row - 1
            reader.line = line
            return reader.next() ?? Record(row: row, line: line, fields: [""], problem: nil)
        }
    }

    /// The next record, found but not split; `keyField` says which field's text to give. Without
    /// `keepingBytes` the record's bytes are left out (when only its key is wanted).
    public mutating func nextRaw(keyField: Int?, keepingBytes: Bool = true) -> RawRecord? {
        readWhole { $0.scanRecord(keyField: keyField, keepingBytes: keepingBytes) }
    }

    /// Reads one record with `parse`. Reading in blocks: if the record ran into the end of the
    /// block, loads the next block and reads the record again from its start.
    private mutating func readWhole<Found>(_ parse: (inout CSVReader) -> Found?) -> Found? {
        if position >= bytes.count && !loadMore() { return nil }
        guard more != nil else { return parse(&self) }
        let saved = (row: row, line: line)
        var start = position
        while true {
            let found = parse(&self)
            if !reachedEnd || more == nil { return found }
            position = start
            row = saved.row
            line = saved.line
            if !loadMore() { return parse(&self) }
            start = position  // the block before the record has been dropped
        }
    }

    /// Finds the end of a record as `parseRecord` would, noting field boundaries only.
    private mutating func scanRecord(keyField: Int?, keepingBytes: Bool) -> RawRecord? {
        reachedEnd = false
        guard position < bytes.count else { return nil }
        if keyField ?? 0 == 0, let record = plainRecord(keyFirst: keyField == 0, keepingBytes: keepingBytes) { return record }
        row += 1
        let startLine = line
        let start = position
        var field = 0
        var quoted = false
        var fieldStarted = false
        var fieldWasQuoted = false
        var closed = false
        var content = false
        var problem = false
        var key: (start: Int, end: Int?, quoted: Bool)? = keyField == 0 ? (position, nil, false) : nil
        var end: Int?
        scanning: while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position >= bytes.count && more != nil {
                        reachedEnd = true
                        return nil
                    }
                    if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                        position += 1
                        fieldStarted = true
                        content = true
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (position >= bytes.count || bytes[position] != UInt8(ascii: "\n"))) {
                        line += 1
                    }
                    fieldStarted = true
                    if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { content = true }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                if field == keyField { key?.end = position - 1 }
                field += 1
                fieldStarted = false
                fieldWasQuoted = false
                closed = false
                if field == keyField { key = (position, nil, false) }
            case UInt8(ascii: "\""):
                if !fieldStarted && !fieldWasQuoted {
                    quoted = true
                    fieldWasQuoted = true
                    if field == keyField { key?.quoted = true }
                } else {
                    problem = true
                    fieldStarted = true
                    content = true
                }
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r") && position >= bytes.count && more != nil {
                    reachedEnd = true
                    return nil
                }
                end = position - 1
                if byte == UInt8(ascii: "\r") && position < bytes.count && bytes[position] == UInt8(ascii: "\n") { position += 1 }
                line += 1
                break scanning
            default:
                fieldStarted = true
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                    content = true
                    if closed { problem = true }
                }
            }
        }
        if end == nil {
            reachedEnd = true
            if quoted { problem = true }
        }
        let recordEnd = end ?? position
        var keyText: String?
        if let key {
            let keyBytes = bytes[key.start..<(key.end ?? recordEnd)]
            // Text that is not UTF-8 names no organisation: reading the record in full refuses it.
            if key.quoted {
                var reader = CSVReader(bytes: Array(keyBytes))
                let record = reader.next()
                keyText = record?.problemField?.encoding == true ? nil : record?.fields.first ?? ""
            } else {
                keyText = CSVReader.text(keyBytes)
            }
        }
        return RawRecord(row: row, line: startLine, bytes: keepingBytes ? Array(bytes[start..<recordEnd]) : [], fieldCount: field + 1,
                         key: keyText, isBlank: !content, hasQuoteProblem: problem)
    }

    /// The record at `position` if it is plain: no quote before its line end, which is in the
    /// bytes read so far, and something other than a separator or white space first. Most
    /// records are; they are found eight bytes at a time, where `scanRecord` looks at each byte.
    /// Nil for any other record, for `scanRecord` to read. The key, if asked for, is the first
    /// field.
    private mutating func plainRecord(keyFirst: Bool, keepingBytes: Bool) -> RawRecord? {
        let first = bytes[position]
        guard first != UInt8(ascii: ","), first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), first != UInt8(ascii: "\""),
              first != UInt8(ascii: "\n"), first != UInt8(ascii: "\r") else { return nil }
        let start = position
        let found: (end: Int, commas: Int, firstComma: Int?)? = bytes.withUnsafeBufferPointer { buffer in
            var commas = 0
            var firstComma: Int?
            var offset = start
            while offset + 8 <= buffer.count {
                var word: UInt64 = 0
                for index in 0..<8 { word |= UInt64(buffer[offset &+ index]) &<< (8 &* index) }
                let ends = CSVReader.bytes(equalTo: 0x0A, in: word) | CSVReader.bytes(equalTo: 0x0D, in: word)
                    | CSVReader.bytes(equalTo: 0x22, in: word)
                var separators = CSVReader.bytes(equalTo: 0x2C, in: word)
                // Only the separators before the first line end or quote in this word count.
                if ends != 0 { separators &= (ends & (~ends &+ 1)) &- 1 }
                if firstComma == nil, separators != 0 { firstComma = offset + separators.trailingZeroBitCount / 8 }
                commas += separators.nonzeroBitCount
                if ends != 0 { return (offset + ends.trailingZeroBitCount / 8, commas, firstComma) }
                offset += 8
            }
            while offset < buffer.count {
                switch buffer[offset] {
                case 0x0A, 0x0D, 0x22: return (offset, commas, firstComma)
                case 0x2C:
                    if firstComma == nil { firstComma = offset }
                    commas += 1
                default: break
                }
                offset += 1
            }
            return nil
        }
        // A quote, a line end not yet read, or a carriage return not followed by a line feed
        // within these bytes: left to `scanRecord`.
        guard let found, bytes[found.end] != UInt8(ascii: "\"") else { return nil }
        var next = found.end + 1
        if bytes[found.end] == UInt8(ascii: "\r") {
            guard next < bytes.count, bytes[next] == UInt8(ascii: "\n") else { return nil }
            next += 1
        }
        row += 1
        let record = RawRecord(row: row, line: line, bytes: keepingBytes ? Array(bytes[start..<found.end]) : [], fieldCount: found.commas + 1,
                               key: keyFirst ? CSVReader.text(bytes[start..<(found.firstComma ?? found.end)]) : nil,
                               isBlank: false, hasQuoteProblem: false)
        line += 1
        position = next
        return record
    }

    /// The bytes of `word` equal to `byte`, each as its top bit (exactly: no borrows between bytes).
    @inline(__always)
    private static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((difference & low7) &+ low7) | difference | low7)
    }

    /// Whether the last parse stopped at the end of the bytes rather than at a line end.
    private var reachedEnd = false

    private mutating func parseRecord() -> Record? {
        reachedEnd = false
        guard position < bytes.count else { return nil }
        row += 1
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var problem: String?
        var quoted = false
        var fieldWasQuoted = false
        var problemField: FieldProblem?
        var quoteProblem = false
        var quoteOpenedOn = startLine
        /// The quoted field that took a line break, and the line its quote opened on: if its
        /// closing quote is missing, the lines after it are read into this row.
        var ranOn: (field: Int, from: Int)?

        func finishField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                fields.append(String(decoding: field, as: UTF8.self))
                if problem == nil {
                    let reason = "not valid UTF-8 text (save the file as CSV UTF-8: Excel's plain \"CSV (Comma delimited)\" is not UTF-8)"
                    problem = "field \(fields.count) is \(reason)"
                    problemField = FieldProblem(index: fields.count - 1, reason: reason, encoding: true)
                }
            }
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        /// A quote where a field cannot have one: which field, and how to write it instead. In a
        /// row that took in later lines, the cause may well be an earlier quote never closed.
        func noteMisplaced(_ what: String, advice: String) {
            quoteProblem = true
            guard problem == nil else { return }
            if let ranOn {
                problem = "\(what) field \(fields.count + 1) on line \(line), in a row that runs from line \(startLine): field \(ranOn.field)'s quote on line \(ranOn.from) may never be closed, taking lines \(startLine)-\(line) into this one row (quote the whole field and double any quote inside it)"
            } else {
                problem = "\(what) field \(fields.count + 1) (quote the whole field and \(advice))"
                problemField = FieldProblem(index: fields.count, reason: "\(what) the field (quote the whole field and \(advice))")
            }
        }

        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position >= bytes.count && more != nil {
                        reachedEnd = true  // a doubled quote may be split across two blocks
                        return nil
                    }
                    if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    if byte == UInt8(ascii: "\n") || position >= bytes.count || bytes[position] != UInt8(ascii: "\n") { line += 1 }
                    ranOn = (fields.count + 1, quoteOpenedOn)
                    field.append(byte)
                } else {
                    // The rest of a quoted run at once, up to the next quote or line break.
                    let start = position - 1
                    while position < bytes.count {
                        let next = bytes[position]
                        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\r") || next == UInt8(ascii: "\n") { break }
                        position += 1
                    }
                    field.append(contentsOf: bytes[start..<position])
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                finishField()
            case UInt8(ascii: "\""):
                if field.isEmpty && !fieldWasQuoted {
                    quoted = true
                    fieldWasQuoted = true
                    quoteOpenedOn = line
                } else {
                    noteMisplaced("a quote in the middle of", advice: "double the quote")
                    field.append(byte)
                }
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r") && position >= bytes.count && more != nil {
                    reachedEnd = true  // a CRLF split across two blocks: read again with the next
                    return nil
                }
                if byte == UInt8(ascii: "\r") && position < bytes.count && bytes[position] == UInt8(ascii: "\n") { position += 1 }
                line += 1
                finishField()
                return Record(row: row, line: startLine, fields: fields, problem: problem, problemField: problemField, hasQuoteProblem: quoteProblem)
            default:
                // The rest of an unquoted run at once: most fields are nothing else.
                let start = position - 1
                while position < bytes.count {
                    let next = bytes[position]
                    if next == UInt8(ascii: ",") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "\r") || next == UInt8(ascii: "\n") { break }
                    position += 1
                }
                // After a closing quote only spaces may come before the separator: `"4"5` is
                // not 45, but a field quoted by mistake.
                if fieldWasQuoted, bytes[start..<position].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                    noteMisplaced("text after the closing quote of", advice: "double any quote inside it")
                }
                field.append(contentsOf: bytes[start..<position])
            }
        }
        reachedEnd = true
        if quoted {
            quoteProblem = true
            // A line end as the file's last byte ends its last line rather than starting one.
            let lastLine = field.last == UInt8(ascii: "\n") || field.last == UInt8(ascii: "\r") ? line - 1 : line
            problem = lastLine > quoteOpenedOn
                ? "a quoted field starting on line \(quoteOpenedOn) is never closed, taking lines \(startLine)-\(lastLine) (the rest of the file) into this one row"
                : "a quoted field starting on line \(quoteOpenedOn) is never closed"
        }
        finishField()
        return Record(row: row, line: startLine, fields: fields, problem: problem, problemField: problemField, hasQuoteProblem: quoteProblem)
    }
}

/// Writes CSV fields, quoting only where needed.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\n"
    }

    /// Appends one field's bytes, quoted only where needed.
    public static func append(_ field: String, to bytes: inout [UInt8]) {
        bytes += quote(field).utf8
    }

    /// Text from an input (an organisation's name) as a spreadsheet cell: one that starts with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return gets an apostrophe before it, or a
    /// spreadsheet opening the file would run it as a formula (`=HYPERLINK(...)` typed into a
    /// form's name box). Names people give start so rarely; results.jsonl keeps them as written.
    public static func cellText(_ text: String) -> String {
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): "'" + text
        default: text
        }
    }

    public static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

/// A file read a block at a time into a buffer that is kept: each block lands in memory already
/// in use instead of a new allocation.
final class BlockSource {
    private let descriptor: Int32
    private var offset: Int
    private let end: Int
    private let blockSize: Int

    init?(path: String, range: Range<Int>, blockSize: Int) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        offset = range.lowerBound
        end = range.upperBound
        self.blockSize = Swift.max(1, blockSize)
    }

    deinit { close(descriptor) }

    /// Why reading stopped before the end of the range: the system's words for the error.
    private(set) var failure: String?

    /// Appends up to a block from the file to `bytes`; false at the end of the range, or on an
    /// error reading (then `failure` says what it was).
    func append(to bytes: inout [UInt8]) -> Bool {
        let wanted = Swift.min(blockSize, end - offset)
        guard wanted > 0 else { return false }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: wanted))
        let read = bytes.withUnsafeMutableBytes { buffer in
            var read = -1
            repeat { read = pread(descriptor, buffer.baseAddress! + start, wanted, off_t(offset)) } while read < 0 && errno == EINTR
            return read
        }
        if read < 0 { failure = String(cString: strerror(errno)) }
        let got = Swift.max(0, read)
        bytes.removeLast(wanted - got)
        offset += got
        return got > 0
    }
}
