import CoprodCore
import CoprodIO
import CoprodReports
import Foundation
import LuaHost

/// Evaluates every organisation in the inputs on several workers, each with its own Lua state,
/// and writes the results in input order.
///
/// One thread reads rows and hands each organisation to the workers once its last row has been
/// read; the calling thread puts results back in order and writes them. A row that cannot be read,
/// or an organisation whose rules fail or hit a limit, is rejected with its reason; the batch goes
/// on, and rows read = evaluated + rejected.
final class BatchRunner {
    struct Options {
        var jobs: Int
        var limits: LuaLimits
        var reports: ReportFormat?
        var progress: Bool
    }

    enum ReportFormat: String, CaseIterable {
        case md, html
    }

    /// What one worker made of one organisation.
    enum Outcome: Sendable {
        case evaluated(OrganisationResult, json: String, csv: String, report: String?)
        case failed(Assessment, reason: String)
    }

    let frameworkReference: String
    let catalog: FrameworkCatalog
    let framework: Framework
    let input: BatchInput
    let output: BatchOutput
    let options: Options

    init(frameworkReference: String, catalog: FrameworkCatalog, framework: Framework, input: BatchInput,
         output: BatchOutput, options: Options) {
        self.frameworkReference = frameworkReference
        self.catalog = catalog
        self.framework = framework
        self.input = input
        self.output = output
        self.options = options
    }

    func run() throws -> AreaSummary {
        // Pass 1: which organisations have their rows apart, and where the last one is.
        var warnings: [String] = []
        var plan = try input.plan(warnings: &warnings)
        plan.finish()
        let total = plan.rows
        for warning in warnings { Diagnostics.standardError("coprod: warning: \(warning)") }

        // Organisations travel in small batches, so threads meet once per batch, not once each.
        let queue = WorkQueue<[(Int, Assessment)]>(capacity: options.jobs * 4)
        let ordered = ReorderBuffer<Outcome>()
        let rejectedByReading = RejectedRows()
        // At most this many organisations between reading and writing, so memory stays flat
        // however far the writer falls behind.
        let inFlight = DispatchSemaphore(value: options.jobs * 512)
        let unpermitted = IndexSet()
        let workers = try startWorkers(queue: queue, ordered: ordered)

        // Pass 2, on its own thread: read, group, hand over complete organisations.
        let input = self.input
        let organisations = plan
        let reader = Thread {
            // Scattered organisations waiting for their last row, and the organisation whose rows
            // are together and being read now.
            var pending: [String: (index: Int, responses: [Response])] = [:]
            var current: (name: String, index: Int, responses: [Response])?
            var nextIndex = 0
            var ready: [(Int, Assessment)] = []
            func flushReady() {
                guard !ready.isEmpty else { return }
                queue.put(ready)
                ready.removeAll(keepingCapacity: true)
            }
            // Waits for room between reading and writing, unless the writer is itself waiting
            // for an organisation whose rows are still being read (interleaved input): then
            // going on is the only way forward, and that organisation goes without a permit.
            func permit() -> Bool {
                while inFlight.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
                    flushReady()
                    let waitingFor = ordered.nextIndex
                    if pending.values.contains(where: { $0.index == waitingFor }) || current?.index == waitingFor { return false }
                }
                return true
            }
            func handOver(_ index: Int, _ assessment: Assessment) {
                let permitted = permit()
                if !permitted { unpermitted.insert(index) }
                ready.append((index, assessment))
                if ready.count >= BatchRunner.handOverSize { flushReady() }
            }
            var ignored: [String] = []
            do {
                try input.forEachRow(warnings: &ignored) { position, outcome in
                    switch outcome {
                    case .response(let response):
                        let name = response.organisation
                        if let last = organisations.lastRow(of: name) {
                            if pending[name] == nil {
                                pending[name] = (nextIndex, [])
                                nextIndex += 1
                            }
                            pending[name]?.responses.append(response)
                            if last == position, let done = pending.removeValue(forKey: name) {
                                handOver(done.index, Assessment(organisation: name, responses: done.responses))
                            }
                        } else {
                            if current?.name != name {
                                if let done = current { handOver(done.index, Assessment(organisation: done.name, responses: done.responses)) }
                                current = (name, nextIndex, [])
                                nextIndex += 1
                            }
                            current?.responses.append(response)
                        }
                    case .rejected(let row):
                        rejectedByReading.add(row)
                    case .blank:
                        break
                    }
                }
                if let done = current { handOver(done.index, Assessment(organisation: done.name, responses: done.responses)) }
            } catch {
                rejectedByReading.add(RejectedRow(file: "", row: 0, reason: String(describing: error)))
            }
            for (organisation, rest) in pending.sorted(by: { $0.value.index < $1.value.index }) {
                handOver(rest.index, Assessment(organisation: organisation, responses: rest.responses))
            }
            flushReady()
            queue.close()
        }
        reader.stackSize = 8 << 20
        reader.start()

