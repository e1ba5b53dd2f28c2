internal import CLua
internal import CLuaSandbox

/// A Lua function kept by Swift (a compiled chunk, or a function a script handed over).
///
/// It holds its state weakly, so keeping a function never keeps a state alive; calling it after
/// the state has gone throws.
public final class LuaFunction {
    weak var state: LuaState?
    let reference: Int32

    init(state: LuaState, reference: Int32) {
        self.state = state
        self.reference = reference
    }

    deinit {
        if let state { luaL_unref(state.L, coprod_registryindex(), reference) }
    }

    /// Calls the function with the state's limits in force and returns its results as data.
    @discardableResult
    public func call(_ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        let (state, thread, base) = try pushCall(arguments)
        return try state.protectedCall(on: thread, argumentCount: Int32(arguments.count), base: base)
    }

    /// Calls the function and keeps its first result, when that is a function, so that Swift can
    /// call it later: a function a script hands over as data (a framework's rule), which `call`
    /// cannot return. Nil when the first result is anything else.
    public func callReturningFunction(_ arguments: [LuaValue] = []) throws(LuaError) -> LuaFunction? {
        let (state, thread, base) = try pushCall(arguments)
        return try state.protectedCallForFunction(on: thread, argumentCount: Int32(arguments.count), base: base)
    }

    /// Where the function is written, as coprod's messages name it: the chunk (`rules.lua`, a long
    /// path whole) and the line of its `function`, so that a message about what it did can point
    /// the user there.
    /// Nil for a function written in C or Swift, a whole chunk, or when the state has gone.
    public var definition: (chunk: String, line: Int)? {
        guard let state else { return nil }
        let thread = state.currentThread
        guard lua_checkstack(thread, 1) != 0 else { return nil }
        lua_rawgeti(thread, coprod_registryindex(), lua_Integer(reference))
        guard lua_type(thread, -1) == LUA_TFUNCTION else {
            lua_settop(thread, -2)
            return nil
        }
        var source = [CChar](repeating: 0, count: 256)
        let line = coprod_function_definition(thread, &source, source.count)
        guard line > 0 else { return nil }
        let chunk = String(decoding: source.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (state.restoringChunkNames(chunk), Int(line))
    }

    /// Pushes the function and `arguments` on the thread nested calls run on.
    private func pushCall(_ arguments: [LuaValue]) throws(LuaError) -> (LuaState, OpaquePointer, Int32) {
        guard let state else { throw LuaError(.runtime, "the Lua state of this function has been closed") }
        let thread = state.currentThread
        let base = lua_gettop(thread)
        try state.ensureStack(Int32(clamping: arguments.count) + 2, on: thread)
        lua_rawgeti(thread, coprod_registryindex(), lua_Integer(reference))
        for argument in arguments {
            do {
                try state.push(argument, on: thread)
            } catch {
                lua_settop(thread, base)
                throw error
            }
        }
        return (state, thread, base)
    }
}
