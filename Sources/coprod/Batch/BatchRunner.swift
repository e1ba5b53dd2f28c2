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
/// reads it, evaluates its organisations and writes their lines into a buffer of its own, then
/// writes whatever buffers are next in chunk order (`ResultsInOrder`); the calling thread shows
/// progress. A row that cannot be read, or an
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
        let results = ResultsInOrder(writer: ResultsWriter(output: output, reports: options.reports), dispenser: dispenser)
        let rejected = RejectedRows()
        // Two buffers for each chunk that can be on its way: those in the window and one in
        // each worker's hands.
        let spare = SpareBuffers(limit: 2 * (window + options.jobs))
        let unread = FirstFailure()
        let similar = SimilarNamesFound()
        start.go(Batch(plan: plan, dispenser: dispenser, results: results, scattered: ScatteredRows(chunks: plan.chunks.count),
                       rejected: rejected, spare: spare, unread: unread, similar: similar))

        // The workers write the results as they go; this thread shows how far they are.
        let progress = Progress(total: plan.rows, enabled: options.progress)
        progress.update(to: 0)
        for worker in workers {
            while !worker.wait(seconds: 0.2) { progress.update(to: results.rowsWritten) }
        }
        try results.finish()
        progress.update(to: results.rowsWritten)
        progress.finish()

        // Each worker summarised what it evaluated; summaries merge exactly.
        var summary = AreaSummary(framework: framework)
        for worker in workers {
            if let part = worker.summary { summary.merge(part) }
        }
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
        let results: ResultsInOrder
        let scattered: ScatteredRows
        let rejected: RejectedRows
        let spare: SpareBuffers
        /// Why a chunk could not be read once planned, which stops the batch.
        let unread: FirstFailure
        let similar: SimilarNamesFound
    }

    private func startWorkers(_ start: WorkerStart) -> [WorkerHandle] {
        let worker = BatchWorker(reference: frameworkReference, catalog: catalog, input: input, limits: options.limits,
                                 reports: options.reports, limitNotice: LimitNotice(clearsProgress: options.progress))
        return (0..<options.jobs).map { _ in
            let handle = WorkerHandle()
            let thread = Thread {
                handle.summary = worker.work(start)
                handle.signal()
            }
            // Lua's parser and pattern matcher recurse in C; give them room.
            thread.stackSize = 16 << 20
            thread.start()
            return handle
        }
    }
}
