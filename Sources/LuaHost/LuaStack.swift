internal import CLua
internal import CLuaSandbox

// Moving values between Swift and a Lua stack. Only functions that cannot raise a Lua error are
// called here: reads use raw access (no metamethod runs), and pushes allocate only while the
// memory limit is lifted (see host.c), so no longjmp can cross these Swift frames.
extension LuaState {
    func ensureStack(_ slots: Int32, on thread: OpaquePointer) throws(LuaError) {
        guard lua_checkstack(thread, slots) != 0 else {
            throw LuaError(.conversion, "Lua stack overflow: cannot push \(slots) more values")
        }
    }

    func pushString(_ text: String, on thread: OpaquePointer) {
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(thread, chars.baseAddress, chars.count)
            }
        }
    }

    func pushBytes(_ bytes: [UInt8], on thread: OpaquePointer) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(thread, chars.baseAddress, chars.count)
            }
        }
    }

    func push(_ value: LuaValue, on thread: OpaquePointer, depth: Int = 0) throws(LuaError) {
        switch value {
        case .nil: lua_pushnil(thread)
        case .boolean(let flag): lua_pushboolean(thread, flag ? 1 : 0)
        case .integer(let number): lua_pushinteger(thread, number)
        case .number(let number): lua_pushnumber(thread, number)
        case .string(let text): pushString(text, on: thread)
        case .bytes(let bytes): pushBytes(bytes, on: thread)
        case .table(let table):
            guard depth < limits.depth else {
                throw LuaError(.conversion, "table nested deeper than \(limits.depth) levels")
            }
            try ensureStack(3, on: thread)
            let top = lua_gettop(thread)
            let sequence = table.entries.prefix { entry in
                if case .integer = entry.key { return true } else { return false }
            }.count
            lua_createtable(thread, Int32(clamping: sequence), Int32(clamping: table.count - sequence))
            for entry in table.entries {
                if case .number(let key) = entry.key, key.isNaN {
                    lua_settop(thread, top)
                    throw LuaError(.conversion, "a table key is NaN, which Lua does not allow")
                }
                do {
                    try push(entry.key, on: thread, depth: depth + 1)
                    try push(entry.value, on: thread, depth: depth + 1)
                } catch {
                    lua_settop(thread, top)
                    throw error
                }
                lua_rawset(thread, -3)
            }
        }
    }

    /// Reads the value at `index` (absolute or relative) without changing the stack.
    func readValue(at index: Int32, on thread: OpaquePointer) throws(LuaError) -> LuaValue {
        var path: [String] = []
        var open: Set<UnsafeRawPointer> = []
        return try readValue(at: lua_absindex(thread, index), on: thread, path: &path, open: &open)
    }

    private func readValue(at index: Int32, on thread: OpaquePointer, path: inout [String],
                           open: inout Set<UnsafeRawPointer>) throws(LuaError) -> LuaValue {
        switch lua_type(thread, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(thread, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(thread, index) != 0 { return .integer(lua_tointegerx(thread, index, nil)) }
            return .number(lua_tonumberx(thread, index, nil))
        case LUA_TSTRING: return readString(at: index, on: thread)
        case LUA_TTABLE: return try readTable(at: index, on: thread, path: &path, open: &open)
        default:
            let type = String(cString: lua_typename(thread, lua_type(thread, index)))
            throw LuaError(.conversion, "\(LuaState.describe(path)) is a \(type), which cannot leave Lua as data")
        }
    }

    func readString(at index: Int32, on thread: OpaquePointer) -> LuaValue {
        var length = 0
        guard let pointer = lua_tolstring(thread, index, &length) else { return .nil }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        if let text = String(validating: bytes, as: UTF8.self) { return .string(text) }
        return .bytes(Array(bytes))
    }

    private func readTable(at index: Int32, on thread: OpaquePointer, path: inout [String],
                           open: inout Set<UnsafeRawPointer>) throws(LuaError) -> LuaValue {
        guard let identity = lua_topointer(thread, index) else { return .nil }
        guard !open.contains(identity) else {
            throw LuaError(.conversion, "\(LuaState.describe(path)) refers back to a table that contains it (a cycle)")
        }
        guard path.count < limits.depth else {
            throw LuaError(.conversion, "\(LuaState.describe(path)) is nested deeper than \(limits.depth) levels")
        }
        try ensureStack(3, on: thread)
        open.insert(identity)
        defer { open.remove(identity) }
        var table = LuaTable()
        let top = lua_gettop(thread)
        defer { lua_settop(thread, top) }
        lua_pushnil(thread)
        while lua_next(thread, index) != 0 {
            let keyIndex = lua_gettop(thread) - 1
            let key: LuaValue
            switch lua_type(thread, keyIndex) {
            case LUA_TSTRING: key = readString(at: keyIndex, on: thread)
            case LUA_TNUMBER, LUA_TBOOLEAN: key = try readValue(at: keyIndex, on: thread, path: &path, open: &open)
            default:
                let type = String(cString: lua_typename(thread, lua_type(thread, keyIndex)))
                throw LuaError(.conversion, "\(LuaState.describe(path)) has a \(type) key; keys must be strings, numbers or booleans")
            }
            path.append(LuaState.pathComponent(key))
            table[key] = try readValue(at: keyIndex + 1, on: thread, path: &path, open: &open)
            path.removeLast()
            lua_settop(thread, keyIndex)
        }
        return .table(table)
    }

    /// A field of the table at `index`, read raw; nil when it is missing or not data.
    func rawField(_ name: String, ofTableAt index: Int32, on thread: OpaquePointer) -> LuaValue {
        let table = lua_absindex(thread, index)
        guard lua_type(thread, table) == LUA_TTABLE, lua_checkstack(thread, 2) != 0 else { return .nil }
        pushString(name, on: thread)
        lua_rawget(thread, table)
        defer { lua_settop(thread, -2) }
        return (try? readValue(at: -1, on: thread)) ?? .nil
    }

    /// An error value as text, without running any metamethod.
    func readMessage(at index: Int32, on thread: OpaquePointer) -> String {
        switch readString(at: index, on: thread) {
        case .string(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        default:
            let type = String(cString: lua_typename(thread, lua_type(thread, index)))
            return "(error object is a \(type) value)"
        }
    }

    static func pathComponent(_ key: LuaValue) -> String {
        switch key {
        case .string(let name) where LuaTable.isIdentifier(name): return "." + name
        default: return "[\(key)]"
        }
    }

    static func describe(_ path: [String]) -> String {
        path.isEmpty ? "the value" : "value" + path.joined()
    }
}
