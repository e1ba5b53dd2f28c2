import Foundation
import Testing

/// The benchmark times `coprod batch` against plain `lua5.4` scripts that must write the same
/// JSON lines; when coprod's results change and a script does not, the benchmark compares
/// different work. These hold the scripts to coprod on sample inputs, as `Benchmarks/run` does.
@Suite("the benchmark's plain-Lua baselines write what coprod batch writes", .timeLimit(.minutes(2)))
struct BenchmarkBaselineTests {
    /// Runs `lua5.4 Benchmarks/SCRIPT INPUT OUTPUT` from the package root.
    private func runPlainLua(_ script: String, input: String, output: String) throws -> CommandResult {
        try runTool(URL(fileURLWithPath: "/usr/bin/env"), ["lua5.4", "Benchmarks/\(script)", input, output], in: packageRoot)
    }

    /// Both write every organisation's line byte for byte alike, on 400 sample organisations;
    /// `warning` is a text some lines must hold, so that the sample reaches what the script words itself.
    @Test(arguments: [("involvement-audit", "audit-plain.lua", "indicators have no answer: "),
                      ("quality-standards", "quality-plain.lua", " declared, but the evidence supports ")])
    func baselineWritesCoprodsLines(framework: String, script: String, warning: String) throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("sample.csv").path
        let sample = try runCoprod(["sample", framework, "--orgs", "400", "--respondents", "1", "--seed", "5"])
        #expect(sample.status == 0, "\(sample.standardError)")
        try Data(sample.standardOutput.utf8).write(to: URL(fileURLWithPath: input))

        let plainOutput = directory.appendingPathComponent("plain.jsonl").path
        let plain = try runPlainLua(script, input: input, output: plainOutput)
        try #require(plain.status != 127, "lua5.4 is not installed: scripts/setup installs it")
        try #require(plain.status == 0, "\(plain.standardError)")

        let out = directory.appendingPathComponent("out").path
        let batch = try runCoprod(["batch", framework, input, "--out", out, "--quiet"])
        #expect(batch.status == 0, "\(batch.standardError)")

        let expected = try String(contentsOfFile: "\(out)/results.jsonl", encoding: .utf8).split(separator: "\n")
        let written = try String(contentsOfFile: plainOutput, encoding: .utf8).split(separator: "\n")
        #expect(expected.count == 400)
        #expect(written.count == expected.count)
        let first = zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(first == nil, "organisation \((first ?? 0) + 1) differs:\n  plain  \(first.map { written[$0] } ?? "")\n  coprod \(first.map { expected[$0] } ?? "")")
        #expect(expected.contains { $0.contains(warning) })
    }
}
