import ArgumentParser

/// Reads a whole-number option's value, saying what the option takes when the value is not one:
/// swift-argument-parser alone would only call "--jobs abc" invalid.
enum WholeNumber {
    /// A transform for `@Option` that accepts a whole number and refuses anything else, asking for
    /// `what` ("a whole number of workers, from 1 to 256"); one too large or small to hold is called so.
    static func reader<Number: FixedWidthInteger & SendableMetatype>(asking what: String) -> @Sendable (String) throws -> Number {
        { text in
            if let value = Number(text) { return value }
            let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), text.first != "-" || Number.isSigned {
                throw ValidationError("too \(text.first == "-" ? "small" : "large"): give \(what)")
            }
            throw ValidationError("give \(what)")
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
