import CoprodIO
import Foundation
import Testing

@Suite("Reading a file's lines a block at a time")
struct LineReaderTests {
    /// "a\r\n" starts at 0, "" at 3, "bcd" at 4, "  " at 8, "ef" (no line end) at 11.
    let text = "a\r\n\nbcd\n  \nef"

    private func lines(_ reader: inout LineReader) -> [(String, Int, Int, Bool)] {
        var lines: [(String, Int, Int, Bool)] = []
        while let line = reader.nextLine() {
            lines.append((String(decoding: line.bytes, as: UTF8.self), line.number, line.offset, line.isBlank))
        }
        return lines
    }

    @Test(arguments: [1, 2, 3, 1 << 20])
    func linesAreNumberedAndPlacedWhateverTheBlockSize(blockSize: Int) throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(LineReader(path: path, blockSize: blockSize))
        let read = lines(&reader)
        #expect(read.map(\.0) == ["a\r", "", "bcd", "  ", "ef"])
        #expect(read.map(\.1) == [1, 2, 3, 4, 5])
        #expect(read.map(\.2) == [0, 3, 4, 8, 11])
        #expect(read.map(\.3) == [false, true, false, true, false])
        #expect(reader.next.offset == 13)
        #expect(reader.readFailure == nil)
    }

    @Test func aPartOfTheFileKeepsTheWholeFilesNumbers() throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(LineReader(path: path, range: 4..<11, firstLine: 3, blockSize: 2))
        let read = lines(&reader)
        #expect(read.map(\.0) == ["bcd", "  "])
        #expect(read.map(\.1) == [3, 4])
        #expect(read.map(\.2) == [4, 8])
        #expect(reader.next == (offset: 11, number: 5))
    }

    @Test func anEmptyFileHasNoLinesAndAMissingOneCannotBeOpened() throws {
        let path = try temporaryFile("")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(LineReader(path: path))
        #expect(reader.nextLine() == nil)
        #expect(LineReader(path: path + "-missing") == nil)
    }

    @Test func aReadErrorIsReported() throws {
        let directory = FileManager.default.temporaryDirectory.path
        var reader = try #require(LineReader(path: directory))
        #expect(reader.nextLine() == nil)
        #expect(reader.readFailure == "Is a directory")
    }
}
