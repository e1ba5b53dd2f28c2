/// A self-assessment framework as its Lua file describes it: metadata, sections in order, and what
/// each indicator asks. Plain data, so one loaded framework can be shared by every worker.
public struct Framework: Sendable, Equatable {
    public var id: String
    public var title: String
    public var subtitle: String?
    public var publisher: String?
    public var edition: String?
    public var source: String?
    public var introduction: [String]
    public var guidance: [String]
    /// The encoder's choices where the seed is silent, with reasons.
    public var notes: [String]
    public var sections: [Section]
    /// How several respondents' numbers combine: "mean" (default) or "median".
    public var combine: Combination
    /// How far two roles' section scores may differ before the result flags it; nil: the default
    /// for the scale (a quarter of its range, one tier, 25 percentage points).
    public var gap: Double?
    /// The section score under which the area summary counts an organisation; nil: the middle of
    /// the section's scale (3 on 1-5, half a checklist). A local area sets its own bar here.
    public var below: Double?
    /// Names of the rules the framework supplies as Lua functions.
    public var rules: Set<String>
    /// Where it was loaded from: "(built-in)" or a path.
    public var origin: String

    public enum Combination: String, Sendable {
        case mean, median
    }

    /// Every indicator (anything answered on a scale), in document order.
    public var indicators: [Indicator] { sections.flatMap(\.indicators) }

    /// Every free-text prompt, in document order.
    public var prompts: [Prompt] { sections.flatMap(\.prompts) }

    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }
}

public struct Section: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String?
    public var label: String?
    public var questions: [String]
    public var nextSteps: [String]
    public var elements: [Element]
    /// The score under which the area summary counts an organisation on this section, where it
    /// differs from the framework's `below` (a section on its own scale); nil: the framework's.
    public var below: Double?

    /// What a section holds, in document order.
    public enum Element: Sendable, Equatable {
        case indicator(Indicator)
        case prompt(Prompt)
        case note(String)
        case heading(String)
        /// A "what should it feel like?" statement: read, not answered.
        case feel(String)
    }

    public var indicators: [Indicator] {
        elements.compactMap { if case .indicator(let indicator) = $0 { indicator } else { nil } }
    }

    public var prompts: [Prompt] {
        elements.compactMap { if case .prompt(let prompt) = $0 { prompt } else { nil } }
    }

    public var feelings: [String] {
        elements.compactMap { if case .feel(let text) = $0 { text } else { nil } }
    }
}

/// A free-text question: what is going well, a reflection, a chosen action.
public struct Prompt: Sendable, Equatable {
    public var id: String
    public var text: String
}

/// Anything a respondent answers on a scale: a statement, a quality indicator, a checklist item,
/// a ratio of counts or a measured figure.
public struct Indicator: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case statement, indicator, item, ratio, metric
    }

    public var id: String
    public var kind: Kind
    public var sectionID: String
    public var text: String
    public var scale: Scale
    public var guidance: String?
    /// Sub-points printed under the text.
    public var detail: [String]
    /// Tier descriptors, by tier name ("bronze": [...]).
    public var descriptors: [String: [String]]
    /// A survey percentage with the least value for each tier.
    public var survey: SurveyMetric?
    /// A must-rule: failing it fails the whole assessment with `fails`.
    public var must: Bool
    public var fails: String?
    /// For a yes/no must-rule, the answer it needs ("no" for "the project team has the casting vote").
    public var mustBe: String?
    /// For ratios and measured figures: the least acceptable value (a share 0-1, or a number).
    public var atLeast: Double?
    public var numerator: String?
    public var denominator: String?
    public var unit: String?
}

/// "At least N% agree": the evidence behind a tier.
public struct SurveyMetric: Sendable, Equatable {
    public var measure: String
    /// Least percentage for each tier, by tier name.
    public var thresholds: [String: Double]
}
