/// A score at any level: a number on the framework's scale, a tier, or a share of items met.
public enum Score: Sendable, Equatable {
    case number(Double)
    /// Tier index (0 none) and its name.
    case tier(Int, String)
    /// A share from 0 to 1 (checklists, ratios).
    case share(Double)
    /// Nothing answered to score.
    case none

    public var number: Double? {
        switch self {
        case .number(let value): value
        case .tier(let index, _): Double(index)
        case .share(let value): value
        case .none: nil
        }
    }

    /// As a person reads it: "3.67", "silver", "75%", "-".
    public var display: String {
        switch self {
        case .number(let value): Score.format(value)
        case .tier(_, let name): name
        case .share(let value): Score.format(value * 100) + "%"
        case .none: "-"
        }
    }

    /// Two decimals at most, no trailing zeros: 3.67, 2.5, 4.
    public static func format(_ value: Double) -> String {
        // A Lua rule can return anything a double holds; no score read from an input is so large.
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let hundredths = (value * 100).rounded()
        let rounded = hundredths / 100
        if rounded == rounded.rounded() && abs(rounded) < 9e15 { return String(Int(rounded)) }
        // The double nearest a two-decimal number prints as that number: its digits are written
        // here from whole hundredths (a batch formats a figure or two for every organisation).
        if abs(hundredths) < 1e15 {
            let magnitude = Int(hundredths).magnitude
            let cents = magnitude % 100
            return (hundredths < 0 ? "-" : "") + String(magnitude / 100) + "."
                + (cents % 10 == 0 ? String(cents / 10) : (cents < 10 ? "0" : "") + String(cents))
        }
        var text = String(rounded)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[...text.index(dot, offsetBy: 2)])
        }
        return text
    }
}

/// The evaluation of one organisation against a framework.
public struct OrganisationResult: Sendable, Equatable {
    public var framework: String
    public var organisation: String
    public var respondents: Int
    /// How many respondents gave each role (respondents without a role count under "").
    public var roles: [String: Int]
    public var indicators: [IndicatorResult]
    public var sections: [SectionResult]
    public var overall: Score
    /// Indicators answered (after combining respondents) and indicators the framework has.
    public var answered: Int
    public var expected: Int
    /// Must-rules that failed, with the seed's own words. Any failure fails the assessment.
    public var failures: [Failure]
    public var warnings: [String]
    public var nextSteps: [String]
    /// Free text given, per prompt and respondent.
    public var texts: [TextAnswer]
    /// Sections where two roles' scores differ by more than the framework's gap.
    public var gaps: [RoleGap]

    /// Must-rules with no answer, when none failed.
    public var mustUnanswered: [String] = []

    /// False when a must-rule fails; nil when none fails but some have no answer, so that an
    /// organisation that left them blank does not pass for one that met them; true otherwise.
    public var passed: Bool? { !failures.isEmpty ? false : mustUnanswered.isEmpty ? true : nil }

    /// One role's overall: that role's own section scores, combined as the whole's are, so that a
    /// role's view is never read against the whole organisation's figure. A section the role did
    /// not score is left out, as an unanswered one is from the whole.
    public func overall(ofRole role: String) -> Score {
        Evaluator.overallScore(sections.map { $0.roleScores[role] ?? .none })
    }
}

public struct IndicatorResult: Sendable, Equatable {
    public var id: String
    public var sectionID: String
    public var score: Score
    /// The combined answer in words, when there is one: "Making progress", "yes", "3 of 12 = 25%".
    public var answer: String?
    /// For tiers: the tier the respondents declared, when it differs from the evidence.
    public var declared: Score?
    /// How many respondents answered it.
    public var answers: Int
    public var roleScores: RoleScores
    public var byRole: [String: Score] { roleScores.dictionary }
}

public struct SectionResult: Sendable, Equatable {
    public var id: String
    public var title: String
    public var score: Score
    public var answered: Int
    public var expected: Int
    public var roleScores: RoleScores
    public var byRole: [String: Score] { roleScores.dictionary }
}

public struct Failure: Sendable, Equatable {
    public var indicatorID: String
    public var message: String
}

public struct TextAnswer: Sendable, Equatable {
    public var id: String
    public var prompt: String
    public var role: String?
    public var respondent: String?
    public var text: String
}

extension TextAnswer {
    /// The free-text columns among `slots` (the framework's own when not given), in order, each
    /// with the prompt a result gives its texts: a comment's names its indicator.
    public static func prompts(of framework: Framework, slots: [AnswerSlot]? = nil) -> [(slot: AnswerSlot, prompt: String)] {
        let prompts = Dictionary(framework.prompts.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let indicatorTexts = Dictionary(framework.indicators.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        return (slots ?? framework.slots).compactMap { slot in
            switch slot.part {
            case .prompt: (slot, prompts[slot.id] ?? slot.id)
            case .comment: (slot, "Examples / comments / areas to improve: " + (indicatorTexts[slot.id] ?? slot.id))
            default: nil
            }
        }
    }
}

public struct RoleGap: Sendable, Equatable {
    public var sectionID: String
    public var roles: (String, String)
    public var scores: (Score, Score)
    public var difference: Double

    public static func == (a: RoleGap, b: RoleGap) -> Bool {
        a.sectionID == b.sectionID && a.roles == b.roles && a.scores == b.scores && a.difference == b.difference
    }
}
