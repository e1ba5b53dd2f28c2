import Foundation
import Testing

/// What one run of the real `coprod` binary did.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// The `coprod` executable built beside the test bundle.
let coprodExecutable: URL = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // On Linux the test runner sits in the products directory; on macOS inside an .xctest bundle.
    while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("coprod").path) {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("coprod")
}()

/// The package's root, for commands that read its example files.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs `coprod` with `arguments` from the package root and waits for it; after `timeout`
/// seconds, if given, it is killed (and its status is that of the signal, 9). With
/// `mergingStandardError`, standard error goes into the same pipe as standard output, as with
/// `> log 2>&1`, and `standardError` is empty.
func runCoprod(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
               timeout: TimeInterval? = nil, mergingStandardError: Bool = false) throws -> CommandResult {
    let process = Process()
    process.executableURL = coprodExecutable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var merged = ProcessInfo.processInfo.environment
    merged.removeValue(forKey: "COPROD_PATH")
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe(), error = Pipe(), standardInput = Pipe()
    process.standardOutput = output
    process.standardError = mergingStandardError ? output : error
    process.standardInput = standardInput
    try process.run()
    // SIGKILL: a child started from a test's thread may have SIGTERM blocked.
    let stop = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: stop) }
    defer { stop.cancel() }
    if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
    try standardInput.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a full pipe never blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
        if !mergingStandardError { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outputData, as: UTF8.self),
                         standardError: String(decoding: errorData, as: UTF8.self))
}

/// Runs another program the tests need (one of the package's tools, or `lua5.4` through
/// `/usr/bin/env`) with no input, and waits for it; its standard output is not kept.
func runTool(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let error = Pipe()
    process.standardError = error
    try process.run()
    let data = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, standardOutput: "", standardError: String(decoding: data, as: UTF8.self))
}

/// A new empty directory under the system's temporary one, for a test's inputs and outputs.
func newTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-test-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// `runCoprod` on a thread of its own, for a test that awaits it: the test runner has a thread
/// per core, and a test waiting for coprod on one of them keeps every other test off it, which on
/// a small machine pushes tests waiting their turn past their time limits.
func runCoprodConcurrently(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                           mergingStandardError: Bool = false) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result {
                try runCoprod(arguments, environment: environment, input: input, mergingStandardError: mergingStandardError)
            })
        }
    }
}
