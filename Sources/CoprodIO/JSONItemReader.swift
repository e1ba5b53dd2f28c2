/// Finds the items of a JSON file's top-level array (or its one top-level object) a block at a
/// time, without parsing them: a batch reads a JSON input of any length in flat memory, and
/// each worker parses its own part of the items.
public struct JSONItemReader {
    /// One item's text.
    public struct Item {
        public var bytes: ArraySlice<UInt8>
        /// Counted from 1 in the whole array.
        public var number: Int
        /// Where the item starts in the file.
        public var offset: Int

        /// Whether the item is an object (starts with a brace), as a respondent is.
        public var isObject: Bool { bytes.first == UInt8(ascii: "{") }
    }

    private let source: BlockSource
    private var bytes: [UInt8] = []
    private var position = 0
    /// Bytes of the file before `bytes[0]`.
    private var dropped: Int
    private var number: Int
    private var atEnd = false
    /// Whether the opening bracket is still to be read: only when reading from the start.
    private var expectingOpening: Bool
    private var finished = false

    /// Reads the items of `path` within `range`. From the start of the file, the array's
    /// opening bracket comes first; otherwise `range` starts at item number `firstItem`.
    /// Nil if the file cannot be opened.
    public init?(path: String, range: Range<Int> = 0..<Int.max, firstItem: Int = 1, blockSize: Int = 1 << 20) {
        guard let source = BlockSource(path: path, range: range, blockSize: blockSize) else { return nil }
        self.source = source
        dropped = range.lowerBound
        number = firstItem
        expectingOpening = range.lowerBound == 0
    }

    /// Where the next item would start in the file, and its number.
    public var next: (offset: Int, number: Int) { (dropped + position, number) }

    /// Why the file stopped being read before its end (the system's words); nil when it was
    /// read to the end.
    public var readFailure: String? { source.failure }

    /// What is wrong with the file around the items, if anything: it is not an array or an
    /// object, or there is more after the array.
    public private(set) var problem: String?

    /// The next item; nil after the last. An item cut short by the end of the file is still
    /// an item (whose text will not parse).
    public mutating func nextItem() -> Item? {
        guard !finished else { return nil }
        if expectingOpening {
            while bytes.count < 3 && loadMore() {}
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            guard let first = skipWhiteSpace() else {
                if readFailure == nil { problem = "the file is empty (expected an array of respondents)" }
                return finish()
            }
            expectingOpening = false
            if first == UInt8(ascii: "[") {
                position += 1
            } else if first != UInt8(ascii: "{") {
                problem = "expected an array of respondents (objects) at byte \(dropped + position)"
                return finish()
            }
        }
        // Between items: white space, a comma, the closing bracket or the end.
        guard var first = skipWhiteSpace() else { return finish() }
        if first == UInt8(ascii: ",") {
            position += 1
            guard let after = skipWhiteSpace() else { return finish() }
            first = after
        }
        if first == UInt8(ascii: "]") {
            position += 1
            if skipWhiteSpace() != nil { problem = "unexpected text after the array at byte \(dropped + position) (only white space may follow it)" }
            return finish()
        }
        while true {
            if let end = itemEnd(from: position) { return take(upTo: end) }
            if !loadMore() { return take(upTo: bytes.count) }
        }
    }

    /// Where the item starting at `start` ends: at a comma or closing bracket outside any string,
    /// object or array; nil if that is not within the bytes read so far.
    private func itemEnd(from start: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { return index }
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    private mutating func take(upTo end: Int) -> Item {
        let item = Item(bytes: bytes[position..<end], number: number, offset: dropped + position)
        position = end
        number += 1
        return item
    }

    /// The first byte after white space, reading more as needed; nil at the end.
    private mutating func skipWhiteSpace() -> UInt8? {
        while true {
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
                default: return bytes[position]
                }
            }
            if !loadMore() { return nil }
        }
    }

    /// Appends the next block, dropping what has been read already. False at the end.
    private mutating func loadMore() -> Bool {
        guard !atEnd else { return false }
        if position > 0 {
            bytes.removeFirst(position)
            dropped += position
            position = 0
        }
        if !source.append(to: &bytes) { atEnd = true }
        return !atEnd
    }

    private mutating func finish() -> Item? {
        finished = true
        return nil
    }
}
