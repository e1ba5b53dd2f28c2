import CoprodIO

/// The keys of JSON respondents that the first pass has checked against the framework, so that
/// it warns of an unknown key as reading in full would, once, without reading every respondent
/// in full. Past `limit` keys (no framework has so many), a new key is checked each time it
/// comes.
struct JSONKeyWarnings {
    static let limit = 1024
    let checking: Bool
    private var checked: Set<KeyBytes> = []
    /// The keys of the respondent at hand, as `JSONRespondentScan` gives them.
    var current: [UInt8] = []

    init(checking: Bool) {
        self.checking = checking
    }

    /// Checks the keys in `current` not checked before.
    mutating func check(with reader: AssessmentReader, file: String, warnings: inout [String]) {
        var start = current.startIndex
        var inAnswers = false
        for (index, byte) in zip(current.indices, current) where byte <= 2 {
            defer { start = index + 1 }
            guard byte == 0 else {
                inAnswers = byte == 1
                continue
            }
            let key = current[start..<index]
            // The top level's `answers` holds keys; it is not one.
            if !inAnswers && key.elementsEqual("answers".utf8) { continue }
            guard !checked.contains(KeyBytes(key)) else { continue }
            if checked.count < JSONKeyWarnings.limit { checked.insert(KeyBytes(key).copy()) }
            if let name = String(validating: key, as: UTF8.self), let warning = reader.warning(forKey: name, file: file),
               !warnings.contains(warning) {
                warnings.append(warning)
            }
        }
    }
}
