extension JSONScanner {
    /// Where the first key that `matches` starts (its opening quote), at a respondent's top level
    /// or inside its `answers`: a message about a key of a JSON file's item points there, since
    /// an item can run over many lines. Nil when no key matches, or for text this cannot walk.
    static func keyStart(inRespondent bytes: ArraySlice<UInt8>, matching matches: (String) -> Bool) -> Int? {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index += 3 }
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        return scanner.findKey(topLevel: true, matching: matches)
    }

    /// Walks the members of the object whose `{` was just taken, stopping at the first key that
    /// matches.
    private mutating func findKey(topLevel: Bool, matching matches: (String) -> Bool) -> Int? {
        skipSpace()
        if take(UInt8(ascii: "}")) { return nil }
        while true {
            skipSpace()
            let start = index
            guard let key = memberName() else { return nil }
            let name = String(decoding: key, as: UTF8.self)
            if matches(name) { return start }
            if topLevel && name == "answers" && take(UInt8(ascii: "{")) {
                if let found = findKey(topLevel: false, matching: matches) { return found }
            } else {
                guard skipValue(depth: 0) else { return nil }
            }
            skipSpace()
            guard take(UInt8(ascii: ",")) else {
                // The object's end: the walk goes on after it, in the object around it.
                _ = take(UInt8(ascii: "}"))
                return nil
            }
        }
    }
}
