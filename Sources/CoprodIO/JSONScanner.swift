/// Walks JSON text a token at a time: for reading respondents without building a dictionary of
/// each, as a batch reads many.
struct JSONScanner {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    var next: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    mutating func skipSpace() {
        while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        index += 1
        return true
    }

    /// The next member's key, up to and with the `:` and the space after it.
    mutating func memberName() -> ArraySlice<UInt8>? {
        skipSpace()
        guard let token = string(), let name = JSONScanner.name(of: token, in: bytes) else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        return name
    }

    /// A key's text: as it is, or unescaped (a JSON writer may escape every character outside
    /// ASCII); nil for one this cannot be sure of, or with a control character in it.
    static func name(of key: (range: Range<Int>, escaped: Bool), in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var name = bytes[key.range]
        if key.escaped {
            guard let text = text(bytes[(key.range.lowerBound - 1)..<(key.range.upperBound + 1)]) else { return nil }
            name = Array(text.utf8)[...]
        }
        return name.contains(where: { $0 < 0x20 }) ? nil : name
    }

    /// A string value's text; nil for any other value, and for a string whose text this cannot
    /// be sure of (not UTF-8, a lone surrogate).
    static func text(_ value: ArraySlice<UInt8>) -> String? {
        guard value.first == UInt8(ascii: "\""), value.count >= 2 else { return nil }
        let inner = value.dropFirst().dropLast()
        guard inner.contains(UInt8(ascii: "\\")) else { return String(validating: inner, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(inner.count)
        var index = inner.startIndex
        while index < inner.endIndex {
            let byte = inner[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                unescaped.append(byte)
                continue
            }
            guard index < inner.endIndex else { return nil }
            let escape = inner[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex(inner, &index) else { return nil }
                var scalarValue = UInt32(unit)
                if (0xD800..<0xDC00).contains(unit) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 1 < inner.endIndex, inner[index] == UInt8(ascii: "\\"), inner[index + 1] == UInt8(ascii: "u") else { return nil }
                    index += 2
                    guard let low = hex(inner, &index), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                unescaped.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return nil
            }
        }
        return String(validating: unescaped, as: UTF8.self)
    }

    private static func hex(_ bytes: ArraySlice<UInt8>, _ index: inout Int) -> UInt16? {
        guard index + 4 <= bytes.endIndex else { return nil }
        var value: UInt16 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        index += 4
        return value
    }

    /// A string at `index`: the range between its quotes, and whether it has an escape.
    mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var escaped = false
        while let byte = next {
            if byte == UInt8(ascii: "\"") {
                index += 1
                return (start..<index - 1, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard next != nil else { return nil }
            }
            index += 1
        }
        return nil
    }

    /// Skips one value of any kind, checking its structure but not the spelling of numbers and
    /// literals; false past a few dozen levels of nesting, which no respondent has.
    mutating func skipValue(depth: Int) -> Bool {
        guard let byte = next, depth < 32 else { return false }
        switch byte {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            index += 1
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            skipSpace()
            if take(close) { return true }
            while true {
                if byte == UInt8(ascii: "{") {
                    guard string() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                guard take(UInt8(ascii: ",")) else { return take(close) }
                skipSpace()
            }
        default:
            // A number or a literal: up to where the value ends.
            let start = index
            while let byte = next, !JSONScanner.endsValue(byte) {
                guard byte != UInt8(ascii: "\""), byte != UInt8(ascii: "{"), byte != UInt8(ascii: "[") else { return false }
                index += 1
            }
            return index > start
        }
    }

    private static func endsValue(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x09
            || byte == 0x0A || byte == 0x0D
    }
}
