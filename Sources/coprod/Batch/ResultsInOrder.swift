import Foundation

/// What workers have made, waiting for the writer: each chunk's results, and each scattered
/// organisation's, which the writer puts where the organisation's last row was.
///
/// The writer is woken only by what it waits for. Chunks are often done out of order, and on a
/// machine whose cores are all evaluating, waking it for another chunk would only take a core
/// from a worker for nothing.
final class BatchResults: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Int: BatchRunner.ChunkResults] = [:]
    private var scattered: [String: BatchRunner.ChunkResults] = [:]
    private var finished = false
    /// What the writer waits for, while it waits.
    private var awaited: Awaited?

    private enum Awaited: Equatable {
        case chunk(Int)
        case scattered(String)
    }

    func add(chunk: Int, _ results: BatchRunner.ChunkResults) {
        add(.chunk(chunk)) { $0.chunks[chunk] = results }
    }

    func add(scattered organisation: String, _ results: BatchRunner.ChunkResults) {
        add(.scattered(organisation)) { $0.scattered[organisation] = results }
    }

    private func add(_ made: Awaited, _ keep: (BatchResults) -> Void) {
        condition.lock()
        keep(self)
        if awaited == made { condition.signal() }
        condition.unlock()
    }

    /// The results of `chunk`, waiting for them; nil if every worker stopped without them.
    func take(chunk: Int) -> BatchRunner.ChunkResults? {
        take(.chunk(chunk)) { $0.chunks.removeValue(forKey: chunk) }
    }

    /// The results of a scattered organisation, waiting for them.
    func take(scattered organisation: String) -> BatchRunner.ChunkResults? {
        take(.scattered(organisation)) { $0.scattered.removeValue(forKey: organisation) }
    }

    private func take(_ wanted: Awaited, _ remove: (BatchResults) -> BatchRunner.ChunkResults?) -> BatchRunner.ChunkResults? {
        condition.lock()
        defer {
            awaited = nil
            condition.unlock()
        }
        while true {
            if let results = remove(self) { return results }
            if finished { return nil }
            awaited = wanted
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
