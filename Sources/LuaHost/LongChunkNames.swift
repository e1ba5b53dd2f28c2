internal import CLua

/// Lua names a file in its messages by at most `LUA_IDSIZE` bytes: a longer path becomes "..."
/// and its last bytes, so a framework deep in a local area's folders would be reported as
/// `...rk/frameworks/our-audit.lua:12:`. A state remembers the long names it loads and puts them
/// back whole in the messages that reach Swift.
struct LongChunkNames {
    /// Lua's shortened form of each long name, and the name; nil where two names shorten alike,
    /// so that neither is put in place of the other.
    private var names: [String: String?] = [:]

    /// Notes `chunkName` (`@path`) if Lua shortens it.
    mutating func note(_ chunkName: String) {
        let bytes = Array(chunkName.utf8)
        // As luaO_chunkid: the whole name fits when, with its '@', it is at most LUA_IDSIZE bytes;
        // otherwise "..." and the name's last LUA_IDSIZE - 4 bytes (room is kept for the NUL).
        guard bytes.first == UInt8(ascii: "@"), bytes.count > Int(LUA_IDSIZE) else { return }
        let full = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let shortened = "..." + String(decoding: bytes.suffix(Int(LUA_IDSIZE) - 4), as: UTF8.self)
        if let known = names[shortened] {
            if known != full { names[shortened] = .some(nil) }
        } else {
            names[shortened] = full
        }
    }

    /// `message` with every shortened name it holds written out whole.
    func restore(_ message: String) -> String {
        guard !names.isEmpty, message.contains("...") else { return message }
        var restored = message
        for (shortened, full) in names {
            if let full { restored = restored.replacing(shortened, with: full) }
        }
        return restored
    }
}
