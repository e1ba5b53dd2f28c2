import CoprodCore
import CoprodIO
import CoprodReports
import Foundation
import LuaHost

/// Everything a worker needs to build its own Lua state; it crosses threads as plain data.
struct BatchWorker: Sendable {
    let reference: String
    let catalog: FrameworkCatalog
    let input: BatchInput
    let limits: LuaLimits
    let reports: BatchRunner.ReportFormat?
    let limitNotice: LimitNotice

    /// Loads the framework, waits for the plan, then reads and evaluates chunks until none are
    /// left; returns the summary of what it evaluated.
    func work(_ start: WorkerStart) -> AreaSummary? {
        var evaluation = OrganisationEvaluation(worker: self)
        guard let batch = start.wait() else { return nil }
        let plan = batch.plan
        // The worker's own copies of what every row touches (file names, columns, the plan's
        // look-up), so that workers do not hold each other up counting references to them.
        let files = input.files.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        var columns: [Int: AssessmentReader.Columns] = [:]
        for (file, header) in plan.headers {
            var ignored: [String] = []
            columns[file] = try? evaluation.reader.columns(header, file: files[file], warnings: &ignored)
        }
        let organisations = plan.organisations.copy()
        evaluation.similarKeys = organisations.similarKeys

        while let index = batch.dispenser.take() {
            let chunk = plan.chunks[index]
            var items: [BatchRunner.Item] = []
            var scattered: [ScatteredRows.Row] = []
            var current: (organisation: String, rows: [BatchRow])?
            var visited = 0
            do throws(InputError) {
                try input.forEachRow(in: chunk, file: files[chunk.file], columns: columns[chunk.file]) { position, row in
                    visited += 1
                    guard let name = row.organisation else {
                        if case .rejected(let rejected) = row { evaluation.rejections.append(rejected) }
                        return
                    }
                    if let last = organisations.lastRow(of: name) {
                        // The run before it has ended: its results come first.
                        if let done = current { items.append(evaluation.evaluate(done.organisation, rows: done.rows)) }
                        current = nil
                        scattered.append((name, position, row, plan.chunk(holding: last)))
                        if position == last { items.append(.scattered(name)) }
                    } else if current?.organisation == name {
                        current?.rows.append(row)
                    } else {
                        if let done = current { items.append(evaluation.evaluate(done.organisation, rows: done.rows)) }
                        current = (name, [row])
                    }
                }
                // The first pass counted the chunk's rows: reading them again must find as many.
                if visited != chunk.rows { throw BatchInput.readDifferently(files[chunk.file], chunk: chunk, visited: visited) }
            } catch {
                batch.unread.record(error)
            }
            if let done = current { items.append(evaluation.evaluate(done.organisation, rows: done.rows)) }
            batch.results.add(chunk: index, BatchRunner.ChunkResults(lines: evaluation.takeLines(spare: batch.spare), items: items, rows: chunk.rows))
            for complete in batch.scattered.finish(chunk: index, adding: scattered) {
                let item = evaluation.evaluate(complete.organisation, rows: complete.rows)
                batch.results.add(scattered: complete.organisation,
                                  BatchRunner.ChunkResults(lines: evaluation.takeLines(spare: batch.spare), items: [item], rows: 0))
            }
            if !evaluation.rejections.isEmpty {
                batch.rejected.add(evaluation.rejections)
                evaluation.rejections.removeAll(keepingCapacity: true)
            }
        }
        if !evaluation.similarNames.isEmpty { batch.similar.add(evaluation.similarNames) }
        return evaluation.summary
    }
}

