import CoprodCore
import CoprodIO
import Foundation

/// Reads batch inputs record by record: CSV, JSON Lines (`.jsonl`, one respondent per line) and
/// JSON (an array of respondents), each a block at a time. The inputs are read twice: once to plan (where each
/// organisation's last row is, and where the inputs can be cut into chunks), then chunk by chunk
/// by the workers, so an organisation can be evaluated as soon as its last row has been read and
/// memory stays flat however long the input is.
struct BatchInput: Sendable {
    let files: [String]
    let reader: AssessmentReader
    /// About how much CSV each chunk holds.
    var chunkBytes = Chunk.size
    /// The size and last change of each input when the batch began. A batch reads its inputs
    /// twice, and a file that changed in between (a forms tool still writing it, a sync) would
    /// give results from both.
    let states: [InputState]

    /// Notes what `files` look like now: make it before anything the batch writes.
    init(files: [String], reader: AssessmentReader, chunkBytes: Int = Chunk.size) {
        self.files = files
        self.reader = reader
        self.chunkBytes = chunkBytes
        states = BatchInput.states(of: files)
    }

    private static func states(of files: [String]) -> [InputState] {
        files.map { file in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            return InputState(size: attributes?[.size] as? Int, modified: attributes?[.modificationDate] as? Date)
        }
    }

    /// The most chunks the inputs can be cut into: more workers than that would have nothing to do.
    var mostChunks: Int {
        states.reduce(0) { $0 + ($1.size ?? 0) / max(1, chunkBytes) + 1 }
    }

    /// Throws unless every input is a file that can be read (twice), given once: checked before
    /// anything is written, so that a mistyped name leaves nothing behind.
    func checkReadable() throws(InputError) {
        for file in files { try InputFile.checkRereadable(file) }
        try InputFile.checkDistinct(files, twice: "its rows would be counted twice")
    }

    /// Throws if an input is no longer as it was when the batch began.
    func checkUnchanged() throws(InputError) {
        for (file, (was, now)) in zip(files, zip(states, BatchInput.states(of: files))) where was != now {
            throw InputError("\(file) changed while the batch read it, so its results were not kept: run the batch again once the file is complete")
        }
    }

    /// Pass 1: where organisations whose rows are not all together have their last row, and the
    /// chunks. Only the organisation column of a CSV is looked at. Positions count the rows that
    /// reading a chunk visits.
    func plan(warnings: inout [String]) throws(InputError) -> BatchPlan {
        let bytes = states.reduce(0) { $0 + ($1.size ?? 0) }
        var plan = BatchPlan(organisations: OrganisationPlan(bytes: bytes))
        for (index, file) in files.enumerated() {
            plan.organisations.startFile()
            if InputKind(file: file) != .csv {
                try planJSON(file, index: index, into: &plan, warnings: &warnings)
                continue
            }
            guard var records = CSVReader(path: file) else { throw InputFile.unreadableAgain(file) }
            guard let header = records.next() else {
                throw records.readFailure.map { InputError("cannot read \(file): \($0)") } ?? AssessmentReader.emptyCSV(file)
            }
            let columns = try reader.columns(header, file: file, warnings: &warnings) {
                InputFile.firstBytes(of: file, count: NotCSV.prefixLength)
            }
            plan.headers[index] = header
            var start = (mark: records.mark, position: plan.rows)
            func cut(at mark: CSVReader.Mark) {
                guard plan.rows > start.position else { return }
                plan.chunks.append(Chunk(file: index, csv: (start.mark, mark.offset), firstPosition: start.position,
                                         rows: plan.rows - start.position))
                start = (mark, plan.rows)
            }
            while true {
                let before = records.mark
                guard let raw = records.nextRaw(keyField: columns.organisationIndex, keepingBytes: false) else { break }
                if raw.isBlank && !raw.hasQuoteProblem { continue }
                let organisation = BatchInput.organisation(of: raw, columns: columns)
                // A chunk ends only where a run of an organisation's rows starts.
                if organisation != nil, before.offset - start.mark.offset >= chunkBytes, plan.organisations.startsRun(organisation) {
                    cut(at: before)
                }
                plan.organisations.add(organisation)
            }
            try BatchInput.checkRead(records, file: file)
            cut(at: records.mark)
        }
        return plan
    }

