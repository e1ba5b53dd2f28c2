import Foundation
import Testing

@Suite("coprod merge of shards with and without reports", .timeLimit(.minutes(2)))
struct MergeReportsTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
    let header = "organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect\n"

    /// Shard a made with --reports md, shard b without: b is named, and a's report is merged.
    @Test func aShardWithoutReportsIsNamed() async throws {
        let work = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var shards: [String] = []
        for (name, reports) in [("a", ["--reports", "md"]), ("b", [])] {
            let input = work.appendingPathComponent("\(name).csv")
            try Data((header + "Org \(name),staff,1,2,3,4,5,1,\n").utf8).write(to: input)
            let out = work.appendingPathComponent(name).path
            let batch = try await runCoprodConcurrently(["batch", "mini-audit", input.path, "--path", fixtures, "--out", out, "--quiet", "--jobs", "1"] + reports)
            #expect(batch.status == 0, "\(batch.standardError)")
            shards.append(out)
        }
        let (a, b) = (shards[0], shards[1])
        let merged = work.appendingPathComponent("merged")
        let result = try await runCoprodConcurrently(["merge", a, b, "--out", merged.path, "--path", fixtures])
        #expect(result.status == 0)
        #expect(result.standardError == """
            coprod: warning: \(b) has no reports (made without --reports, unlike \(a)), so the merged reports/ has none for its organisations: make every shard with the same --reports
            coprod: merged 2 batches, 2 rows read: 2 evaluated for 2 organisations, 0 rejected; results in \(merged.path)

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.appendingPathComponent("reports").path) == ["Org-a.md"])
    }
}
