internal import CLuaSandbox

/// A Lua value that can cross into Swift and back: data, never functions or userdata.
///
/// Strings that are valid UTF-8 (including ones with embedded NULs) read as `.string`; any other
/// byte string reads as `.bytes`, so nothing is lost or silently repaired. Integers and floats stay
/// distinct, as they are in Lua 5.4: `.integer(1)` and `.number(1.0)` are different values here.
public enum LuaValue: Hashable, Sendable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case bytes([UInt8])
    case table(LuaTable)

    /// The Lua type name, as `type()` would say it.
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string, .bytes: "string"
        case .table: "table"
        }
    }

    public var isNil: Bool { self == .nil }

    /// The text of a string value; numbers are not converted.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// An integer, or a float with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value): return LuaValue.exactInteger(value)
        default: return nil
        }
    }

    /// Any number as a Double.
    public var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    public var booleanValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    public var tableValue: LuaTable? {
        if case .table(let table) = self { return table }
        return nil
    }

    /// Lua's truth: everything but nil and false.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    /// `value` as an Int64 when it has an exact integer representation (not NaN, not 2^63).
    static func exactInteger(_ value: Double) -> Int64? {
        guard value.isFinite, value.rounded(.towardZero) == value,
              value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0
        else { return nil }
        return Int64(value)
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }
    public init(dictionaryLiteral elements: (LuaValue, LuaValue)...) {
        self = .table(LuaTable(pairs: elements))
    }
}

extension LuaValue: CustomStringConvertible {
    /// A compact, deterministic rendering for messages and tests (keys in table order).
    public var description: String {
        switch self {
        case .nil: return "nil"
        case .boolean(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return LuaValue.format(value)
        case .string(let text): return text.debugDescription
        case .bytes(let bytes): return "<\(bytes.count) bytes>"
        case .table(let table): return table.description
        }
    }

    /// Lua's own rendering of a float ("%.14g", with ".0" on integral values).
    static func format(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let length = coprod_format_number(value, buffer.baseAddress, 64)
            let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: max(0, min(Int(length), 63)))
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