    /// Plans a JSON Lines or JSON file as a CSV one: chunks of about `chunkBytes`, cut only where
    /// a run of an organisation's respondents starts. Each respondent is parsed here for its
    /// organisation, and again by the worker that evaluates it.
    private func planJSON(_ file: String, index: Int, into plan: inout BatchPlan, warnings: inout [String]) throws(InputError) {
        if let reason = NotText.reason(firstBytes: InputFile.firstBytes(of: file, count: NotText.prefixLength), file: file, format: .json) {
            throw InputError(reason)
        }
        var start = (place: JSONPlace(offset: 0, number: 1, position: .start), position: plan.rows)
        func cut(at next: JSONPlace) {
            guard plan.rows > start.position else { return }
            plan.chunks.append(Chunk(file: index, json: (start.place.offset, next.offset, start.place.number, start.place.position),
                                     firstPosition: start.position, rows: plan.rows - start.position))
            start = (next, plan.rows)
        }
        let before = plan.rows
        let end = try forEachJSONRespondent(file, warnings: &warnings, checkingKeys: true) { place, row in
            if let organisation = row.organisation, place.offset - start.place.offset >= chunkBytes, plan.organisations.startsRun(organisation) {
                cut(at: place)
            }
            plan.organisations.add(row.organisation)
        }
        // Blank lines are skipped, and a JSON file with no array throws on its own.
        if plan.rows == before && InputKind(file: file) == .jsonLines { throw AssessmentReader.emptyJSONLines(file) }
        cut(at: end)
    }

    /// Where a line or an item starts: its offset in the file, its number, and its line and
    /// column.
    struct JSONPlace {
        var offset: Int
        var number: Int
        var position: TextPosition
    }

    /// Visits the respondent on each line of a JSON Lines file, or in each item of a JSON file's
    /// array, with where it starts; or those of the part of the file from `first` to `end`.
    /// Blank lines are skipped. `checkingKeys` warns of keys that are not part of the framework.
    /// Returns where reading ended. A JSON file that is not an array of respondents, or that ends
    /// before its array is closed, throws, saying where, once its items have been visited.
    @discardableResult
    private func forEachJSONRespondent(_ file: String, from first: JSONPlace = JSONPlace(offset: 0, number: 1, position: .start),
                                       to end: Int = Int.max, warnings: inout [String], checkingKeys: Bool = false,
                                       _ visit: (JSONPlace, BatchRow) -> Void) throws(InputError) -> JSONPlace {
        let range = first.offset..<end
        let blockSize = min(range.count, 1 << 20)
        var keys = JSONKeyWarnings(checking: checkingKeys)
        // The first pass refuses a file whose respondents answer nothing, as reading it whole does.
        var answerKeys = JSONAnswerKeys()
        if InputKind(file: file) == .jsonLines {
            guard var lines = LineReader(path: file, range: range, firstLine: first.number, blockSize: blockSize) else {
                throw InputFile.unreadableAgain(file)
            }
            while let line = lines.nextLine() {
                if line.isBlank { continue }
                if checkingKeys { answerKeys.note(line.bytes, reader: reader) }
                visit(JSONPlace(offset: line.offset, number: line.number, position: TextPosition(line: line.number, column: 1)),
                      respondent(line.bytes, number: line.number, start: nil, file: file, keys: &keys, warnings: &warnings))
            }
            if let failure = lines.readFailure { throw InputError("cannot read \(file) past line \(lines.next.number - 1): \(failure)") }
            if checkingKeys { try answerKeys.check(file, reader: reader) }
            return JSONPlace(offset: lines.next.offset, number: lines.next.number, position: TextPosition(line: lines.next.number, column: 1))
        }
        guard var items = JSONItemReader(path: file, range: range, firstItem: first.number, firstPosition: first.position, blockSize: blockSize) else {
            throw InputFile.unreadableAgain(file)
        }
        while let item = items.nextItem() {
            if checkingKeys { answerKeys.note(item.bytes, reader: reader) }
            visit(JSONPlace(offset: item.offset, number: item.number, position: item.position),
                  respondent(item.bytes, number: item.number, start: item.position, file: file, keys: &keys, warnings: &warnings))
        }
        if let failure = items.readFailure { throw InputError("cannot read \(file) past item \(items.next.number - 1): \(failure)") }
        if let problem = items.problem { throw InputError("\(file): \(problem)") }
        if checkingKeys { try answerKeys.check(file, reader: reader) }
        return JSONPlace(offset: items.next.offset, number: items.next.number, position: items.nextPosition)
    }

