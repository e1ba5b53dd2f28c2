import ArgumentParser
import LuaHost

/// `coprod lua`: runs a script in the sandboxed host, like lua(1) or `pandoc lua`.
struct LuaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua",
        abstract: "Run a Lua script in coprod's sandbox.",
        discussion: """
            The script gets its arguments in the global table `arg` (arg[0] is the script) and as \
            `...`; print writes to standard output. The exploring API of `coprod repl` (:help api \
            there) is available: coprod.evaluate, results:top, results:csv() and the rest. It runs \
            in the sandbox: no io, no debug, os only for time and date; require loads the modules \
            built into coprod (such as coprod.results) and .lua files in the directories of --path \
            and COPROD_PATH, which are searched first, and nothing else. An error prints \
            SCRIPT:LINE: message to standard error and exits 1; so does a limit, naming the limit.

            Examples:
              coprod lua -e 'print(6 * 7)'
              \(LuaCommand.example)
            """
    )

    /// The script example the help gives: a real one, which a test runs as the help shows it.
    static let example = "coprod lua Examples/audit-averages.lua Examples/involvement-audit.csv"

    @Option(name: .customShort("e"), help: ArgumentHelp("Run this code (repeatable; runs before SCRIPT).", valueName: "code"))
    var code: [String] = []

    @OptionGroup var sandbox: SandboxOptions

    @Argument(help: ArgumentHelp("The script to run; - reads it from standard input, as lua - does.", valueName: "script"))
    var script: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for the script.", valueName: "args"))
    var arguments: [String] = []

    func validate() throws {
        if code.isEmpty && script == nil {
            throw ValidationError("Give a script to run, or code with -e.")
        }
    }

    func run() throws {
        let state: LuaState
        do {
            state = try LuaState(limits: sandbox.limits, searchPath: sandbox.catalog.searchPath)
            try ExploreAPI.install(in: state, catalog: sandbox.catalog)
            try state.setGlobal("arg", .table(scriptArguments))
            for (index, chunk) in code.enumerated() {
                try state.run(chunk, chunkName: code.count == 1 ? "=(command line)" : "=(command line \(index + 1))")
            }
            if let script {
                // `-` is standard input, named `stdin` in messages as lua(1) names it.
                let fromInput = script == "-"
                let bytes: [UInt8]
                do {
                    bytes = try LuaState.readScript(fromInput ? "/dev/stdin" : script)
                } catch {
                    Diagnostics.standardError("coprod: \(error.message)")
                    throw ExitCode.usage
                }
                try state.load(bytes: bytes, chunkName: fromInput ? "=stdin" : "@" + script).call(arguments.map { .string($0) })
            }
            LuaState.flushStandardOutput()
        } catch let error as LuaError {
            Diagnostics.report(error, traceback: error.kind == .runtime)
            throw ExitCode.scriptFailed
        }
    }

    /// `arg` as lua(1) builds it: the script at 0, its arguments from 1.
    private var scriptArguments: LuaTable {
        var table = LuaTable(array: arguments.map { .string($0) })
        table[0] = .string(script ?? "")
        table[-1] = .string("coprod lua")
        return table
    }
}
