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

    /// What one worker made of one organisation: its lines for the results files, or the rows
    /// rejected when none of its rows could be evaluated.
    enum Outcome: Sendable {
        case evaluated(lines: Lines, json: Range<Int>, csv: Range<Int>, report: Report?, rows: Int)
        case rejected(rows: Int)
    }

    /// The results lines of one hand-over, in one buffer per file: one allocation per batch
    /// rather than per organisation, freed by the thread that writes them.
    final class Lines: Sendable {
        let json: [UInt8]
        let csv: [UInt8]

        init(json: [UInt8], csv: [UInt8]) {
            self.json = json
            self.csv = csv
        }
    }

    struct Report: Sendable {
        var organisation: String
        var text: String
    }

    /// An organisation with all its rows, on its way to a worker.
    struct Work: Sendable {
        var index: Int
        var organisation: String
        var rows: [BatchRow]
        /// Whether it took a permit between reading and writing (see `permit()`).
        var permitted = true
    }

    /// An outcome on its way back to the writer.
    typealias Done = (outcome: Outcome, permitted: Bool)

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
        // Organisations travel in small batches, so threads meet once per batch, not once each.
        let queue = WorkQueue<[Work]>(capacity: options.jobs * 4)
        let ordered = ReorderBuffer<Done>()
        let rejectedByReading = RejectedRows()
        // At most this many organisations between reading and writing, so memory stays flat
        // however far the writer falls behind.
        let inFlight = DispatchSemaphore(value: options.jobs * 512)
        let rejectedByWorkers = RejectedRows()
        // Workers load the framework while the inputs are planned.
        let workers = try startWorkers(queue: queue, ordered: ordered, rejected: rejectedByWorkers)

        // Pass 1: which organisations have their rows apart, and where the last one is.
        var warnings: [String] = []
        var plan: OrganisationPlan
        do {
            plan = try input.plan(warnings: &warnings)
        } catch {
            queue.close()
            for worker in workers { worker.wait() }
            throw error
        }
        plan.finish()
        let total = plan.rows
        for warning in warnings { Diagnostics.standardError("coprod: warning: \(warning)") }

        // Pass 2, on its own thread: read, group, hand over complete organisations.
        let input = self.input
        let organisations = plan
        let reader = Thread {
            // Scattered organisations waiting for their last row, and the organisation whose rows
            // are together and being read now.
            var pending: [String: Work] = [:]
            var current: Work?
            var nextIndex = 0
            var ready: [Work] = []
            func flushReady() {
                guard !ready.isEmpty else { return }
                queue.put(ready)
                ready.removeAll(keepingCapacity: true)
            }
            // Waits for room between reading and writing for the organisation numbered `index`,
            // unless the writer is itself waiting for an organisation still being read
            // (interleaved input), or for this one: then going on is the only way forward, and
            // this organisation goes without a permit. While the writer waits so, no permit
            // comes back.
            func permit(for index: Int) -> Bool {
                if inFlight.wait(timeout: .now()) == .success { return true }
                while true {
                    flushReady()
                    let waitingFor = ordered.nextIndex
                    if waitingFor == index || current?.index == waitingFor || pending.values.contains(where: { $0.index == waitingFor }) {
                        return false
                    }
                    if inFlight.wait(timeout: .now() + .milliseconds(20)) == .success { return true }
                }
            }
            func handOver(_ work: Work) {
                var work = work
                work.permitted = permit(for: work.index)
                ready.append(work)
                if ready.count >= BatchRunner.handOverSize { flushReady() }
            }
            var ignored: [String] = []
            do {
                try input.forEachRow(warnings: &ignored) { position, row in
                    guard let name = row.organisation else {
                        if case .rejected(let rejected) = row { rejectedByReading.add(rejected) }
                        return
                    }
                    if let last = organisations.lastRow(of: name) {
                        if pending[name] == nil {
                            pending[name] = Work(index: nextIndex, organisation: name, rows: [])
                            nextIndex += 1
                        }
                        pending[name]?.rows.append(row)
                        if last == position, let done = pending.removeValue(forKey: name) { handOver(done) }
                    } else {
                        if current?.organisation != name {
                            if let done = current { handOver(done) }
                            current = Work(index: nextIndex, organisation: name, rows: [])
                            nextIndex += 1
                        }
                        current?.rows.append(row)
                    }
                }
                if let done = current { handOver(done) }
            } catch {
                rejectedByReading.add(RejectedRow(file: "", row: 0, reason: String(describing: error)))
            }
            for rest in pending.values.sorted(by: { $0.index < $1.index }) { handOver(rest) }
            flushReady()
            queue.close()
        }
        reader.stackSize = 8 << 20
        reader.start()

        // Write in order as results arrive.
        let progress = Progress(total: total, enabled: options.progress)
        // Whatever has arrived in order is taken at once: one meeting per run, not per organisation.
        while case let done = ordered.takeReady(), !done.isEmpty {
            // Organisations one worker evaluated one after another sit side by side in its
            // buffer: each such run is written at once.
            var run: (lines: Lines, json: Range<Int>, csv: Range<Int>)?
            for (outcome, permitted) in done {
                if permitted { inFlight.signal() }
                switch outcome {
                case .evaluated(let lines, let json, let csv, let report, let rows):
                    if let current = run, current.lines === lines, current.json.upperBound == json.lowerBound,
                       current.csv.upperBound == csv.lowerBound {
                        run = (lines, current.json.lowerBound..<json.upperBound, current.csv.lowerBound..<csv.upperBound)
                    } else {
                        if let current = run { try output.writeResults(json: current.lines.json[current.json], csv: current.lines.csv[current.csv]) }
                        run = (lines, json, csv)
                    }
                    if let report, let format = options.reports { try output.writeReport(report.text, organisation: report.organisation, format: format) }
                    progress.advance(by: rows)
                case .rejected(let rows):
                    progress.advance(by: rows)
                }
            }
            if let current = run { try output.writeResults(json: current.lines.json[current.json], csv: current.lines.csv[current.csv]) }
        }
        // Each worker summarised what it evaluated; summaries merge exactly.
        var summary = AreaSummary(framework: framework)
        for worker in workers {
            worker.wait()
            if let part = worker.summary { summary.merge(part) }
        }
        progress.finish()
        let rejected = rejectedByReading.all + rejectedByWorkers.all
        summary.rowsRejected = rejected.count
        summary.rowsRead = summary.rowsEvaluated + summary.rowsRejected
        try output.finish(rejected: rejected, summary: summary, framework: framework)
        return summary
    }

    /// How many organisations go to a worker at once.
    static let handOverSize = 64

    private func startWorkers(queue: WorkQueue<[Work]>, ordered: ReorderBuffer<Done>, rejected: RejectedRows) throws -> [WorkerHandle] {
        let finishedWorkers = FinishedCount(total: options.jobs, ordered: ordered)
        var handles: [WorkerHandle] = []
        let setup = WorkerSetup(reference: frameworkReference, catalog: catalog, reader: input.reader, limits: options.limits,
                                reports: options.reports)
        for _ in 0..<options.jobs {
            let handle = WorkerHandle()
            let thread = Thread {
                handle.summary = setup.work(queue: queue, ordered: ordered, rejected: rejected)
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
    let reader: AssessmentReader
    let limits: LuaLimits
    let reports: BatchRunner.ReportFormat?

    /// Reads, evaluates and writes out organisations until the queue closes; returns the summary
    /// of what it evaluated.
    func work(queue: WorkQueue<[BatchRunner.Work]>, ordered: ReorderBuffer<BatchRunner.Done>, rejected: RejectedRows) -> AreaSummary? {
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
                for work in batch {
                    rejected.add(work.rows.map { row in
                        let origin = row.read(with: reader)
                        return WorkerSetup.rejection(origin, organisation: work.organisation, reason: "the framework could not be loaded: \(error)")
                    })
                }
                ordered.add(batch.map { ($0.index, (.rejected(rows: $0.rows.count), $0.permitted)) })
            }
            return nil
        }
        // The worker's own reader and its own copy of each file's name: what every organisation
        // touches is not shared with the other workers, whose counting of references to the
        // same objects would otherwise hold each other up.
        let own = AssessmentReader(framework: framework, strict: reader.strict)
        let workerReader = own.slotSignature == reader.slotSignature ? own : reader
        var fileNames: (shared: String, own: String) = ("", "")
        var summary = AreaSummary(framework: framework)
        var json = JSONStream(capacity: 1 << 18)
        let layout = ResultJSON.Layout(framework: framework)
        var csv: [UInt8] = []
        var evaluated: [(index: Int, json: Range<Int>, csv: Range<Int>, report: BatchRunner.Report?, rows: Int, permitted: Bool)] = []
        var outcomes: [(Int, BatchRunner.Done)] = []
        var rejections: [RejectedRow] = []
        while let batch = queue.take() {
            outcomes.removeAll(keepingCapacity: true)
            evaluated.removeAll(keepingCapacity: true)
            json.reset()
            csv.removeAll(keepingCapacity: true)
            for work in batch {
                var responses: [Response] = []
                responses.reserveCapacity(work.rows.count)
                for row in work.rows {
                    var ownFile: String?
                    if let file = row.file {
                        if file != fileNames.shared { fileNames = (file, String(decoding: Array(file.utf8), as: UTF8.self)) }
                        ownFile = fileNames.own
                    }
                    switch row.read(with: workerReader, file: ownFile) {
                    case .response(let response): responses.append(response)
                    case .rejected(let row): rejections.append(row)
                    case .blank: continue
                    }
                }
                guard !responses.isEmpty else {
                    outcomes.append((work.index, (.rejected(rows: work.rows.count), work.permitted)))
                    continue
                }
                let assessment = Assessment(organisation: work.organisation, responses: responses)
                do {
                    let result = try evaluator.evaluate(assessment, rules: rules)
                    let report: String? = switch reports {
                    case .md: MarkdownReport.render(result, framework: framework)
                    case .html: HTMLReport.render(result, framework: framework)
                    case nil: nil
                    }
                    let jsonStart = json.bytes.count
                    ResultJSON.write(result, to: &json, layout: layout)
                    json.raw("\n")
                    let csvStart = csv.count
                    ResultCSV.write(result, to: &csv)
                    summary.add(result)
                    evaluated.append((work.index, jsonStart..<json.bytes.count, csvStart..<csv.count,
                                      report.map { BatchRunner.Report(organisation: result.organisation, text: $0) }, work.rows.count, work.permitted))
                } catch {
                    summary.organisationsFailed += 1
                    rejections += responses.map {
                        RejectedRow(file: $0.file, row: $0.row, organisation: assessment.organisation, reason: error.located)
                    }
                    outcomes.append((work.index, (.rejected(rows: work.rows.count), work.permitted)))
                }
            }
            if !rejections.isEmpty {
                rejected.add(rejections)
                rejections.removeAll(keepingCapacity: true)
            }
            var table: [UInt8] = []
            table.reserveCapacity(csv.capacity)
            swap(&table, &csv)
            let lines = BatchRunner.Lines(json: json.takeBytes(), csv: table)
            outcomes += evaluated.map { ($0.index, (.evaluated(lines: lines, json: $0.json, csv: $0.csv, report: $0.report, rows: $0.rows), $0.permitted)) }
            ordered.add(outcomes)
        }
        return summary
    }

    private static func rejection(_ outcome: AssessmentReader.Outcome, organisation: String, reason: String) -> RejectedRow {
        switch outcome {
        case .response(let response): RejectedRow(file: response.file, row: response.row, organisation: organisation, reason: reason)
        case .rejected(let row): row
        case .blank: RejectedRow(file: "", row: 0, organisation: organisation, reason: reason)
        }
    }
}

/// Rows rejected while reading, collected from the reading thread.
final class RejectedRows: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var rows: [RejectedRow] = []

    func add(_ row: RejectedRow) { lock.withLock { rows.append(row) } }
    func add(_ more: [RejectedRow]) { lock.withLock { rows += more } }
    var all: [RejectedRow] { lock.withLock { rows } }
}

/// Closes the ordered results once every worker has stopped.
final class FinishedCount: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var remaining: Int
    private let ordered: ReorderBuffer<BatchRunner.Done>

    init(total: Int, ordered: ReorderBuffer<BatchRunner.Done>) {
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
    /// Set by the worker before it signals; read after `wait`.
    var summary: AreaSummary?
    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
}
