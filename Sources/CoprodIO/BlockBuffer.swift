/// The part of a file read and not yet used, refilled a block at a time: what the line and JSON
/// item readers share, so that each only says where its pieces end.
struct BlockBuffer {
    /// Nil for bytes given whole.
    private let source: BlockSource?
    /// The bytes read and not yet dropped; `position` is the next one to use.
    private(set) var bytes: [UInt8] = []
    var position = 0
    /// Bytes of the file before `bytes[0]`.
    private var dropped: Int
    private var atEnd = false

    /// Nil if the file cannot be opened.
    init?(path: String, range: Range<Int>, blockSize: Int) {
        guard let source = BlockSource(path: path, range: range, blockSize: blockSize) else { return nil }
        self.source = source
        dropped = range.lowerBound
    }

    /// A whole file's bytes, already read.
    init(bytes: [UInt8]) {
        source = nil
        self.bytes = bytes
        dropped = 0
        atEnd = true
    }

    /// Where `position` is in the file.
    var offset: Int { dropped + position }

    /// Why the file stopped being read before its end (the system's words); nil when it was
    /// read to the end.
    var failure: String? { source?.failure }

    /// Drops the bytes before `position` and appends the next block; false at the end.
    mutating func loadMore() -> Bool {
        guard !atEnd else { return false }
        if position > 0 {
            bytes.removeFirst(position)
            dropped += position
            position = 0
        }
        if source?.append(to: &bytes) != true { atEnd = true }
        return !atEnd
    }
}