        // Write in order as results arrive.
        var summary = AreaSummary(framework: framework)
        let progress = Progress(total: total, enabled: options.progress)
        var failedRows: [RejectedRow] = []
        var written = 0
        while let outcome = ordered.takeNext() {
            if !unpermitted.remove(written) { inFlight.signal() }
            written += 1
            switch outcome {
            case .evaluated(let result, let json, let csv, let report):
                try output.writeResult(json: json, csv: csv)
                if let report, let format = options.reports { try output.writeReport(report, organisation: result.organisation, format: format) }
                summary.add(result)
                progress.advance(by: result.respondents)
            case .failed(let assessment, let reason):
                summary.organisationsFailed += 1
                failedRows += assessment.responses.map {
                    RejectedRow(file: $0.file, row: $0.row, organisation: assessment.organisation, reason: reason)
                }
                progress.advance(by: assessment.responses.count)
            }
        }
        for worker in workers { worker.wait() }
        progress.finish()
        let rejected = rejectedByReading.all + failedRows
        summary.rowsRejected = rejected.count
        summary.rowsRead = summary.rowsEvaluated + summary.rowsRejected
        try output.finish(rejected: rejected, summary: summary, framework: framework)
        return summary
    }

    /// How many organisations go to a worker at once.
    static let handOverSize = 64

    private func startWorkers(queue: WorkQueue<[(Int, Assessment)]>, ordered: ReorderBuffer<Outcome>) throws -> [WorkerHandle] {
        let finishedWorkers = FinishedCount(total: options.jobs, ordered: ordered)
        var handles: [WorkerHandle] = []
        let setup = WorkerSetup(reference: frameworkReference, catalog: catalog, limits: options.limits, reports: options.reports)
        for _ in 0..<options.jobs {
            let handle = WorkerHandle()
            let thread = Thread {
                setup.work(queue: queue, ordered: ordered)
                finishedWorkers.workerFinished()
                handle.signal()
            }
            // Lua's parser and pattern matcher recurse in C; give them room.
            thread.stackSize = 16 << 20
            thread.start()
            handles.append(handle)
        }
        return handles
    }
}

/// Everything a worker needs to build its own Lua state; it crosses threads as plain data.
struct WorkerSetup: Sendable {
    let reference: String
    let catalog: FrameworkCatalog
    let limits: LuaLimits
    let reports: BatchRunner.ReportFormat?

    func work(queue: WorkQueue<[(Int, Assessment)]>, ordered: ReorderBuffer<BatchRunner.Outcome>) {
        let framework: Framework
        let evaluator: Evaluator
        let rules: FrameworkRules?
        do {
            let state = try catalog.makeState(limits: limits)
            framework = try catalog.load(reference, in: state)
            evaluator = Evaluator(framework: framework)
            rules = try FrameworkRules(framework: framework, state: state)
        } catch {
            while let batch = queue.take() {
                ordered.add(batch.map { ($0.0, BatchRunner.Outcome.failed($0.1, reason: "the framework could not be loaded: \(error)")) })
            }
            return
        }
        while let batch = queue.take() {
            var outcomes: [(Int, BatchRunner.Outcome)] = []
            outcomes.reserveCapacity(batch.count)
            for (index, assessment) in batch {
                do {
                    let result = try evaluator.evaluate(assessment, rules: rules)
                    let report: String? = switch reports {
                    case .md: MarkdownReport.render(result, framework: framework)
                    case .html: HTMLReport.render(result, framework: framework)
                    case nil: nil
                    }
                    outcomes.append((index, .evaluated(result, json: ResultJSON.json(result).text() + "\n", csv: ResultCSV.row(result), report: report)))
                } catch {
                    outcomes.append((index, .failed(assessment, reason: error.located)))
                }
            }
            ordered.add(outcomes)
        }
    }
}

/// Indexes of organisations handed over without a permit, shared by the reader and the writer.
final class IndexSet: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var indexes: Set<Int> = []

    func insert(_ index: Int) { lock.withLock { _ = indexes.insert(index) } }
    /// Whether it was there.
    func remove(_ index: Int) -> Bool { lock.withLock { indexes.remove(index) != nil } }
}

/// Rows rejected while reading, collected from the reading thread.
final class RejectedRows: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var rows: [RejectedRow] = []

    func add(_ row: RejectedRow) { lock.withLock { rows.append(row) } }
    var all: [RejectedRow] { lock.withLock { rows } }
}

/// Closes the ordered results once every worker has stopped.
final class FinishedCount: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var remaining: Int
    private let ordered: ReorderBuffer<BatchRunner.Outcome>

    init(total: Int, ordered: ReorderBuffer<BatchRunner.Outcome>) {
        remaining = total
        self.ordered = ordered
    }

    func workerFinished() {
        let last = lock.withLock { () -> Bool in
            remaining -= 1
            return remaining == 0
        }
        if last { ordered.finish() }
    }
}

/// Waits for one worker thread to end.
final class WorkerHandle: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
}
