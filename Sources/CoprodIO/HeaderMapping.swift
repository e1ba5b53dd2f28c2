import CoprodCore

/// How a header's names, or a JSON respondent's keys, become the framework's columns, and what
/// is said of those that do not.
extension AssessmentReader {
    /// How names are given in messages: a CSV header's by column letter, a JSON respondent's keys
    /// as they are.
    enum Naming {
        case columns, keys

        func describe(_ name: String, at index: Int) -> String {
            switch self {
            case .columns: "column \(AssessmentReader.letter(index)) '\(name)'"
            case .keys: "key '\(name)'"
            }
        }
    }

    /// Maps a header's names, or a JSON respondent's keys, to columns. A header without an
    /// organisation, or without an answer, throws; a respondent without one is left to its
    /// reader, which says more.
    func mapHeader(_ names: [String], file: String, into result: inout ReadAssessments,
                   naming: Naming = .columns) throws(InputError) -> [Column] {
        // A byte-order mark or a zero-width space where files were joined is invisible in a
        // message, which would then say to head 'organisation' as 'organisation'.
        let names = naming == .columns ? names.map(AssessmentReader.withoutInvisibleEnds) : names
        if naming == .columns && names.allSatisfy({ $0.trimmingWhitespace.isEmpty }) {
            throw InputError("\(file): the first line is blank, where the header should be (the column names, "
                             + "`coprod template \(framework.id)` shows them): delete the blank lines above it")
        }
        // Spreadsheets export empty columns past the last one used: not a mistake in a header,
        // so one warning for all (in case one holds values), and not refused with --strict.
        let unnamed = naming == .columns ? names.indices.filter { names[$0].trimmingWhitespace.isEmpty } : []
        var columns = names.indices.map { unnamed.contains($0) ? .ignored : column(named: names[$0]) }
        // Columns of a text several items share are warned of once, all together, in the place
        // of the first.
        let shared = naming == .columns && !strict ? mapShared(names, into: &columns, file: file) : []
        let hasRole = columns.contains(.metadata("role"))
        var seen: [AnswerSlot: String] = [:]
        var seenMetadata: [String: String] = [:]
        var refused: [(name: String, described: String)] = []
        for (index, name) in names.enumerated() where !unnamed.contains(index) {
            if let group = shared.first(where: { $0.indices.contains(index) }) {
                if group.indices[0] == index { result.warnings.append(group.warning) }
                continue
            }
            switch columns[index] {
            case .metadata(let field):
                // Two columns or keys for one organisation (say 'organisation' and 'Organisation
                // Name') leave which one counts to chance. (The same JSON key at the top level and
                // in `answers` is merged before this, `answers` last.)
                if let earlier = seenMetadata[field] {
                    throw InputError("\(file): \(earlier) and \(naming.describe(name, at: index)) are both the \(field): keep one, and rename or delete the other",
                                     key: name)
                }
                seenMetadata[field] = naming.describe(name, at: index)
            case .slot(let slot):
                if let earlier = seen[slot] {
                    throw InputError("\(file): \(earlier) and \(naming.describe(name, at: index)) are both \(slot.column)", key: name)
                }
                seen[slot] = naming.describe(name, at: index)
            case .ignored:
                if strict {
                    refused.append((name, naming.describe(name, at: index)))
                } else {
                    result.warnings.append(notPart(name, described: naming.describe(name, at: index), file: file, naming: naming, hasRole: hasRole))
                }
            }
        }
        // With --strict, every column refused is named at once, not one per try.
        if refused.count == 1 {
            throw InputError(notPart(refused[0].name, described: refused[0].described, file: file, naming: naming, hasRole: hasRole), key: refused[0].name)
        }
        if refused.count > 1 {
            let named = refused.map { name, described in
                described + (hint(name, naming: naming, hasRole: hasRole).map { " (\($0))" } ?? "")
            }
            throw InputError("\(file): \(named.joined(separator: ", ")) are not part of \(framework.id) (refused with --strict; `coprod template \(framework.id)` lists the columns)",
                             key: refused[0].name)
        }
        if !unnamed.isEmpty {
            let letters = unnamed.map(AssessmentReader.letter)
            result.warnings.append(unnamed.count == 1 ? "\(file): column \(letters[0]) has no header (ignored)"
                                                      : "\(file): columns \(letters.joined(separator: ", ")) have no header (ignored)")
        }
        if !columns.contains(.metadata("organisation")) && naming == .columns {
            let likely = AssessmentReader.likelyOrganisation(names)
            let hint = likely.count == 1
                ? " (if column \(AssessmentReader.letter(likely[0])) '\(names[likely[0]])' names the organisation, head it 'organisation')" : ""
            throw InputError("\(file): no 'organisation' column; the header has: \(AssessmentReader.listed(names.map { "'\($0)'" }))\(hint)")
        }
        if naming == .columns { try checkAnswers(columns, names: names, file: file) }
        return columns
    }

