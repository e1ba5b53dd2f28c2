import CoprodCore
import CoprodIO
import LuaHost

/// What `coprod evaluate` and a script's `coprod.evaluate` do with inputs once read, so that the
/// two report and reject alike.
extension Evaluator {
    /// Says on standard error what reading found (columns the framework does not have, rows
    /// rejected), then evaluates each organisation. One whose rule fails is rejected with the
    /// rule's reason (its rows move from `read.responses` to `read.rejected`) and the rest go on,
    /// unless `stops` says the error stops everything (a script's own limit). Returns the results
    /// and how many organisations were rejected so.
    func evaluateEach(_ read: inout ReadAssessments, rules: FrameworkRules?,
                      stops: (LuaError) -> Bool = { _ in false }) throws(LuaError) -> (results: [OrganisationResult], failed: Int) {
        for warning in read.warnings { Diagnostics.standardError("coprod: warning: \(warning)") }
        for rejected in read.rejected { Diagnostics.standardError("coprod: \(rejected)") }
        var results: [OrganisationResult] = []
        var failed = 0
        // Rows read as an organisation's, as a batch groups them: not a broken row's guess.
        let rejectedOf = Dictionary(grouping: read.rejected.filter { !$0.brokenRow }) { $0.organisation?.trimmingWhitespaceForInput ?? "" }
        for var assessment in Assessment.group(read.responses) {
            // Named as its first row read spells it, as a batch names it, even if that row was rejected.
            assessment.organisation = read.spellings[assessment.organisation] ?? assessment.organisation
            do {
                var result = try evaluate(assessment, rules: rules)
                if let rows = rejectedOf[assessment.organisation] { result.noteLeftOut(rows[...]) }
                results.append(result)
            } catch {
                if stops(error) { throw error }
                failed += 1
                let rows = assessment.responses.map(\.origin).joined(separator: ", ")
                Diagnostics.standardError("coprod: \(assessment.organisation) (\(rows)) not evaluated: \(error.located)")
                read.rejected += assessment.responses.map { response in
                    RejectedRow(file: response.file, row: response.row, organisation: assessment.organisation, reason: error.located)
                }
                read.responses.removeAll { $0.organisation == assessment.organisation }
            }
        }
        if let warning = SimilarNames.warning(among: results.map(\.organisation)) {
            Diagnostics.standardError("coprod: warning: \(warning)")
        }
        return (results, failed)
    }
}
