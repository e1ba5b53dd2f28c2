import Foundation
import Testing

@Suite("Counts in messages, written as the progress line writes them", .timeLimit(.minutes(2)))
struct CountWordingTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path

    /// 334 organisations of 3 respondents: 1,002 rows, just over a thousand, of a small
    /// framework that is quick to evaluate.
    private func sample(in directory: URL) async throws -> String {
        let sample = try await runCoprodConcurrently(["sample", "mini-audit", "--path", fixtures, "--orgs", "334", "--seed", "2"])
        #expect(sample.status == 0)
        let path = directory.appendingPathComponent("sample.csv").path
        try Data(sample.standardOutput.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The terminal report counts a framework of one indicator in the singular: "1/1 indicator
    /// answered", where it said "1/1 indicators answered".
    @Test func oneIndicatorIsCountedInTheSingular() async throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            return framework {
              id = "one", title = "One", publisher = "coprod tests",
              scale = ordinal { min = 1, max = 2, labels = { "No", "Yes" } },
              section "only" { title = "Only", statement "only.1" "The one statement." },
            }
            """.utf8).write(to: directory.appendingPathComponent("one.lua"))
        let input = directory.appendingPathComponent("one.csv")
        try Data("organisation,only.1\nA,Yes\n".utf8).write(to: input)
        let evaluated = try await runCoprodConcurrently(["evaluate", "one", input.path, "--path", directory.path])
        #expect(evaluated.status == 0, "\(evaluated.standardError)")
        #expect(evaluated.standardOutput.hasSuffix("  Overall       2        1/1 indicator answered\n"))
        // And show, under the title.
        let shown = try await runCoprodConcurrently(["show", "one", "--path", directory.path])
        #expect(shown.standardOutput.contains("\nId: one · 1 section · 1 indicator\n"), "\(shown.standardOutput)")
    }

    @Test func closingLinesGroupThousands() async throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try await sample(in: directory)

        let evaluated = try await runCoprodConcurrently(["evaluate", "mini-audit", input, "--path", fixtures, "--format", "csv"])
        #expect(evaluated.status == 0)
        #expect(evaluated.standardError == "coprod: 1,002 rows read: 1,002 evaluated for 334 organisations, 0 rejected\n")

        let out = directory.appendingPathComponent("out").path
        let batch = try await runCoprodConcurrently(["batch", "mini-audit", input, "--path", fixtures, "--out", out])
        #expect(batch.status == 0)
        #expect(batch.standardError == "coprod: 1,002 rows read: 1,002 evaluated for 334 organisations, 0 rejected; results in \(out)\n")
        // Machine-readable files keep plain numbers.
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("1002"))
        #expect(!summary.contains("1,002"))

        let merged = directory.appendingPathComponent("merged").path
        let merge = try await runCoprodConcurrently(["merge", out, "--out", merged, "--path", fixtures])
        #expect(merge.status == 0)
        #expect(merge.standardError == "coprod: merged 1 batch, 1,002 rows read: 1,002 evaluated for 334 organisations, 0 rejected; results in \(merged)\n")
    }
}
