import LuaHost
import Testing

@Suite("Values crossing between Swift and Lua")
struct ValueRoundTripTests {
    let state: LuaState
    init() throws { state = try makeState() }

    private func roundTrip(_ value: LuaValue) throws -> LuaValue {
        try state.setGlobal("v", value)
        return try state.global("v")
    }

    @Test("scalars keep their type and value", arguments: [
        LuaValue.nil, true, false, 0, 42, -7, .integer(.max), .integer(.min),
        1.5, -0.25, .number(1e300), .number(2.0), "", "hello", "naïve ✓",
    ])
    func scalars(_ value: LuaValue) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test func integerAndFloatStayDistinct() throws {
        #expect(try roundTrip(.number(3.0)) == .number(3.0))
        #expect(try roundTrip(.integer(3)) == .integer(3))
        let types = try state.run("return math.type(...)", arguments: [.integer(3)])
        #expect(types == ["integer"])
        let floatType = try state.run("return math.type(...)", arguments: [.number(3.0)])
        #expect(floatType == ["float"])
    }

    @Test func nanAndInfinityCross() throws {
        guard case .number(let nan) = try roundTrip(.number(.nan)) else { Issue.record("not a number"); return }
        #expect(nan.isNaN)
        #expect(try roundTrip(.number(-.infinity)) == .number(-.infinity))
    }

    @Test func stringsWithEmbeddedNULs() throws {
        let text = "a\u{0}b\u{0}\u{0}c"
        #expect(try roundTrip(.string(text)) == .string(text))
        #expect(try state.run("return #v") == [.integer(6)])
        let made = try state.run(#"return "x\0y""#)
        #expect(made == [.string("x\u{0}y")])
    }

    @Test func invalidUTF8ReadsAsBytes() throws {
        let bytes: [UInt8] = [0x66, 0xFF, 0x00, 0xC3]
        #expect(try roundTrip(.bytes(bytes)) == .bytes(bytes))
        #expect(try state.run(#"return "\xff\xfe""#) == [.bytes([0xFF, 0xFE])])
    }

    @Test func nestedTables() throws {
        let value: LuaValue = [
            "name": "Cardiff",
            "scores": [1, 2, 3],
            "sections": ["assets": ["average": 2.5, "answers": [2, 3]], "empty": [:]],
            1: true, 2.5: "two and a half",
        ]
        #expect(try roundTrip(value) == value)
        let lengths = try state.run("return #v.scores, v.sections.assets.answers[2], v[1], v[2.5]")
        #expect(lengths == [3, 3, true, "two and a half"])
    }

    @Test func floatKeysWithIntegerValuesBecomeIntegers() throws {
        let table = LuaTable(pairs: [(.number(1.0), "one"), (.number(2.5), "x")])
        #expect(table[1] == "one")
        let read = try roundTrip(.table(table))
        #expect(read.tableValue?.entries.map(\.key) == [.integer(1), .number(2.5)])
    }

    @Test func keysAreSortedWhateverTheInsertionOrder() throws {
        let read = try state.run("""
            local t = {}
            for _, k in ipairs({"zeta", "alpha", "Mid"}) do t[k] = true end
            t[10] = 1; t[2] = 1; t[-1] = 1; t[false] = 1; t[true] = 1; t[1.5] = 1
            return t
            """)
        let keys = read.first?.tableValue?.entries.map(\.key)
        #expect(keys == [false, true, -1, 1.5, 2, 10, "Mid", "alpha", "zeta"])
    }

    @Test func cyclesAreRefusedWithThePath() throws {
        let error = #expect(throws: LuaError.self) {
            try state.run("local t = {child = {}}; t.child.parent = t; return t")
        }
        #expect(error?.kind == .conversion)
        #expect(error?.message.contains("value.child.parent") == true)
        #expect(error?.message.contains("cycle") == true)
    }

    @Test func sharedSubtablesThatAreNotCyclesAreCopied() throws {
        let read = try state.run("local shared = {1}; return {a = shared, b = shared}")
        #expect(read == [["a": [1], "b": [1]]])
    }

    @Test func depthIsLimitedBothWays() throws {
        let shallow = try makeState(limits: LuaLimits(depth: 5))
        let error = #expect(throws: LuaError.self) {
            try shallow.run("local t = {} ; local c = t; for i = 1, 10 do c.x = {}; c = c.x end; return t")
        }
        #expect(error?.message.contains("deeper than 5") == true)
        var deep: LuaValue = 1
        for _ in 0..<10 { deep = ["x": deep] }
        #expect(throws: LuaError.self) { try shallow.setGlobal("deep", deep) }
    }

    @Test func functionsAndNaNKeysCannotCross() throws {
        let error = #expect(throws: LuaError.self) { try state.run("return {f = print}") }
        #expect(error?.message.contains("value.f is a function") == true)
        let nanKey = LuaValue.table(LuaTable(pairs: [(.number(.nan), 1)]))
        #expect(throws: LuaError.self) { try state.setGlobal("bad", nanKey) }
        #expect(throws: LuaError.self) { try state.run("return {[{}] = 1}") }
    }
}
