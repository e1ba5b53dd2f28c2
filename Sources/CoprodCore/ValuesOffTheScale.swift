/// Values that are not plainly on their scale: some are a point written the way a spreadsheet or
/// a forms tool writes it, and are read; the rest are refused, saying why when more can be said
/// than that they are off the scale. Only a value `parse` did not read comes here, so a plain
/// number or label costs nothing more.
extension Scale {
    /// The answer `text` (trimmed, not empty) gives on a second look, or why it is refused.
    func secondLook(_ text: String) throws(ValueProblem) -> Answer {
        let shown = "'\(text)'"
        switch self {
        case .ordinal, .rating:
            guard let points else { break }
            // A spreadsheet writes a whole number as 4.0.
            if let point = Scale.wholeWithPoint(text) {
                if points.contains(point) { return .number(Double(point)) }
                break
            }
            // "4 - Doing really well", as forms tools list a point with its label.
            if case let (point, words)? = Scale.numberAndWords(text), let labelled = self.point(labelled: words) {
                if labelled == point { return .number(Double(point)) }
                throw notOnScale(shown, because: "\(label(for: labelled) ?? words) is \(labelled), not \(point); write the one meant")
            }
        case .number(let unit) where unit == "%":
            // 0.72, and 1.0 written with a point, are shares as a spreadsheet writes them.
            if let value = Scale.decimal(text), (value > 0 && value < 1) || (value == 1 && text.contains(".")) {
                throw notOnScale(shown, because: "it looks like a fraction; write \(Scale.percent(ofFraction: text))%, "
                                 + "or \(text)% if it really is under one percent")
            }
        case .ratio:
            if let value = Scale.decimal(text), value >= 0, value <= 100, !text.hasPrefix("-") {
                // 0.5, and 1.0 or 0.0 written with a point, are shares as a spreadsheet writes them.
                let fraction = (value > 0 && value < 1) || (value <= 1 && text.contains("."))
                let percent = fraction ? Scale.percent(ofFraction: text) : text
                throw notOnScale(shown, because: fraction
                                 ? "it looks like a fraction; write \(percent)%"
                                 : "a percentage needs its % sign, \(percent)%, since a bare number could be a count")
            }
        default:
            break
        }
        throw notOnScale(shown)
    }

    /// The point whose label (or rating anchor) `words` is, in any case.
    private func point(labelled words: String) -> Int? {
        let folded = words.foldedForMatching
        switch self {
        case .ordinal(let min, _, let labels, _):
            return labels.firstIndex { $0.foldedForMatching == folded }.map { min + $0 }
        case .rating(_, _, let anchors):
            return anchors.first { $0.value.foldedForMatching == folded }?.key
        default:
            return nil
        }
    }

    /// Digits, a point and only zeros after it ("4.0", "10.00") as the whole number; nil for
    /// anything else.
    static func wholeWithPoint(_ text: String) -> Int? {
        guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let digits = text.utf8[..<dot], zeros = text.utf8[text.utf8.index(after: dot)...]
        guard !digits.isEmpty, digits.count < 10, !zeros.isEmpty, zeros.allSatisfy({ $0 == UInt8(ascii: "0") }),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// A number, then one of `-`, `–`, `—`, `.`, `:` (spaces around it or not), then words:
    /// "4 - Doing really well", "4. Doing really well". Nil for anything else.
    static func numberAndWords(_ text: String) -> (Int, String)? {
        let scalars = text.unicodeScalars
        let digitsEnd = scalars.firstIndex { !("0"..."9").contains($0) } ?? scalars.endIndex
        guard digitsEnd != scalars.startIndex, scalars.distance(from: scalars.startIndex, to: digitsEnd) < 10,
              let point = Int(String(scalars[..<digitsEnd])) else { return nil }
        var rest = scalars[digitsEnd...].drop { $0.properties.isWhitespace }
        guard let separator = rest.first, ["-", "\u{2013}", "\u{2014}", ".", ":"].contains(separator) else { return nil }
        rest = rest.dropFirst().drop { $0.properties.isWhitespace }
        return rest.isEmpty ? nil : (point, String(rest))
    }

    /// A fraction as written ("0.72", ".725", "0.005") as the percentage it would be, its
    /// point moved two places ("72", "72.5", "0.5"), without the rounding of arithmetic.
    static func percent(ofFraction text: String) -> String {
        let unsigned = text.hasPrefix("+") ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return unsigned }
        let fraction = Array(parts[1])
        let whole = String(parts[0]) + String(fraction.prefix(2)) + String(repeating: "0", count: max(0, 2 - fraction.count))
        let trimmed = whole.drop { $0 == "0" }
        return (trimmed.isEmpty ? "0" : String(trimmed)) + (fraction.count > 2 ? "." + String(fraction.dropFirst(2)) : "")
    }
}
