import CoprodCore
import CoprodReports
import Foundation
import LuaHost

/// One REPL session: a sandboxed state with the exploring API, the framework and results loaded,
/// and the handling of each line (Lua chunks, possibly over several lines, and `:` commands).
final class ReplSession {
    enum LineResult {
        /// The chunk is incomplete: read another line.
        case more
        case done
        case quit
    }

    let catalog: FrameworkCatalog
    let limits: LuaLimits
    let framework: String?
    let inputs: [String]
    private(set) var state: LuaState
    private var pending: [String] = []
    /// Piped input is a script: an error names its line in the whole input, as `lua < file`
    /// would, not its line in the chunk (every chunk would be `stdin:1`). Typed, a chunk is
    /// its own text, as in lua(1).
    private let numbersLines: Bool
    /// Lines handled so far, commands and blank lines included; and where the pending chunk began.
    private var linesRead = 0
    private var chunkStart = 1
    private let write: (String) -> Void
    private let report: (String) -> Void
    /// Whether any chunk or command failed (a piped session exits 1 then).
    private(set) var failed = false

    /// `write` receives normal output, `report` errors; `numbersLines` for piped input.
    init(catalog: FrameworkCatalog, limits: LuaLimits, framework: String?, inputs: [String], numbersLines: Bool = false,
         write: @escaping (String) -> Void, report: @escaping (String) -> Void) throws(LuaError) {
        self.catalog = catalog
        self.numbersLines = numbersLines
        self.limits = limits
        self.framework = framework
        self.inputs = inputs
        self.write = write
        self.report = report
        state = try ReplSession.makeState(catalog: catalog, limits: limits)
        try start()
    }

    private static func makeState(catalog: FrameworkCatalog, limits: LuaLimits) throws(LuaError) -> LuaState {
        let state = try LuaState(limits: limits, searchPath: catalog.searchPath)
        try ExploreAPI.install(in: state, catalog: catalog)
        try state.run(replPrelude, chunkName: "=(coprod repl)")
        return state
    }

    /// Loads the framework and inputs given on the command line, as globals.
    private func start() throws(LuaError) {
        guard let framework else { return }
        try state.setGlobal("FRAMEWORK_ID", .string(framework))
        try state.setGlobal("INPUT_FILES", .table(LuaTable(array: inputs.map(LuaValue.string))))
        // Called through pcall, the API puts no line in front of a failure (the line it would
        // name is pcall's, which has none): the framework and files were given on the command
        // line, not typed.
        try state.run("""
            local ok, loaded = pcall(coprod.framework, FRAMEWORK_ID)
            if not ok then error(loaded, 0) end
            framework = loaded
            if #INPUT_FILES > 0 then
              ok, loaded = pcall(coprod.evaluate, framework, table.unpack(INPUT_FILES))
              if not ok then error(loaded, 0) end
              results = loaded
            end
            FRAMEWORK_ID, INPUT_FILES = nil, nil
            """, chunkName: "=(startup)")
    }

