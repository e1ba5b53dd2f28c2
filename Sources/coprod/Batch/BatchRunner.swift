import CoprodCore
import CoprodIO
import CoprodReports
import Foundation
import LuaHost

/// Evaluates every organisation in the inputs on several workers, each with its own Lua state,
/// and writes the results in input order.
///
/// A first pass plans the inputs: it finds organisations whose rows are apart and cuts the
/// inputs into chunks where an organisation's rows start. Each worker then takes the next chunk,
/// reads it, evaluates its organisations and writes their lines into a buffer of its own; the
/// calling thread writes the buffers in chunk order. A row that cannot be read, or an
/// organisation whose rules fail or hit a limit, is rejected with its reason; the batch goes on,
/// and rows read = evaluated + rejected.
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

    /// What became of one organisation, in a chunk's results.
    enum Item: Sendable {
        case evaluated(json: Range<Int>, csv: Range<Int>, report: Report?)
        case rejected
        /// The last row of an organisation whose rows are apart: its results go here, where all
        /// its rows have been read.
        case scattered(String)
    }

    /// What a worker made of one chunk (or of one scattered organisation).
    struct ChunkResults: Sendable {
        var lines: Lines
        var items: [Item]
        /// The rows of the chunk, for progress.
        var rows: Int
    }

    /// The results lines of one chunk, in one buffer per file: one allocation per chunk rather
    /// than per organisation. Once written, the buffers go back to `spare` for a worker to
    /// write into again.
    final class Lines: Sendable {
        let json: [UInt8]
        let csv: [UInt8]
        private let spare: SpareBuffers

        init(json: [UInt8], csv: [UInt8], spare: SpareBuffers) {
            self.json = json
            self.csv = csv
            self.spare = spare
        }

        deinit { spare.give(json, csv) }
    }

    struct Report: Sendable {
        var organisation: String
        var text: String
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
        // Workers load the framework while the inputs are planned.
        let start = WorkerStart()
        let workers = startWorkers(start)

        var warnings: [String] = []
        var plan: BatchPlan
        do {
            plan = try input.plan(warnings: &warnings)
        } catch {
            start.cancel()
            for worker in workers { worker.wait() }
            throw error
        }
        plan.organisations.finish()
        for warning in warnings { Diagnostics.standardError("coprod: warning: \(warning)") }

        // A few chunks per worker between evaluating and writing keep every worker busy.
        let window = options.jobs * 4
        let dispenser = ChunkDispenser(count: plan.chunks.count, window: window)
        let results = BatchResults()
        let rejected = RejectedRows()
        // Two buffers for each chunk that can be on its way: those in the window and one in
        // each worker's hands.
        let spare = SpareBuffers(limit: 2 * (window + options.jobs))
        let unread = FirstFailure()
        let similar = SimilarNamesFound()
        start.go(Batch(plan: plan, dispenser: dispenser, results: results, scattered: ScatteredRows(chunks: plan.chunks.count),
                       rejected: rejected, spare: spare, unread: unread, similar: similar))

        let progress = Progress(total: plan.rows, enabled: options.progress)
        var writer = ResultsWriter(output: output, reports: options.reports)
        for index in plan.chunks.indices {
            guard let chunk = results.take(chunk: index) else { break }
            // A scattered organisation's last row is in this chunk, and every chunk before it
            // is done: it is evaluated, or about to be.
            try writer.write(chunk) { results.take(scattered: $0) }
            dispenser.written(upTo: index + 1)
            progress.advance(by: chunk.rows)
        }

        // Each worker summarised what it evaluated; summaries merge exactly.
        var summary = AreaSummary(framework: framework)
        for worker in workers {
            worker.wait()
            if let part = worker.summary { summary.merge(part) }
        }
        // Two scattered organisations whose names hash alike share one last row, where only one
        // of them is put: the other comes last.
        for rest in results.takeScattered() { try writer.write(rest) { _ in nil } }
        try writer.flush()
        progress.finish()
        // Results are kept only if every row planned was read, from the inputs as they were.
        if let failure = unread.error { throw failure }
        try input.checkUnchanged()
        summary.rowsRejected = rejected.all.count
        // Rows read are those the first pass counted, and each must be evaluated or rejected.
        summary.rowsRead = plan.rows
        if summary.rowsEvaluated + summary.rowsRejected != summary.rowsRead { throw BatchRunner.unaccounted(summary) }
        try output.finish(rejected: rejected.all, summary: summary, framework: framework)
        if let warning = similar.warning { Diagnostics.standardError("coprod: warning: \(warning)") }
        return summary
    }

    /// Why a batch whose counts do not add up keeps no results: a row neither evaluated nor
    /// rejected would be lost without a word, which no batch may do.
    static func unaccounted(_ summary: AreaSummary) -> InputError {
        InputError("\(counted(summary.rowsRead, "row")) read, but \(grouped(summary.rowsEvaluated)) evaluated and "
            + "\(grouped(summary.rowsRejected)) rejected, so the results were not kept: this is a fault in coprod, "
            + "please report it, with the inputs if you can")
    }

    /// What the workers share once the inputs are planned.
    struct Batch: Sendable {
        let plan: BatchPlan
        let dispenser: ChunkDispenser
        let results: BatchResults
        let scattered: ScatteredRows
        let rejected: RejectedRows
        let spare: SpareBuffers
        /// Why a chunk could not be read once planned, which stops the batch.
        let unread: FirstFailure
        let similar: SimilarNamesFound
    }

    private func startWorkers(_ start: WorkerStart) -> [WorkerHandle] {
        let finished = FinishedCount(total: options.jobs)
        let worker = BatchWorker(reference: frameworkReference, catalog: catalog, input: input, limits: options.limits,
                                 reports: options.reports, limitNotice: LimitNotice(clearsProgress: options.progress))
        return (0..<options.jobs).map { _ in
            let handle = WorkerHandle()
            let thread = Thread {
                handle.summary = worker.work(start)
                if finished.workerFinished() { start.batch?.results.finish() }
                handle.signal()
            }
            // Lua's parser and pattern matcher recurse in C; give them room.
            thread.stackSize = 16 << 20
            thread.start()
            return handle
        }
    }
}

