/// Everything that can go wrong between Swift and Lua, with where it happened.
///
/// `message` is the text as Lua formats it (usually already starting with `chunk:line:`), so a
/// command-line tool can print it as it is; `chunk` and `line` are the same place, parsed, for
/// tools that place it themselves.
public struct LuaError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The linked Lua library is not 5.4.
        case unsupportedVersion
        /// A chunk that does not compile.
        case syntax
        /// A chunk that could compile with more lines (it ends at `<eof>`): a REPL asks for more.
        case incompleteChunk
        /// An error raised while a script ran.
        case runtime
        /// A limit stopped the script; which one is in `limit`.
        case limit(LuaLimit)
        /// A value that cannot cross between Lua and Swift (a function, a cycle, too deep...).
        case conversion
        /// A module that `require` may not load, or a file that could not be read.
        case module
    }

    public var kind: Kind
    public var message: String
    /// The chunk's name, e.g. `script.lua` or `(command line)`, a long path whole.
    public var chunk: String?
    /// 1-based line in `chunk`.
    public var line: Int?
    /// Lua's stack traceback at the point of the error, a few lines.
    public var traceback: [String]

    public init(_ kind: Kind, _ message: String, chunk: String? = nil, line: Int? = nil, traceback: [String] = []) {
        self.kind = kind
        self.message = message
        self.chunk = chunk
        self.line = line
        self.traceback = traceback
    }

    /// The message with its location in front, unless Lua already put it there.
    public var located: String {
        guard let chunk, let line else { return message }
        let prefix = "\(chunk):\(line):"
        return message.hasPrefix(prefix) ? message : "\(prefix) \(message)"
    }

    /// Splits Lua's `chunk:line: text` prefix off a message, if it has one.
    static func location(in message: String) -> (chunk: String, line: Int)? {
        var search = message[...]
        while let colon = search.firstIndex(of: ":") {
            let afterColon = message.index(after: colon)
            let digits = message[afterColon...].prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, message[digits.endIndex...].hasPrefix(":"), let line = Int(digits) {
                return (String(message[..<colon]), line)
            }
            search = message[afterColon...]
        }
        return nil
    }
}

extension LuaError: CustomStringConvertible {
    public var description: String { located }
}
