/// Reads the lines of a file, or of a part of one, a block at a time: a JSON Lines input of any
/// length is read in flat memory, and a batch's workers each read their own part of it.
public struct LineReader {
    /// One line, without its line end.
    public struct Line {
        public var bytes: ArraySlice<UInt8>
        /// Counted from 1 in the whole file.
        public var number: Int
        /// Where the line starts in the file.
        public var offset: Int

        /// Whether the line holds nothing but spaces, tabs and carriage returns.
        public var isBlank: Bool { Line.isBlank(bytes) }

        /// Whether `bytes` (a line without its line feed) hold nothing but spaces, tabs and
        /// carriage returns, after a byte-order mark if there is one (as a file's first line may
        /// start): a blank line, in a file read whole as in one read line by line.
        public static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
            let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
            return text.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        }
    }

    private var buffer: BlockBuffer
    private var number: Int

    /// Reads the lines of `path` within `range`, whose first line is line `firstLine` of the
    /// file; nil if the file cannot be opened.
    public init?(path: String, range: Range<Int> = 0..<Int.max, firstLine: Int = 1, blockSize: Int = 1 << 20) {
        guard let buffer = BlockBuffer(path: path, range: range, blockSize: blockSize) else { return nil }
        self.buffer = buffer
        number = firstLine
    }

    /// Where the next line starts in the file, and its number.
    public var next: (offset: Int, number: Int) { (buffer.offset, number) }

    /// Why the file stopped being read before its end (the system's words), once `nextLine`
    /// has returned nil; nil when it was read to the end.
    public var readFailure: String? { buffer.failure }

    /// The next line; nil at the end. A last line without a line end is a line too.
    public mutating func nextLine() -> Line? {
        while true {
            if let end = buffer.bytes[buffer.position...].firstIndex(of: UInt8(ascii: "\n")) {
                return take(upTo: end, skipping: 1)
            }
            if !buffer.loadMore() {
                return buffer.position < buffer.bytes.count ? take(upTo: buffer.bytes.count, skipping: 0) : nil
            }
        }
    }

    private mutating func take(upTo end: Int, skipping lineEnd: Int) -> Line {
        let line = Line(bytes: buffer.bytes[buffer.position..<end], number: number, offset: buffer.offset)
        buffer.position = end + lineEnd
        number += 1
        return line
    }
}
