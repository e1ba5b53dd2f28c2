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
        public var isBlank: Bool {
            bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        }
    }

    private let source: BlockSource
    private var bytes: [UInt8] = []
    private var position = 0
    /// Bytes of the file before `bytes[0]`.
    private var dropped: Int
    private var number: Int
    private var atEnd = false

    /// Reads the lines of `path` within `range`, whose first line is line `firstLine` of the
    /// file; nil if the file cannot be opened.
    public init?(path: String, range: Range<Int> = 0..<Int.max, firstLine: Int = 1, blockSize: Int = 1 << 20) {
        guard let source = BlockSource(path: path, range: range, blockSize: blockSize) else { return nil }
        self.source = source
        dropped = range.lowerBound
        number = firstLine
    }

    /// Where the next line starts in the file, and its number.
    public var next: (offset: Int, number: Int) { (dropped + position, number) }

    /// Why the file stopped being read before its end (the system's words), once `nextLine`
    /// has returned nil; nil when it was read to the end.
    public var readFailure: String? { source.failure }

    /// The next line; nil at the end. A last line without a line end is a line too.
    public mutating func nextLine() -> Line? {
        while true {
            if let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) {
                return take(upTo: end, skipping: 1)
            }
            if atEnd {
                return position < bytes.count ? take(upTo: bytes.count, skipping: 0) : nil
            }
            if position > 0 {
                bytes.removeFirst(position)
                dropped += position
                position = 0
            }
            if !source.append(to: &bytes) { atEnd = true }
        }
    }

    private mutating func take(upTo end: Int, skipping lineEnd: Int) -> Line {
        let line = Line(bytes: bytes[position..<end], number: number, offset: dropped + position)
        position = end + lineEnd
        number += 1
        return line
    }
}
