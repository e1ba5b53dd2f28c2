extension JSONScanner {
    /// Where the key that `matches` starts (its opening quote), at a respondent's top level or
    /// inside its `answers`: a message about a key of a JSON file's item points there, since an
    /// item can run over many lines. A key in `answers` is the one read, as reading in full reads
    /// it, over one beside it; else the first. Nil when no key matches, or for text this cannot
    /// walk.
    static func keyStart(inRespondent bytes: ArraySlice<UInt8>, matching matches: (String) -> Bool) -> Int? {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index += 3 }
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var found: (start: Int, inAnswers: Bool)?
        _ = scanner.findKey(topLevel: true, matching: matches, into: &found)
        return found?.start
    }

    /// Walks the members of the object whose `{` was just taken, up to and with its `}`, noting
    /// the first key that matches, and stopping at one in `answers`; false where it cannot walk on.
    private mutating func findKey(topLevel: Bool, matching matches: (String) -> Bool, into found: inout (start: Int, inAnswers: Bool)?) -> Bool {
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            let start = index
            guard let key = memberName() else { return false }
            let name = String(decoding: key, as: UTF8.self)
            if matches(name) {
                // In `answers`: the one read, whatever came before it.
                if !topLevel {
                    found = (start, true)
                    return false
                }
                if found == nil { found = (start, false) }
            }
            if topLevel && name == "answers" && take(UInt8(ascii: "{")) {
                guard findKey(topLevel: false, matching: matches, into: &found), found?.inAnswers != true else { return false }
            } else {
                guard skipValue(depth: 0) else { return false }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }
}
