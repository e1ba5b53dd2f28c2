import CoprodCore
import CoprodIO

/// One input row as the reading thread hands it on: a CSV record not yet split into fields (the
/// workers split it and check its values, so reading stays a small part of a batch), a
/// respondent already read from JSON, or a row rejected before it could be grouped.
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

    /// Checks the row's values on their scales. `file`, if given, names the row's file instead
    /// of the reading thread's name for it (a worker's own copy of it).
    func read(with reader: AssessmentReader, file local: String? = nil) -> AssessmentReader.Outcome {
        switch self {
        case .record(let raw, _, let columns, let file):
            let file = local ?? file
            return reader.plainResponse(raw, columns: columns, file: file).map { .response($0) } ?? reader.response(raw.record, columns: columns, file: file)
        case .response(let response): return .response(response)
        case .rejected(let row): return .rejected(row)
        }
    }

    /// The name of the file a CSV record came from.
    var file: String? {
        if case .record(_, _, _, let file) = self { return file }
        return nil
    }
}