    /// `name` without byte-order marks, zero-width spaces or direction marks at either end.
    static func withoutInvisibleEnds(_ name: String) -> String {
        let invisible: Set<Unicode.Scalar> = ["\u{FEFF}", "\u{200B}", "\u{200E}", "\u{200F}"]
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              invisible.contains(first) || invisible.contains(last) else { return name }
        let scalars = name.unicodeScalars.drop { invisible.contains($0) }
        return String(String.UnicodeScalarView(scalars.reversed().drop { invisible.contains($0) }.reversed()))
    }

    /// Maps columns headed by a text that several items share (each section's "What would
    /// help you to improve in this area?"): in the order a form asks them, when there are as
    /// many columns as items and none of the items has a column of its own. Either way, says
    /// so once for each text: gives the columns of each text, with the warning.
    private func mapShared(_ names: [String], into columns: inout [Column], file: String) -> [(indices: [Int], warning: String)] {
        var groups: [(items: [AnswerSlot], indices: [Int])] = []
        for index in names.indices where columns[index] == .ignored && !names[index].trimmingWhitespace.isEmpty {
            let items = statements.slots(names[index].foldedForMatching)
            guard items.count > 1 else { continue }
            if let group = groups.firstIndex(where: { $0.items == items }) { groups[group].indices.append(index) } else { groups.append((items, [index])) }
        }
        var warnings: [(indices: [Int], warning: String)] = []
        for (items, indices) in groups {
            let letters = AssessmentReader.listed(indices.map(AssessmentReader.letter))
            let described = "\(indices.count == 1 ? "column" : "columns") \(letters) '\(names[indices[0]])'"
            let ids = AssessmentReader.listed(items.map(\.column))
            guard indices.count == items.count, !items.contains(where: { columns.contains(.slot($0)) }) else {
                warnings.append((indices, "\(file): \(described) \(indices.count == 1 ? "is" : "are") not read (ignored): the text is asked in \(items.count) items, \(ids): head each column with the id of the item it answers"))
                continue
            }
            for (index, item) in zip(indices, items) { columns[index] = .slot(item) }
            warnings.append((indices, "\(file): \(described) are read in order as \(ids), as a form asks them: the text is asked in \(items.count) items (head the columns with their ids to be sure)"))
        }
        return warnings
    }

    /// Where among `names` one looks meant for the organisation, as a forms tool writes it with
    /// its question ("Name of your organisation"): not one asking the role in it.
    static func likelyOrganisation(_ names: [String]) -> [Int] {
        names.indices.filter { index in
            let folded = names[index].foldedForMatching
            return (folded.contains("organisation") || folded.contains("organization")) && !isLikelyRole(folded)
        }
    }

    /// Whether a header, folded, looks like a form's question for the role ("What is your role?",
    /// "Role in the organisation").
    static func isLikelyRole(_ folded: String) -> Bool {
        folded.split { !$0.isLetter }.contains { $0 == "role" || $0 == "roles" }
    }

