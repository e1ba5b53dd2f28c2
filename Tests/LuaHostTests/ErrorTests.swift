import LuaHost
import Synchronization
import Testing

/// Counts live instances, to prove that no Swift frame was skipped by a longjmp: a skipped
/// frame never releases what it holds.
final class Tracked: Sendable {
    static let live = Atomic<Int>(0)
    init() { Tracked.live.add(1, ordering: .relaxed) }
    deinit { Tracked.live.subtract(1, ordering: .relaxed) }
}

struct TrackedFailure: Error, CustomStringConvertible {
    let holder: Tracked
    let number: Int64
    var description: String { "refused \(number)" }
}

@Suite("Errors carry where they happened")
struct ErrorTests {
    @Test func runtimeErrorNamesChunkAndLine() throws {
        let state = try makeState()
        let error = #expect(throws: LuaError.self) {
            try state.run("local x = 1\nlocal y = 2\nerror('boom')\n", chunkName: "@scripts/scoring.lua")
        }
        #expect(error?.kind == .runtime)
        #expect(error?.chunk == "scripts/scoring.lua")
        #expect(error?.line == 3)
        #expect(error?.message == "scripts/scoring.lua:3: boom")
        #expect(error?.traceback.contains { $0.contains("in main chunk") } == true)
    }

    /// Lua would call this file `...` and its last 56 bytes; the state puts the path back whole,
    /// in syntax errors, runtime errors (also from a function called later), tracebacks and limits.
    @Test func aLongFileNameIsNamedWhole() throws {
        let path = "/home/analyst/Documents/Co-production/frameworks/our-area/quality-rules.lua"
        #expect(path.utf8.count > 59)
        let state = try makeState(limits: LuaLimits(memory: 32 << 20, instructions: 1_000_000))
        let syntax = #expect(throws: LuaError.self) { try state.run("local x = = 1\n", chunkName: "@" + path) }
        #expect(syntax?.message == "\(path):1: unexpected symbol near '='")
        #expect(syntax?.chunk == path)

        try state.run("function score(n)\n  return n + nil\nend\n", chunkName: "@" + path)
        let runtime = expectError(state, "return score(1)", chunkName: "=caller")
        #expect(runtime?.message == "\(path):2: attempt to perform arithmetic on a nil value")
        #expect(runtime?.chunk == path)
        #expect(runtime?.line == 2)
        #expect(runtime?.traceback.first?.hasPrefix("\(path):2:") == true)

        let loop = #expect(throws: LuaError.self) { try state.run("\nwhile true do end\n", chunkName: "@" + path) }
        #expect(loop?.message == "\(path):2: instruction limit of 1000000 reached")
        // A name that fits is left as Lua gives it.
        let short = #expect(throws: LuaError.self) { try state.run("error('x')", chunkName: "@rules/short.lua") }
        #expect(short?.message == "rules/short.lua:1: x")
    }

    @Test func errorInANestedFunctionHasItsOwnLineAndATraceback() throws {
        let state = try makeState()
        let error = #expect(throws: LuaError.self) {
            try state.run("""
                local function score(n)
                  return n + nil
                end
                local result = score(1)
                return result
                """, chunkName: "=rules")
        }
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("rules:2: attempt to perform arithmetic on a nil value") == true)
        #expect(error?.traceback.contains { $0.contains("rules:4") } == true)
    }

    @Test func syntaxErrorsAndIncompleteChunks() throws {
        let state = try makeState()
        let syntax = #expect(throws: LuaError.self) { try state.load("x = = 1", chunkName: "@bad.lua") }
        #expect(syntax?.kind == .syntax)
        #expect(syntax?.chunk == "bad.lua")
        #expect(syntax?.line == 1)
        let incomplete = #expect(throws: LuaError.self) { try state.load("function f(n)\n  return n", chunkName: "=stdin") }
        #expect(incomplete?.kind == .incompleteChunk)
        #expect(incomplete?.line == 2)
    }

    @Test func errorObjectsThatAreNotStrings() throws {
        let state = try makeState(limits: tightLimits)
        #expect(expectError(state, "error({code = 1})")?.message == "(error object is a table value)")
        #expect(expectError(state, "error(nil)")?.message == "(error object is a nil value)")
        #expect(expectError(state, "error(setmetatable({}, {__tostring = function() return 'custom' end}))")?.message == "custom")
        // A __tostring that never returns is stopped by the instruction limit.
        let looping = expectError(state, "error(setmetatable({}, {__tostring = function() while true do end end}))")
        #expect(looping?.kind == .limit(.instructions))
        // One that recurses forever ends as an error in error handling.
        let recursing = expectError(state, "local e; e = setmetatable({}, {__tostring = function(x) return tostring(x) end}); error(e)")
        #expect(recursing != nil)
        #expect(try state.run("return 1 + 1") == [2])
    }

    @Test func swiftErrorsAreLuaErrorsThatPcallCatches() throws {
        let state = try makeState()
        try state.register("refuse") { arguments in
            throw TrackedFailure(holder: Tracked(), number: try arguments.integer(1))
        }
        let caught = try state.run("""
            local ok, message = pcall(function() local result = refuse(7) return result end)
            return ok, message
            """, chunkName: "=caller")
        #expect(caught == [false, "caller:1: refused 7"])
        // Called directly by pcall (a C function), the error has no Lua position, as in plain Lua.
        #expect(try state.run("return select(2, pcall(refuse, 9))") == ["refused 9"])
        let uncaught = expectError(state, "refuse(8)", chunkName: "@main.lua")
        #expect(uncaught?.message == "main.lua:1: refused 8")
        #expect(uncaught?.line == 1)
    }

    @Test func hundredThousandSwiftErrorsLeaveMemoryFlat() throws {
        let state = try makeState()
        try state.register("refuse") { arguments in
            throw TrackedFailure(holder: Tracked(), number: try arguments.integer(1))
        }
        let loop = """
            local n = ...
            for i = 1, n do
              local ok, message = pcall(refuse, i)
              assert(not ok and message:find("refused " .. i, 1, true))
            end
            collectgarbage()
            return collectgarbage("count")
            """
        let warm = try state.run(loop, arguments: [10_000])
        let after = try state.run(loop, arguments: [100_000])
        let (before, end) = (warm.first?.numberValue ?? 0, after.first?.numberValue ?? .infinity)
        #expect(end - before < 64, "Lua memory grew by \(end - before) KiB")
        // Every Swift object created inside the failing calls has been released.
        #expect(Tracked.live.load(ordering: .relaxed) == 0)
    }

    @Test("host functions never trap on script input", arguments: [
        "return want_int(0/0)", "return want_int(2^63)", "return want_int(1.5)", "return want_int('x')",
        "return want_string('\\xff\\xfe')", "return want_string({})", "return want_string()",
        "return want_table(1)", "return want_function(nil)",
    ])
    func hostileArguments(_ code: String) throws {
        let state = try makeState()
        try state.register("want_int") { [try $0.integer(1)].map { .integer($0) } }
        try state.register("want_string") { [.string(try $0.string(1))] }
        try state.register("want_table") { [.table(try $0.table(1))] }
        try state.register("want_function") { _ = try $0.function(1); return [] }
        let error = expectError(state, code)
        #expect(error?.kind == .runtime)
        #expect(error?.message.contains("bad argument #1 to 'want_") == true)
    }

    @Test func exactFloatsAreAcceptedAsIntegers() throws {
        let state = try makeState()
        try state.register("twice") { [.integer(try $0.integer(1) * 2)] }
        #expect(try state.run("return twice(21.0), twice(-4)") == [42, -8])
    }

    @Test func swiftFunctionsCanCallBackIntoLua() throws {
        let state = try makeState()
        try state.register("apply") { arguments in
            let function = try arguments.function(1)
            return try function.call([try arguments.value(2)])
        }
        #expect(try state.run("return apply(function(x) return x * 10 end, 4)") == [40])
        let error = expectError(state, "return apply(function(x) error('inner ' .. x) end, 4)", chunkName: "=outer")
        #expect(error?.message == "outer:1: inner 4")
    }

    @Test func aFunctionAScriptHandsOverKnowsWhereItIsWritten() throws {
        let state = try makeState()
        let lookup = try state.load("""
            local rules = {
              double = function(x)
                return x * 2
              end,
              offset = 3,
            }
            return rules[...]
            """, chunkName: "@areas/rules.lua")
        let double = try #require(try lookup.callReturningFunction(["double"]))
        #expect(try double.call([21]) == [42])
        #expect(double.definition?.chunk == "areas/rules.lua")
        #expect(double.definition?.line == 2)
        // Anything else is no function; a whole chunk and a C function have no line of their own.
        #expect(try lookup.callReturningFunction(["offset"]) == nil)
        #expect(lookup.definition == nil)
        #expect(try state.load("return string.rep", chunkName: "=c").callReturningFunction()?.definition == nil)
        // An error on the way is thrown like any call's.
        let error = #expect(throws: LuaError.self) { try state.load("error('no rules')", chunkName: "=broken").callReturningFunction() }
        #expect(error?.message == "broken:1: no rules")
    }
}
