import CoprodCore
import CoprodIO

/// One row per organisation with a column per section score or tier, for spreadsheets and BI tools.
public enum ResultCSV {
    public static func header(_ framework: Framework) -> String {
        CSVWriter.line(["organisation", "respondents", "overall", "passed", "answered", "expected"]
                       + framework.sections.map(\.id) + ["failures", "warnings"])
    }

    public static func row(_ result: OrganisationResult) -> String {
        var bytes: [UInt8] = []
        write(result, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the row's bytes, line end included: a batch writes one for every organisation.
    public static func write(_ result: OrganisationResult, to bytes: inout [UInt8]) {
        CSVWriter.append(CSVWriter.cellText(result.organisation), to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONStream.append(result.respondents, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        append(result.overall, to: &bytes)
        // Empty when not known (a must-rule left blank).
        switch result.passed {
        case true?: bytes.append(contentsOf: ",yes,".utf8)
        case false?: bytes.append(contentsOf: ",no,".utf8)
        case nil: bytes.append(contentsOf: ",,".utf8)
        }
        JSONStream.append(result.answered, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONStream.append(result.expected, to: &bytes)
        for position in result.sections.indices {
            bytes.append(UInt8(ascii: ","))
            append(result.sections[position].score, to: &bytes)
        }
        bytes.append(UInt8(ascii: ","))
        JSONStream.append(result.failures.count, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONStream.append(result.warnings.count, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// A score's number as its cell has it: four decimals at most, no trailing zeros (2 for
    /// 2.0000000000000004). `coprod lua` and the REPL write their CSV with it, so theirs agrees.
    public static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(number: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(number value: Double, to bytes: inout [UInt8]) {
        JSONStream.append(ResultJSON.round(value), to: &bytes)
    }

    /// Numbers as numbers (shares as 0-1 fractions), tiers by name, nothing as an empty cell.
    static func append(_ score: Score, to bytes: inout [UInt8]) {
        switch score {
        case .number(let number), .share(let number): append(number: number, to: &bytes)
        case .tier(_, let name): CSVWriter.append(name, to: &bytes)
        case .none: break
        }
    }
}
