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

    @Test func aSingleObjectIsOneItem() throws {
        let single = try temporaryFile(#"{"x": [1, 2]}"# + "\n")
        defer { try? FileManager.default.removeItem(atPath: single) }
        var reader = try #require(JSONItemReader(path: single))
        #expect(items(&reader).map { [$0.0, "\($0.1)", "\($0.2)"] } == [[#"{"x": [1, 2]}"#, "1", "0"]])
        #expect(reader.problem == nil)
    }

    /// Each item's line and column, as an editor shows them: a character outside ASCII is one
    /// column, a line end starts the next line.
    @Test(arguments: [1, 5, 1 << 20])
    func itemsKnowTheirLineAndColumn(blockSize: Int) throws {
        let text = "[\n  {\"a\": \"Café ☕\"}, {\"b\":\n 1},\n\n\t7]"
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(JSONItemReader(path: path, blockSize: blockSize))
        var positions: [TextPosition] = []
        while let item = reader.nextItem() { positions.append(item.position) }
        // Item 1 at line 2 after two spaces; item 2 after its 15 characters (18 bytes), a comma
        // and a space; item 3 on line 5 after a tab.
        #expect(positions == [TextPosition(line: 2, column: 3), TextPosition(line: 2, column: 20), TextPosition(line: 5, column: 2)])
        #expect(reader.nextPosition == TextPosition(line: 5, column: 4))
        #expect(reader.problem == nil)
        // Read from bytes in memory, the same items in the same places.
        var inMemory = JSONItemReader(bytes: Array(text.utf8))
        var again: [TextPosition] = []
        while let item = inMemory.nextItem() { again.append(item.position) }
        #expect(again == positions)
    }

    /// A part of the file, as a batch's worker reads it, starts just after the item before it
    /// (at its comma) and ends where the next part starts: its end is not the end of the file.
    @Test func aPartStartsWhereItsFirstItemIsAndEndsWithoutAProblem() throws {
        let path = try temporaryFile("[\n{\"a\": 1},\n{\"b\": 2},\n{\"c\": 3}\n]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Item 1 is bytes 2-9; its comma is at 10; item 2 starts at line 3, column 1.
        var reader = try #require(JSONItemReader(path: path, range: 10..<20, firstItem: 2, firstPosition: TextPosition(line: 2, column: 9)))
        let next = reader.nextItem()
        let item = try #require(next)
        #expect(String(decoding: item.bytes, as: UTF8.self) == #"{"b": 2}"#)
        #expect(item.number == 2)
        #expect(item.position == TextPosition(line: 3, column: 1))
        #expect(reader.nextItem() == nil)
        #expect(reader.problem == nil)
    }

    /// Two commas in a row leave an empty item, counted in its place; a stray closing brace
    /// stays in its item, whose text then does not parse, rather than ending the array.
    @Test func emptyItemsAndStrayBracesAreItems() throws {
        var reader = JSONItemReader(bytes: Array(#"[{"a": 1},, {"b": 2}}, 3,]"#.utf8))
        #expect(items(&reader).map { [$0.0, "\($0.1)"] } == [[#"{"a": 1}"#, "1"], ["", "2"], [#"{"b": 2}}"#, "3"], ["3", "4"]])
        #expect(reader.problem == nil)
    }

    /// A file that ends before its array is closed has been cut short (or was never finished):
    /// the last item, complete or not, is not given, and the problem says where the file ends.
    @Test(arguments: [
        ("[\n {\"a\": 1},\n {\"b\": 2}\n", 1, "the file ends before its array is closed (']' is missing after item 2, which starts at line 3, column 2)"),
        ("[{\"a\": 1},", 1, "the file ends before its array is closed (']' is missing after item 1, which starts at line 1, column 2)"),
        ("[ ", 0, "the file ends before its array is closed (']' is missing after its '[')"),
        ("[{\"a\": 1},\n  {\"b\": \"x,", 1, "the file ends inside item 2, which starts at line 2, column 3, before the array is closed"),
        ("  {\"a\": [1, 2}", 0, "the file ends inside its respondent, which starts at line 1, column 3, before it is closed"),
    ])
    func aFileCutShortIsAProblem(text: String, given: Int, problem: String) throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for blockSize in [1, 1 << 20] {
            var reader = try #require(JSONItemReader(path: path, blockSize: blockSize))
            #expect(items(&reader).count == given)
            #expect(reader.problem?.hasPrefix(problem + ":") == true, "\(reader.problem ?? "no problem")")
            #expect(reader.problem?.contains("so none of it is evaluated; export it again") == true)
        }
    }

    /// An item broken inside a file that is whole (it ends with its ']') is named as the item at
    /// fault, not as a file cut short: told to close the array, a user would mend nothing.
    @Test(arguments: [
        ("[\n{\"o\": \"A\", \"a\": 3,\n{\"o\": \"B\"},\n{\"o\": \"C\"}\n]\n", 0,
         "item 1, which starts at line 2, column 1, is not closed before the ']' at line 5, column 1: a '{' or '[' in it lacks its '}' or ']'"),
        ("[{\"o\": \"A\", \"a\": [3}, {\"o\": \"B\"}]", 0,
         "item 1, which starts at line 1, column 2, is not closed before the '}' at line 1, column 20: a '{' or '[' in it lacks its '}' or ']'"),
        ("[{\"o\": \"A\"},\n {\"o\": \"B},\n {\"o\": \"C\"}\n]\n", 1,
         "item 2, which starts at line 2, column 2, is never closed (a string without its closing quote, or a '{' or '[' without its '}' or ']'), so it takes in the rest of the file"),
    ])
    func aBrokenItemInAWholeFileIsNamed(text: String, given: Int, problem: String) throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for blockSize in [1, 1 << 20] {
            var reader = try #require(JSONItemReader(path: path, blockSize: blockSize))
            #expect(items(&reader).count == given)
            #expect(reader.problem?.hasPrefix(problem) == true, "\(reader.problem ?? "no problem")")
            #expect(reader.problem?.hasSuffix("none of the file is evaluated; mend that item and run again") == true
                || reader.problem?.hasSuffix("none of it is evaluated; mend that item and run again") == true)
        }
    }

    @Test(arguments: [
        ("hello", "expected an array of respondents ('[') or one respondent ('{') at line 1, column 1, found 'hello'"),
        ("  \n", "the file is empty (expected an array of respondents)"),
        ("[1]\n x", "unexpected text after the array at line 2, column 2, found 'x' (only white space may follow it)"),
        ("{\"a\": 1} {\"b\": 2}", "unexpected text after the respondent at line 1, column 10, found '{' (a JSON file holds one array of respondents, or one respondent)"),
    ])
    func whatIsNotAnArrayIsNamed(text: String, problem: String) throws {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try #require(JSONItemReader(path: path))
        _ = items(&reader)
        #expect(reader.problem == problem)
    }
}
