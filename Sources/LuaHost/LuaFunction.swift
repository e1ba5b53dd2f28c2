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
        return try state.protectedCall(on: thread, argumentCount: Int32(arguments.count), base: base)
    }
}
