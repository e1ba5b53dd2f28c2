/// A JSON value built by hand: objects keep the order their keys were given, so output is the
/// same on every run and reads in a sensible order (JSONEncoder sorts or shuffles keys).
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.text() == b.text() }

    public static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    /// Compact (one line) or indented text.
    public func text(indent: Int? = nil) -> String {
        var stream = JSONStream(indent: indent)
        write(to: &stream)
        return String(decoding: stream.bytes, as: UTF8.self)
    }

    public func write(to stream: inout JSONStream) {
        switch self {
        case .null: stream.null()
        case .bool(let flag): stream.bool(flag)
        case .integer(let value): stream.integer(value)
        case .number(let value): stream.number(value)
        case .string(let text): stream.string(text)
        case .array(let items):
            stream.beginArray()
            for item in items { item.write(to: &stream) }
            stream.endArray()
        case .object(let members):
            stream.beginObject()
            for (key, value) in members {
                stream.key(text: key)
                value.write(to: &stream)
            }
            stream.endObject()
        }
    }
}
