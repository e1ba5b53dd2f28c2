import ArgumentParser
import Foundation
import LuaHost

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every command that runs scripts shares: where modules come from, and the limits.
struct SandboxOptions: ParsableArguments {
    @Option(name: .customLong("path"),
            help: ArgumentHelp("""
                A directory with your own frameworks (DIR/ID.lua, used instead of a built-in framework \
                with the same id) and the Lua modules that frameworks and scripts load with require \
                (require "a.b" reads DIR/a/b.lua or DIR/a/b/init.lua). Repeatable; searched before COPROD_PATH.
                """, valueName: "dir"))
    var paths: [String] = []

    // Unconditional: "--memory-limit -5" is a value to refuse with a reason, not a missing one.
    // With a transform, swift-argument-parser shows no default: the help gives it.
    @Option(name: .customLong("memory-limit"), parsing: .unconditional,
            help: ArgumentHelp("Memory a script's Lua state may use, in MiB (0: no limit). (default: \(LuaLimits.default.memory >> 20))", valueName: "MiB"),
            transform: WholeNumber.reader(asking: "a whole number of MiB, or 0 for no limit"))
    var memoryLimit: Int = LuaLimits.default.memory >> 20

    @Option(name: .customLong("instruction-limit"), parsing: .unconditional,
            help: ArgumentHelp("Lua instructions one call may run (0: no limit). (default: \(LuaLimits.default.instructions))", valueName: "count"),
            transform: WholeNumber.reader(asking: "a whole number of instructions, or 0 for no limit"))
    var instructionLimit: UInt64 = LuaLimits.default.instructions

    func validate() throws {
        // A file or a folder that is not there would be searched for nothing, without a word.
        for path in paths {
            if let what = ModuleSearchPath.notAFolder(path) {
                let folder = (path as NSString).deletingLastPathComponent
                let hint = path.hasSuffix(".lua") ? " (for this file, give its folder: --path \(folder.isEmpty ? "." : folder))" : ""
                throw ValidationError("--path \(path) \(what): give the folder that holds your frameworks and modules\(hint).")
            }
        }
        guard memoryLimit >= 0 else { throw ValidationError("--memory-limit must be 0 or more MiB.") }
        guard memoryLimit <= Int.max >> 20 else { throw ValidationError("--memory-limit is too large (at most \(Int.max >> 20) MiB; 0: no limit).") }
    }

    var limits: LuaLimits {
        LuaLimits(memory: memoryLimit << 20, instructions: instructionLimit, advice: limitAdvice)
    }

    /// What a script stopped by a limit is told to do: the usual cause first, since raising the
    /// limit only makes a runaway script take longer to fail, then the option that raises it.
    var limitAdvice: [LuaLimit: String] {
        [.instructions: "a loop that never ends is the usual cause; if the script is only long, "
            + "raise the limit with --instruction-limit (0: no limit)",
         .memory: "a table or text that grows without end is the usual cause; if the script needs more, "
            + "raise the limit with --memory-limit, in MiB (\(memoryLimit) now; 0: no limit)"]
    }

    var searchPath: ModuleSearchPath {
        let environment = getenv("COPROD_PATH").map { String(cString: $0) }
        return ModuleSearchPath(directories: paths + ModuleSearchPath.directories(fromEnvironmentValue: environment))
    }
}
