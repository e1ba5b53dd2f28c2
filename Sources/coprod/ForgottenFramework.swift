import ArgumentParser
import CoprodCore
import Foundation

/// `coprod evaluate x.csv`: an input given where the framework goes. Taken as the framework, it
/// would leave the inputs missing, and the message would say so though one was given.
extension SandboxOptions {
    /// Throws when `framework` looks like an input rather than a framework: named as an input
    /// (.csv, .json, .jsonl) or, with no inputs after it, a file that is not a .lua one. A
    /// framework's id always counts as a framework, even when a file has that name too.
    /// `rest` is what the example of the right order adds after the inputs (batch's --out); a
    /// command that takes no inputs (show, template) has `inputs` nil.
    func checkNotAnInput(_ framework: String, command: String, inputs: [String]?, rest: [String] = []) throws {
        let ids = frameworkIDs
        if ids.contains(framework) { return }
        let lowercased = framework.lowercased()
        let namedAsInput = lowercased.hasSuffix(".csv") || InputKind(file: framework) != .csv
        var isDirectory: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: framework, isDirectory: &isDirectory) && !isDirectory.boolValue
        // A command that takes no inputs reads any file it is given as a framework, as one read
        // from a pipe (/dev/stdin) is: only a name that says input is one.
        guard namedAsInput || (inputs?.isEmpty == true && isFile && !lowercased.hasSuffix(".lua")) else { return }
        // The framework given after the input, when the two were swapped; else the one whose id
        // the file is named after, as the examples are.
        let name = URL(fileURLWithPath: framework).deletingPathExtension().lastPathComponent
        let swapped = inputs?.first(where: ids.contains)
        let meant = swapped ?? (ids.contains(name) ? name : "FRAMEWORK")
        guard let inputs else {
            throw ValidationError("\(framework) looks like an input, not a framework: give a framework, as in `coprod \(command) \(meant)` (`coprod frameworks` lists them).")
        }
        let example = (["coprod", command, meant, framework] + inputs.filter { $0 != swapped } + rest).joined(separator: " ")
        throw ValidationError("\(framework) looks like an input, not a framework: give the framework first, as in `\(example)` (`coprod frameworks` lists them).")
    }

    /// The built-in frameworks' ids and those of the .lua files in --path and COPROD_PATH.
    private var frameworkIDs: Set<String> { Set(catalog.listing.map(\.id)) }
}