/// One worker's Lua state with the framework, its reader, and the lines written since the last
/// hand-over.
struct OrganisationEvaluation {
    /// Why the framework could not be loaded: every organisation is then rejected with it.
    private var failure: String?
    private var framework: Framework?
    private var evaluator: Evaluator?
    private var rules: FrameworkRules?
    private var layout: ResultJSON.Layout?
    private let reports: BatchRunner.ReportFormat?
    private let limitNotice: LimitNotice
    /// The worker's own reader: what every organisation touches is not shared with the other
    /// workers.
    let reader: AssessmentReader
    private(set) var summary: AreaSummary?
    var rejections: [RejectedRow] = []
    /// What JSON respondents' keys map to.
    private var keyColumns = JSONKeyColumns()
    private var json = JSONStream(capacity: 1 << 18)
    private var csv: [UInt8] = []
    /// The folded keys of names the first pass met under two spellings (most batches none),
    /// and the names evaluated under them.
    var similarKeys: Set<UInt64> = []
    private(set) var similarNames: [UInt64: [String]] = [:]

    init(worker: BatchWorker) {
        reports = worker.reports
        limitNotice = worker.limitNotice
        do {
            let state = try worker.catalog.makeState(limits: worker.limits, print: Diagnostics.frameworkPrint)
            let framework = try worker.catalog.load(worker.reference, in: state)
            self.framework = framework
            evaluator = Evaluator(framework: framework)
            rules = try FrameworkRules(framework: framework, state: state)
            layout = ResultJSON.Layout(framework: framework)
            summary = AreaSummary(framework: framework)
            let own = AssessmentReader(framework: framework, strict: worker.input.reader.strict)
            reader = own.slotSignature == worker.input.reader.slotSignature ? own : worker.input.reader
        } catch {
            failure = "the framework could not be loaded: \(error)"
            reader = worker.input.reader
        }
    }

    /// Reads and evaluates one organisation's rows, writing its lines; rejected rows are kept
    /// in `rejections`.
    mutating func evaluate(_ organisation: String, rows: [BatchRow]) -> BatchRunner.Item {
        var responses: [Response] = []
        responses.reserveCapacity(rows.count)
        let firstRejection = rejections.count
        for row in rows {
            switch row.read(with: reader, keyColumns: &keyColumns) {
            case .response(let response): responses.append(response)
            case .rejected(let row): rejections.append(row)
            case .blank: continue
            }
        }
        guard !responses.isEmpty else { return .rejected }
        guard let framework, let evaluator, let layout, failure == nil else {
            rejections += responses.map { RejectedRow(file: $0.file, row: $0.row, organisation: organisation, reason: failure ?? "") }
            return .rejected
        }
        let assessment = Assessment(organisation: organisation, responses: responses)
        do {
            var result = try evaluator.evaluate(assessment, rules: rules)
            if rejections.count > firstRejection { result.noteLeftOut(rejections[firstRejection...]) }
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
            summary?.add(result)
            if !similarKeys.isEmpty { noteSimilar(organisation) }
            return .evaluated(json: jsonStart..<json.bytes.count, csv: csvStart..<csv.count,
                              report: report.map { BatchRunner.Report(organisation: result.organisation, text: $0) })
        } catch {
            limitNotice.ruleStopped(organisation, by: error)
            summary?.organisationsFailed += 1
            rejections += responses.map { RejectedRow(file: $0.file, row: $0.row, organisation: organisation, reason: error.located) }
            return .rejected
        }
    }

    private mutating func noteSimilar(_ organisation: String) {
        let key = SimilarNames.key(organisation)
        // Every name under the key, so that the warning does not depend on which worker had which.
        guard similarKeys.contains(key) else { return }
        similarNames[key, default: []].append(organisation)
    }

    /// The lines written since the last call, handed over whole; writing goes on in buffers
    /// from `spare`.
    mutating func takeLines(spare: SpareBuffers) -> BatchRunner.Lines {
        var table = spare.take()
        table.removeAll(keepingCapacity: true)
        table.reserveCapacity(csv.count)
        swap(&table, &csv)
        return BatchRunner.Lines(json: json.takeBytes(continuingIn: spare.take()), csv: table, spare: spare)
    }
}
