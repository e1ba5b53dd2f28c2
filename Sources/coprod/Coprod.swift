import ArgumentParser
import LuaHost

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `coprod` command: co-production frameworks as Lua scripts, evaluated from the command line.
@main
struct Coprod: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "coprod",
        abstract: "Write co-production quality frameworks as Lua scripts and evaluate self-assessments against them.",
        discussion: """
            Frameworks, scales, scoring rules and next steps are Lua, run in a sandbox with memory \
            and instruction limits. Exit status: 0 success, 1 some rows rejected or a script failed \
            or hit a limit, 2 wrong usage, a framework or input that cannot be read, or an output \
            that cannot be written.
            """,
        version: "coprod \(version)",
        subcommands: [EvaluateCommand.self, BatchCommand.self, MergeCommand.self, SampleCommand.self, ReplCommand.self, FrameworksCommand.self, ShowCommand.self, TemplateCommand.self, LuaCommand.self]
    )

    /// Like ParsableCommand.main, but wrong usage exits with 2 (not sysexits' 64), the status the
    /// README documents for every command.
    static func main() {
        do {
            if let unknown = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) { throw unknown }
            var command = try parseAsRoot()
            try command.run()
            exitIfOutputWasLost()
        } catch {
            exitIfOutputWasLost()
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { Diagnostics.standardError(message) }
                Glibc.exit(ExitCode.usage.rawValue)
            }
            exit(withError: error)
        }
    }

    /// Flushes standard output; if any of it could not be written (a full disk, say), says so
    /// and exits with 2, since a caller redirecting it to a file would otherwise take a cut-off
    /// file for a whole one.
    private static func exitIfOutputWasLost() {
        guard let failure = LuaState.flushStandardOutput() else { return }
        Diagnostics.standardError("coprod: cannot write to standard output: \(failure)")
        Glibc.exit(ExitCode.usage.rawValue)
    }
}

extension ExitCode {
    /// A script failed or a limit stopped it.
    static let scriptFailed = ExitCode(1)
    /// Wrong usage: unknown option, missing argument, unreadable file.
    static let usage = ExitCode(2)
}
