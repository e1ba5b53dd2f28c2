import Foundation

/// JSON values as the parser gives them: as the text a CSV cell would hold, and as a message
/// names them, since a person must see what the file has rather than what it became.
enum JSONText {
    static func text(_ value: Any?) -> String {
        switch value {
        case let string as String: return string
        case let flag as Bool where isFlag(value!): return flag ? "yes" : "no"
        case let number as NSNumber: return number.stringValue
        default: return ""
        }
    }

    /// Whether the parser read `value` as true or false, which it gives as a number too.
    static func isFlag(_ value: Any) -> Bool {
        value is Bool && String(describing: type(of: value)).contains("Bool")
    }

    /// Whether `value` is a list or an object: never one answer, name or role.
    static func isContainer(_ value: Any) -> Bool {
        value is [Any] || value is [String: Any]
    }

    /// What `value` is, with a short look at it: `a string ("x")`, `a number (42)`, `true`,
    /// `null`, `an array of 3 items ([1,2,3])`, `an object ({"v":4})`.
    static func described(_ value: Any) -> String {
        switch value {
        case is String: return "a string (\(shortened(compact(value))))"
        case let flag as Bool where isFlag(value): return flag ? "true" : "false"
        case let number as NSNumber: return "a number (\(number.stringValue))"
        case let array as [Any]:
            let count = array.isEmpty ? "an empty array" : "an array of \(array.count) item\(array.count == 1 ? "" : "s")"
            return "\(count) (\(shortened(compact(value))))"
        case let object as [String: Any]:
            return "\(object.isEmpty ? "an empty object" : "an object") (\(shortened(compact(value))))"
        default: return "null"
        }
    }

    /// The value as compact JSON, keys sorted.
    private static func compact(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return "…" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(39) + "…"
    }
}
