import ArgumentParser
import CoprodCore
import Foundation
import LuaHost

/// `coprod repl`: an interactive Lua session with the framework and results loaded.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Explore a framework and its results in an interactive Lua session.",
        discussion: """
            With a FRAMEWORK the session has `framework`; with INPUTs also `results`, a collection \
            to filter, sort, group, summarise, compare by role and write out (:help api). With \
            standard input not a terminal, lines are read and run without prompts, so a session \
            can be scripted: coprod repl involvement-audit input.csv < questions.lua. A piped \
            session exits 1 if any line failed.
            """
    )

    @Argument(help: "A framework id or a path to a .lua file.")
    var framework: String?

    @Argument(help: "Assessment files to evaluate at the start.")
    var inputs: [String] = []

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        if let framework { try sandbox.checkNotAnInput(framework, command: "repl", inputs: inputs) }
    }

    func run() throws {
        let interactive = isatty(0) != 0
        let session: ReplSession
        do {
            session = try ReplSession(
                catalog: sandbox.catalog, limits: sandbox.limits, framework: framework, inputs: inputs, numbersLines: !interactive,
                write: { Output.write($0) },
                report: { message in
                    Diagnostics.standardError(message.hasSuffix("\n") ? String(message.dropLast()) : message)
                })
        } catch {
            Diagnostics.standardError("coprod: \(error.located)")
            throw ExitCode.usage
        }
        if interactive { try runInteractive(session) } else { try runPiped(session) }
    }

    private func runPiped(_ session: ReplSession) throws {
        while let line = Swift.readLine(strippingNewline: true) {
            if case .quit = session.handle(line) { break }
            LuaState.flushStandardOutput()
        }
        if session.isContinuing {
            Diagnostics.standardError("coprod: the input ended inside an unfinished chunk")
            throw ExitCode.scriptFailed
        }
        if session.failed { throw ExitCode.scriptFailed }
    }

    private func runInteractive(_ session: ReplSession) throws {
        Output.write(session.banner)
        LuaState.flushStandardOutput()
        Terminal.completer = { session.completions(for: $0) }
        Terminal.start()
        defer { Terminal.finish() }
        session.state.interruptOnControlC()
        var interruptsAtEmptyPrompt = 0
        while true {
            let (line, interrupted) = Terminal.readLine(prompt: session.isContinuing ? ">> " : "> ")
            if interrupted {
                if session.isContinuing {
                    session.discardPending()
                    Output.write("\n")
                    continue
                }
                interruptsAtEmptyPrompt += 1
                if interruptsAtEmptyPrompt >= 2 { break }
                Output.write("\n(Ctrl-C again, Ctrl-D or :quit to leave)\n")
                LuaState.flushStandardOutput()
                continue
            }
            guard let line else {
                Output.write("\n")
                break
            }
            interruptsAtEmptyPrompt = 0
            if case .quit = session.handle(line) { break }
            LuaState.flushStandardOutput()
        }
    }
}
