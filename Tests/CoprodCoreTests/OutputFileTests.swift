import CoprodIO
import Foundation
import Testing

@Suite("Writing results files through an aligned buffer")
struct OutputFileTests {
    /// Bytes that differ from place to place, so that a block written twice, or out of place,
    /// shows.
    private func bytes(_ count: Int) -> [UInt8] {
        var state: UInt32 = 12345
        return (0..<count).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
    }

    /// Where two byte lists first differ: nil if they are the same (a failure then names an
    /// offset rather than printing megabytes).
    private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if a == b { return nil }
        if let index = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { return index }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    /// Writes `total` bytes in pieces of uneven sizes up to `piece`, then reads the file back.
    private func roundTrip(_ total: Int, piece: Int, cachedBytes: Int, in directory: URL) throws -> (written: [UInt8], read: [UInt8]) {
        let url = directory.appendingPathComponent("output-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let written = bytes(total)
        let file = try OutputFile(path: url.path, cachedBytes: cachedBytes)
        var start = 0
        var size = 1
        while start < total {
            let end = min(total, start + size)
            try file.write(written[start..<end])
            start = end
            size = size * 7 % piece + 1
        }
        try file.close()
        return (written, Array(try Data(contentsOf: url)))
    }

    /// Nothing, less than a block, one block, the whole buffer, and several buffers with a
    /// tail that is not a whole block; all through the cache, all but the tail past it (on the
    /// temporary directory's disk), and switching to that after the first buffer.
    @Test("the file holds exactly what was written",
          arguments: [0, 100, 4096, 4 << 20, (13 << 20) + 4097], [0, 5 << 20, 64 << 20])
    func exactly(_ total: Int, cachedBytes: Int) throws {
        let (written, read) = try roundTrip(total, piece: 300_000, cachedBytes: cachedBytes,
                                            in: FileManager.default.temporaryDirectory)
        #expect(read.count == total)
        #expect(firstDifference(read, written) == nil)
    }

    /// Memory file systems are no disk: the file is written through the cache.
    @Test func onAMemoryFileSystem() throws {
        var isDirectory: ObjCBool = false
        let shm = URL(fileURLWithPath: "/dev/shm")
        guard FileManager.default.fileExists(atPath: shm.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let (written, read) = try roundTrip((5 << 20) + 1, piece: 70_000, cachedBytes: 0, in: shm)
        #expect(firstDifference(read, written) == nil)
    }

    @Test func errorsNameTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID())/results.jsonl").path
        #expect(throws: InputError("cannot write \(path): No such file or directory")) { try OutputFile(path: path) }

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("closed-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try OutputFile(path: url.path)
        try file.write(Array("a,b\n".utf8)[...])
        try file.close()
        #expect(throws: InputError("\(url.path) was already closed")) { try file.write([1][...]) }
        #expect(try Data(contentsOf: url) == Data("a,b\n".utf8))
    }

    @Test func aSmallFileIsWrittenAtOnce() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("whole-\(UUID()).md")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("an older, longer text".utf8).write(to: url)
        try OutputFile.write(Array("# Report\n".utf8), toNewFile: url.path)
        #expect(try Data(contentsOf: url) == Data("# Report\n".utf8))
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID())/report.md").path
        #expect(throws: InputError("cannot write \(missing): No such file or directory")) {
            try OutputFile.write([1], toNewFile: missing)
        }
    }

    /// The disk is written by a thread of the file's own: an error it meets (here a full device)
    /// still reaches the caller, from a later write or from close, naming the file, and nothing
    /// waits for ever.
    @Test func anErrorOnTheWritingThreadIsReported() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let file = try OutputFile(path: "/dev/full", cachedBytes: 0)
        let piece = bytes(1 << 20)[...]
        var error: InputError?
        do {
            // Far more than the buffers hold, so that the writing thread has failed before the end.
            for _ in 0..<32 { try file.write(piece) }
            try file.close()
        } catch let thrown {
            error = thrown
            try? file.close()
        }
        #expect(error == InputError("cannot write /dev/full: No space left on device"))
    }
}
