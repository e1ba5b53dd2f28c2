import Foundation

/// One answer in an assessment, already checked against its scale.
public enum Answer: Sendable, Equatable {
    /// A point on an ordinal or rating scale, a measured figure, or a survey percentage.
    case number(Double)
    /// A tier by index: 0 is "none", 1 the first tier (bronze), and so on.
    case tier(Int)
    /// One of a choice scale's options, as the framework spells it ("yes", "n/a").
    case choice(String)
    /// Two counts, e.g. 3 non-professionals of 12 board members.
    case ratio(part: Double, whole: Double)
    /// A ratio given directly as a share from 0 to 1.
    case share(Double)
    case text(String)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// A ratio's share from 0 to 1.
    public var share: Double? {
        switch self {
        case .ratio(let part, let whole): whole > 0 ? part / whole : nil
        case .share(let value): value
        default: nil
        }
    }
}

/// Why a value could not be read: said in the user's words, with what would be accepted.
public struct ValueProblem: Error, Equatable, Sendable {
    public var message: String
}

/// What one input column holds for a framework: an indicator's answer, one of a tier indicator's
/// kinds of evidence, a comment, or a free-text prompt.
public struct AnswerSlot: Sendable, Equatable, Hashable {
    public enum Part: String, Sendable, Hashable {
        /// The indicator's own answer (for tiers: the tier the organisation declares).
        case answer
        /// A survey percentage behind a tier.
        case survey
        /// Whether one tier's criteria are met (yes / no); the tier is in `tier`.
        case criteria
        /// Examples, comments, areas to improve.
        case comment
        /// A free-text prompt's answer.
        case prompt
    }

    public let id: String
    public let part: Part
    public let tier: String?
    /// Where the slot is in its framework's list of slots (`Framework.slots`); nil for a slot
    /// made on its own. Not part of the slot's identity.
    public let position: Int?
    /// Worked out once when the slot is made: every respondent's answers are looked up by slot,
    /// and hashing three strings for each lookup cost more than evaluating.
    let key: UInt64
    /// The signature of the `SlotLayout` that placed the slot, 0 for none: answers laid out by
    /// the same layout find the slot by its position alone, without comparing ids.
    let layoutSignature: UInt64

