import Foundation

/// Organisation names that differ only in how they were typed (`Riverside Housing`,
/// `riverside  housing`, `St Mary's` and `St Mary’s`, `Café` and `Cafe`): coprod keeps them
/// apart, as it cannot know they are one, and says so, since one organisation counted as two
/// splits its respondents and its roles' views without a word.
public enum SimilarNames {
    /// The name as compared: lower case, without accents, white space, full stops, hyphens,
    /// dashes, apostrophes or quotes.
    public static func folded(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: name.utf8.compactMap(foldedASCII), as: UTF8.self)
        }
        let loose = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(String.UnicodeScalarView(loose.unicodeScalars.filter { !ignored($0) }))
    }

    /// A hash of `folded(name)`, worked out from the name's bytes without making a string when
    /// the name is ASCII: the first pass of a batch takes one for every organisation.
    public static func key(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var ascii = true
        for byte in name.utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            if let folded = foldedASCII(byte) { add(folded) }
        }
        if !ascii {
            hash = 0xcbf2_9ce4_8422_2325
            for byte in folded(name).utf8 { add(byte) }
        }
        return mixed(hash)
    }

    /// FNV's low bits depend only on the low bits of the bytes: names that differ in a digit
    /// share many of them, and a filter that takes its bits from them would think it had met
    /// such names before far more often. Every bit of the result depends on every bit here.
    private static func mixed(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }

    /// Groups of two or more names in `names` that fold alike, each in the order given, the
    /// groups in the order of their first name.
    public static func groups(_ names: some Sequence<String>) -> [[String]] {
        var order: [String] = []
        var byFolded: [String: [String]] = [:]
        for name in names {
            let folded = folded(name)
            if byFolded[folded] == nil { order.append(folded) }
            // Names equal as text (`==`) are one organisation already.
            if !(byFolded[folded]?.contains(name) ?? false) { byFolded[folded, default: []].append(name) }
        }
        return order.compactMap { byFolded[$0].flatMap { $0.count > 1 ? $0 : nil } }
    }

    /// The warning for `names` (each evaluated organisation's), nil when none are alike. The
    /// names are taken in the order of their bytes, so that a batch, whose workers finish in any
    /// order, and `evaluate` word it alike.
    public static func warning(among names: [String]) -> String? {
        warning(groups(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
    }

    /// The warning for `groups`, at most `shown` of them named, each by five names at most.
    public static func warning(_ groups: [[String]], shown: Int = 5) -> String? {
        guard !groups.isEmpty else { return nil }
        let named = groups.prefix(shown).map { group in
            let names = group.prefix(5).map { "'\($0)'" }
            return group.count > 5 ? names.joined(separator: ", ") + " and \(group.count - 5) more"
                                       : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
        let more = groups.count > shown ? "; and \(counted(groups.count - shown, "more group"))" : ""
        return "names that differ only in case, spaces, accents or punctuation were evaluated as different organisations: "
            + named.joined(separator: "; ") + more
            + " (if each is one organisation, write its name the same way in every row and run again)"
    }

    private static func foldedASCII(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "`"): nil
        default: byte
        }
    }

    private static func ignored(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return foldedASCII(UInt8(scalar.value)) == nil }
        if scalar.properties.isWhitespace { return true }
        // Curly quotes and apostrophes, acute and grave accents typed alone, dashes.
        return ["\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{00B4}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}"].contains(scalar)
    }
}
