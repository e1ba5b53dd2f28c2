/// How an indicator is answered.
public enum Scale: Sendable, Equatable {
    /// Whole points with a label each (1-5: "No action yet" ... "Doing as well as you can").
    case ordinal(min: Int, max: Int, labels: [String], meanings: [String])
    /// Points with words at some of them (0 "Not Great", 5 "OK", 10 "Great").
    case rating(min: Int, max: Int, anchors: [Int: String])
    /// Cumulative tiers, lowest first; "none" is below the first.
    case tiers([String])
    /// A choice among fixed answers, best first: yes / partly / no / n/a, or yes / no.
    case choice([String])
    /// Two counts, answered as "3/12", "3 of 12" or "25%".
    case ratio
    /// A measured figure.
    case number(unit: String?)
    case text

    /// A description of what is accepted, for error messages.
    public var accepted: String {
        switch self {
        case .ordinal(let min, let max, let labels, _):
            return "a whole number from \(min) to \(max)" + (labels.isEmpty ? "" : " or \(labels.joined(separator: ", "))")
        case .rating(let min, let max, let anchors):
            let words = anchors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return "a whole number from \(min) to \(max)" + (words.isEmpty ? "" : " (\(words.joined(separator: ", ")))")
        case .tiers(let levels): return (["none"] + levels).joined(separator: ", ")
        case .choice(let options): return options.joined(separator: ", ")
        case .ratio: return "two whole counts such as 3/12 or 3 of 12, the first no more than the second, or a percentage from 0 to 100 such as 25%"
        case .number(let unit) where unit == "%": return "a percentage from 0 to 100, such as 72 or 72%"
        case .number(let unit): return unit.map { "a number of \($0)" } ?? "a number"
        case .text: return "any text"
        }
    }

    /// The name of the scale in messages: "the 1-5 scale", "the tiers", "a ratio".
    public var name: String {
        switch self {
        case .ordinal(let min, let max, _, _), .rating(let min, let max, _): "the \(min)-\(max) scale"
        case .tiers: "the tiers"
        case .choice(let options): "the answers " + options.joined(separator: "/")
        case .ratio: "a ratio"
        case .number(let unit) where unit == "%": "a percentage"
        case .number: "a number"
        case .text: "text"
        }
    }

    /// What a value off the scale is not, in messages: "is not on the 1-5 scale", "is not one of
    /// the tiers", "is not a ratio".
    public var notOnIt: String {
        switch self {
        case .ordinal, .rating: "is not on \(name)"
        case .tiers, .choice: "is not one of \(name)"
        case .ratio, .number, .text: "is not \(name)"
        }
    }

    /// The span of the scale's numbers (max - min), for gaps between roles.
    var range: Double? {
        switch self {
        case .ordinal(let min, let max, _, _), .rating(let min, let max, _): Double(max - min)
        default: nil
        }
    }

    /// The whole points of an ordinal or rating scale.
    public var points: ClosedRange<Int>? {
        switch self {
        case .ordinal(let min, let max, _, _), .rating(let min, let max, _): min <= max ? min...max : nil
        default: nil
        }
    }

    /// A point with the words a framework gives it: an ordinal's label and meaning ("No action
    /// yet", "You haven't taken action yet."), or a rating's anchor as its label.
    public struct Point: Sendable, Equatable {
        public var value: Int
        public var label: String?
        public var meaning: String?

        public init(_ value: Int, label: String?, meaning: String? = nil) {
            self.value = value
            self.label = label
            self.meaning = meaning
        }
    }

    /// The points that have words, lowest first; none for a scale without them. The guidance a
    /// framework gives for scoring is often these words, so `coprod show` prints them.
    public var wordedPoints: [Point] {
        switch self {
        case .ordinal(let min, let max, let labels, let meanings):
            guard min <= max else { return [] }
            return (min...max).enumerated().compactMap { index, value in
                let label = labels.indices.contains(index) ? labels[index] : nil
                let meaning = meanings.indices.contains(index) ? meanings[index] : nil
                return label == nil && meaning == nil ? nil : Point(value, label: label, meaning: meaning)
            }
        case .rating(_, _, let anchors):
            return anchors.sorted { $0.key < $1.key }.map { Point($0.key, label: $0.value) }
        default: return []
        }
    }

    /// The label of a whole point, if it has one.
    public func label(for point: Int) -> String? {
        switch self {
        case .ordinal(let min, _, let labels, _):
            let index = point - min
            return labels.indices.contains(index) ? labels[index] : nil
        case .rating(_, _, let anchors): return anchors[point]
        default: return nil
        }
    }
}
