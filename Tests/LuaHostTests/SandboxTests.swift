import Foundation
import LuaHost
import Testing

@Suite("The sandbox")
struct SandboxTests {
    @Test("removed functions and libraries are absent", arguments: [
        "io", "debug", "dofile", "loadfile", "string.dump", "package.loadlib", "package.searchpath",
        "os.execute", "os.exit", "os.getenv", "os.remove", "os.rename", "os.tmpname", "os.setlocale",
    ])
    func removed(_ name: String) throws {
        let state = try makeState()
        #expect(try state.run("return \(name) == nil") == [true])
    }

    @Test func allowedLibrariesArePresent() throws {
        let state = try makeState()
        let present = try state.run("""
            return type(string.format), type(table.concat), type(math.floor), type(utf8.char),
              type(coroutine.wrap), type(os.time), type(os.date), type(os.clock), type(os.difftime),
              type(require), type(pcall), type(select)
            """)
        #expect(present == Array(repeating: "function", count: 12))
        let osKeys = try state.run("local k = {} for name in pairs(os) do k[#k + 1] = name end table.sort(k) return table.concat(k, ',')")
        #expect(osKeys == ["clock,date,difftime,time"])
    }

    @Test("standard libraries that were not opened cannot be required", arguments: ["io", "os", "debug", "package"])
    func requireOfRemovedLibraries(_ name: String) throws {
        let state = try makeState()
        if name == "os" || name == "package" {
            // These are open, but only in their cut-down form.
            #expect(try state.run("return require('\(name)') == \(name)") == [true])
            #expect(try state.run("return require('os').execute == nil") == [true])
        } else {
            #expect(expectError(state, "return require('\(name)')")?.message.contains("module '\(name)' not found") == true)
        }
    }

    @Test func bytecodeIsRefused() throws {
        let state = try makeState()
        // string.dump is gone, so a script cannot make bytecode; a hand-made binary chunk is refused.
        #expect(expectError(state, "return load(string.dump(function() end))")?.message.contains("attempt to call a nil value (field 'dump')") == true)
        let handMade = try state.run(#"return load("\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1")"#)
        #expect(handMade.first == .nil)
        #expect(handMade.last?.stringValue?.contains("attempt to load a binary chunk") == true)
        #expect(expectError(state, "return load('return 1', 'x', 'b')")?.message.contains("binary chunks are not allowed") == true)
        #expect(expectError(state, "return load('return 1', 'x', 'bt')")?.message.contains("binary chunks are not allowed") == true)
        // A reader function that returns bytecode is refused as well.
        let reader = try state.run(#"local sent = false; return load(function() if sent then return nil end sent = true return "\27Lua" end)"#)
        #expect(reader.last?.stringValue?.contains("binary chunk") == true)
    }

    @Test func loadGivesChunksTheSandboxEnvironment() throws {
        let state = try makeState()
        #expect(try state.run("return load('return io, debug, dofile')()") == [nil, nil, nil])
        #expect(try state.run("x = 5; return load('return x + 1')()") == [6])
        #expect(try state.run("return load('return y', 'c', 't', {y = 7})()") == [7])
    }

    @Test func collectgarbageCannotStopOrTuneTheCollector() throws {
        let state = try makeState()
        for option in ["stop", "restart", "incremental", "generational", "setpause", "setstepmul", "isrunning"] {
            #expect(expectError(state, "collectgarbage('\(option)')")?.message.contains("invalid option '\(option)'") == true)
        }
        #expect(try state.run("return math.type(collectgarbage('count')), collectgarbage('collect'), collectgarbage()") == ["float", 0, 0])
        #expect(try state.run("return type(collectgarbage('step'))") == ["boolean"])
    }

    @Test func finalisersAreRefused() throws {
        let state = try makeState()
        #expect(expectError(state, "setmetatable({}, {__gc = function() end})")?.message.contains("__gc metamethods are not allowed") == true)
        // Metatables without __gc still work, including protected ones.
        #expect(try state.run("local t = setmetatable({}, {__index = function(_, k) return k .. '!' end}); return t.hi") == ["hi!"])
        #expect(expectError(state, "local t = setmetatable({}, {__metatable = 'locked'}); setmetatable(t, {})")?.message.contains("cannot change a protected metatable") == true)
    }

    @Test func stringMetatableIsProtected() throws {
        let state = try makeState()
        #expect(try state.run("return getmetatable('')") == [false])
        #expect(try state.run("return ('abc'):upper()") == ["ABC"])
    }

    @Test func randomIsSeededTheSameInEveryState() throws {
        let code = "local t = {} for i = 1, 5 do t[i] = math.random(1, 1000) end return table.concat(t, ',')"
        let first = try makeState().run(code)
        let second = try makeState().run(code)
        #expect(first == second)
    }

    @Test("require takes module names, never paths", arguments: [
        "../etc/passwd", "/etc/passwd", "a/b", "a..b", ".hidden", "trailing.", "spaced name", "",
    ])
    func requireRefusesPaths(_ name: String) throws {
        let state = try makeState(searchPath: ModuleSearchPath(directories: ["/"]))
        let error = #expect(throws: LuaError.self) { try state.run("return require(...)", arguments: [.string(name)]) }
        #expect(error?.message.contains("module name '\(name)' is not allowed") == true)
    }

    @Test func requireFindsModulesOnTheSearchPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-modules-\(UUID())")
        let tools = directory.appendingPathComponent("area/tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "return { threshold = 30, name = ... }".write(to: directory.appendingPathComponent("area/rules.lua"), atomically: true, encoding: .utf8)
        try "return 'tools'".write(to: tools.appendingPathComponent("init.lua"), atomically: true, encoding: .utf8)
        try "error('broken module')".write(to: directory.appendingPathComponent("broken.lua"), atomically: true, encoding: .utf8)
        let state = try makeState(searchPath: ModuleSearchPath(directories: ["/nonexistent", directory.path]))
        #expect(try state.run("local r = require 'area.rules' return r.threshold, r.name, (require 'area.tools')") == [30, "area.rules", "tools"])
        let broken = expectError(state, "require 'broken'")
        #expect(broken?.message.contains("broken.lua:1: broken module") == true)
        let missing = expectError(state, "require 'area.absent'")
        // A folder that is not there (a stale COPROD_PATH) is named as such.
        #expect(missing?.message.contains("no module 'area.absent' in '/nonexistent' (which does not exist), '\(directory.path)'") == true)
    }

    @Test func builtInModulesAndCaching() throws {
        let state = try makeState(searchPath: ModuleSearchPath(builtIn: ["coprod.greeting": "count = (count or 0) + 1; return 'hello ' .. ..."]))
        #expect(try state.run("return require('coprod.greeting'), require('coprod.greeting'), count") == ["hello coprod.greeting", "hello coprod.greeting", 1])
    }
}
