import CoprodCore
import CoprodIO
import Foundation

/// Holds workers back, once they have loaded the framework, until the inputs are planned.
final class WorkerStart: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var planned: BatchRunner.Batch?
    private var cancelled = false

    /// Lets the workers go.
    func go(_ batch: BatchRunner.Batch) {
        condition.lock()
        planned = batch
        condition.broadcast()
        condition.unlock()
    }

    /// Sends the workers home: the inputs could not be planned.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The batch, once planned; nil if cancelled.
    func wait() -> BatchRunner.Batch? {
        condition.lock()
        defer { condition.unlock() }
        while planned == nil && !cancelled { condition.wait() }
        return planned
    }

    var batch: BatchRunner.Batch? {
        condition.lock()
        defer { condition.unlock() }
        return planned
    }
}

/// Buffers of chunks' lines that have been written, for workers to write into again: a
/// megabyte or so each, which new from the system would have every page fault in anew.
final class SpareBuffers: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var buffers: [[UInt8]] = []
    /// As many as can be on their way at once: more would only be kept.
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func give(_ json: [UInt8], _ csv: [UInt8]) {
        lock.withLock {
            if buffers.count + 2 <= limit { buffers += [json, csv] }
        }
    }

    /// A buffer to write into (not yet emptied: whoever gave it may only now let it go), or an
    /// empty one.
    func take() -> [UInt8] {
        lock.withLock { buffers.popLast() } ?? []
    }
}

/// Rows rejected, collected from every worker.
final class RejectedRows: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var rows: [RejectedRow] = []

    func add(_ more: [RejectedRow]) { lock.withLock { rows += more } }
    var all: [RejectedRow] { lock.withLock { rows } }
}

/// The names workers evaluated under the folded keys the first pass met twice, for the warning
/// of names that may be one organisation typed two ways.
final class SimilarNamesFound: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var names: [String] = []

    func add(_ found: [UInt64: [String]]) { lock.withLock { names += found.values.joined() } }

    /// The warning of names that fold alike, whatever order the workers finished in.
    var warning: String? { SimilarNames.warning(among: lock.withLock { names }) }
}

/// The first of the errors workers record.
final class FirstFailure: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var first: InputError?

    func record(_ error: InputError) { lock.withLock { first = first ?? error } }
    var error: InputError? { lock.withLock { first } }
}

/// Waits for one worker thread to end.
final class WorkerHandle: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    /// Set by the worker before it signals; read after `wait`.
    var summary: AreaSummary?
    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
    /// False if the worker has not ended within `seconds`.
    func wait(seconds: Double) -> Bool { semaphore.wait(timeout: .now() + seconds) == .success }
}
