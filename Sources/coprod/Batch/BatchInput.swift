import CoprodCore
import CoprodIO
import Foundation

/// Reads batch inputs record by record: CSV, JSON Lines (`.jsonl`, one respondent per line) and
/// JSON (an array of respondents). The same reading runs twice: once to learn where each
/// organisation's last row is, once to evaluate, so an organisation can be evaluated as soon as
/// its last row has been read and memory stays flat however long the input is.
struct BatchInput: Sendable {
    let files: [String]
    let reader: AssessmentReader

    /// Pass 1: where organisations whose rows are not all together have their last row. Only the
    /// organisation column of a CSV is looked at. Positions count the rows `forEachRow` visits.
    func plan(warnings: inout [String]) throws(InputError) -> OrganisationPlan {
        var plan = OrganisationPlan()
        for file in files {
            let lower = file.lowercased()
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") {
                try forEachRow(files: [file], startingAt: plan.rows, warnings: &warnings) { _, row in plan.add(row.organisation) }
                continue
            }
            guard var records = CSVReader(path: file) else { throw InputError("cannot read \(file)") }
            guard let header = records.next() else { throw InputError("\(file): the file is empty") }
            let columns = try reader.columns(header, file: file, warnings: &warnings)
            while let raw = records.nextRaw(keyField: columns.organisationIndex, keepingBytes: false) {
                if raw.isBlank && !raw.hasQuoteProblem { continue }
                plan.add(BatchInput.organisation(of: raw, columns: columns))
            }
        }
        return plan
    }

    /// Visits every data row of every file in order, with the row's global position. CSV records
    /// are only found and grouped by organisation here; the workers split them and read them.
    func forEachRow(warnings: inout [String], _ visit: (Int, BatchRow) -> Void) throws(InputError) {
        try forEachRow(files: files, startingAt: 0, warnings: &warnings, visit)
    }

    /// The organisation a record is grouped under: nil for one that cannot be grouped (a quote
    /// problem, the wrong number of fields, no organisation), which is rejected as it is read.
    /// Both passes group by this.
    private static func organisation(of raw: CSVReader.RawRecord, columns: AssessmentReader.Columns) -> String? {
        guard !raw.hasQuoteProblem, raw.fieldCount == columns.count, let name = raw.key?.trimmingWhitespaceForInput, !name.isEmpty
        else { return nil }
        return name
    }

    private static func rejection(_ outcome: AssessmentReader.Outcome) -> RejectedRow {
        switch outcome {
        case .rejected(let row): row
        case .response(let response): RejectedRow(file: response.file, row: response.row, reason: "the row could not be grouped")
        case .blank: RejectedRow(file: "", row: 0, reason: "a blank row")
        }
    }

    private func forEachRow(files: [String], startingAt start: Int, warnings: inout [String],
                            _ visit: (Int, BatchRow) -> Void) throws(InputError) {
        var position = start
        for file in files {
            let lower = file.lowercased()
            let isJSON = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json")
            if !isJSON {
                // CSV is read a block at a time: memory does not grow with the file.
                guard var records = CSVReader(path: file) else { throw InputError("cannot read \(file)") }
                guard let header = records.next() else { throw InputError("\(file): the file is empty") }
                let columns = try reader.columns(header, file: file, warnings: &warnings)
                while let raw = records.nextRaw(keyField: columns.organisationIndex) {
                    if raw.isBlank && !raw.hasQuoteProblem { continue }
                    if let organisation = BatchInput.organisation(of: raw, columns: columns) {
                        visit(position, .record(raw, organisation: organisation, columns: columns, file: file))
                    } else {
                        visit(position, .rejected(BatchInput.rejection(reader.response(raw.record, columns: columns, file: file))))
                    }
                    position += 1
                }
                continue
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError("cannot read \(file)")
            }
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                var line = 0
                for text in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                    line += 1
                    if text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
                    switch jsonRow(Data(text), file: file, row: line, warnings: &warnings) {
                    case .response(let response): visit(position, .response(response))
                    case .rejected(let row): visit(position, .rejected(row))
                    case .blank: continue
                    }
                    position += 1
                }
            } else if lower.hasSuffix(".json") {
                var read = ReadAssessments()
                try reader.readJSON(data, file: file, into: &read)
                warnings += read.warnings
                var rows: [(Int, BatchRow)] = read.responses.map { ($0.row, .response($0)) }
                rows += read.rejected.map { ($0.row, .rejected($0)) }
                for (_, outcome) in rows.sorted(by: { $0.0 < $1.0 }) {
                    visit(position, outcome)
                    position += 1
                }
            }
        }
    }

    private func jsonRow(_ data: Data, file: String, row: Int, warnings: inout [String]) -> AssessmentReader.Outcome {
        var read = ReadAssessments()
        do {
            try reader.readJSON(data, file: file, into: &read)
        } catch {
            return .rejected(RejectedRow(file: file, row: row, reason: error.message.replacingOccurrences(of: "\(file): ", with: "")))
        }
        for warning in read.warnings where !warnings.contains(warning) { warnings.append(warning) }
        if var response = read.responses.first {
            response.row = row
            return .response(response)
        }
        if var rejected = read.rejected.first {
            rejected.row = row
            return .rejected(rejected)
        }
        return .blank
    }
}

/// Which organisations' rows are not all in one run, and where their last row is. Most inputs
/// keep an organisation's rows together, and those need no entry: the organisation is complete
/// when the next organisation starts. Memory grows only with the scattered ones.
struct OrganisationPlan: Sendable {
    /// Last row of each scattered organisation, by the hash of its name.
    private(set) var lastRowOfScattered: [Int: Int] = [:]
    private(set) var rows = 0
    private var seen = SeenFilter()
    private var previous: Int?

    mutating func add(_ organisation: String?) {
        defer { rows += 1 }
        guard let organisation else {
            previous = nil
            return
        }
        let key = organisation.hashValue
        if key != previous {
            if !seen.insert(key) { lastRowOfScattered[key] = rows }
            previous = key
        } else if lastRowOfScattered[key] != nil {
            lastRowOfScattered[key] = rows
        }
    }

    /// Drops what only planning needed.
    mutating func finish() { seen = SeenFilter(bits: 64) }

    /// The last row of a scattered organisation; nil for one whose rows are together. Most
    /// inputs have none scattered, and then no name is hashed.
    func lastRow(of organisation: String) -> Int? {
        lastRowOfScattered.isEmpty ? nil : lastRowOfScattered[organisation.hashValue]
    }
}

/// Names seen before, in a fixed 1 MiB (a Bloom filter): it never forgets one, and now and then
/// takes a new one for a seen one, which only makes that organisation wait for its last row.
/// A set of every name would grow with the input.
struct SeenFilter: Sendable {
    private var words: [UInt64]
    private let mask: UInt64

    init(bits: Int = 1 << 23) {
        words = [UInt64](repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
    }

    /// Adds `key`; true if it was (probably) not there before.
    mutating func insert(_ key: Int) -> Bool {
        let hash = UInt64(bitPattern: Int64(key))
        let (first, second) = (hash, (hash >> 32) | (hash << 32) | 1)
        var new = false
        for probe in 0..<3 {
            let bit = (first &+ UInt64(probe) &* second) & mask
            let (word, offset) = (Int(bit >> 6), bit & 63)
            if words[word] & (1 << offset) == 0 {
                new = true
                words[word] |= 1 << offset
            }
        }
        return new
    }
}
