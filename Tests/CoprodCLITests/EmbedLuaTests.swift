import Foundation
import Testing

/// The build-tool plugin's generator: a Lua syntax error must fail the build with file:line.
@Suite("Embedding Lua at build time")
struct EmbedLuaTests {
    let tool = coprodExecutable.deletingLastPathComponent().appendingPathComponent("coprod-embed-lua")

    private func run(_ arguments: [String]) throws -> (Int32, String) {
        let result = try runTool(tool, arguments)
        return (result.status, result.standardError)
    }

    @Test func syntaxErrorFailsWithFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("broken.lua")
        try "return framework {\n  id = \"x\",\n  title = = \"oops\",\n}\n".write(to: bad, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.swift")
        let (status, message) = try run([output.path, "frameworks.broken=\(bad.path)"])
        #expect(status == 1)
        #expect(message == "\(bad.path):3: error: unexpected symbol near '='\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func goodFilesBecomeSwiftSource() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.lua")
        try "return \"quote \\\"\\\"\\\"# and \\\\# survive\"\n".write(to: good, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.swift")
        let (status, _) = try run([output.path, "coprod.good=\(good.path)"])
        #expect(status == 0)
        let swift = try String(contentsOf: output, encoding: .utf8)
        #expect(swift.contains("\"coprod.good\": ##\"\"\""))
    }
}
