import LuaHost
import Synchronization

/// A state whose `print` output is collected, for tests.
final class PrintCapture: Sendable {
    private let lines = Mutex<[UInt8]>([])
    var text: String { lines.withLock { String(decoding: $0, as: UTF8.self) } }
    func append(_ bytes: [UInt8]) { lines.withLock { $0.append(contentsOf: bytes) } }
}

func makeState(limits: LuaLimits = .default, searchPath: ModuleSearchPath = ModuleSearchPath(),
               capture: PrintCapture? = nil) throws -> LuaState {
    try LuaState(limits: limits, searchPath: searchPath, print: capture.map { capture in { capture.append($0) } })
}

/// Runs `code` and returns the error it must raise.
func expectError(_ state: LuaState, _ code: String, chunkName: String = "=test") -> LuaError? {
    do {
        try state.run(code, chunkName: chunkName)
        return nil
    } catch {
        return error
    }
}

/// Small limits keep the runaway-script tests fast; each still has to be stopped by the host.
let tightLimits = LuaLimits(memory: 64 << 20, instructions: 20_000_000)

/// Where the package's files are, for tests that read them.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/LuaHostTests/Support.swift
    return parts.joined(separator: "/")
}()
