/// Where something is in a text file, as an editor shows it: a line and a column, both counted
/// from 1, the column in characters. A message about JSON says where to look with it.
public struct TextPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = TextPosition(line: 1, column: 1)

    public var description: String { "line \(line), column \(column)" }

    /// The position just after `bytes`, which start here. Counts in loops the compiler turns
    /// into vector instructions, and looks for the last line end from the back: a batch moves
    /// over every item of a JSON file this way.
    public func advanced(over bytes: ArraySlice<UInt8>) -> TextPosition {
        bytes.withUnsafeBufferPointer { buffer in
            var position = self
            var lineEnds = 0
            for byte in buffer { lineEnds &+= byte == 0x0A ? 1 : 0 }
            var rest = buffer[...]
            if lineEnds > 0, let last = buffer.lastIndex(of: 0x0A) {
                position.line += lineEnds
                position.column = 1
                rest = buffer[(last + 1)...]
            }
            // A character is a byte that does not continue a UTF-8 sequence.
            var characters = 0
            for byte in rest { characters &+= byte & 0xC0 != 0x80 ? 1 : 0 }
            position.column += characters
            return position
        }
    }
}
