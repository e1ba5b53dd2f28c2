import CoprodCore
import CoprodIO

/// One input row as a worker groups it: a CSV record found but not yet split into fields (only
/// organisations with all their rows are split and read), a respondent already read from JSON,
/// or a row rejected before it could be grouped.
enum BatchRow: Sendable {
    case record(CSVReader.RawRecord, organisation: String, columns: AssessmentReader.Columns, file: String)
    case response(Response)
    case rejected(RejectedRow)

    /// The organisation the row is grouped under; nil for a rejected row.
    var organisation: String? {
        switch self {
        case .record(_, let organisation, _, _): organisation
        case .response(let response): response.organisation
        case .rejected: nil
        }
    }

    /// Checks the row's values on their scales.
    func read(with reader: AssessmentReader) -> AssessmentReader.Outcome {
        switch self {
        case .record(let raw, _, let columns, let file):
            reader.plainResponse(raw, columns: columns, file: file).map { .response($0) } ?? reader.response(raw.record, columns: columns, file: file)
        case .response(let response): .response(response)
        case .rejected(let row): .rejected(row)
        }
    }
}
