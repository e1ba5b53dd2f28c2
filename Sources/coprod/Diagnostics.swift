import Foundation
import LuaHost

/// How the command line reports problems: the library records where, this prints it.
enum Diagnostics {
    /// Writes a line to standard error, after what is waiting in standard output's buffer: with
    /// both sent to one file (`> log 2>&1`) the line then lands where it happened, not inside
    /// the report.
    static func standardError(_ text: String) {
        LuaState.flushStandardOutput()
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `chunk:line: message`, then the traceback indented, as lua(1) prints it.
    static func report(_ error: LuaError, traceback: Bool = true) {
        var text = "coprod: " + error.locatedWithRemedy
        if traceback, !error.traceback.isEmpty {
            text += "\nstack traceback:\n" + error.traceback.map { "\t" + $0 }.joined(separator: "\n")
        }
        standardError(text)
    }
}

extension LuaError {
    /// `located`, and for a limit reached the option that raises it, so that the user can act
    /// on it at once.
    var locatedWithRemedy: String {
        switch kind {
        case .limit(.memory): located + " (raise it with --memory-limit)"
        case .limit(.instructions): located + " (raise it with --instruction-limit)"
        default: located
        }
    }
}
