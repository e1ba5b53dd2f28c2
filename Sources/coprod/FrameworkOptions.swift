import ArgumentParser
import CoprodCore
import LuaHost

/// Loading a framework by id or path with the sandbox options; failures exit 2 with `file:line:`.
extension SandboxOptions {
    var catalog: FrameworkCatalog { FrameworkCatalog(directories: searchPath.directories) }

    /// A state with the built-in modules, and the framework loaded into it.
    func loadFramework(_ reference: String) throws -> (Framework, LuaState) {
        do {
            let state = try catalog.makeState(limits: limits, print: Diagnostics.frameworkPrint)
            return (try catalog.load(reference, in: state), state)
        } catch {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
    }
}

/// Where output goes: standard output, flushed at the end.
enum Output {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { LuaState.writeStandardOutput(UnsafeRawBufferPointer($0)) }
    }

    static var isTerminal: Bool { LuaState.standardOutputIsTerminal }

    /// Whether a write has failed: the rest would be lost too.
    static var failed: Bool { LuaState.standardOutputFailed }
}
