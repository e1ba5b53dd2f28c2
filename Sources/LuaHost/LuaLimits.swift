/// The limits that stop a runaway script. Zero means no limit.
///
/// The defaults let an ordinary script (scoring thousands of answers, loading a framework) run
/// freely while a runaway loop or a memory bomb ends within a few seconds on a small machine.
public struct LuaLimits: Equatable, Sendable {
    /// Bytes the state may hold (Lua's own allocations). Default 256 MiB.
    public var memory: Int
    /// VM instructions per call from the host. Default 1,000,000,000 (a few seconds).
    public var instructions: UInt64
    /// How deep tables may nest when they cross between Lua and Swift. Default 100.
    public var depth: Int
    /// What the message of a limit that stopped a script goes on to say, in the words of the tool
    /// that set the limits: a limit alone does not tell a user what to do about it, and only the
    /// tool knows how its users raise one (a command-line option, say). Empty: nothing more.
    public var advice: [LuaLimit: String]

    public init(memory: Int = 256 << 20, instructions: UInt64 = 1_000_000_000, depth: Int = 100,
                advice: [LuaLimit: String] = [:]) {
        self.memory = memory
        self.instructions = instructions
        self.depth = depth
        self.advice = advice
    }

    public static let `default` = LuaLimits()

    /// "16 MiB" for a whole number of MiB, the unit a limit is given in, else "1000 bytes":
    /// 16777216 bytes is not the 16 the user typed.
    public static func describeMemory(_ bytes: Int) -> String {
        bytes > 0 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}

/// Which limit stopped a script.
public enum LuaLimit: String, Equatable, Sendable {
    case instructions = "instruction limit"
    case memory = "memory limit"
    case interrupted = "interrupt"
}