    /// A header with no column for any answer is refused: every organisation would come out
    /// with nothing answered. It says what the header has instead, and what was likely meant.
    private func checkAnswers(_ columns: [Column], names: [String], file: String) throws(InputError) {
        let answers = columns.contains { if case .slot = $0 { true } else { false } }
        guard !answers, !layout.slots.isEmpty else { return }
        let template = "`coprod template \(framework.id)` lists the columns"
        let unknown = names.indices.filter { columns[$0] == .ignored && !names[$0].trimmingWhitespace.isEmpty }
        guard !unknown.isEmpty else {
            let given = names.filter { !$0.trimmingWhitespace.isEmpty }.map { "'\($0)'" }
            throw InputError("\(file): no column is an answer of \(framework.id) (\(given.isEmpty ? "the header names no column" : "the header has only \(AssessmentReader.listed(given))")): \(template)")
        }
        let hasRole = columns.contains(.metadata("role"))
        let hints = unknown.compactMap { index in
            hint(names[index], naming: .columns, hasRole: hasRole).map { "\(Naming.columns.describe(names[index], at: index)): \($0)" }
        }
        let notPart = "\(counted(unknown.count, "column")) not part of it"
        guard hints.isEmpty else {
            let shown = hints.count > 3 ? hints.prefix(3).joined(separator: "; ") + "; and \(hints.count - 3) more" : hints.joined(separator: "; ")
            throw InputError("\(file): no column is an answer of \(framework.id) (\(notPart); \(shown)): \(template)")
        }
        throw InputError("\(file): no column is an answer of \(framework.id) (\(notPart)): is it an input for another framework? \(template), `coprod frameworks` the frameworks")
    }

    /// What a column or key named `name` holds: `.ignored` for one that is not part of the
    /// framework, or that is the text of more than one item.
    func column(named name: String) -> Column {
        let folded = name.foldedForMatching
        if let field = AssessmentReader.metadata[folded] { return .metadata(field) }
        if let slot = slotsByHeader[folded] { return .slot(slot) }
        let items = statements.slots(folded)
        return items.count == 1 ? .slot(items[0]) : .ignored
    }

    private func notPart(_ name: String, described: String, file: String, naming: Naming, hasRole: Bool) -> String {
        let status = strict ? "refused with --strict" : "ignored"
        let hint = hint(name, naming: naming, hasRole: hasRole).map { "; " + $0 + ($0.hasSuffix("?") ? "" : ";") } ?? ";"
        return "\(file): \(described) is not part of \(framework.id) (\(status)\(hint) `coprod template \(framework.id)` lists the columns)"
    }

    /// What a name not part of the framework was likely meant to be: the id of a misspelt one, the ids of the items whose text
    /// it is, the role's column for a form's question for the role.
    private func hint(_ name: String, naming: Naming, hasRole: Bool) -> String? {
        let folded = name.foldedForMatching
        let items = statements.slots(folded)
        let head = naming == .columns ? "head" : "name"
        if items.count > 1 {
            return "it is the text of \(items.count) items, \(AssessmentReader.listed(items.map(\.column))): \(head) each with the id of the item it answers"
        }
        if naming == .keys || !hasRole, AssessmentReader.isLikelyRole(folded) {
            return "if it gives each respondent's role, \(head) it \(naming == .columns ? "'role'" : "\"role\""), or no respondent has one"
        }
        return meant(name).map { "did you mean '\($0)'?" }
    }

    /// What a JSON key that is not part of the framework was likely meant to be, if anything.
    func hint(forKey name: String) -> String? { hint(name, naming: .keys, hasRole: false) }

    /// The column or key a misspelt `name` most likely meant, as a template names it: a
    /// statement's text decorated as a forms tool does it is compared without the decoration.
    private func meant(_ name: String) -> String? {
        let names = columnNames
        for form in StatementHeaders.forms(of: name.foldedForMatching) {
            if let found = closestName(to: String(form.text), among: names.keys).flatMap({ names[$0] }) { return found }
        }
        return nil
    }

    /// Every name a column may have, folded, with the name to suggest for it: a statement's text
    /// suggests its id.
    private var columnNames: [String: String] {
        var names: [String: String] = [:]
        for name in AssessmentReader.metadata.keys { names[name] = name }
        for (folded, slot) in slotsByHeader { names[folded] = slot.column }
        return names
    }

    /// The warning that reading a JSON respondent with the key `name` gives: nil for a key that is
    /// part of the framework, and with `strict`, which rejects the respondent instead. A batch's
    /// first pass warns of each key once this way without reading every respondent in full.
    public func warning(forKey name: String, file: String) -> String? {
        guard !strict, column(named: name) == .ignored else { return nil }
        return notPart(name, described: Naming.keys.describe(name, at: 0), file: file, naming: .keys, hasRole: false)
    }

    /// Items as messages list them: "a, b and c", or the first five "and 4 more".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        if items.count > 6 { return items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
