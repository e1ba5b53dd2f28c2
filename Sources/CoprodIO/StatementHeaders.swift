import CoprodCore

/// The framework's statement texts as forms tools head columns with them: a form asks each
/// statement as a question, and its export heads the answers' column with the question, often
/// numbered ("3. You value..."), in a grid ("Assets [You value...]"), after its section's title
/// ("Assets: You value...") or with its full stop dropped or added.
struct StatementHeaders: Sendable {
    /// Each text, folded and without final punctuation, with the items it is the text of, in
    /// the order a form asks them.
    private let slotsByText: [String: [AnswerSlot]]
    /// Each section's id and folded title, with its items' slots: a title before the text
    /// tells apart items that share it (each section's "What would help you to improve?").
    private let sectionSlots: [(names: [String], slots: Set<AnswerSlot>)]

    init(framework: Framework, layout: SlotLayout) {
        var texts: [String: [AnswerSlot]] = [:]
        var sections: [(names: [String], slots: Set<AnswerSlot>)] = []
        for section in framework.sections {
            var slots: Set<AnswerSlot> = []
            for element in section.elements {
                let (text, slot): (String, AnswerSlot)
                switch element {
                case .indicator(let indicator): (text, slot) = (indicator.text, AnswerSlot(id: indicator.id, part: .answer))
                case .prompt(let prompt): (text, slot) = (prompt.text, AnswerSlot(id: prompt.id, part: .prompt))
                default: continue
                }
                let placed = layout.placed(slot)
                slots.insert(placed)
                texts[StatementHeaders.loose(text.foldedForMatching), default: []].append(placed)
            }
            sections.append(([section.id.foldedForMatching, StatementHeaders.loose(section.title.foldedForMatching)], slots))
        }
        slotsByText = texts
        sectionSlots = sections
    }

    /// The items whose text `folded` (a header, folded) is, as it is or as a forms tool
    /// decorates it; several when the text is several items', or the header could be read as
    /// more than one. A title before the text that is a section's keeps that section's items.
    func slots(_ folded: String) -> [AnswerSlot] {
        var found: [AnswerSlot] = []
        var inSection: [AnswerSlot] = []
        for form in StatementHeaders.forms(of: folded) {
            guard let slots = slotsByText[StatementHeaders.loose(form.text)] else { continue }
            for slot in slots where !found.contains(slot) { found.append(slot) }
            guard let title = form.title.map({ StatementHeaders.loose(StatementHeaders.withoutNumber($0) ?? $0) }),
                  let section = sectionSlots.first(where: { $0.names.contains(title) }) else { continue }
            for slot in slots where section.slots.contains(slot) && !inSection.contains(slot) { inSection.append(slot) }
        }
        return inSection.isEmpty ? found : inSection
    }

    /// The texts a header may hold, each with the title before it: as it is, without a
    /// question number, the text in its final brackets, and what follows a colon.
    static func forms(of folded: String) -> [(text: Substring, title: Substring?)] {
        var forms: [(text: Substring, title: Substring?)] = [(folded[...], nil)]
        func add(_ text: Substring, _ title: Substring?) {
            let text = text.drop { $0 == " " }
            guard !text.isEmpty else { return }
            forms.append((text, title))
            if let rest = withoutNumber(text) { forms.append((rest, title)) }
        }
        if let rest = withoutNumber(folded[...]) { forms.append((rest, nil)) }
        for form in forms where form.text.hasSuffix("]") {
            if let open = openingBracket(of: form.text) {
                add(form.text[form.text.index(after: open)..<form.text.index(before: form.text.endIndex)],
                    form.text[..<open].trimmingSuffix(" "))
            }
        }
        for form in forms {
            var rest = form.text[...]
            // Each colon in turn: a title may have one of its own ("Part 1: Assets: ...").
            while let colon = rest.firstIndex(of: ":") {
                let after = rest.index(after: colon)
                if after < rest.endIndex, rest[after] == " " {
                    add(form.text[after...], form.text[..<colon])
                }
                rest = rest[after...]
            }
        }
        return forms
    }

    /// The `[` that the final `]` of `text` closes, past any pair inside it ("Standard [a pledge
    /// [within the Charter] ...]"); nil when there is none.
    static func openingBracket(of text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == "]" { depth += 1 }
            if text[index] == "[" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// `text` after a question number ("1. ", "3.1. ", "q1. ", "q1: ", "1) ", "q1 "), or nil.
    static func withoutNumber(_ text: Substring) -> Substring? {
        var rest = text
        let lettered = rest.first == "q"
        if lettered { rest = rest.dropFirst() }
        var dotted = false
        guard rest.first?.isASCIIDigit == true else { return nil }
        while true {
            rest = rest.drop(while: \.isASCIIDigit)
            guard rest.first == ".", rest.dropFirst().first?.isASCIIDigit == true else { break }
            rest = rest.dropFirst()
            dotted = true
        }
        var marked = false
        if let mark = rest.first, mark == "." || mark == ")" || mark == ":" {
            rest = rest.dropFirst()
            marked = true
        }
        guard rest.first == " ", marked || lettered || dotted else { return nil }
        let text = rest.drop { $0 == " " }
        return text.isEmpty ? nil : text
    }

    /// `text` without its final punctuation, which forms tools and typists add or drop.
    static func loose(_ text: some StringProtocol) -> String {
        String(text.trimmingSuffix { ".!?:;,…".contains($0) || $0 == " " })
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(_ drop: (Character) -> Bool) -> SubSequence {
        var end = endIndex
        while end > startIndex, drop(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }

    fileprivate func trimmingSuffix(_ character: Character) -> SubSequence {
        trimmingSuffix { $0 == character }
    }
}
