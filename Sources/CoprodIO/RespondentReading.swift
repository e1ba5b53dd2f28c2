import Foundation

extension AssessmentReader {
    /// Reads one respondent in full: the text of a JSON Lines line or of a JSON array's item,
    /// numbered as that line or item. Gives a response, or a rejection saying why (never
    /// `.blank`); warnings about keys are added to `warnings` once each.
    public func readRespondent(_ text: ArraySlice<UInt8>, number: Int, file: String, warnings: inout [String]) -> Outcome {
        var read = ReadAssessments()
        do {
            try readJSON(Data(text), file: file, into: &read)
        } catch {
            return .rejected(RejectedRow(file: file, row: number, reason: error.message.replacingOccurrences(of: "\(file): ", with: "")))
        }
        for warning in read.warnings where !warnings.contains(warning) { warnings.append(warning) }
        let found = read.responses.count + read.rejected.count
        if found == 1, var response = read.responses.first {
            response.row = number
            return .response(response)
        }
        if found == 1, var rejected = read.rejected.first {
            rejected.row = number
            return .rejected(rejected)
        }
        return .rejected(RejectedRow(file: file, row: number, reason: "expected one respondent (an object), found \(found)"))
    }

    /// Reads a JSON Lines file's bytes, one respondent per line; blank lines are skipped, and a
    /// line that is not one respondent is rejected with its number.
    public func readJSONLines(_ bytes: [UInt8], file: String, into result: inout ReadAssessments) {
        var start = 0
        var number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            number += 1
            start = end + 1
            if LineReader.Line.isBlank(line) { continue }
            switch readRespondent(line, number: number, file: file, warnings: &result.warnings) {
            case .response(let response): result.responses.append(response)
            case .rejected(let rejected): result.rejected.append(rejected)
            case .blank: continue
            }
        }
    }
}
