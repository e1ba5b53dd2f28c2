import CoprodCore

extension OrganisationResult {
    /// Says in the result itself which of the organisation's rows were rejected, so that a result
    /// read on its own (a line of results.jsonl, a report) does not pass for all its answers.
    /// (Concrete, not generic: a batch calls it for every organisation, from another module.)
    public mutating func noteLeftOut(_ rows: ArraySlice<RejectedRow>) {
        guard !rows.isEmpty else { return }
        let shown = rows.prefix(5).map { "\($0.file) \(InputKind(file: $0.file).rowWord) \($0.row)" }
        let more = rows.count > shown.count ? " and \(rows.count - shown.count) more" : ""
        let verb = rows.count == 1 ? "was" : "were"
        warnings.insert("\(counted(rows.count, "row")) of this organisation \(verb) rejected and left out of this result "
            + "(\(shown.joined(separator: ", "))\(more)): the rejected rows say why", at: 0)
    }
}
