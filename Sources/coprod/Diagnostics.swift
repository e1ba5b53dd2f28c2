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

    /// Where a framework's own `print` goes in commands whose standard output is their results
    /// (a template, a report, JSON): a line printed while debugging a rule must not land inside
    /// them. Scripts run by `coprod lua` and the REPL print to standard output, as lua(1) does.
    static func frameworkPrint(_ line: [UInt8]) {
        FileHandle.standardError.write(Data(line))
    }

    /// `chunk:line: message`, then the traceback indented, as lua(1) prints it.
    static func report(_ error: LuaError, traceback: Bool = true) {
        var text = "coprod: " + error.located
        if traceback, !error.traceback.isEmpty {
            text += "\nstack traceback:\n" + error.traceback.map { "\t" + $0 }.joined(separator: "\n")
        }
        standardError(text)
    }
}
