import CEditLine
import Foundation
import LuaHost

/// Line editing, history and Tab completion through libedit, for a REPL on a terminal.
enum Terminal {
    /// The session Tab completion asks; the REPL is single-threaded and libedit's callback takes
    /// no context, so it is kept here.
    nonisolated(unsafe) static var completer: ((String) -> [String])?

    static var historyPath: String {
        (ProcessInfo.processInfo.environment["HOME"] ?? ".") + "/.coprod_history"
    }

    static func start() {
        coprod_set_completer { text, start, end in
            guard let completer = Terminal.completer, let buffer = coprod_line_buffer() else { return nil }
            let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(end)), as: UTF8.self)
            let candidates = completer(line)
            guard !candidates.isEmpty else { return nil }
            var pointers = candidates.map { strdup($0) }
            defer { pointers.forEach { free($0) } }
            pointers.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
                    coprod_completion_set(rebound.baseAddress, Int32(rebound.count))
                }
            }
            return coprod_completion_matches(text)
        }
        using_history()
        stifle_history(1000)
        _ = read_history(historyPath)
    }

    /// A line, nil at end of input; `interrupted` is true when Ctrl-C ended the wait.
    static func readLine(prompt: String) -> (line: String?, interrupted: Bool) {
        guard let raw = readline(prompt) else {
            return (nil, LuaState.takeControlC())
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(line)
            _ = append_history(1, historyPath)
        }
        _ = LuaState.takeControlC()
        return (line, false)
    }

    static func finish() {
        _ = write_history(historyPath)
    }
}
