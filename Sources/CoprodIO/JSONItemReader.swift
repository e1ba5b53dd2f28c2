/// Finds the items of a JSON file's top-level array (or its one top-level object) a block at a
/// time, without parsing them: a batch reads a JSON input of any length in flat memory, and
/// each worker parses its own part of the items. `evaluate` finds them the same way in a file
/// it has read whole, so that both take the same items and refuse the same files.
public struct JSONItemReader {
    /// One item's text.
    public struct Item {
        public var bytes: ArraySlice<UInt8>
        /// Counted from 1 in the whole array.
        public var number: Int
        /// Where the item starts in the file.
        public var offset: Int
        /// Where the item starts in the file, as an editor shows it.
        public var position: TextPosition
    }

    private var buffer: BlockBuffer
    private var number: Int
    /// Whether the opening bracket is still to be read: only when reading from the start.
    private var expectingOpening: Bool
    /// Whether the file is one object rather than an array of them.
    private var single = false
    /// Whether an item was just taken, so a comma or the closing bracket comes next.
    private var afterItem: Bool
    /// Whether the end of what is read is the end of the file, before which the array must be
    /// closed. A part of a file ends where the next item starts.
    private let readsToEnd: Bool
    /// Where `buffer.position` is.
    private var position: TextPosition
    /// The last item taken, for a message about where the file ends.
    private var last: (number: Int, position: TextPosition)?
    private var finished = false

    /// Reads the items of `path` within `range`. From the start of the file, the array's
    /// opening bracket comes first; otherwise `range` starts at item number `firstItem`, just
    /// after the item before (at its comma), at `firstPosition`. Nil if the file cannot be
    /// opened.
    public init?(path: String, range: Range<Int> = 0..<Int.max, firstItem: Int = 1, firstPosition: TextPosition = .start,
                 blockSize: Int = 1 << 20) {
        guard let buffer = BlockBuffer(path: path, range: range, blockSize: blockSize) else { return nil }
        self.init(buffer: buffer, readsToEnd: range.upperBound == Int.max, firstItem: firstItem, firstPosition: firstPosition)
    }

    /// Reads the items of a whole file already in memory.
    public init(bytes: [UInt8]) {
        self.init(buffer: BlockBuffer(bytes: bytes), readsToEnd: true, firstItem: 1, firstPosition: .start)
    }

    private init(buffer: BlockBuffer, readsToEnd: Bool, firstItem: Int, firstPosition: TextPosition) {
        self.buffer = buffer
        self.readsToEnd = readsToEnd
        number = firstItem
        position = firstPosition
        expectingOpening = buffer.offset == 0
        afterItem = !expectingOpening
    }

    /// Where the next item would start in the file, and its number.
    public var next: (offset: Int, number: Int) { (buffer.offset, number) }

    /// Where the next item would start, as an editor shows it.
    public var nextPosition: TextPosition { position }

    /// Why the file stopped being read before its end (the system's words); nil when it was
    /// read to the end.
    public var readFailure: String? { buffer.failure }

    /// What is wrong with the file around the items, if anything: it is not an array or an
    /// object, there is more after it, or it ends before the array is closed (a file cut short:
    /// its items are all found, but none is to be evaluated).
    public private(set) var problem: String?

