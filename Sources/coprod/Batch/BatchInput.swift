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

    /// Visits every data row of every file in order. `visit` gets the row's global position and
    /// what the row became.
    func forEachRow(warnings: inout [String], _ visit: (Int, AssessmentReader.Outcome) -> Void) throws(InputError) {
        var position = 0
        for file in files {
            let lower = file.lowercased()
            let isJSON = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json")
            if !isJSON {
                // CSV is read a block at a time: memory does not grow with the file.
                guard var records = CSVReader(path: file) else { throw InputError("cannot read \(file)") }
                guard let header = records.next() else { throw InputError("\(file): the file is empty") }
                let columns = try reader.columns(header, file: file, warnings: &warnings)
                while let record = records.next() {
                    let outcome = reader.response(record, columns: columns, file: file)
                    if case .blank = outcome { continue }
                    visit(position, outcome)
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
                    visit(position, jsonRow(Data(text), file: file, row: line, warnings: &warnings))
                    position += 1
                }
            } else if lower.hasSuffix(".json") {
                var read = ReadAssessments()
                try reader.readJSON(data, file: file, into: &read)
                warnings += read.warnings
                var rows: [(Int, AssessmentReader.Outcome)] = read.responses.map { ($0.row, .response($0)) }
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
