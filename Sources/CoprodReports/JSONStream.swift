/// Writes JSON text straight into bytes as values are given, compact or indented.
///
/// A batch writes a full result per organisation; building a `JSON` tree first and then its text
/// cost more than evaluating. This writes the same text with no tree and no `String` in between.
/// Containers keep track of their own commas, so callers only say what comes next.
public struct JSONStream {
    public private(set) var bytes: [UInt8] = []
    private let indent: Int?
    /// How many containers are open.
    private var depth = 0
    /// Bit n: whether the container open at depth n + 1 has an element yet. Deeper containers
    /// (over 64, which no result has) are tracked in `deeper`.
    private var filled: UInt64 = 0
    private var deeper: [Bool] = []
    /// A key has just been written: the value follows it with no comma or line break.
    private var afterKey = false

    public init(indent: Int? = nil, capacity: Int = 1024) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
    }

    /// Empties the bytes for the next document, keeping their storage.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        filled = 0
        deeper.removeAll()
        afterKey = false
    }

    /// Hands over the bytes written so far and starts again in `storage` (emptied, and grown
    /// to hold as many bytes as these): the bytes move to their reader without being copied,
    /// and storage given back by an earlier reader is written into again.
    public mutating func takeBytes(continuingIn storage: [UInt8] = []) -> [UInt8] {
        var taken = storage
        taken.removeAll(keepingCapacity: true)
        taken.reserveCapacity(bytes.count)
        swap(&taken, &bytes)
        reset()
        return taken
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's name; its value comes next.
    public mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        separateKey()
    }

    /// A member's name that is not a literal (a role, a key of a `JSON` object). Literals use
    /// `key(_:)`, which needs no escaping.
    public mutating func key(text name: String) {
        element()
        quote(name)
        separateKey()
    }

    /// Whether the output has no line breaks or indentation.
    public var isCompact: Bool { indent == nil }

    /// Members of an object as compact JSON, without the braces, such as
    /// `"id":"assets","title":"Assets"`: keys and string values, in order. Parts that are the
    /// same for every organisation are encoded once.
    public static func encodedMembers(_ pairs: KeyValuePairs<StaticString, String>) -> [UInt8] {
        var stream = JSONStream(capacity: 256)
        stream.beginObject()
        for (key, value) in pairs {
            stream.key(key)
            stream.string(value)
        }
        stream.endObject()
        return Array(stream.bytes.dropFirst().dropLast())
    }

    public mutating func string(_ text: String) {
        element()
        quote(text)
    }

    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// Appends `text` as `string(_:)` writes it: in quotes, or null when there is none.
    static func append(quoted text: String?, to bytes: inout [UInt8]) {
        if let text { append(quoted: text, to: &bytes) } else { append(literal: "null", to: &bytes) }
    }

    public mutating func integer(_ value: Int) {
        element()
        JSONStream.append(value, to: &bytes)
    }

    /// Whole numbers without a decimal point; others as Swift's shortest exact form; NaN and
    /// infinities as null (JSON has no word for them).
    public mutating func number(_ value: Double) {
        element()
        JSONStream.append(value, to: &bytes)
    }

    /// Appends a number as `number(_:)` writes it, for other formats that want the same figures.
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        if !value.isFinite { return bytes.append(contentsOf: "null".utf8) }
        if value == value.rounded(), abs(value) < 1e15 { return append(Int(value), to: &bytes) }
        // Scores are rounded to four decimals. Such a value is the double nearest its four-decimal
        // text, so that text, without trailing zeros, is the shortest that reads back as it: what
        // `description` gives, written here without making a `String`.
        let tenThousandths = (value * 10_000).rounded()
        if abs(tenThousandths) < 1e13, tenThousandths / 10_000 == value {
            let whole = Int(tenThousandths)
            if whole < 0 { bytes.append(UInt8(ascii: "-")) }
            append(whole.magnitude / 10_000, to: &bytes)
            bytes.append(UInt8(ascii: "."))
            var fraction = whole.magnitude % 10_000
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            var scale: UInt = 1
            for _ in 1..<digits { scale *= 10 }
            while scale > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / scale % 10))
                scale /= 10
            }
            return
        }
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a whole number's digits.
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(value.magnitude, to: &bytes)
    }

    private static func append(_ magnitude: UInt, to bytes: inout [UInt8]) {
        // Most figures in a result are single digits: a point on a scale, a count.
        if magnitude < 10 { return bytes.append(UInt8(ascii: "0") + UInt8(magnitude)) }
        var rest = magnitude
        var count = 1
        var scale: UInt = 1
        while rest / scale >= 10 {
            scale *= 10
            count += 1
        }
        for _ in 0..<count {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / scale))
            rest %= scale
            scale /= 10
        }
    }

    public mutating func bool(_ flag: Bool) {
        element()
        raw(flag ? "true" : "false")
    }

    public mutating func null() {
        element()
        raw("null")
    }

    /// Appends bytes as they are, e.g. a line break between documents.
    public mutating func raw(_ text: StaticString) { JSONStream.append(literal: text, to: &bytes) }

    static func append(literal text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a value the caller encodes itself, straight into the bytes: for parts of a
    /// result written for every organisation, where each call of the general methods costs
    /// more than the bytes it writes. The value is written as it is: a container in it is
    /// compact whatever the stream's indentation.
    mutating func encoded(_ write: (inout [UInt8]) -> Void) {
        element()
        write(&bytes)
    }

    // MARK: - Layout

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        element()
        bytes.append(bracket)
        depth += 1
        if depth > 64 { deeper.append(false) } else { filled &= ~(1 << UInt64(depth - 1)) }
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        let hadElements = depth > 64 ? deeper.removeLast() : filled & (1 << UInt64(depth - 1)) != 0
        depth -= 1
        if hadElements { newline() }
        bytes.append(bracket)
    }

    /// Starts a value or a key: a comma after the container's previous element, and a new line
    /// when indenting.
    @inline(__always)
    private mutating func element() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if depth > 64 {
            if deeper[deeper.count - 1] { bytes.append(UInt8(ascii: ",")) }
            deeper[deeper.count - 1] = true
        } else {
            let bit: UInt64 = 1 << UInt64(depth - 1)
            if filled & bit != 0 { bytes.append(UInt8(ascii: ",")) }
            filled |= bit
        }
        if indent != nil { newline() }
    }

    private mutating func separateKey() {
        bytes.append(UInt8(ascii: ":"))
        if indent != nil { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    private mutating func newline() {
        guard let indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * depth))
    }

    /// Where the first byte at or after `start` that JSON must escape is (a control character,
    /// a quote or a backslash), or `utf8.count` if there is none. Looks at eight bytes at a time:
    /// results are mostly long plain texts (next steps, warnings) and a byte at a time was a
    /// tenth of a batch.
    static func firstToEscape(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        while offset + 8 <= utf8.count {
            // Eight bytes as one number (the compiler makes this one load).
            var word: UInt64 = 0
            for index in 0..<8 { word |= UInt64(utf8[offset &+ index]) &<< (8 &* index) }
            // A byte below 0x20, or one equal to '"' or '\\', sets its high bit here; a set bit
            // may spill into later bytes, so the word is then looked at byte by byte.
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let found = ((word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)) & ~word & highs
            if found != 0, let first = (offset..<offset + 8).first(where: { needsEscaping(utf8[$0]) }) { return first }
            offset += 8
        }
        return (offset..<utf8.count).first { needsEscaping(utf8[$0]) } ?? utf8.count
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }

    private mutating func quote(_ text: String) { JSONStream.append(quoted: text, to: &bytes) }

    /// `text` as a JSON string, in quotes and escaped.
    static func encoded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        append(quoted: text, to: &bytes)
        return bytes
    }

    /// Appends `text` as a JSON string, in quotes and escaped.
    static func append(quoted text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Native strings lend their bytes without a copy; others are made contiguous first.
        if text.utf8.withContiguousStorageIfAvailable({ escape($0, to: &bytes) }) == nil {
            var text = text
            text.withUTF8 { escape($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // Plain runs are copied whole; only the bytes that need it are escaped.
        var run = 0
        while case let offset = JSONStream.firstToEscape(utf8, from: run), offset < utf8.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<offset]))
            run = offset + 1
            let byte = utf8[offset]
            switch byte {
            case UInt8(ascii: "\""): append(literal: "\\\"", to: &bytes)
            case UInt8(ascii: "\\"): append(literal: "\\\\", to: &bytes)
            case UInt8(ascii: "\n"): append(literal: "\\n", to: &bytes)
            case UInt8(ascii: "\r"): append(literal: "\\r", to: &bytes)
            case UInt8(ascii: "\t"): append(literal: "\\t", to: &bytes)
            default:
                append(literal: "\\u00", to: &bytes)
                for nibble in [byte >> 4, byte & 0xF] { bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10) }
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
}
