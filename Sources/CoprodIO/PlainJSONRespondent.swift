import CoprodCore
import Foundation

/// What JSON respondents' keys map to, kept by whoever reads many respondents: an input has a
/// few dozen keys, and mapping each again for every respondent cost more than reading its values.
public struct JSONKeyColumns {
    /// No framework has so many keys: past them, a new key is mapped each time it comes.
    static let limit = 1024
    /// Nil for a key whose place in sorted order bytes cannot give (not in Unicode's composed
    /// form, NFC) or that is not UTF-8.
    fileprivate var byKey: [KeyBytes: AssessmentReader.Column?] = [:]
    fileprivate var slots: Set<AnswerSlot> = []

    public init() {}
}

extension AssessmentReader {
    /// Reads a plain JSON respondent (one object of strings, whole numbers and nulls, perhaps
    /// some inside an `answers` object) straight from its text, without
    /// building a dictionary of it: a batch reads every respondent. Nil for any other: reading
    /// in full (`readJSON`) then gives the outcome, as it gives the same for a plain one.
    public func plainResponse(json bytes: ArraySlice<UInt8>, file: String, row: Int, keyColumns: inout JSONKeyColumns) -> Outcome? {
        var scanner = JSONScanner(bytes: bytes)
        var members: [JSONScanner.Member] = []
        members.reserveCapacity(32)
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")), scanner.plainMembers(topLevel: true, into: &members) else { return nil }
        scanner.skipSpace()
        guard scanner.atEnd else { return nil }

        // Reading in full merges `answers` over the top level, then takes the keys in sorted
        // order: for keys in composed form (checked with their columns), the order of their bytes.
        members.sort { first, second in
            first.key.lexicographicallyPrecedes(second.key) || (first.key.elementsEqual(second.key) && !first.inAnswers && second.inAnswers)
        }
        var merged: [JSONScanner.Member] = []
        merged.reserveCapacity(members.count)
        for member in members {
            if let last = merged.last, last.key.elementsEqual(member.key) {
                // The same key twice at one level: which one JSON parsers keep varies. Across
                // levels `answers` wins, but the value it replaces must still be JSON.
                guard last.inAnswers != member.inAnswers, JSONScanner.plainText(bytes[last.value]) != nil else { return nil }
                merged[merged.count - 1] = member
            } else {
                merged.append(member)
            }
        }

        guard let columns = columns(of: merged, keyColumns: &keyColumns) else { return nil }
        var values: [String] = []
        values.reserveCapacity(merged.count)
        for member in merged {
            guard let text = JSONScanner.plainText(bytes[member.value]) else { return nil }
            values.append(text)
        }
        var result = ReadAssessments()
        read(values: values, columns: columns, file: file, row: row, namingKeys: true, into: &result)
        if let response = result.responses.first { return .response(response) }
        return result.rejected.first.map { .rejected($0) }
    }

    /// The columns `members`' keys map to, as reading in full maps them; nil where it refuses
    /// them (two keys for one answer or one of the organisation, role, respondent and date, no
    /// organisation, an unknown key with `strict`) or where
    /// their order is not their bytes' order.
    private func columns(of members: [JSONScanner.Member], keyColumns: inout JSONKeyColumns) -> [Column]? {
        var columns: [Column] = []
        columns.reserveCapacity(members.count)
        var metadata: [String] = []
        keyColumns.slots.removeAll(keepingCapacity: true)
        for member in members {
            let key = member.key
            let mapped: Column?
            if let known = keyColumns.byKey[KeyBytes(key)] {
                mapped = known
            } else {
                mapped = String(validating: key, as: UTF8.self).flatMap { name in
                    name.precomposedStringWithCanonicalMapping.utf8.elementsEqual(key) ? self.column(named: name) : nil
                }
                if keyColumns.byKey.count < JSONKeyColumns.limit { keyColumns.byKey[KeyBytes(key).copy()] = mapped }
            }
            guard let column = mapped else { return nil }
            switch column {
            case .metadata(let field):
                // Two keys for one of them ('organisation' and 'Organisation'): reading in full refuses it.
                guard !metadata.contains(field) else { return nil }
                metadata.append(field)
            case .slot(let slot): guard keyColumns.slots.insert(slot).inserted else { return nil }
            case .ignored: guard !strict else { return nil }
            }
            columns.append(column)
        }
        return metadata.contains("organisation") ? columns : nil
    }
}

extension JSONScanner {
    /// A member of a plain respondent: its key (unescaped), and where its value's text is.
    struct Member {
        var key: ArraySlice<UInt8>
        var value: Range<Int>
        var inAnswers: Bool
    }

    /// The members of the object whose `{` was just taken, up to and with its `}`, when they are
    /// plain: keys without control characters, values that are not objects or arrays (but for
    /// the top level's `answers`, an object whose members join the top level's, or null).
    mutating func plainMembers(topLevel: Bool, into members: inout [Member]) -> Bool {
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        var sawAnswers = false
        while true {
            guard let key = memberName() else { return false }
            if topLevel && key.elementsEqual("answers".utf8) {
                guard !sawAnswers else { return false }
                sawAnswers = true
                if take(UInt8(ascii: "{")) {
                    guard plainMembers(topLevel: false, into: &members) else { return false }
                } else {
                    // Null is no answers; anything else that is not an object, reading in full
                    // rejects, saying what it is.
                    let start = index
                    guard scalar(), bytes[start..<index].elementsEqual("null".utf8) else { return false }
                }
            } else {
                let start = index
                guard scalar() else { return false }
                members.append(Member(key: key, value: start..<index, inAnswers: !topLevel))
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// Skips a string, a number or a literal; false for an object or an array.
    private mutating func scalar() -> Bool {
        guard let byte = next, byte != UInt8(ascii: "{"), byte != UInt8(ascii: "[") else { return false }
        return skipValue(depth: 0)
    }

    /// The text reading in full gives a plain value: a string's own, a whole number's digits, ""
    /// for null. Nil for any other value (a fraction, true or false, whose text depends on how
    /// the parser stores them) and for a string that is not valid JSON.
    static func plainText(_ value: ArraySlice<UInt8>) -> String? {
        guard let first = value.first else { return nil }
        if first == UInt8(ascii: "\"") {
            guard !value.contains(where: { $0 < 0x20 }) else { return nil }
            return text(value)
        }
        if value.elementsEqual("null".utf8) { return "" }
        // 0, or up to 15 digits without a leading 0: exactly what a parser gives back.
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard value.count <= 15, value.allSatisfy(isDigit), first != UInt8(ascii: "0") || value.count == 1 else { return nil }
        return String(decoding: value, as: UTF8.self)
    }
}
