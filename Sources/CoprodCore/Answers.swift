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
        get {
            if let position = place(of: slot) { return byPosition[position] }
            return bySlot[slot]
        }
        set {
            if let position = place(of: slot) { byPosition[position] = newValue } else { bySlot[slot] = newValue }
        }
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
        guard let layout else { return nil }
        if let position = slot.position, position < layout.slots.count, layout.slots[position] == slot { return position }
        return layout.placed(slot).position
    }
}

/// A framework's slots in order, shared by every response read for it.
public final class SlotLayout: Sendable {
    public let slots: [AnswerSlot]
    /// The same slots by value, to find the placed slot for one made elsewhere.
    private let placed: [AnswerSlot: AnswerSlot]

    public init(framework: Framework) {
        slots = framework.slots
        placed = Dictionary(slots.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `slot` with its place in this layout, or as it is if the framework has no such slot.
    public func placed(_ slot: AnswerSlot) -> AnswerSlot { placed[slot] ?? slot }
}
