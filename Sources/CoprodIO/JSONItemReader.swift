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

    private var buffer: BlockBuffer
    private var number: Int
    /// Whether the opening bracket is still to be read: only when reading from the start.
    private var expectingOpening: Bool
    private var finished = false

    /// Reads the items of `path` within `range`. From the start of the file, the array's
    /// opening bracket comes first; otherwise `range` starts at item number `firstItem`.
    /// Nil if the file cannot be opened.
    public init?(path: String, range: Range<Int> = 0..<Int.max, firstItem: Int = 1, blockSize: Int = 1 << 20) {
        guard let buffer = BlockBuffer(path: path, range: range, blockSize: blockSize) else { return nil }
        self.buffer = buffer
        number = firstItem
        expectingOpening = range.lowerBound == 0
    }

    /// Where the next item would start in the file, and its number.
    public var next: (offset: Int, number: Int) { (buffer.offset, number) }

    /// Why the file stopped being read before its end (the system's words); nil when it was
    /// read to the end.
    public var readFailure: String? { buffer.failure }

    /// What is wrong with the file around the items, if anything: it is not an array or an
    /// object, or there is more after the array.
    public private(set) var problem: String?

    /// The next item; nil after the last. An item cut short by the end of the file is still
    /// an item (whose text will not parse).
    public mutating func nextItem() -> Item? {
        guard !finished else { return nil }
        if expectingOpening {
            while buffer.bytes.count < 3 && buffer.loadMore() {}
            if buffer.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.position = 3 }
            guard let first = skipWhiteSpace() else {
                if readFailure == nil { problem = "the file is empty (expected an array of respondents)" }
                return finish()
            }
            expectingOpening = false
            if first == UInt8(ascii: "[") {
                buffer.position += 1
            } else if first != UInt8(ascii: "{") {
                problem = "expected an array of respondents (objects) at byte \(buffer.offset)"
                return finish()
            }
        }
        // Between items: white space, a comma, the closing bracket or the end.
        guard var first = skipWhiteSpace() else { return finish() }
        if first == UInt8(ascii: ",") {
            buffer.position += 1
            guard let after = skipWhiteSpace() else { return finish() }
            first = after
        }
        if first == UInt8(ascii: "]") {
            buffer.position += 1
            if skipWhiteSpace() != nil { problem = "unexpected text after the array at byte \(buffer.offset) (only white space may follow it)" }
            return finish()
        }
        while true {
            if let end = itemEnd(from: buffer.position) { return take(upTo: end) }
            if !buffer.loadMore() { return take(upTo: buffer.bytes.count) }
        }
    }

    /// Where the item starting at `start` ends: at a comma or closing bracket outside any string,
    /// object or array; nil if that is not within the bytes read so far.
    private func itemEnd(from start: Int) -> Int? {
        let bytes = buffer.bytes
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
        let item = Item(bytes: buffer.bytes[buffer.position..<end], number: number, offset: buffer.offset)
        buffer.position = end
        number += 1
        return item
    }

    /// The first byte after white space, reading more as needed; nil at the end.
    private mutating func skipWhiteSpace() -> UInt8? {
        while true {
            while buffer.position < buffer.bytes.count {
                switch buffer.bytes[buffer.position] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): buffer.position += 1
                default: return buffer.bytes[buffer.position]
                }
            }
            if !buffer.loadMore() { return nil }
        }
    }

    private mutating func finish() -> Item? {
        finished = true
        return nil
    }
}
