import CoprodCore
import CoprodIO

/// One row per organisation with a column per section score or tier, for spreadsheets and BI tools.
public enum ResultCSV {
    public static func header(_ framework: Framework) -> String {
        CSVWriter.line(["organisation", "respondents", "overall", "passed", "answered", "expected"]
                       + framework.sections.map(\.id) + ["failures", "warnings"])
    }

    public static func row(_ result: OrganisationResult) -> String {
        CSVWriter.line([result.organisation, String(result.respondents), value(result.overall),
                        result.passed ? "yes" : "no", String(result.answered), String(result.expected)]
                       + result.sections.map { value($0.score) }
                       + [String(result.failures.count), String(result.warnings.count)])
    }

    /// Numbers as numbers (shares as 0-1 fractions), tiers by name, nothing as an empty cell.
    static func value(_ score: Score) -> String {
        switch score {
        case .number(let number), .share(let number): JSONStream.text(ResultJSON.round(number))
        case .tier(_, let name): name
        case .none: ""
        }
    }
}
