import Foundation

/// The rows of organisations whose rows are apart, gathered from the chunks that hold them. An
/// organisation is complete once every chunk up to the one with its last row is done; the
/// worker that finishes the chunk making it so evaluates it.
final class ScatteredRows: @unchecked Sendable {
    /// A row on its way to the collection: its organisation, its position and the chunk holding
    /// its organisation's last row.
    typealias Row = (organisation: String, position: Int, row: BatchRow, lastChunk: Int)

    // All state is guarded by `lock`.
    private let lock = NSLock()
    private let count: Int
    private var rows: [String: [(position: Int, row: BatchRow)]] = [:]
    /// Organisations by the chunk that completes them.
    private var due: [Int: [String]] = [:]
    private var done: Set<Int> = []
    /// Every chunk before this one is done.
    private var doneBefore = 0

    init(chunks: Int) {
        count = chunks
    }

    /// Adds the scattered rows of `chunk` and marks it done; returns the organisations this
    /// completes, each with its rows in input order.
    func finish(chunk: Int, adding new: [Row]) -> [(organisation: String, rows: [BatchRow])] {
        lock.lock()
        defer { lock.unlock() }
        for row in new {
            if rows[row.organisation] == nil { due[row.lastChunk, default: []].append(row.organisation) }
            rows[row.organisation, default: []].append((row.position, row.row))
        }
        done.insert(chunk)
        var complete: [String] = []
        while done.remove(doneBefore) != nil {
            complete += due.removeValue(forKey: doneBefore) ?? []
            doneBefore += 1
        }
        // After the last chunk nothing more can come: whatever is left is as complete as it gets.
        if doneBefore == count {
            complete += due.values.joined()
            due.removeAll()
        }
        // Named as its first row spells it, as a run of rows is: names equal as text may differ in
        // their bytes (a composed and a decomposed "é"), and which chunk came first is chance.
        return complete.compactMap { name in
            rows.removeValue(forKey: name).map { gathered in
                let inOrder = gathered.sorted { $0.position < $1.position }.map(\.row)
                return (inOrder.first?.organisation ?? name, inOrder)
            }
        }
    }
}
