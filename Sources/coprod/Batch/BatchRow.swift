import CoprodCore
import CoprodIO

/// One input row as a worker groups it: a CSV record found but not yet split into fields (only
/// organisations with all their rows are split and read), a JSON respondent whose organisation
/// is known but which is not yet read, a respondent already read from JSON, or a row rejected
/// before it could be grouped.
enum BatchRow: Sendable {
    case record(CSVReader.RawRecord, organisation: String, columns: AssessmentReader.Columns, file: String)
    /// Its line or item number, to number it by, and where an item starts, to place a problem.
    case respondent(ArraySlice<UInt8>, organisation: String, number: Int, start: TextPosition?, file: String)
    case response(Response)
    case rejected(RejectedRow)

    /// The organisation the row is grouped under; nil for a rejected row.
    var organisation: String? {
        switch self {
        case .record(_, let organisation, _, _): organisation
        case .respondent(_, let organisation, _, _, _): organisation
        case .response(let response): response.organisation
        case .rejected: nil
        }
    }

    /// Checks the row's values on their scales. `keyColumns` keeps what JSON respondents' keys
    /// map to, from one row to the next.
    func read(with reader: AssessmentReader, keyColumns: inout JSONKeyColumns) -> AssessmentReader.Outcome {
        switch self {
        case .record(let raw, _, let columns, let file):
            reader.plainResponse(raw, columns: columns, file: file).map { .response($0) } ?? reader.response(raw.record, columns: columns, file: file)
        case .respondent(let text, let organisation, let number, let start, let file):
            BatchRow.read(text, organisation: organisation, number: number, start: start, file: file, with: reader, keyColumns: &keyColumns)
        case .response(let response): .response(response)
        case .rejected(let row): .rejected(row)
        }
    }

    private static func read(_ text: ArraySlice<UInt8>, organisation: String, number: Int, start: TextPosition?, file: String,
                             with reader: AssessmentReader, keyColumns: inout JSONKeyColumns) -> AssessmentReader.Outcome {
        var outcome: AssessmentReader.Outcome
        if let plain = reader.plainResponse(json: text, file: file, row: number, keyColumns: &keyColumns) {
            outcome = reader.placed(plain, in: text, start: start)
        } else {
            var ignored: [String] = []
            outcome = reader.readRespondent(text, number: number, file: file, start: start, warnings: &ignored)
        }
        // Grouped by a name that reading in full does not give: rejected rather than counted
        // under another organisation. The first pass's look at the keys should never allow it.
        if case .response(let response) = outcome, response.organisation != organisation {
            outcome = .rejected(RejectedRow(file: file, row: number, organisation: response.organisation,
                                            reason: "it was grouped under '\(organisation)' (please report this)"))
        }
        return outcome
    }
}