/// Writes chunks' results in order: a run of organisations side by side in one worker's buffer
/// is written at once.
struct ResultsWriter {
    let output: BatchOutput
    let reports: BatchRunner.ReportFormat?
    private var run: (lines: BatchRunner.Lines, json: Range<Int>, csv: Range<Int>)?

    init(output: BatchOutput, reports: BatchRunner.ReportFormat?) {
        self.output = output
        self.reports = reports
    }

    /// Writes `chunk`; `scattered` gives the results of a scattered organisation to put where
    /// its last row is.
    mutating func write(_ chunk: BatchRunner.ChunkResults, scattered: (String) -> BatchRunner.ChunkResults?) throws {
        for item in chunk.items {
            switch item {
            case .evaluated(let json, let csv, let report):
                if let current = run, current.lines === chunk.lines, current.json.upperBound == json.lowerBound,
                   current.csv.upperBound == csv.lowerBound {
                    run = (chunk.lines, current.json.lowerBound..<json.upperBound, current.csv.lowerBound..<csv.upperBound)
                } else {
                    try flush()
                    run = (chunk.lines, json, csv)
                }
                if let report, let reports { try output.writeReport(report.text, organisation: report.organisation, format: reports) }
            case .rejected:
                continue
            case .scattered(let organisation):
                guard let results = scattered(organisation) else { continue }
                try write(results) { _ in nil }
            }
        }
    }

    mutating func flush() throws {
        guard let current = run else { return }
        run = nil
        try output.writeResults(json: current.lines.json[current.json], csv: current.lines.csv[current.csv])
    }
}
