import CoprodCore

/// Whether a JSON input's respondents answer anything of the framework: a file whose keys are all
/// another framework's (or misspelt) would give every organisation nothing answered, and is
/// refused as a CSV header with no answer column is. Respondents are looked at by their keys, as
/// written, until one has a key of the framework's answers.
public struct JSONAnswerKeys: Sendable {
    /// Respondents with an organisation key that were looked at, and whether one had an answer key.
    private var respondents = 0
    private(set) var answered = false
    /// The first few keys that are not the framework's, to say what they were likely meant to be.
    private var unknown: [String] = []

    public init() {}

    /// Looks at one respondent's keys, unless one before had an answer key.
    public mutating func note(_ text: ArraySlice<UInt8>, reader: AssessmentReader) {
        guard !answered else { return }
        var organisation = false
        JSONScanner.forEachKey(inRespondent: text) { name, _, _ in
            switch reader.column(named: name) {
            case .metadata("organisation"): organisation = true
            case .slot: answered = true
            case .ignored: if unknown.count < 3, name != "answers", !unknown.contains(name) { unknown.append(name) }
            default: break
            }
            return !answered
        }
        if organisation || answered { respondents += 1 }
    }

    /// Throws when respondents were looked at and none had a key of the framework's answers.
    public func check(_ file: String, reader: AssessmentReader) throws(InputError) {
        guard respondents > 0, !answered else { return }
        let framework = reader.framework.id
        let hints = unknown.compactMap { name in reader.hint(forKey: name).map { "key '\(name)': \($0)" } }
        let meant = hints.isEmpty ? "is it an input for another framework? " : hints.joined(separator: "; ") + "; "
        throw InputError("\(file): no key of its respondents is an answer of \(framework) (\(meant)"
                         + "`coprod template \(framework) --format json` shows the keys, `coprod frameworks` the frameworks)")
    }
}
