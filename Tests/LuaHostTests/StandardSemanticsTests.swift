import LuaHost
import Testing

@Suite("Standard Lua semantics survive the sandbox")
struct StandardSemanticsTests {
    @Test func standardSemanticsScriptPasses() throws {
        let capture = PrintCapture()
        let state = try makeState(capture: capture)
        try state.runFile(packageRoot + "/Tests/LuaHostTests/Lua/standard-semantics.lua")
        #expect(capture.text.hasSuffix("checks passed\n"))
        #expect(capture.text.hasPrefix("standard semantics: "))
    }

    @Test func printWritesTabSeparatedLines() throws {
        let capture = PrintCapture()
        let state = try makeState(capture: capture)
        try state.run("print(1, 2.5, nil, true, 'x', setmetatable({}, {__tostring = function() return 'T' end}))")
        #expect(capture.text == "1\t2.5\tnil\ttrue\tx\tT\n")
    }

    @Test func statesAreIndependentAcrossThreads() async throws {
        try await withThrowingTaskGroup(of: LuaValue.self) { group in
            for worker in 1...4 {
                group.addTask {
                    let state = try makeState()
                    return try state.run("local n = 0 for i = 1, 200000 do n = n + (...) end return n",
                                         arguments: [.integer(Int64(worker))]).first ?? .nil
                }
            }
            var totals: [LuaValue] = []
            for try await total in group { totals.append(total) }
            #expect(Set(totals) == Set([200_000, 400_000, 600_000, 800_000]))
        }
    }
}
