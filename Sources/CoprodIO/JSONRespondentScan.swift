import CoprodCore

/// Finds the organisation of a respondent in JSON (one object) by looking at its keys, without
/// parsing it whole. A batch's first pass needs nothing else from a respondent, and parsing
/// every one in full took most of a JSON batch's time.
public enum JSONRespondentScan {
    /// The organisation that reading `bytes` in full would give the respondent, when this can
    /// tell for sure: one object whose organisation key (`organisation`, `organization`,
    /// `organisation name`, at the top level or inside `answers`) is plain ASCII and holds a
    /// string. Nil otherwise (a number, an escaped or repeated key, not one object...): the
    /// respondent must then be read in full. A respondent that reading in full rejects may still
    /// get a name here. `keys` receives the respondent's keys in order, so that callers can tell
    /// respondents with different sets of keys apart.
    public static func organisation(in bytes: ArraySlice<UInt8>, keys: inout [UInt8]) -> String? {
        keys.removeAll(keepingCapacity: true)
        var scanner = Scanner(bytes: bytes)
        var candidates: [Candidate] = []
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")), scanner.members(topLevel: true, keys: &keys, candidates: &candidates) else { return nil }
        scanner.skipSpace()
        guard scanner.atEnd else { return nil }
        // Reading in full merges `answers` over the top level, then sets the organisation from
        // each of its keys in sorted order: the last one wins.
        let last = candidates.max {
            $0.key.lexicographicallyPrecedes($1.key) || ($0.key.elementsEqual($1.key) && !$0.inAnswers && $1.inAnswers)
        }
        guard let value = last?.value else { return nil }
        let name = value.trimmingWhitespaceForInput
        return name.isEmpty ? nil : name
    }

    /// A key that names the organisation, and its value if it is a string.
    fileprivate struct Candidate {
        var key: ArraySlice<UInt8>
        var value: String?
        var inAnswers: Bool
    }
}

/// Walks one JSON object's members, checking their structure but not the spelling of numbers
/// and literals: whatever it accepts that is not JSON, reading in full rejects.
private struct Scanner {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    private var next: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    mutating func skipSpace() {
        while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        index += 1
        return true
    }

    /// The members of the object whose `{` was just taken, up to and with its `}`. False when it
    /// is not an object this can read for sure.
    mutating func members(topLevel: Bool, keys: inout [UInt8], candidates: inout [JSONRespondentScan.Candidate]) -> Bool {
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        var sawAnswers = false
        while true {
            skipSpace()
            guard let key = string(), !key.escaped else { return false }
            let name = bytes[key.range]
            keys.append(contentsOf: name)
            keys.append(0)
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            if topLevel && name.elementsEqual("answers".utf8) {
                // Reading in full drops `answers` unless it is an object, whose keys then join
                // the top level's.
                guard !sawAnswers else { return false }
                sawAnswers = true
                if take(UInt8(ascii: "{")) {
                    keys.append(1)
                    guard members(topLevel: false, keys: &keys, candidates: &candidates) else { return false }
                    keys.append(2)
                } else {
                    guard skipValue(depth: 0) else { return false }
                }
            } else {
                let kind = Scanner.kind(of: name)
                guard kind != .unsure else { return false }
                let start = index
                guard skipValue(depth: 0) else { return false }
                if kind == .organisation {
                    guard !candidates.contains(where: { $0.key == name && $0.inAnswers == !topLevel }) else { return false }
                    candidates.append(.init(key: name, value: Scanner.text(bytes[start..<index]), inAnswers: !topLevel))
                }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    enum KeyKind {
        case other
        case organisation
        /// Names the organisation but is not plain ASCII: reading in full may compare its
        /// spelling with another key's otherwise than bytes do.
        case unsure
    }

    /// What a key names: most keys are told apart from the organisation's at a glance.
    static func kind(of key: ArraySlice<UInt8>) -> KeyKind {
        let ascii = key.allSatisfy { $0 < 0x80 }
        if ascii {
            // Folding drops white space and lower-cases: an organisation key starts with o and
            // has at least the twelve letters of "organisation".
            guard key.count >= 12, let first = key.first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }),
                  first == UInt8(ascii: "o") || first == UInt8(ascii: "O") else { return .other }
        }
        let folded = String(decoding: key, as: UTF8.self).foldedForMatching
        guard AssessmentReader.metadata[folded] == "organisation" else { return .other }
        return ascii ? .organisation : .unsure
    }

    /// A string value's text; nil for any other value, and for a string whose text this cannot
    /// be sure of (not UTF-8, a lone surrogate).
    private static func text(_ value: ArraySlice<UInt8>) -> String? {
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
    private mutating func string() -> (range: Range<Int>, escaped: Bool)? {
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

    /// Skips one value of any kind; false past a few dozen levels of nesting, which no
    /// respondent has.
    private mutating func skipValue(depth: Int) -> Bool {
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
            while let byte = next, !Scanner.endsValue(byte) {
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
