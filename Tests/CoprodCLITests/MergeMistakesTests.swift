import Foundation
import Testing

@Suite("coprod merge: exit status, closing line, and shards given wrongly", .timeLimit(.minutes(2)))
struct MergeMistakesTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
    let header = "organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect\n"

    /// Runs a batch over `rows` into `work/name`: its path, and what the batch did.
    private func shard(_ name: String, _ rows: String, in work: URL, _ options: [String] = []) async throws -> (String, CommandResult) {
        let input = work.appendingPathComponent("\(name).csv")
        try Data((header + rows).utf8).write(to: input)
        let out = work.appendingPathComponent(name).path
        let batch = try await runCoprodConcurrently(["batch", "mini-audit", input.path, "--path", fixtures, "--out", out, "--jobs", "1"] + options)
        return (out, batch)
    }

    /// A merged set with a rejected row exits 1, as the batch that rejected it did; its closing
    /// line has the batch's form, with where the results are.
    @Test func rejectedRowsMakeTheMergeExitOne() async throws {
        let work = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (rj, rejecting) = try await shard("RJ", "Org r,staff,1,2,3,4,5,1,\nOrg x,staff,9,2,3,4,5,1,\n", in: work)
        #expect(rejecting.status == 1)
        #expect(rejecting.standardError == "coprod: 2 rows read: 1 evaluated for 1 organisation, 1 rejected; results in \(rj)\n")
        let (a, clean) = try await shard("A", "Org a,staff,1,2,3,4,5,1,\n", in: work, ["--quiet"])
        #expect(clean.status == 0, "\(clean.standardError)")

        let mr = work.appendingPathComponent("MR")
        let merged = try await runCoprodConcurrently(["merge", rj, a, "--out", mr.path, "--path", fixtures])
        #expect(merged.status == 1)
        #expect(merged.standardError == "coprod: merged 2 batches, 3 rows read: 2 evaluated for 2 organisations, 1 rejected; results in \(mr.path)\n")
        // Only RJ rejected a row, so the merged rejected.csv is RJ's.
        let rejected = try String(contentsOf: mr.appendingPathComponent("rejected.csv"), encoding: .utf8)
        #expect(rejected == (try String(contentsOfFile: rj + "/rejected.csv", encoding: .utf8)))
        #expect(rejected.split(separator: "\n").count == 2)

        let one = work.appendingPathComponent("M1").path
        let alone = try await runCoprodConcurrently(["merge", rj, "--out", one, "--path", fixtures])
        #expect(alone.status == 1)
        #expect(alone.standardError == "coprod: merged 1 batch, 2 rows read: 1 evaluated for 1 organisation, 1 rejected; results in \(one)\n")

        let none = work.appendingPathComponent("M0").path
        let evaluated = try await runCoprodConcurrently(["merge", a, "--out", none, "--path", fixtures])
        #expect(evaluated.status == 0)
        #expect(evaluated.standardError == "coprod: merged 1 batch, 1 row read: 1 evaluated for 1 organisation, 0 rejected; results in \(none)\n")
    }

    /// A mistyped shard is said not to exist, and a file given for a shard's folder is named as
    /// a file, with the folder holding it when that is a batch's.
    @Test func aMissingShardOrAFileIsNamedAsSuch() async throws {
        let work = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (a, batch) = try await shard("A", "Org a,staff,1,2,3,4,5,1,\n", in: work, ["--quiet"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let out = work.appendingPathComponent("M").path

        let missing = work.appendingPathComponent("missingdir").path
        let lost = try await runCoprodConcurrently(["merge", missing, a, "--out", out, "--path", fixtures])
        #expect(lost.status == 2)
        #expect(lost.standardError == "coprod: \(missing) does not exist: give each batch's output folder (its --out)\n")

        let results = a + "/results.jsonl"
        let file = try await runCoprodConcurrently(["merge", results, "--out", out, "--path", fixtures])
        #expect(file.status == 2)
        #expect(file.standardError == "coprod: \(results) is a file: give the batch's output folder, \(a), which holds it\n")

        // The batch's input: its folder is not a batch's, so none is offered.
        let input = work.appendingPathComponent("A.csv").path
        let other = try await runCoprodConcurrently(["merge", a, input, "--out", out, "--path", fixtures])
        #expect(other.status == 2)
        #expect(other.standardError == "coprod: \(input) is a file: give each batch's output folder (its --out)\n")
        // A file of that name in a folder no batch made: no folder is offered.
        let loose = work.appendingPathComponent("loose")
        try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
        let stray = loose.appendingPathComponent("results.jsonl").path
        try Data().write(to: URL(fileURLWithPath: stray))
        let strayMerge = try await runCoprodConcurrently(["merge", stray, "--out", out, "--path", fixtures])
        #expect(strayMerge.standardError == "coprod: \(stray) is a file: give each batch's output folder (its --out)\n")

        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Shards with md reports and html reports would merge into a reports/ of both, which no
    /// batch makes: refused before anything is written, whatever shard without reports is between.
    @Test func shardsWithReportsInTwoFormatsAreRefused() async throws {
        let work = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (md, first) = try await shard("MD", "Org m,staff,1,2,3,4,5,1,\n", in: work, ["--quiet", "--reports", "md"])
        let (a, second) = try await shard("A", "Org a,staff,1,2,3,4,5,1,\n", in: work, ["--quiet"])
        let (ht, third) = try await shard("HT", "Org h,staff,1,2,3,4,5,1,\n", in: work, ["--quiet", "--reports", "html"])
        #expect([first.status, second.status, third.status] == [0, 0, 0])
        let out = work.appendingPathComponent("MX").path
        let mixed = try await runCoprodConcurrently(["merge", md, a, ht, "--out", out, "--path", fixtures])
        #expect(mixed.status == 2)
        #expect(mixed.standardError == "coprod: \(ht) has html reports (--reports html), and \(md) md reports (--reports md): "
            + "make every shard with the same --reports\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        // The same order reversed names them the other way round.
        let reversed = try await runCoprodConcurrently(["merge", ht, md, "--out", out, "--path", fixtures])
        #expect(reversed.status == 2)
        #expect(reversed.standardError == "coprod: \(md) has md reports (--reports md), and \(ht) html reports (--reports html): "
            + "make every shard with the same --reports\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
