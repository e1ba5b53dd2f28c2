import Foundation
import Testing

@Suite("coprod merge of shards with and without reports", .timeLimit(.minutes(1)))
struct MergeReportsTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
    let header = "organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect\n"

    /// Shards a, b and c of one organisation each; a made with --reports md, b and c without.
    private func shards(in work: URL) throws -> (a: String, b: String, c: String) {
        var made: [String] = []
        for (name, reports) in [("a", true), ("b", false), ("c", false)] {
            let input = work.appendingPathComponent("\(name).csv")
            try Data((header + "Org \(name),staff,1,2,3,4,5,1,\n").utf8).write(to: input)
            let out = work.appendingPathComponent(name).path
            let batch = try runCoprod(["batch", "mini-audit", input.path, "--path", fixtures, "--out", out, "--quiet", "--jobs", "1"]
                                      + (reports ? ["--reports", "md"] : []))
            #expect(batch.status == 0, "\(batch.standardError)")
            made.append(out)
        }
        return (made[0], made[1], made[2])
    }

    @Test func shardsWithoutReportsAreNamed() throws {
        let work = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (a, b, c) = try shards(in: work)

        let one = try runCoprod(["merge", a, b, "--out", work.appendingPathComponent("ab").path, "--path", fixtures])
        #expect(one.status == 0)
        #expect(one.standardError == """
            coprod: warning: \(b) has no reports (made without --reports, unlike \(a)), so the merged reports/ has none for its organisations: make every shard with the same --reports
            coprod: merged 2 batches: 2 organisations, 2 rows read, 0 rejected

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("ab/reports").path) == ["Org-a.md"])

        let two = try runCoprod(["merge", b, a, c, "--out", work.appendingPathComponent("bac").path, "--path", fixtures])
        #expect(two.status == 0)
        #expect(two.standardError == """
            coprod: warning: \(b), \(c) have no reports (made without --reports, unlike \(a)), so the merged reports/ has none for their organisations: make every shard with the same --reports
            coprod: merged 3 batches: 3 organisations, 3 rows read, 0 rejected

            """)
    }
}
