import CoprodCore
import CoprodIO

/// What the first pass over the inputs learns: how many rows there are, which organisations have
/// their rows apart and where their last row is, and how the inputs divide into chunks that
/// workers can read and evaluate on their own.
struct BatchPlan: Sendable {
    var organisations: OrganisationPlan
    var chunks: [Chunk] = []
    /// The header of each CSV file, by the file's place in the inputs: each worker maps it with
    /// its own reader.
    var headers: [Int: CSVReader.Record] = [:]

    var rows: Int { organisations.rows }

    /// The chunk holding the row at `position`.
    func chunk(holding position: Int) -> Int {
        var (low, high) = (0, chunks.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if chunks[middle].firstPosition <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// A part of one input that a worker reads and evaluates by itself: CSV records, JSON lines or
/// the items of a JSON array between two byte offsets, cut only where an organisation's run of
/// rows starts. An organisation whose rows are all together is therefore whole in one chunk.
struct Chunk: Sendable {
    /// The file's place in the inputs.
    var file: Int
    /// For CSV: where its records start (offset, row and line) and the offset where they end.
    var csv: (start: CSVReader.Mark, end: Int)?
    /// For JSON Lines and JSON: the offsets where its lines or items start and end, the
    /// number of its first line or item, and where that starts (for a message about an item).
    var json: (start: Int, end: Int, first: Int, position: TextPosition)?
    /// The position of its first row among all rows, and how many rows it has.
    var firstPosition: Int
    var rows: Int

    /// About this much of an input goes to a worker at once: small enough that a chunk's results
    /// (about fifteen times its size for the bundled frameworks) stay in the worker's cache until
    /// it writes them, and that a few chunks in flight per worker keep memory flat; large enough
    /// that handing one over costs little. With 64 KB (a megabyte of results) `--jobs 2` spent
    /// more CPU than `--jobs 1` on the same work, and with 16 KB no more (Benchmarks/FINDINGS.md).
    static let size = 16 << 10
}

/// Which organisations' rows are not all in one run, and where their last row is. Most inputs
/// keep an organisation's rows together, and those need no entry: the organisation is complete
/// at the end of its run. Memory grows only with the scattered ones.
struct OrganisationPlan: Sendable {
    /// Last row of each scattered organisation, by the hash of its name.
    private(set) var lastRowOfScattered: [Int: Int] = [:]
    private(set) var rows = 0
    private var seen: SeenFilter
    private var previous: Int?
    /// Names seen before as `SimilarNames` folds them, and the folded keys met again under a
    /// new name: the organisations whose names may differ only in how they were typed. Workers
    /// collect the names under those keys (a few, and never any when there are none).
    private var seenFolded: SeenFilter
    private(set) var similarKeys: Set<UInt64> = []

    /// `bytes` is the size of the inputs, which bounds how many names there can be.
    init(bytes: Int) {
        seen = SeenFilter(bits: Swift.min(1 << 25, Swift.max(1 << 16, bytes / 4)))
        seenFolded = SeenFilter(bits: Swift.min(1 << 25, Swift.max(1 << 16, bytes / 4)))
    }

    /// Counts a row of `organisation` (nil for a row that cannot be grouped).
    mutating func add(_ organisation: String?) {
        defer { rows += 1 }
        guard let organisation else {
            previous = nil
            return
        }
        let key = organisation.hashValue
        if key != previous {
            if !seen.insert(key) {
                lastRowOfScattered[key] = rows
            } else {
                let folded = SimilarNames.key(organisation)
                if !seenFolded.insert(Int(bitPattern: UInt(folded))), similarKeys.count < 100_000 { similarKeys.insert(folded) }
            }
            previous = key
        } else if lastRowOfScattered[key] != nil {
            lastRowOfScattered[key] = rows
        }
    }

    /// A new input starts a new run even for the organisation the last one ended with: each
    /// file is cut into chunks of its own, so a run over two files would be evaluated as two.
    mutating func startFile() { previous = nil }

    /// Whether a row of `organisation` here would start a run of its rows.
    func startsRun(_ organisation: String?) -> Bool {
        guard let organisation else { return false }
        return organisation.hashValue != previous
    }

    /// Drops what only planning needed.
    mutating func finish() {
        seen = SeenFilter(bits: 64)
        seenFolded = SeenFilter(bits: 64)
    }

    /// A copy that shares no storage with this one, for a worker to look names up in without
    /// holding the other workers up.
    func copy() -> OrganisationPlan {
        var copy = self
        copy.lastRowOfScattered = Dictionary(uniqueKeysWithValues: lastRowOfScattered.map { ($0.key, $0.value) })
        copy.similarKeys = Set(similarKeys.map { $0 })
        return copy
    }

    /// The last row of a scattered organisation; nil for one whose rows are together. Most
    /// inputs have none scattered, and then no name is hashed.
    func lastRow(of organisation: String) -> Int? {
        lastRowOfScattered.isEmpty ? nil : lastRowOfScattered[organisation.hashValue]
    }
}

/// Names seen before, in at most 4 MiB (a Bloom filter whose three bits for a name share one
/// word, so a look-up touches memory once): it never forgets one, and now and then takes a new
/// one for a seen one. That organisation's rows are then gathered as if they were apart, which
/// gives the same result in the same place. A set of every name would grow with the input.
struct SeenFilter: Sendable {
    private var words: [UInt64]
    private let mask: UInt64

    /// `bits` is rounded up to a power of two.
    init(bits: Int) {
        var count = 1
        while count * 64 < bits { count *= 2 }
        words = [UInt64](repeating: 0, count: count)
        mask = UInt64(words.count - 1)
    }

    /// Adds `key`; true if it was (probably) not there before.
    mutating func insert(_ key: Int) -> Bool {
        let hash = UInt64(bitPattern: Int64(key))
        let bits: UInt64 = 1 << (hash & 63) | 1 << ((hash >> 6) & 63) | 1 << ((hash >> 12) & 63)
        let word = Int((hash >> 18) & mask)
        let new = words[word] & bits != bits
        words[word] |= bits
        return new
    }
}
