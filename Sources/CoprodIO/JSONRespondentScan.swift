import CoprodCore

/// Finds the organisation of a respondent in JSON (one object) by looking at its keys, without
/// parsing it whole. A batch's first pass needs nothing else from a respondent, and parsing
/// every one in full took most of a JSON batch's time.
public enum JSONRespondentScan {
    /// The organisation that reading `bytes` in full would give the respondent, when this can
    /// tell for sure: one object whose organisation key (`organisation`, `organization`,
    /// `organisation name`, at the top level or inside `answers`) is plain ASCII and holds a
    /// string. Nil otherwise (a number, a repeated key, not one object...): the respondent must
    /// then be read in full. A respondent that reading in full rejects may still get a name
    /// here. `keys` receives its keys, unescaped, each followed by a 0 (those inside `answers`
    /// between a 1 and a 2), for a caller to check without reading the respondent in full.
    public static func organisation(in bytes: ArraySlice<UInt8>, keys: inout [UInt8]) -> String? {
        keys.removeAll(keepingCapacity: true)
        var scanner = JSONScanner(bytes: bytes)
        var candidates: [Candidate] = []
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")), scanner.respondentMembers(topLevel: true, keys: &keys, candidates: &candidates) else { return nil }
        scanner.skipSpace()
        guard scanner.atEnd else { return nil }
        // Two keys for the organisation ('organisation' and 'Organisation'): reading in full
        // rejects the respondent. One key at the top level and in `answers` is merged, `answers` last.
        if let first = candidates.first, candidates.contains(where: { !$0.key.elementsEqual(first.key) }) { return nil }
        let last = candidates.max {
            $0.key.lexicographicallyPrecedes($1.key) || ($0.key.elementsEqual($1.key) && !$0.inAnswers && $1.inAnswers)
        }
        guard let value = last?.value else { return nil }
        let name = value.trimmingWhitespaceForInput
        return name.isEmpty ? nil : name
    }

    /// A key that names the organisation, and its value if it is a string.
    fileprivate struct Candidate {
        var key: ArraySlice<UInt8>
        var value: String?
        var inAnswers: Bool
    }
}

/// The walk that finds a respondent's organisation: checks the structure of the object, but not
/// the spelling of its numbers and literals, since whatever it accepts that is not JSON, reading
/// in full rejects.
extension JSONScanner {
    /// The members of the object whose `{` was just taken, up to and with its `}`. False when it
    /// is not an object this can read for sure.
    fileprivate mutating func respondentMembers(topLevel: Bool, keys: inout [UInt8], candidates: inout [JSONRespondentScan.Candidate]) -> Bool {
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        var sawAnswers = false
        while true {
            guard let name = memberName() else { return false }
            keys.append(contentsOf: name)
            keys.append(0)
            if topLevel && name.elementsEqual("answers".utf8) {
                // Reading in full rejects `answers` that is not an object (or null); an object's
                // keys join the top level's.
                guard !sawAnswers else { return false }
                sawAnswers = true
                if take(UInt8(ascii: "{")) {
                    keys.append(1)
                    guard respondentMembers(topLevel: false, keys: &keys, candidates: &candidates) else { return false }
                    keys.append(2)
                } else {
                    guard skipValue(depth: 0) else { return false }
                }
            } else {
                let kind = JSONScanner.kind(of: name)
                guard kind != .unsure else { return false }
                let start = index
                guard skipValue(depth: 0) else { return false }
                if kind == .organisation {
                    guard !candidates.contains(where: { $0.key == name && $0.inAnswers == !topLevel }) else { return false }
                    candidates.append(.init(key: name, value: JSONScanner.text(bytes[start..<index]), inAnswers: !topLevel))
                }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    enum KeyKind {
        case other
        case organisation
        /// Names the organisation but is not plain ASCII: reading in full may compare its
        /// spelling with another key's otherwise than bytes do.
        case unsure
    }

    /// What a key names: most keys are told apart from the organisation's at a glance.
    static func kind(of key: ArraySlice<UInt8>) -> KeyKind {
        let ascii = key.allSatisfy { $0 < 0x80 }
        if ascii {
            // Folding drops white space and lower-cases: an organisation key starts with o and
            // has at least the twelve letters of "organisation".
            guard key.count >= 12, let first = key.first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }),
                  first == UInt8(ascii: "o") || first == UInt8(ascii: "O") else { return .other }
        }
        let folded = String(decoding: key, as: UTF8.self).foldedForMatching
        guard AssessmentReader.metadata[folded] == "organisation" else { return .other }
        return ascii ? .organisation : .unsure
    }
}
