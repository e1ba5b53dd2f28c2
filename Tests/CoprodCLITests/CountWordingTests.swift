import Foundation
import Testing

@Suite("Counts in messages, written as the progress line writes them", .timeLimit(.minutes(1)))
struct CountWordingTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path

    /// 400 organisations of 3 respondents: 1,200 rows, over a thousand, of a small framework
    /// that is quick to evaluate.
    private func sample(in directory: URL) throws -> String {
        let sample = try runCoprod(["sample", "mini-audit", "--path", fixtures, "--orgs", "400", "--seed", "2"])
        #expect(sample.status == 0)
        let path = directory.appendingPathComponent("sample.csv").path
        try Data(sample.standardOutput.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func closingLinesGroupThousands() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try sample(in: directory)

        let evaluated = try runCoprod(["evaluate", "mini-audit", input, "--path", fixtures, "--format", "csv"])
        #expect(evaluated.status == 0)
        #expect(evaluated.standardError == "coprod: 1,200 rows read: 1,200 evaluated for 400 organisations, 0 rejected\n")

        let out = directory.appendingPathComponent("out").path
        let batch = try runCoprod(["batch", "mini-audit", input, "--path", fixtures, "--out", out])
        #expect(batch.status == 0)
        #expect(batch.standardError == "coprod: 1,200 rows read: 1,200 evaluated for 400 organisations, 0 rejected; results in \(out)\n")
        // Machine-readable files keep plain numbers.
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("1200"))
        #expect(!summary.contains("1,200"))

        let merged = directory.appendingPathComponent("merged").path
        let merge = try runCoprod(["merge", out, "--out", merged, "--path", fixtures])
        #expect(merge.status == 0)
        #expect(merge.standardError == "coprod: merged 1 batch: 400 organisations, 1,200 rows read, 0 rejected\n")
    }
}
