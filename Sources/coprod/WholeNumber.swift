import ArgumentParser

/// Reads a whole-number option's value, saying what the option takes when the value is not one:
/// swift-argument-parser alone would only call "--jobs abc" invalid.
enum WholeNumber {
    /// A transform for `@Option` that accepts a whole number and refuses anything else, asking for
    /// `what` ("a whole number of workers, from 1 to 256").
    static func reader<Number: FixedWidthInteger & SendableMetatype>(asking what: String) -> @Sendable (String) throws -> Number {
        { text in
            guard let value = Number(text) else {
                throw ValidationError("give \(what)")
            }
            return value
        }
    }
}