    /// What a session starting on a terminal says first.
    var banner: String {
        var lines = ["coprod \(Coprod.version) — Lua 5.4 in coprod's sandbox. :help for help, :quit or Ctrl-D to leave."]
        if let summary = try? state.run("""
            local parts = {}
            if framework then parts[#parts + 1] = "framework = " .. framework.id .. " (" .. framework.title .. ")" end
            if results then parts[#parts + 1] = "results = " .. tostring(results) end
            return table.concat(parts, "\\n")
            """).first?.stringValue, !summary.isEmpty {
            lines.append(summary)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var isContinuing: Bool { !pending.isEmpty }

    /// Forgets a chunk that was being continued (Ctrl-C at a continuation prompt).
    func discardPending() { pending.removeAll() }

    func handle(_ line: String) -> LineResult {
        linesRead += 1
        if pending.isEmpty, line.hasPrefix(":") { return command(line) }
        if pending.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { return .done }
        if pending.isEmpty { chunkStart = numbersLines ? linesRead : 1 }
        pending.append(line)
        let code = pending.joined(separator: "\n")
        do {
            let outcome = try state.run("return coprod._repl(...)", chunkName: "=(coprod repl)",
                                        arguments: [.string(code), .string("=stdin"), .integer(Int64(chunkStart))])
            if outcome.first == "incomplete" { return .more }
        } catch {
            failed = true
            report(error.kind == .limit(.interrupted) ? "interrupted\n" : error.located + "\n")
        }
        pending.removeAll()
        return .done
    }

    private func command(_ line: String) -> LineResult {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "quit", "q", "exit":
            return .quit
        case "help", "h", "?":
            write(ReplHelp.text(topic: argument))
        case "load":
            guard !argument.isEmpty else { return fail(":load needs a file: :load FILE") }
            do { try state.runFile(argument) } catch { return fail(error.located) }
        case "frameworks":
            listFrameworks()
        case "show":
            guard !argument.isEmpty else { return fail(":show needs a framework id: :show involvement-audit") }
            do { write(FrameworkDocument.text(try catalog.load(argument, in: state))) } catch { return fail(error.description) }
        case "reset":
            do {
                state = try ReplSession.makeState(catalog: catalog, limits: limits)
                state.interruptOnControlC()
                try start()
                write("a fresh session\n")
            } catch {
                return fail(error.located)
            }
        default:
            return fail("unknown command :\(name) (commands: :help, :load, :frameworks, :show, :reset, :quit)")
        }
        return .done
    }

    /// Every framework `:show` and `coprod.framework` can load, as `coprod frameworks` lists them
    /// (with `--path` first), each loaded in a state of its own so the session's is left as it
    /// was; one that cannot be loaded is named with why (its file and line).
    private func listFrameworks() {
        for listed in catalog.listing {
            do {
                let framework = try catalog.load(listed.reference, in: try catalog.makeState(limits: limits))
                write("\(listed.id)\t\(counted(framework.sections.count, "section")), \(counted(framework.indicators.count, "indicator"))\t\(framework.title)\t\(listed.from)\n")
            } catch {
                _ = fail("\(listed.id) cannot be loaded: \(error)")
            }
        }
    }

    private func fail(_ message: String) -> LineResult {
        failed = true
        report(message + "\n")
        return .done
    }

    /// Tab completions for the text before the cursor; runs no user code.
    func completions(for line: String) -> [String] {
        let found = try? state.run("return require('coprod.complete').candidates(..., _G)", arguments: [.string(line)])
        return found?.first?.tableValue?.sequence.compactMap(\.stringValue) ?? []
    }

    /// Runs a chunk as the REPL does: an expression prints its values; a statement runs.
    static let replPrelude = """
        local inspect = require "coprod.inspect"
        function coprod._show(...)
          local count = select("#", ...)
          if count == 0 then return end
          local parts = {}
          for index = 1, count do parts[index] = inspect.text((select(index, ...))) end
          print(table.concat(parts, "\\t"))
        end
        function coprod._repl(code, name, first_line)
          -- Lua counts a chunk's lines from 1 and cannot be told otherwise: line ends in front
          -- make the chunk's line numbers those of its lines in the input. The lexer reads each
          -- of them, so the forms are tried without them, and only the one run (or the message
          -- given) is compiled with them.
          local lead = ("\\n"):rep(first_line - 1)
          local function placed(text, compiled)
            if first_line == 1 then return compiled end
            return load(lead .. text, name)
          end
          -- An expression is shown as the arguments of a call, not after "return": a call there
          -- would be a tail call, and an error raised for its caller would then name this
          -- function's line instead of the one typed. The line end keeps a comment closed.
          local shown = "coprod._show(" .. code .. "\\n)"
          local as_shown = load(shown, name)
          if as_shown then
            placed(shown, as_shown)()
            return "done"
          end
          -- "return 1;" and statements. A chunk is unfinished when the parser ran out of text
          -- (its message ends at <eof>) as an expression or as statements: "1 +" as statements
          -- fails at once ("unexpected symbol near '1'"), so the expression's message counts too.
          local text = "return " .. code
          local chunk, as_expression = load(text, name)
          if not chunk then
            local message
            text = code
            chunk, message = load(text, name)
            if not chunk then
              if message:sub(-5) == "<eof>" or as_expression:sub(-5) == "<eof>" then return "incomplete" end
              local _, message_placed = placed(text, nil)
              error(message_placed or message, 0)
            end
          end
          chunk = placed(text, chunk)
          coprod._show(chunk())
          return "done"
        end
        """
}
