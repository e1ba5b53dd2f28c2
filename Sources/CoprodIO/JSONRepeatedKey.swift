extension JSONScanner {
    /// A key given twice in one object of a respondent, at its top level or inside its `answers`:
    /// a JSON parser keeps one of the values without a word, as a spreadsheet with a column twice
    /// would, so the respondent is refused instead. Keys equal as text are one key, as they are to
    /// a dictionary. Only keys that `counts` (given the key, and whether it is at the top level)
    /// are looked at. Nil when each is given once, or for text this cannot walk (which reading in
    /// full has then refused already); else the key, and where its second giving starts.
    static func repeatedKey(inRespondent bytes: ArraySlice<UInt8>, counts: (String, Bool) -> Bool) -> (name: String, start: Int)? {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index += 3 }
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var repeated: (name: String, start: Int)?
        _ = scanner.findRepeatedKey(topLevel: true, counts: counts, into: &repeated)
        return repeated
    }

    /// Walks the members of the object whose `{` was just taken, up to and with its `}`, stopping
    /// at the first key given twice; false where it cannot walk on.
    private mutating func findRepeatedKey(topLevel: Bool, counts: (String, Bool) -> Bool,
                                          into repeated: inout (name: String, start: Int)?) -> Bool {
        var seen: Set<String> = []
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            let start = index
            guard let key = memberName() else { return false }
            let name = String(decoding: key, as: UTF8.self)
            guard !counts(name, topLevel) || seen.insert(name).inserted else {
                repeated = (name, start)
                return false
            }
            if topLevel && name == "answers" && take(UInt8(ascii: "{")) {
                guard findRepeatedKey(topLevel: false, counts: counts, into: &repeated) else { return false }
            } else {
                guard skipValue(depth: 0) else { return false }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }
}