    /// Visits every row of `chunk` in order, with the row's position among all rows. CSV records
    /// are found but not split: the worker that visits them splits and reads them. `file` names
    /// the chunk's file in the rows; `columns` are its CSV header's.
    func forEachRow(in chunk: Chunk, file: String, columns: AssessmentReader.Columns?,
                    _ visit: (Int, BatchRow) -> Void) throws(InputError) {
        if let (start, end, first, place) = chunk.json {
            var position = chunk.firstPosition
            var ignored: [String] = []
            try forEachJSONRespondent(file, from: JSONPlace(offset: start, number: first, position: place), to: end, warnings: &ignored) { _, row in
                visit(position, row)
                position += 1
            }
            return
        }
        guard let (start, end) = chunk.csv else { return }
        guard let columns else { throw InputError("\(file): the header could not be mapped to the framework") }
        guard var records = CSVReader(path: file, range: start.offset..<end, from: start, blockSize: end - start.offset) else {
            throw InputFile.unreadableAgain(file)
        }
        var position = chunk.firstPosition
        // A chunk starts at a row with an organisation (or the file's first): the nearest row
        // above with one is in the chunk, as reading the file whole finds it.
        var above: String?
        while let raw = records.nextRaw(keyField: columns.organisationIndex) {
            if raw.isBlank && !raw.hasQuoteProblem { continue }
            let organisation = BatchInput.organisation(of: raw, columns: columns)
            visit(position, row(raw, organisation: organisation, above: above, columns: columns, file: file))
            if let organisation { above = organisation }
            position += 1
        }
        try BatchInput.checkRead(records, file: file)
    }

    /// Why a chunk read again gave another number of rows than the first pass counted in it: the
    /// file changed in a way its size and time did not show (or coprod is at fault), and results
    /// that could leave rows out are not kept.
    static func readDifferently(_ file: String, chunk: Chunk, visited: Int) -> InputError {
        let place = chunk.json.map { "from \(InputKind(file: file) == .jsonLines ? "line" : "item") \($0.first)" }
            ?? chunk.csv.map { "from row \($0.start.row + 1)" } ?? ""
        return InputError("\(file) read differently the second time: \(counted(visited, "row")) \(place) where the first pass "
            + "counted \(chunk.rows), so the results were not kept. If the file did not change while the batch ran, "
            + "this is a fault in coprod: please report it, with the file if you can")
    }

    /// Throws if `records` stopped before the end of what it was to read.
    private static func checkRead(_ records: CSVReader, file: String) throws(InputError) {
        if let failure = records.readFailure { throw InputError("cannot read \(file) past row \(records.mark.row): \(failure)") }
    }

    /// A record grouped under its `organisation`, or rejected if it cannot be grouped; `above`
    /// is the organisation of the nearest row above with one.
    private func row(_ raw: CSVReader.RawRecord, organisation: String?, above: String?, columns: AssessmentReader.Columns, file: String) -> BatchRow {
        if let organisation { return .record(raw, organisation: organisation, columns: columns, file: file) }
        return .rejected(BatchInput.rejection(reader.response(raw.record, columns: columns, file: file, organisationAbove: above),
                                              file: file, row: raw.row))
    }

    /// The organisation a record is grouped under: nil for one that cannot be grouped (a quote
    /// problem, the wrong number of fields, no organisation), which is rejected as it is read.
    /// Both passes group by this.
    private static func organisation(of raw: CSVReader.RawRecord, columns: AssessmentReader.Columns) -> String? {
        guard !raw.hasQuoteProblem, raw.fieldCount == columns.count, let name = raw.key?.trimmingWhitespaceForInput, !name.isEmpty
        else { return nil }
        return name
    }

    /// Why a record that cannot be grouped is rejected: the reader's reason. The other two
    /// outcomes should not happen (a blank record is skipped before, and one the reader takes has
    /// an organisation), but the row is still accounted for, in its place.
    private static func rejection(_ outcome: AssessmentReader.Outcome, file: String, row: Int) -> RejectedRow {
        switch outcome {
        case .rejected(let row): row
        case .response(let response): RejectedRow(file: response.file, row: response.row, reason: "the row could not be grouped")
        case .blank: RejectedRow(file: file, row: row, reason: "the row could not be grouped")
        }
    }

    /// One respondent, from a line of a JSON Lines file or an item of a JSON file (which starts
    /// at `start`), numbered as its line or item. When its organisation can be found from its
    /// keys alone, it is read in full only by the worker that evaluates it (both passes group it
    /// by that name); otherwise it is read now, and a text that is not one respondent is
    /// rejected with why.
    private func respondent(_ text: ArraySlice<UInt8>, number: Int, start: TextPosition?, file: String, keys: inout JSONKeyWarnings,
                            warnings: inout [String]) -> BatchRow {
        guard let organisation = JSONRespondentScan.organisation(in: text, keys: &keys.current) else {
            switch reader.readRespondent(text, number: number, file: file, start: start, warnings: &warnings) {
            case .response(let response): return .response(response)
            case .rejected(let row): return .rejected(row)
            case .blank: return .rejected(RejectedRow(file: file, row: number, reason: "expected one respondent (an object), found nothing"))
            }
        }
        if keys.checking { keys.check(with: reader, file: file, warnings: &warnings) }
        return .respondent(text, organisation: organisation, number: number, start: start, file: file)
    }
}

/// What an input looked like when a batch began.
struct InputState: Equatable {
    var size: Int?
    var modified: Date?
}
