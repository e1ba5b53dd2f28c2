import Foundation

/// What workers have made, waiting for the writer: each chunk's results, and each scattered
/// organisation's, which the writer puts where the organisation's last row was.
final class BatchResults: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Int: BatchRunner.ChunkResults] = [:]
    private var scattered: [String: BatchRunner.ChunkResults] = [:]
    private var finished = false

    func add(chunk: Int, _ results: BatchRunner.ChunkResults) {
        condition.lock()
        chunks[chunk] = results
        condition.broadcast()
        condition.unlock()
    }

    func add(scattered organisation: String, _ results: BatchRunner.ChunkResults) {
        condition.lock()
        scattered[organisation] = results
        condition.broadcast()
        condition.unlock()
    }

    /// The results of `chunk`, waiting for them; nil if every worker stopped without them.
    func take(chunk: Int) -> BatchRunner.ChunkResults? {
        take { $0.chunks.removeValue(forKey: chunk) }
    }

    /// The results of a scattered organisation, waiting for them.
    func take(scattered organisation: String) -> BatchRunner.ChunkResults? {
        take { $0.scattered.removeValue(forKey: organisation) }
    }

    private func take(_ remove: (BatchResults) -> BatchRunner.ChunkResults?) -> BatchRunner.ChunkResults? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let results = remove(self) { return results }
            if finished { return nil }
            condition.wait()
        }
    }

    /// The results of scattered organisations not taken, by name; once every worker has stopped.
    func takeScattered() -> [BatchRunner.ChunkResults] {
        condition.lock()
        defer { condition.unlock() }
        let rest = scattered.sorted { $0.key < $1.key }.map(\.value)
        scattered.removeAll()
        return rest
    }

    /// Every worker has stopped.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
