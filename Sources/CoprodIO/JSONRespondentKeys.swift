/// A respondent's keys, walked without reading its values: at its top level and inside its
/// `answers`, where reading in full looks for them.
extension JSONScanner {
    /// Visits each key with where it starts (its opening quote) and whether it is at the top
    /// level, in the order written, until `visit` returns false or the text cannot be walked.
    static func forEachKey(inRespondent bytes: ArraySlice<UInt8>, _ visit: (_ name: String, _ start: Int, _ topLevel: Bool) -> Bool) {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index += 3 }
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return }
        _ = scanner.walkMembers(topLevel: true, visit)
    }

    /// Walks the members of the object whose `{` was just taken, up to and with its `}`; false
    /// where it cannot walk on, or `visit` stopped it.
    private mutating func walkMembers(topLevel: Bool, _ visit: (String, Int, Bool) -> Bool) -> Bool {
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            let start = index
            guard let key = memberName() else { return false }
            let name = String(decoding: key, as: UTF8.self)
            guard visit(name, start, topLevel) else { return false }
            if topLevel && name == "answers" && take(UInt8(ascii: "{")) {
                guard walkMembers(topLevel: false, visit) else { return false }
            } else {
                guard skipValue(depth: 0) else { return false }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// A key given twice in one object of a respondent, at its top level or inside its `answers`:
    /// a JSON parser keeps one of the values without a word, as a spreadsheet with a column twice
    /// would, so the respondent is refused instead. Keys equal as text are one key, as they are to
    /// a dictionary. Only keys that `counts` (given the key, and whether it is at the top level)
    /// are looked at. Nil when each is given once, or for text this cannot walk (which reading in
    /// full has then refused already); else the key, and where its second giving starts.
    static func repeatedKey(inRespondent bytes: ArraySlice<UInt8>, counts: (String, Bool) -> Bool) -> (name: String, start: Int)? {
        // One object's keys each: "answers" given twice is found before a second one is walked.
        var seen: (topLevel: Set<String>, answers: Set<String>) = ([], [])
        var repeated: (name: String, start: Int)?
        forEachKey(inRespondent: bytes) { name, start, topLevel in
            guard counts(name, topLevel) else { return true }
            let new = topLevel ? seen.topLevel.insert(name).inserted : seen.answers.insert(name).inserted
            if !new { repeated = (name, start) }
            return new
        }
        return repeated
    }

    /// Where the key that `matches` starts: a message about a key of a JSON file's item points
    /// there, since an item can run over many lines. A key in `answers` is the one read, as
    /// reading in full reads it, over one beside it; else the first. Nil when no key matches, or
    /// for text this cannot walk.
    static func keyStart(inRespondent bytes: ArraySlice<UInt8>, matching matches: (String) -> Bool) -> Int? {
        var found: Int?
        forEachKey(inRespondent: bytes) { name, start, topLevel in
            guard matches(name) else { return true }
            if !topLevel {
                found = start
                return false
            }
            if found == nil { found = start }
            return true
        }
        return found
    }
}
