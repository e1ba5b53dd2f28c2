import Foundation

/// Gives chunks to workers in input order, keeping at most `window` chunks between the one the
/// writer waits for and the next to be taken, so memory stays flat however far the writer falls
/// behind.
final class ChunkDispenser: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var written = 0

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    /// The next chunk to evaluate, waiting for room; nil when all have been given out.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count && next >= written + window { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Gives out no more chunks: the results can no longer be written.
    func stop() {
        condition.lock()
        next = count
        condition.broadcast()
        condition.unlock()
    }

    /// The writer has written every chunk before `chunk`.
    func written(upTo chunk: Int) {
        condition.lock()
        written = chunk
        condition.broadcast()
        condition.unlock()
    }
}