    public init(id: String, part: Part, tier: String? = nil, position: Int? = nil) {
        self.id = id
        self.part = part
        self.tier = tier
        self.position = position
        layoutSignature = 0
        // FNV-1a over the parts; equality still compares the parts themselves.
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { key = (key ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in part.rawValue.utf8 { key = (key ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in (tier ?? "").utf8 { key = (key ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.key = key
    }

    /// `slot` at `position` in the layout whose signature is `signature`.
    init(placing slot: AnswerSlot, at position: Int, signature: UInt64) {
        id = slot.id
        part = slot.part
        tier = slot.tier
        self.position = position
        key = slot.key
        layoutSignature = signature
    }

    public static func == (a: AnswerSlot, b: AnswerSlot) -> Bool {
        a.key == b.key && a.id == b.id && a.part == b.part && a.tier == b.tier
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The column header that names this slot in a template: `equality.1`, `equality.1.survey`,
    /// `equality.1.silver`, `equality.1.comment`.
    public var column: String {
        switch part {
        case .answer, .prompt: id
        case .survey: id + ".survey"
        case .criteria: id + "." + (tier ?? "")
        case .comment: id + ".comment"
        }
    }
}

extension Scale {
    /// Reads a cell's text as an answer on this scale. Empty text is no answer (nil).
    public func parse(_ raw: String) throws(ValueProblem) -> Answer? {
        let text = raw.trimmingWhitespace
        if text.isEmpty { return nil }
        // Most cells are plain numbers: read them before any folding of case and white space.
        switch self {
        case .ordinal(let min, let max, _, _), .rating(let min, let max, _):
            if let point = Int(text), point >= min, point <= max { return .number(Double(point)) }
        default:
            break
        }
        let folded = text.foldedForMatching
        switch self {
        case .ordinal(let min, _, let labels, _):
            if let index = labels.firstIndex(where: { $0.foldedForMatching == folded }) { return .number(Double(min + index)) }
        case .rating(_, _, let anchors):
            if let anchor = anchors.first(where: { $0.value.foldedForMatching == folded }) { return .number(Double(anchor.key)) }
        case .tiers(let levels):
            if folded == "none" { return .tier(0) }
            if let index = levels.firstIndex(of: folded) { return .tier(index + 1) }
        case .choice(let options):
            if let option = Scale.choiceSynonyms[folded].flatMap({ synonym in options.first { $0 == synonym } }) {
                return .choice(option)
            }
            if let option = options.first(where: { $0.foldedForMatching == folded }) { return .choice(option) }
        case .ratio:
            if let share = Scale.percentage(text), (0...100).contains(share) { return .share(share / 100) }
            // Counts of people are whole: 3.5 of 7 is a slip, not a share.
            let parts = folded.replacingOccurrences(of: " of ", with: "/").split(separator: "/")
            if parts.count == 2, let part = Int(String(parts[0]).trimmingWhitespace), let whole = Int(String(parts[1]).trimmingWhitespace),
               part >= 0, whole > 0, part <= whole {
                return .ratio(part: Double(part), whole: Double(whole))
            }
        case .number(let unit):
            // A bare 0.72 for a percentage is a fraction more often than under one percent: it is
            // left to `secondLook`, which refuses it.
            if let value = Scale.percentage(text) ?? Scale.decimal(text), unit != "%" || (0...100).contains(value),
               unit != "%" || value > 1 || value <= 0 || text.hasSuffix("%") || (value == 1 && !text.contains(".")) {
                return .number(value)
            }
        case .text:
            return .text(raw)
        }
        return try secondLook(text)
    }

    /// Why a value is refused, with the value as the input has it (quoted text, or a JSON `true`
    /// that was read as "yes"), and `reason` when more can be said: the one place these
    /// messages are made, so every one says what is accepted and that empty is no answer (people
    /// type `-`, `none` or `n/a` for it, which some scales take as an answer).
    public func notOnScale(_ shown: String, because reason: String? = nil) -> ValueProblem {
        // A whole paragraph pasted into a cell is named by its start, not quoted whole.
        let shown = shown.count <= 80 ? shown : "\(shown.prefix(60))…' (\(counted(shown.count - 2, "character")))"
        return ValueProblem(message: "\(shown) \(notOnIt)\(reason.map { ": " + $0 } ?? "") (accepted: \(accepted); leave it empty for no answer)")
    }

    /// The words this scale accepts in place of a number, by their folded spelling and by the
    /// framework's own, each with the answer `parse` gives for it: a reader looks words up here
    /// instead of folding every label for every cell.
    public var answersByWord: [String: Answer] {
        let words: [String] = switch self {
        case .ordinal(_, _, let labels, _): labels
        case .rating(_, _, let anchors): anchors.sorted { $0.key < $1.key }.map(\.value)
        case .tiers(let levels): ["none"] + levels
        case .choice(let options): Array(Scale.choiceSynonyms.keys.sorted()) + options
        case .ratio, .number, .text: []
        }
        var answers: [String: Answer] = [:]
        for word in words {
            let folded = word.foldedForMatching
            if answers[folded] == nil, let answer = try? parse(word) { answers[folded] = answer }
        }
        // Words spelt exactly as the framework spells them (as templates and forms give them)
        // are found without folding.
        for word in words where answers[word] == nil {
            if let answer = answers[word.foldedForMatching] { answers[word] = answer }
        }
        return answers
    }

    /// "72%" or "72 %" as 72; nil for anything else, a bare "72" too.
    static func percentage(_ text: String) -> Double? {
        var digits = text
        let hasSign = digits.hasSuffix("%")
        if hasSign { digits = String(digits.dropLast()).trimmingWhitespace }
        guard hasSign, let value = decimal(digits) else { return nil }
        return value
    }

    /// A figure as people write one: digits, perhaps a sign and a decimal point. Not what else
    /// `Double` reads (`0x10`, `1e305`, `inf`), which no form means, nor one too large to show.
    static func decimal(_ text: String) -> Double? {
        var digits = text.utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }),
              digits.filter({ $0 == UInt8(ascii: ".") }).count <= 1, digits.contains(where: { $0 != UInt8(ascii: ".") }),
              let value = Double(text), abs(value) < 1e15 else { return nil }
        return value
    }

    /// Spellings people use in forms for the checklist answers.
    static let choiceSynonyms: [String: String] = [
        "y": "yes", "yes": "yes", "true": "yes",
        "n": "no", "no": "no", "false": "no",
        "partly": "partly", "partially": "partly", "partial": "partly", "in part": "partly",
        "n/a": "n/a", "na": "n/a", "n.a.": "n/a", "not applicable": "n/a",
    ]
}

extension String {
    public var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x7F, last > 0x20 && last < 0x7F {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Lower case with runs of white space as one space, and curly quotes as straight ones: how
    /// headers and labels are compared, so "Made a start", "made  a START" and a forms tool's
    /// copy of a statement all match.
    public var foldedForMatching: String {
        // Plain ASCII without doubled or outer spaces (most labels and answers): lower-case bytes.
        if isPlainFoldedASCII {
            if !utf8.contains(where: { $0 >= 65 && $0 <= 90 }) { return self }
            return String(decoding: utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var result = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "\u{2018}", "\u{2019}": result.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}": result.unicodeScalars.append("\"")
            default: result += String(scalar).lowercased()
            }
        }
        return result
    }

    /// Printable ASCII with single spaces only between words: folding only lowers its case.
    private var isPlainFoldedASCII: Bool {
        var previous: UInt8 = 0x20
        for byte in utf8 {
            guard byte >= 0x20 && byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }
}
