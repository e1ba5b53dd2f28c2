/// One respondent's evidence for a tiered indicator, read cumulatively.
///
/// A tier counts only if every lower tier is met. Criteria met per tier (`id.bronze`, `id.silver`,
/// ...) give the highest tier whose criteria and all lower ones are met; a survey percentage gives
/// the highest tier whose threshold it reaches. When both are given the lower wins. Evidence wins
/// over the declared tier (`id`), and a declared tier above the evidence is a warning that says
/// which threshold or criterion is missing.
struct TierReading {
    var declared: Int?
    var evidence: Int?
    var warnings: [String] = []

    /// The tier this respondent's answers support: the evidence, or else what was declared.
    var tier: Int? { evidence ?? declared }

    /// Where a tiered indicator's evidence is in a response; made once per framework.
    final class Slots: Sendable {
        let answer: AnswerSlot
        let survey: AnswerSlot
        let criteria: [AnswerSlot]
        /// The survey's least percentage for each tier, in the tiers' order.
        let thresholds: [Double?]
        /// How warnings name the indicator: `equality.1 "People report feeling included": `.
        let label: String

        init(indicator: Indicator, levels: [String], layout: SlotLayout) {
            func slot(_ part: AnswerSlot.Part, _ tier: String? = nil) -> AnswerSlot {
                layout.placed(AnswerSlot(id: indicator.id, part: part, tier: tier))
            }
            answer = slot(.answer)
            survey = slot(.survey)
            criteria = levels.map { slot(.criteria, $0) }
            thresholds = levels.map { indicator.survey?.thresholds[$0] }
            label = "\(indicator.id) \"\(indicator.text)\": "
        }
    }

    /// Reads the evidence in one response's `answers`. `origin` ends each warning, saying where
    /// the response came from (" (qs.csv row 4)"); `warn` false skips wording warnings nobody
    /// will read.
    init(indicator: Indicator, levels: [String], slots: Slots, answers: borrowing Answers, origin: String, warn: Bool = true) {
        if case .tier(let index)? = answers[slots.answer] { declared = index }

        // Criteria per tier, cumulative: `met` tiers in a row, then perhaps a higher one met.
        var met = 0
        var anyCriteria = false
        var higherMet: Int?
        for (index, slot) in slots.criteria.enumerated() {
            guard case .choice(let answer)? = answers[slot] else { continue }
            anyCriteria = true
            let isMet = answer == "yes"
            if isMet && met == index { met = index + 1 } else if isMet && higherMet == nil && index > met { higherMet = index }
        }
        if anyCriteria {
            evidence = met
            if warn, met < levels.count, let higher = higherMet {
                warnings.append(TierReading.joined(slots.label, levels[higher], " criteria are met but ", levels[met],
                                                   " criteria are not; tiers are cumulative, so this counts as ",
                                                   TierReading.name(met, levels), origin))
            }
        }

        // A survey percentage against the thresholds.
        var surveyShortfall: (reached: Int, threshold: Double, percent: Double)?
        if indicator.survey != nil, case .number(let percent)? = answers[slots.survey] {
            var reached = 0
            for threshold in slots.thresholds {
                guard let threshold, percent >= threshold else { break }
                reached += 1
            }
            if reached < levels.count, let threshold = slots.thresholds[reached] {
                surveyShortfall = (reached, threshold, percent)
            }
            evidence = min(evidence ?? reached, reached)
        }

        if warn, let declared, let evidence, declared > evidence {
            // Only the shortfalls at or below the declared tier explain why it is not reached.
            let criteria = anyCriteria && met < declared
            var survey = ""
            if let shortfall = surveyShortfall, shortfall.reached < declared, let metric = indicator.survey {
                survey = TierReading.joined(levels[shortfall.reached], " needs at least ", Score.format(shortfall.threshold), "% (",
                                            metric.measure, ") and the survey gives ", Score.format(shortfall.percent), "%")
            }
            warnings.append(TierReading.joined(
                slots.label, TierReading.name(declared, levels), " declared, but the evidence supports ", TierReading.name(evidence, levels),
                criteria || !survey.isEmpty ? ": " : "", criteria ? levels[met] : "", criteria ? " criteria are not met" : "",
                criteria && !survey.isEmpty ? "; " : "", survey, origin))
        }
    }

    /// The parts as one text, made in one go: a batch words a warning or two for most
    /// organisations, and joining them two at a time copied each part over and over.
    static func joined(_ parts: String...) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { bytes += part.utf8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func name(_ index: Int, _ levels: [String]) -> String {
        index >= 1 && index <= levels.count ? levels[index - 1] : "none"
    }
}
