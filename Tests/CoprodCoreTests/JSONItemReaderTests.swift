import CoprodIO
import Foundation
import Testing

@Suite("Finding the items of a JSON array a block at a time")
struct JSONItemReaderTests {
    /// A byte-order mark (bytes 0-2), "[" at 3, the first item at 5-17 followed by a space,
    /// the comma at 19, the second item at 21-37, the third ("7") at 40, "]" at 42.
    let text = "\u{FEFF}[ {\"a\": \"x,]}\"} ,\n{\"b\":[1,{\"c\":2}]}, 7 ]\n"

    private func items(_ reader: inout JSONItemReader) -> [(String, Int, Int)] {
        var items: [(String, Int, Int)] = []
        while let item = reader.nextItem() {
            items.append((String(decoding: item.bytes, as: UTF8.self), item.number, item.offset))
        }
        return items
    }

    @Test(arguments: [1, 2, 3, 1 << 20])
    func itemsAreFoundWhateverTheBlockSize(blockSize: Int) throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(JSONItemReader(path: path, blockSize: blockSize))
        let found = items(&reader)
        #expect(found.map(\.0) == ["{\"a\": \"x,]}\"} ", "{\"b\":[1,{\"c\":2}]}", "7 "])
        #expect(found.map(\.1) == [1, 2, 3])
        #expect(found.map(\.2) == [5, 21, 40])
        #expect(reader.next.offset == 44)
        #expect(reader.problem == nil)
        #expect(reader.readFailure == nil)
    }

    @Test func aPartOfTheArrayKeepsTheWholeArraysNumbers() throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(JSONItemReader(path: path, range: 21..<40, firstItem: 2, blockSize: 4))
        let found = items(&reader)
        #expect(found.map(\.0) == ["{\"b\":[1,{\"c\":2}]}"])
        #expect(found.map(\.1) == [2])
        #expect(reader.next == (offset: 40, number: 3))
    }

    @Test func escapedQuotesStayInTheirString() throws {
        let path = try temporaryFile(#"["a\"b,", "c"]"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(JSONItemReader(path: path, blockSize: 2))
        #expect(items(&reader).map(\.0) == [#""a\"b,""#, #""c""#])
    }

    @Test func aSingleObjectIsOneItemAndACutShortItemIsStillAnItem() throws {
        let single = try temporaryFile(#"{"x": [1, 2]}"#)
        let cut = try temporaryFile(#"[{"a": 1}, {"b""#)
        defer {
            try? FileManager.default.removeItem(atPath: single)
            try? FileManager.default.removeItem(atPath: cut)
        }
        var reader = try #require(JSONItemReader(path: single))
        #expect(items(&reader).map { [$0.0, "\($0.1)", "\($0.2)"] } == [[#"{"x": [1, 2]}"#, "1", "0"]])
        reader = try #require(JSONItemReader(path: cut))
        #expect(items(&reader).map(\.0) == [#"{"a": 1}"#, #"{"b""#])
        #expect(reader.problem == nil)
    }

    @Test(arguments: [
        ("hello", "expected an array of respondents (objects) at byte 0"),
        ("  \n", "the file is empty (expected an array of respondents)"),
        ("[1] x", "unexpected text after the array at byte 4 (only white space may follow it)"),
    ])
    func whatIsNotAnArrayIsNamed(text: String, problem: String) throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(JSONItemReader(path: path))
        _ = items(&reader)
        #expect(reader.problem == problem)
    }
}
