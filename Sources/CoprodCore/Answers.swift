/// One respondent's answers, by slot.
///
/// Read from an input, answers sit in a list in the order of the framework's slots, so looking
/// one up is an index, not a hash of its id: a batch looks up every answer of every respondent.
/// Answers given by slot from anywhere else (a test, a script) are kept by slot.
public struct Answers: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var layout: SlotLayout?
    private var byPosition: [Answer?] = []
    private var bySlot: [AnswerSlot: Answer] = [:]

    public init(dictionaryLiteral elements: (AnswerSlot, Answer)...) {
        for (slot, answer) in elements { self[slot] = answer }
    }

    /// Empty answers laid out as `layout`'s slots.
    public init(layout: SlotLayout) {
        self.layout = layout
        byPosition = Array(repeating: nil, count: layout.slots.count)
    }

    public subscript(slot: AnswerSlot) -> Answer? {
        @inline(__always) get {
            // A slot placed by the same layout (every lookup an evaluation makes), kept small
            // enough to be inlined where it is looked up.
            if let position = slot.position, slot.layoutSignature != 0, slot.layoutSignature == layout?.signature,
               position < byPosition.count {
                return byPosition[position]
            }
            return answer(for: slot)
        }
        set {
            if let position = place(of: slot) { byPosition[position] = newValue } else { bySlot[slot] = newValue }
        }
    }

    private func answer(for slot: AnswerSlot) -> Answer? {
        if let position = place(of: slot) { return byPosition[position] }
        return bySlot[slot]
    }

    /// Sets the answer at `position` among the slots of the layout these answers were made
    /// with: how a reader that placed its columns by that layout fills them in.
    public mutating func set(_ answer: Answer, at position: Int) {
        precondition(layout != nil && position < byPosition.count, "answers are set by position only in their own layout")
        byPosition[position] = answer
    }

    /// Every answer given, by slot.
    public var all: [AnswerSlot: Answer] {
        var all = bySlot
        if let layout {
            for (position, answer) in byPosition.enumerated() { if let answer { all[layout.slots[position]] = answer } }
        }
        return all
    }

    public static func == (a: Answers, b: Answers) -> Bool { a.all == b.all }

    /// The slot's place in the list, when it has one there: straight from a slot the layout
    /// placed, looked up for one made elsewhere.
    private func place(of slot: AnswerSlot) -> Int? {
        guard let layout, let position = slot.position else { return layout?.placed(slot).position }
        if slot.layoutSignature == layout.signature, position < byPosition.count { return position }
        if position < layout.slots.count, layout.slots[position] == slot { return position }
        return layout.placed(slot).position
    }
}

/// A framework's slots in order, shared by every response read for it.
public final class SlotLayout: Sendable {
    public let slots: [AnswerSlot]
    /// The same slots by value, to find the placed slot for one made elsewhere.
    private let placed: [AnswerSlot: AnswerSlot]

    /// Made from every slot's key in order: two layouts of the same slots have the same one.
    /// Never 0, which marks a slot no layout placed.
    public let signature: UInt64

    public init(framework: Framework) {
        let listed = framework.slots
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for slot in listed { hash = (hash ^ slot.key) &* 0x100_0000_01b3 }
        let signature = hash == 0 ? 1 : hash
        self.signature = signature
        slots = listed.enumerated().map { AnswerSlot(placing: $1, at: $0, signature: signature) }
        placed = Dictionary(slots.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `slot` with its place in this layout, or as it is if the framework has no such slot.
    public func placed(_ slot: AnswerSlot) -> AnswerSlot { placed[slot] ?? slot }
}
