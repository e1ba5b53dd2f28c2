import Foundation
import LuaHost

/// How the command line reports problems: the library records where, this prints it.
enum Diagnostics {
    static func standardError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
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
