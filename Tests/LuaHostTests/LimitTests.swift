import Foundation
import LuaHost
import Testing

@Suite("Limits stop runaway scripts", .timeLimit(.minutes(2)))
struct LimitTests {
    @Test("runaway loops end with the instruction limit, wherever they hide", arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "while true do pcall(error) end",
        "local co = coroutine.wrap(function() while true do end end) co()",
        "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
        "do local x <close> = setmetatable({}, {__close = function() while true do end end}) end",
        "while true do pcall(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) error('x') end) end",
        "xpcall(error, function() while true do end end)",
        "while true do xpcall(function() while true do end end, function(m) return m end) end",
        "local t = setmetatable({}, {__index = function(t, k) return t[k + 1] end}) return t[1]",
        "table.sort({3, 2, 1, 5, 4}, function(a, b) while true do end end)",
        "string.gsub('aaa', 'a', function() while true do end end)",
    ])
    func runawayLoops(_ code: String) throws {
        let state = try makeState(limits: tightLimits)
        let error = expectError(state, "\n" + code, chunkName: "@runaway.lua")
        #expect(error?.kind == .limit(.instructions) || error?.message.contains("stack overflow") == true,
                "\(String(describing: error))")
        if error?.kind == .limit(.instructions) {
            #expect(error?.chunk == "runaway.lua")
            #expect(error?.line == 2)
            #expect(error?.message.contains("instruction limit of 20000000 reached") == true)
        }
        // The state is still usable, with a fresh budget.
        #expect(try state.run("local n = 0 for i = 1, 1000 do n = n + i end return n") == [500500])
    }

    @Test func memoryIsDescribedInTheUnitItIsGivenIn() {
        #expect(LuaLimits.describeMemory(16 << 20) == "16 MiB")
        #expect(LuaLimits.describeMemory(1 << 20) == "1 MiB")
        #expect(LuaLimits.describeMemory(1000) == "1000 bytes")
        #expect(LuaLimits.describeMemory((16 << 20) + 1) == "16777217 bytes")
    }

    @Test("memory bombs end with the memory limit", arguments: [
        "local s = string.rep('x', 2^30)",
        "local s = 'x' while true do s = s .. s end",
        "local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end",
        "local t = {} for i = 1, 1e9 do t[#t + 1] = tostring(i) .. 'padding' end",
        "local parts = {} for i = 1, 30 do parts[i] = string.rep('y', 2^i) end",
        "local s = ('x'):rep(2^20) local t = {} while true do t[#t + 1] = s .. #t end",
    ])
    func memoryBombs(_ code: String) throws {
        let state = try makeState(limits: LuaLimits(memory: 32 << 20, instructions: 2_000_000_000))
        let error = expectError(state, code, chunkName: "@bomb.lua")
        #expect(error?.kind == .limit(.memory), "\(String(describing: error))")
        #expect(error?.message.contains("memory limit of 32 MiB reached") == true)
        #expect(try state.run("collectgarbage() return 1 + 1") == [2])
        #expect(state.memoryUsed < 32 << 20)
    }

    @Test func theToolsAdviceFollowsTheLimitThatStoppedAScript() throws {
        let advice: [LuaLimit: String] = [.instructions: "raise --steps", .memory: "raise --room"]
        let state = try makeState(limits: LuaLimits(memory: 16 << 20, instructions: 1_000_000, advice: advice))
        let loop = expectError(state, "\nwhile true do end", chunkName: "@loop.lua")
        #expect(loop?.message == "loop.lua:2: instruction limit of 1000000 reached: raise --steps")
        #expect(loop?.line == 2)
        let bomb = expectError(state, "local s = 'x' while true do s = s .. s end", chunkName: "@bomb.lua")
        #expect(bomb?.message == "bomb.lua:1: memory limit of 16 MiB reached: raise --room")
        // Without advice, the limit alone, as before.
        let plain = try makeState(limits: LuaLimits(instructions: 1_000_000))
        #expect(expectError(plain, "while true do end", chunkName: "@loop.lua")?.message == "loop.lua:1: instruction limit of 1000000 reached")
    }

    @Test func memoryLimitCannotBeSwallowedByPcall() throws {
        let state = try makeState(limits: LuaLimits(memory: 16 << 20, instructions: 2_000_000_000))
        let error = expectError(state, "while true do pcall(function() local t = {} while true do t[#t + 1] = {} end end) end")
        #expect(error?.kind == .limit(.memory))
    }

    @Test func tinyMemoryCapIsAnErrorNotAPanic() throws {
        for bytes in [1, 512, 4096] {
            let error = #expect(throws: LuaError.self, "cap \(bytes)") { try makeState(limits: LuaLimits(memory: bytes)) }
            #expect(error?.kind == .limit(.memory))
        }
    }

    @Test func deepRecursionIsAnError() throws {
        let state = try makeState(limits: tightLimits)
        let error = expectError(state, "local function f(n) return 1 + f(n + 1) end return f(1)")
        #expect(error?.message.contains("stack overflow") == true || error?.kind == .limit(.memory))
        let viaMetamethods = expectError(state, "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x")
        #expect(viaMetamethods != nil)
    }

    @Test func parserNestingIsAnError() throws {
        let state = try makeState(limits: tightLimits)
        let nested = try state.run("return load(string.rep('(', 10000) .. '1' .. string.rep(')', 10000))")
        #expect(nested.first == .nil)
        #expect(nested.last?.stringValue?.contains("overflow") == true || nested.last?.stringValue?.contains("levels") == true)
        let error = #expect(throws: LuaError.self) {
            try state.load(String(repeating: "{", count: 100_000), chunkName: "=deep")
        }
        #expect(error?.kind == .syntax || error?.kind == .incompleteChunk)
    }

    @Test("catastrophic patterns are refused before they run", arguments: [
        "return ('a'):rep(1000):find('.-.-b')",
        "return ('a'):rep(300):match('.-.-.-.-b')",
        "return ('a'):rep(5000):find(('a*'):rep(10) .. 'b')",
        "for x in ('a'):rep(3000):gmatch('.-.-b') do end",
        "return (('a'):rep(3000)):gsub('.-.-b', '')",
        "return ('a'):rep(2^24):find(('a'):rep(2^12) .. 'b', 1, true)",
    ])
    func catastrophicPatterns(_ code: String) throws {
        let state = try makeState(limits: LuaLimits(memory: 64 << 20, instructions: 100_000_000))
        let clock = ContinuousClock()
        let started = clock.now
        let error = expectError(state, code, chunkName: "@pattern.lua")
        #expect(error?.kind == .limit(.instructions), "\(String(describing: error))")
        #expect(error?.message.contains("pattern.lua:1: instruction limit of 100000000 reached") == true)
        #expect(clock.now - started < .seconds(5))
    }

    @Test func ordinaryPatternsStillWork() throws {
        let state = try makeState(limits: LuaLimits(memory: 64 << 20, instructions: 100_000_000))
        let text = String(repeating: "key=value; ", count: 2000)
        #expect(try state.run("local n = 0 for k, v in (...):gmatch('(%w+)=(%w+)') do n = n + 1 end return n", arguments: [.string(text)]) == [2000])
        #expect(try state.run("return (('  padded  '):gsub('^%s*(.-)%s*$', '%1'))") == ["padded"])
        #expect(try state.run("return ('x'):rep(10000):find('y', 1, true)") == [.nil])
    }

    @Test func uninterruptibleCLoopsAreBounded() throws {
        let state = try makeState(limits: tightLimits)
        #expect(try state.run("return #string.rep('', 2^53), #string.rep('', 2^53, '')") == [0, 0])
        #expect(expectError(state, "return string.rep('x', 2^40, '')")?.kind == .limit(.instructions))
        #expect(expectError(state, "table.move({}, 1, 1e15, 2)")?.kind == .limit(.instructions))
        #expect(try state.run("return table.move({1, 2, 3}, 1, 3, 2)[3]") == [2])
    }

    @Test func interruptStopsARunningScript() throws {
        let state = try makeState(limits: LuaLimits(instructions: 0))
        let handle = state.interruptHandle
        // A thread of its own, not a task: the script blocks the thread it runs on, and on a
        // two-core machine the other tests' scripts can hold every thread of Swift's task pool,
        // so a task sleeping to interrupt it could wait for one past the suite's time limit.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            handle.interrupt()
        }
        let error = expectError(state, "while true do end")
        #expect(error?.kind == .limit(.interrupted))
    }

    @Test func limitsReachIntoNestedCallsFromSwift() throws {
        let state = try makeState(limits: tightLimits)
        try state.register("call") { arguments in try arguments.function(1).call() }
        let error = expectError(state, "call(function() while true do end end)")
        #expect(error?.kind == .limit(.instructions))
        let caught = expectError(state, "while true do pcall(call, function() while true do end end) end")
        #expect(caught?.kind == .limit(.instructions))
    }
}
