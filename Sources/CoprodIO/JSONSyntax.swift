/// Where a respondent's text stops being JSON, and why, in words a person can act on: the parser
/// that reads respondents says only that the data "is not in the correct format". Only asked
/// once that parser has refused a text, so its speed does not matter.
struct JSONSyntaxProblem {
    /// Where in the text (an index of its bytes) the problem is.
    var index: Int
    /// What is wrong, given where it is ("column 31", "line 3, column 31") and what the end of
    /// the text is ("the end of the line"), should the problem be found there.
    var says: (_ place: String, _ end: String) -> String
}

extension JSONScanner {
    /// Nesting past this is refused, as the parser refuses it (and no respondent nests so deep).
    static let deepest = 512

    /// The first problem in `bytes` as one respondent (an object), which may have a byte-order
    /// mark before it and white space around it; nil if there is none. Trailing commas pass, as
    /// the parser lets them pass.
    static func syntaxProblem(inRespondent bytes: ArraySlice<UInt8>) -> JSONSyntaxProblem? {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index += 3 }
        scanner.skipSpace()
        guard scanner.next == UInt8(ascii: "{") else {
            let found = scanner.found
            return JSONSyntaxProblem(index: scanner.index) { place, end in
                "expected one respondent (an object, starting with '{') at \(place), found \(found ?? end)"
            }
        }
        if let problem = scanner.valueProblem(depth: 0) { return problem }
        scanner.skipSpace()
        guard scanner.atEnd else {
            let found = scanner.found
            return JSONSyntaxProblem(index: scanner.index) { place, _ in "text after the respondent at \(place), found \(found ?? "")" }
        }
        return nil
    }

    /// What is at `index`, for a message: a word or a number as a whole, another character
    /// alone; nil at the end.
    var found: String? {
        guard let byte = next else { return nil }
        if byte < 0x20 || byte == 0x7F { return "a control character (byte \(byte))" }
        let word = bytes[index...].prefix { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x2E || $0 == 0x2B }
        if word.count > 1 { return "'\(String(decoding: word.prefix(24), as: UTF8.self))\(word.count > 24 ? "…" : "")'" }
        if byte >= 0x80 {
            guard let length = JSONScanner.utf8Length(bytes[index...]) else { return "a byte that is not UTF-8" }
            return "'\(String(decoding: bytes[index..<index + length], as: UTF8.self))'"
        }
        return "'\(String(UnicodeScalar(byte)))'"
    }

    private func problem(_ says: @escaping (_ place: String, _ end: String) -> String) -> JSONSyntaxProblem {
        JSONSyntaxProblem(index: index, says: says)
    }

    /// The first problem in the value at `index`, which is then just after it.
    private mutating func valueProblem(depth: Int) -> JSONSyntaxProblem? {
        guard depth < JSONScanner.deepest else {
            return problem { place, _ in "values nested more than \(JSONScanner.deepest) deep at \(place)" }
        }
        switch next ?? 0 {
        case UInt8(ascii: "{"): return containerProblem(close: UInt8(ascii: "}"), depth: depth)
        case UInt8(ascii: "["): return containerProblem(close: UInt8(ascii: "]"), depth: depth)
        case UInt8(ascii: "\""): return stringProblem()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return numberProblem()
        default:
            for literal in ["true", "false", "null"] where bytes[index...].starts(with: literal.utf8) {
                let end = index + literal.utf8.count
                if end == bytes.endIndex || !JSONScanner.isWordByte(bytes[end]) {
                    index = end
                    return nil
                }
            }
            let found = found
            let quoted = found?.hasPrefix("'") == true && next.map(JSONScanner.isWordByte) == true
            return problem { place, end in "expected a value at \(place), found \(found ?? end)" + (quoted ? " (text goes in double quotes)" : "") }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    /// An object's members or an array's values, from its opening bracket to its closing one.
    private mutating func containerProblem(close: UInt8, depth: Int) -> JSONSyntaxProblem? {
        let isObject = close == UInt8(ascii: "}")
        let closing = String(UnicodeScalar(close))
        index += 1
        skipSpace()
        if take(close) { return nil }
        while true {
            if isObject {
                guard next == UInt8(ascii: "\"") else {
                    let found = found
                    return problem { place, end in "expected a key in double quotes at \(place), found \(found ?? end)" }
                }
                if let problem = stringProblem() { return problem }
                skipSpace()
                guard take(UInt8(ascii: ":")) else {
                    let found = found
                    return problem { place, end in "expected ':' after the key at \(place), found \(found ?? end)" }
                }
                skipSpace()
            }
            if let problem = valueProblem(depth: depth + 1) { return problem }
            skipSpace()
            if take(close) { return nil }
            guard take(UInt8(ascii: ",")) else {
                let found = found
                return problem { place, end in "expected ',' or '\(closing)' after a value at \(place), found \(found ?? end)" }
            }
            skipSpace()
            if take(close) { return nil }
        }
    }

    /// A string: closed, with JSON's escapes only, no control characters, and valid UTF-8.
    private mutating func stringProblem() -> JSONSyntaxProblem? {
        let start = index
        index += 1
        while let byte = next {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return nil
            case UInt8(ascii: "\\"):
                if let problem = escapeProblem() { return problem }
            case 0..<0x20:
                return problem { place, _ in "a control character (byte \(byte)) inside a string at \(place): write a line end as \\n, a tab as \\t" }
            case 0x80...:
                guard let length = JSONScanner.utf8Length(bytes[index...]) else {
                    return problem { place, _ in "not valid UTF-8 at \(place) (save the file as UTF-8)" }
                }
                index += length
            default:
                index += 1
            }
        }
        return JSONSyntaxProblem(index: start) { place, _ in "the string at \(place) is not closed (no '\"' after it)" }
    }

    /// The escape at `index` (a backslash), which is then just after it.
    private mutating func escapeProblem() -> JSONSyntaxProblem? {
        let start = index
        index += 1
        guard let escape = next else { return JSONSyntaxProblem(index: start) { place, _ in "the string ends in a lone '\\' at \(place)" } }
        index += 1
        if "\"\\/bfnrt".utf8.contains(escape) { return nil }
        let shown = String(decoding: bytes[start..<min(index, bytes.endIndex)], as: UTF8.self)
        guard escape == UInt8(ascii: "u") else {
            return JSONSyntaxProblem(index: start) { place, _ in "'\(shown)' at \(place) is not an escape JSON has (write a backslash as \\\\)" }
        }
        guard let unit = hexUnit() else {
            return JSONSyntaxProblem(index: start) { place, _ in "'\\u' at \(place) must be followed by four hexadecimal digits" }
        }
        if (0xDC00..<0xE000).contains(unit) {
            return JSONSyntaxProblem(index: start) { place, _ in "a lone low surrogate at \(place) (half of a character)" }
        }
        if (0xD800..<0xDC00).contains(unit) {
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hexUnit(), (0xDC00..<0xE000).contains(low) else {
                return JSONSyntaxProblem(index: start) { place, _ in "a lone high surrogate at \(place) (half of a character: '\\u' and another surrogate must follow)" }
            }
        }
        return nil
    }

    private mutating func hexUnit() -> UInt16? {
        guard index + 4 <= bytes.endIndex, let unit = UInt16(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
              bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else { return nil }
        index += 4
        return unit
    }

    /// How many bytes the UTF-8 sequence at the start of `bytes` has; nil if it is not UTF-8.
    private static func utf8Length(_ bytes: ArraySlice<UInt8>) -> Int? {
        for length in 2...4 where bytes.count >= length {
            if String(validating: bytes.prefix(length), as: UTF8.self) != nil { return length }
        }
        return nil
    }

    /// A number as JSON writes it: an optional minus, digits without a leading zero, then an
    /// optional fraction and exponent.
    private mutating func numberProblem() -> JSONSyntaxProblem? {
        let start = index
        let digit = { (byte: UInt8?) in byte.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        let notANumber = { (scanner: JSONScanner, why: String) -> JSONSyntaxProblem in
            var end = scanner.index
            while end < scanner.bytes.endIndex, JSONScanner.isWordByte(scanner.bytes[end]) || scanner.bytes[end] == UInt8(ascii: ".")
                    || scanner.bytes[end] == UInt8(ascii: "-") || scanner.bytes[end] == UInt8(ascii: "+") { end += 1 }
            let text = String(decoding: scanner.bytes[start..<end].prefix(24), as: UTF8.self)
            return JSONSyntaxProblem(index: start) { place, _ in "'\(text)' at \(place) is not a JSON number (\(why))" }
        }
        _ = take(UInt8(ascii: "-"))
        guard digit(next) else { return notANumber(self, "a digit must follow '-'") }
        if take(UInt8(ascii: "0")) {
            if digit(next) { return notANumber(self, "no leading zeros: write it without them, or in double quotes") }
        } else {
            while digit(next) { index += 1 }
        }
        if take(UInt8(ascii: ".")) {
            guard digit(next) else { return notANumber(self, "a digit must follow '.'") }
            while digit(next) { index += 1 }
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            index += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { index += 1 }
            guard digit(next) else { return notANumber(self, "a digit must follow the exponent's 'e'") }
            while digit(next) { index += 1 }
        }
        if let byte = next, JSONScanner.isWordByte(byte) || byte == UInt8(ascii: ".") {
            return notANumber(self, "a number is digits, with a '.' for a fraction; text goes in double quotes")
        }
        return nil
    }
}