    /// The next item; nil after the last, or at a problem. An item that the end of the file
    /// cuts short is not given: `problem` says where the file ends.
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
                step()
            } else if first == UInt8(ascii: "{") {
                single = true
            } else {
                problem = "expected an array of respondents ('[') or one respondent ('{') at \(position), found \(found)"
                return finish()
            }
        }
        if single {
            guard !afterItem else {
                if skipWhiteSpace() != nil {
                    problem = "unexpected text after the respondent at \(position), found \(found) (a JSON file holds one array of respondents, or one respondent)"
                }
                return finish()
            }
            return nextPiece()
        }
        // Between items: white space, a comma, the closing bracket or the end.
        guard var first = skipWhiteSpace() else { return ended() }
        if afterItem && first == UInt8(ascii: ",") {
            step()
            afterItem = false
            guard let after = skipWhiteSpace() else { return ended() }
            first = after
        }
        if first == UInt8(ascii: "]") {
            step()
            if skipWhiteSpace() != nil {
                problem = "unexpected text after the array at \(position), found \(found) (only white space may follow it)"
            }
            return finish()
        }
        return nextPiece()
    }

    /// The item starting at `buffer.position`.
    private mutating func nextPiece() -> Item? {
        while true {
            switch itemEnd(from: buffer.position) {
            case .at(let end): return take(upTo: end)
            case .mismatched(let index):
                let closer = String(UnicodeScalar(buffer.bytes[index]))
                let at = position.advanced(over: buffer.bytes[buffer.position..<index])
                problem = "item \(number), which starts at \(position), is not closed before the '\(closer)' at \(at): a '{' or '[' in it "
                    + "lacks its '}' or ']', so where it ends cannot be told and none of the file is evaluated; mend that item and run again"
                return finish()
            case .notYet(let cut):
                if buffer.loadMore() { continue }
                guard readsToEnd else { return take(upTo: buffer.bytes.count) }
                let item = Item(bytes: [], number: number, offset: buffer.offset, position: position)
                last = (item.number, item.position)
                return cut || single ? endedInside(item) : ended()
            }
        }
    }

    private enum End {
        /// The item ends before this index.
        case at(Int)
        /// Not within the bytes read so far; `cut` when they end inside a string, an object or
        /// an array, so that the item is not complete.
        case notYet(cut: Bool)
        /// A '}' closes a '[' or a ']' a '{' at this index: the item is broken, and where it
        /// ends cannot be told.
        case mismatched(Int)
    }

    /// Where the item starting at `start` ends: at a comma or closing bracket outside any string,
    /// object or array; for the file's one object, just after its closing brace. A stray closing
    /// brace stays in the item, whose text then does not parse.
    private func itemEnd(from start: Int) -> End {
        let bytes = buffer.bytes
        var depth = 0
        // Which bracket opened each of the innermost 64 levels, a bit each (1 for '{').
        var braces: UInt64 = 0
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
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth < 64 { braces = braces << 1 | (byte == UInt8(ascii: "{") ? 1 : 0) }
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 {
                        if byte == UInt8(ascii: "]") { return .at(index) }
                    } else {
                        if depth <= 64 {
                            if !single && (braces & 1 == 1) != (byte == UInt8(ascii: "}")) { return .mismatched(index) }
                            braces >>= 1
                        }
                        depth -= 1
                        if single && depth == 0 { return .at(index + 1) }
                    }
                case UInt8(ascii: ","):
                    if depth == 0 && !single { return .at(index) }
                default: break
                }
            }
            index += 1
        }
        return .notYet(cut: inString || depth > 0)
    }

    private mutating func take(upTo end: Int) -> Item {
        let item = Item(bytes: buffer.bytes[buffer.position..<end], number: number, offset: buffer.offset, position: position)
        position = position.advanced(over: item.bytes)
        buffer.position = end
        number += 1
        afterItem = true
        last = (item.number, item.position)
        return item
    }

    /// The file ended between items, before the array was closed.
    private mutating func ended() -> Item? {
        guard readsToEnd, readFailure == nil else { return finish() }
        let after = last.map { "after item \($0.number), which starts at \($0.position)" } ?? "after its '['"
        problem = "the file ends before its array is closed (']' is missing \(after)): it may have been cut short, so none of it "
            + "is evaluated; export it again, or end the array with ']' if it is complete"
        return finish()
    }

    /// The file ended inside `item`, which is cut short.
    private mutating func endedInside(_ item: Item) -> Item? {
        guard readFailure == nil else { return finish() }
        let what = single ? "its respondent, which starts at \(item.position)" : "item \(item.number), which starts at \(item.position)"
        // A file that ends with its ']' was not cut short: the item is broken.
        if !single && buffer.bytes.last(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "]") {
            problem = "\(what), is never closed (a string without its closing quote, or a '{' or '[' without its '}' or ']'), so it "
                + "takes in the rest of the file: none of it is evaluated; mend that item and run again"
            return finish()
        }
        problem = "the file ends inside \(what), before \(single ? "it" : "the array") is closed: it has been cut short, so none of it "
            + "is evaluated; export it again"
        return finish()
    }

    /// Moves past one byte of punctuation.
    private mutating func step() {
        buffer.position += 1
        position.column += 1
    }

    /// What is at the next byte, for a message.
    private var found: String {
        var scanner = JSONScanner(bytes: buffer.bytes[buffer.position...])
        scanner.skipSpace()
        return scanner.found ?? "the end of the file"
    }

    /// The first byte after white space, reading more as needed; nil at the end.
    private mutating func skipWhiteSpace() -> UInt8? {
        while true {
            while buffer.position < buffer.bytes.count {
                switch buffer.bytes[buffer.position] {
                case UInt8(ascii: "\n"):
                    buffer.position += 1
                    position.line += 1
                    position.column = 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    buffer.position += 1
                    position.column += 1
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
