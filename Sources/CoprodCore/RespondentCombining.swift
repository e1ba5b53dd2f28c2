/// How several respondents' answers to one indicator become the organisation's answer. The
/// evaluator combines by it and `coprod show` describes it, so the two cannot disagree.
///
/// Only numbers follow the framework's `combine` setting; the other kinds of answer have a rule
/// of their own, chosen so that a hard rule or a cumulative tier is not averaged away. A
/// framework's own `rules.combine` replaces all of them where two or more respondents answered.
public enum RespondentCombining: String, Sendable, Equatable {
    /// Points and figures: their mean (the default `combine`).
    case mean
    /// Points and figures: their median, with `combine = "median"`.
    case median
    /// Tiers: the median tier, the lower of the two middle ones, since a tier between two is not met.
    case lowerMedian = "lower median"
    /// Checklist answers: the least met any respondent gives.
    case leastMet = "least met"
    /// Ratios of counts: the lowest share any respondent gives.
    case lowest
    /// Free text: nothing to combine; every answer is kept with its respondent and role.
    case allKept = "all kept"
}

extension Framework {
    /// Whether the framework's own `rules.combine` replaces `combining` where two or more
    /// respondents answered.
    public var combinesByOwnRule: Bool { rules.contains(FrameworkRules.Name.combine.rawValue) }

    /// How several respondents' answers on `scale` combine in this framework.
    public func combining(_ scale: Scale) -> RespondentCombining {
        switch scale {
        case .ordinal, .rating, .number: combine == .median ? .median : .mean
        case .tiers: .lowerMedian
        case .choice: .leastMet
        case .ratio: .lowest
        case .text: .allKept
        }
    }
}

extension Indicator {
    /// For a must-rule that needs one answer ("the project team has the casting vote": no), the
    /// answer that fails it: several respondents combine to it if any of them gives it.
    public var failingAnswer: String? {
        guard let mustBe, case .choice(let options) = scale else { return nil }
        return options.first { $0 != mustBe }
    }
}
