internal import CLua
internal import CLuaSandbox
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Swift function callable from Lua. It receives its arguments and returns its results; a
/// thrown error becomes a Lua error (catchable with `pcall`) carrying the error's description.
public typealias LuaSwiftFunction = (LuaArguments) throws -> [LuaValue]

struct RegisteredFunction {
    let name: String
    let body: LuaSwiftFunction
}

/// The arguments of one call from Lua. Valid only during that call.
public final class LuaArguments {
    unowned let state: LuaState
    let thread: OpaquePointer
    /// The name the function was registered under, for error messages.
    public let functionName: String
    /// How many arguments Lua passed.
    public let count: Int

    init(state: LuaState, thread: OpaquePointer, functionName: String, count: Int) {
        self.state = state
        self.thread = thread
        self.functionName = functionName
        self.count = count
    }

    /// The argument at 1-based `position` as data; nil when absent.
    public func value(_ position: Int) throws -> LuaValue {
        guard position >= 1, position <= count else { return .nil }
        do {
            return try state.readValue(at: Int32(position), on: thread)
        } catch {
            throw argumentError(position, error.message)
        }
    }

    public func string(_ position: Int) throws -> String {
        switch try value(position) {
        case .string(let text): return text
        case .bytes: throw argumentError(position, "string is not valid UTF-8")
        case .integer(let number): return String(number)
        case .number(let number): return LuaValue.format(number)
        case let other: throw argumentError(position, "string expected, got \(typeName(other, position))")
        }
    }

    public func optionalString(_ position: Int) throws -> String? {
        try value(position).isNil ? nil : string(position)
    }

    /// An integer; a float is accepted only when it has an exact integer value.
    public func integer(_ position: Int) throws -> Int64 {
        let argument = try value(position)
        switch argument {
        case .integer(let number): return number
        case .number(let number):
            guard let exact = LuaValue.exactInteger(number) else {
                throw argumentError(position, "number has no integer representation")
            }
            return exact
        default: throw argumentError(position, "number expected, got \(typeName(argument, position))")
        }
    }

    /// An integer that fits Swift's `Int`.
    public func int(_ position: Int) throws -> Int {
        let number = try integer(position)
        guard let value = Int(exactly: number) else { throw argumentError(position, "integer out of range") }
        return value
    }

    public func number(_ position: Int) throws -> Double {
        let argument = try value(position)
        guard let number = argument.numberValue else {
            throw argumentError(position, "number expected, got \(typeName(argument, position))")
        }
        return number
    }

    public func boolean(_ position: Int) throws -> Bool { try value(position).isTruthy }

    public func table(_ position: Int) throws -> LuaTable {
        let argument = try value(position)
        guard let table = argument.tableValue else {
            throw argumentError(position, "table expected, got \(typeName(argument, position))")
        }
        return table
    }

    /// A Lua function argument, kept so that Swift can call it later.
    public func function(_ position: Int) throws -> LuaFunction {
        guard position >= 1, position <= count, lua_type(thread, Int32(position)) == LUA_TFUNCTION else {
            let type = position <= count ? String(cString: lua_typename(thread, lua_type(thread, Int32(position)))) : "no value"
            throw argumentError(position, "function expected, got \(type)")
        }
        lua_pushvalue(thread, Int32(position))
        return LuaFunction(state: state, reference: luaL_ref(thread, coprod_registryindex()))
    }

    /// The error Lua's own functions give for a bad argument.
    public func argumentError(_ position: Int, _ problem: String) -> LuaError {
        LuaError(.runtime, "bad argument #\(position) to '\(functionName)' (\(problem))")
    }

    private func typeName(_ value: LuaValue, _ position: Int) -> String {
        position > count ? "no value" : value.typeName
    }
}

extension LuaState {
    /// Makes `body` callable from Lua as the global (or dotted field, e.g. `"coprod.version"`)
    /// `path`. Missing intermediate tables are created.
    public func register(_ path: String, _ body: @escaping LuaSwiftFunction) throws(LuaError) {
        let names = path.split(separator: ".").map(String.init)
        guard let last = names.last else { throw LuaError(.conversion, "empty function name") }
        let id = addFunction(name: path, body)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(Int32(names.count) + 3, on: L)
        coprod_pushglobaltable(L)
        for name in names.dropLast() {
            pushString(name, on: L)
            if lua_rawget(L, -2) != LUA_TTABLE {
                lua_settop(L, -2)
                lua_createtable(L, 0, 0)
                pushString(name, on: L)
                lua_pushvalue(L, -2)
                lua_rawset(L, -4)
            }
        }
        pushString(last, on: L)
        guard coprod_push_swift_function(L, Int32(id)) == LUA_OK else {
            throw LuaError(.runtime, "cannot register \(path): \(readMessage(at: -1, on: L))")
        }
        lua_rawset(L, -3)
    }

    func addFunction(name: String, _ body: @escaping LuaSwiftFunction) -> Int {
        functions.append(RegisteredFunction(name: name, body: body))
        return functions.count - 1
    }

    /// Runs registered function `id` for a call from Lua on `thread`. Returns the number of
    /// results, or -1 (-2: already located) with the error message pushed; the C trampoline
    /// raises it after this Swift frame has returned.
    func dispatch(_ id: Int, on thread: OpaquePointer) -> Int32 {
        let function = functions[id]
        let argumentCount = lua_gettop(thread)
        let arguments = LuaArguments(state: self, thread: thread, functionName: function.name,
                                     count: Int(argumentCount))
        activeThreads.append(thread)
        defer { activeThreads.removeLast() }
        do {
            let returned = try function.body(arguments)
            try ensureStack(Int32(clamping: returned.count) + 1, on: thread)
            let pushedByBody = lua_gettop(thread) - argumentCount
            for value in returned { try push(value, on: thread) }
            return pushedByBody + Int32(returned.count)
        } catch let error as LuaError where error.line != nil {
            // Already located by Lua (an error from a nested call): raised as it is.
            pushErrorMessage(error.message, on: thread)
            return -2
        } catch let error as LuaError {
            pushErrorMessage(error.message, on: thread)
        } catch {
            pushErrorMessage(String(describing: error), on: thread)
        }
        return -1
    }

    private func pushErrorMessage(_ message: String, on thread: OpaquePointer) {
        // There is always room: the trampoline was called with LUA_MINSTACK free slots.
        if lua_checkstack(thread, 1) == 0 { lua_settop(thread, argumentsTop(thread)) }
        pushString(message, on: thread)
    }

    private func argumentsTop(_ thread: OpaquePointer) -> Int32 { max(0, lua_gettop(thread) - 1) }

    func write(_ bytes: UnsafeRawBufferPointer) {
        if let printSink {
            printSink(Array(bytes))
        } else {
            coprod_stdout_write(bytes.baseAddress, bytes.count)
        }
    }
}

/// Entry points from C. They carry no context, so they can be C function pointers.
let luaHostDispatch: coprod_dispatch_fn = { host, thread, id in
    guard let host, let thread else { return -1 }
    let state = Unmanaged<LuaState>.fromOpaque(host).takeUnretainedValue()
    return state.dispatch(Int(id), on: thread)
}

let luaHostWrite: coprod_write_fn = { host, bytes, length in
    guard let host else { return }
    let state = Unmanaged<LuaState>.fromOpaque(host).takeUnretainedValue()
    state.write(UnsafeRawBufferPointer(start: bytes, count: length))
}
