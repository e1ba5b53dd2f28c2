import Foundation

/// Writes what workers have made in input order, from whichever worker completes what is to
/// be written next: each chunk's results, and each scattered organisation's, which go where the
/// organisation's last row was.
///
/// Writing from the worker rather than from a thread of its own keeps a machine's cores for
/// evaluating: on two cores a third busy thread took turns with the workers, woke for every
/// chunk, and read each chunk's lines from another core's cache. The disk itself is written by
/// the results file's own thread (`OutputFile`), which only waits.
final class ResultsInOrder: @unchecked Sendable {
    // All state is guarded by `lock`. The output behind `writer` is used only by the thread
    // holding the writer's role (`writing`), which is handed on under `lock`.
    private let lock = NSLock()
    private var chunks: [Int: BatchRunner.ChunkResults] = [:]
    private var scattered: [String: BatchRunner.ChunkResults] = [:]
    /// The chunk to write next, and how many of its items are written.
    private var next = 0
    private var nextItem = 0
    private var writing = false
    /// Let go once the batch is finished with it: the output removes what a batch that stops
    /// began when the last reference to it goes, and workers' threads may outlive the batch.
    private var writer: ResultsWriter?
    private let dispenser: ChunkDispenser
    private var rows = 0
    private var failure: (any Error)?

    init(writer: ResultsWriter, dispenser: ChunkDispenser) {
        self.writer = writer
        self.dispenser = dispenser
    }

    /// Keeps a chunk's results and writes what is ready.
    func add(chunk: Int, _ results: BatchRunner.ChunkResults) {
        lock.withLock { chunks[chunk] = results }
        writeReady()
    }

    /// Keeps a scattered organisation's results and writes what is ready.
    func add(scattered organisation: String, _ results: BatchRunner.ChunkResults) {
        lock.withLock { scattered[organisation] = results }
        writeReady()
    }

    /// The rows of the chunks written so far, for progress.
    var rowsWritten: Int { lock.withLock { rows } }

    /// Writes the chunks in order as far as their results are here, unless another thread is
    /// writing (it will find these too: it looks again before it lets go). A scattered
    /// organisation's results not here yet stop the writing where they go; the worker
    /// evaluating them writes on once it adds them. With `allHere` (every worker has stopped),
    /// results that never came are passed over, as no worker will add them.
    private func writeReady(allHere: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        guard !writing else { return }
        writing = true
        defer { writing = false }
        while failure == nil, let chunk = chunks[next] {
            if nextItem == chunk.items.count {
                chunks[next] = nil
                rows += chunk.rows
                next += 1
                nextItem = 0
                dispenser.written(upTo: next)
                continue
            }
            let items = chunk.items[nextItem...]
            var part: BatchRunner.ChunkResults?
            var end = items.firstIndex { if case .scattered = $0 { true } else { false } } ?? items.endIndex
            if end == nextItem, case .scattered(let organisation) = items[end] {
                part = scattered.removeValue(forKey: organisation)
                if part == nil && !allHere { return }
                end += 1
            }
            nextItem = end
            guard let writer else { return }
            // The lines are copied with the lock let go, so that other workers can add theirs.
            lock.unlock()
            do {
                if let part { try writer.write(part.items[...], lines: part.lines) } else { try writer.write(items[..<end], lines: chunk.lines) }
            } catch {
                lock.lock()
                failure = error
                // No more is written, so no worker should wait for room to evaluate more.
                dispenser.stop()
                continue
            }
            lock.lock()
        }
    }

    /// Writes the rest once every worker has stopped: what is ready, then the results of
    /// scattered organisations not written where they go, by name. Two scattered organisations
    /// whose names hash alike share one last row, where only one of them is put: the other
    /// comes last. Throws the first error writing met.
    func finish() throws {
        defer { lock.withLock { writer = nil } }
        writeReady(allHere: true)
        let rest = lock.withLock {
            let rest = scattered.sorted { $0.key < $1.key }.map(\.value)
            scattered.removeAll()
            return rest
        }
        if let failure = lock.withLock({ failure }) { throw failure }
        for results in rest { try writer?.write(results.items[...], lines: results.lines) }
    }
}

/// Writes organisations' results: a run of organisations side by side in one worker's buffer
/// is written at once.
struct ResultsWriter {
    let output: BatchOutput
    let reports: BatchRunner.ReportFormat?

    /// Writes the evaluated organisations among `items`, whose lines are in `lines`.
    func write(_ items: ArraySlice<BatchRunner.Item>, lines: BatchRunner.Lines) throws {
        var run: (json: Range<Int>, csv: Range<Int>)?
        for case .evaluated(let json, let csv, let report) in items {
            if let current = run, current.json.upperBound == json.lowerBound, current.csv.upperBound == csv.lowerBound {
                run = (current.json.lowerBound..<json.upperBound, current.csv.lowerBound..<csv.upperBound)
            } else {
                if let current = run { try output.writeResults(json: lines.json[current.json], csv: lines.csv[current.csv]) }
                run = (json, csv)
            }
            if let report, let reports { try output.writeReport(report.text, organisation: report.organisation, format: reports) }
        }
        if let current = run { try output.writeResults(json: lines.json[current.json], csv: lines.csv[current.csv]) }
    }
}
