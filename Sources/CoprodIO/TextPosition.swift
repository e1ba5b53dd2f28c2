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

    /// The position just after `bytes`, which start here. A batch moves over every item of a
    /// JSON file this way: each count is a loop over the bytes that the compiler turns into
    /// vector instructions (which it does for a 32-bit count, not for `Int`), and the last line
    /// end is looked for only when there is one.
    public func advanced(over bytes: ArraySlice<UInt8>) -> TextPosition {
        bytes.withUnsafeBufferPointer { buffer in
            var position = self
            let lineEnds = TextPosition.lineEnds(in: buffer)
            if lineEnds > 0, let last = buffer.lastIndex(of: 0x0A) {
                position.line += lineEnds
                position.column = 1 + TextPosition.characters(in: UnsafeBufferPointer(rebasing: buffer[(last + 1)...]))
            } else {
                position.column += TextPosition.characters(in: buffer)
            }
            return position
        }
    }

    private static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count <= Int(UInt32.max) else { return bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        var count: UInt32 = 0
        for byte in bytes { count &+= UInt32(byte == 0x0A ? 1 : 0) }
        return Int(count)
    }

    /// Bytes that do not continue a UTF-8 sequence: one for each character.
    private static func characters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count <= Int(UInt32.max) else { return bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        var count: UInt32 = 0
        for byte in bytes { count &+= UInt32(byte & 0xC0 != 0x80 ? 1 : 0) }
        return Int(count)
    }
}
