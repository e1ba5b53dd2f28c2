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
    struct Slots: Sendable {
        let answer: AnswerSlot
        let survey: AnswerSlot
        let criteria: [AnswerSlot]

        init(indicator: Indicator, levels: [String]) {
            answer = AnswerSlot(id: indicator.id, part: .answer)
            survey = AnswerSlot(id: indicator.id, part: .survey)
            criteria = levels.map { AnswerSlot(id: indicator.id, part: .criteria, tier: $0) }
        }
    }

    init(indicator: Indicator, levels: [String], response: Response) {
        self.init(indicator: indicator, levels: levels, slots: Slots(indicator: indicator, levels: levels), response: response)
    }

    init(indicator: Indicator, levels: [String], slots: Slots, response: Response) {
        if case .tier(let index)? = response[slots.answer] { declared = index }
        let who = response.origin.isEmpty ? "" : " (\(response.origin))"
        var reasons: [String] = []

        // Criteria per tier, cumulative.
        let criteria = slots.criteria.map { slot -> Bool? in
            guard case .choice(let answer)? = response[slot] else { return nil }
            return answer == "yes"
        }
        if criteria.contains(where: { $0 != nil }) {
            let met = criteria.prefix { $0 == true }.count
            evidence = met
            if met < levels.count {
                reasons.append("\(levels[met]) criteria are not met")
                if let higher = criteria[(met + 1)...].firstIndex(where: { $0 == true }) {
                    warnings.append("\(indicator.id) \"\(indicator.text)\": \(levels[higher]) criteria are met but \(levels[met]) criteria are not; tiers are cumulative, so this counts as \(TierReading.name(met, levels))\(who)")
                }
            }
        }

        // A survey percentage against the thresholds.
        if let survey = indicator.survey, case .number(let percent)? = response[slots.survey] {
            var reached = 0
            for (index, tier) in levels.enumerated() {
                guard let threshold = survey.thresholds[tier], percent >= threshold else { break }
                reached = index + 1
            }
            if reached < levels.count, let threshold = survey.thresholds[levels[reached]] {
                reasons.append("\(levels[reached]) needs at least \(Score.format(threshold))% (\(survey.measure)) and the survey gives \(Score.format(percent))%")
            }
            evidence = min(evidence ?? reached, reached)
        }

        if let declared, let evidence, declared > evidence {
            let because = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
            warnings.append("\(indicator.id) \"\(indicator.text)\": \(TierReading.name(declared, levels)) declared, but the evidence supports \(TierReading.name(evidence, levels))\(because)\(who)")
        }
    }

    static func name(_ index: Int, _ levels: [String]) -> String {
        index >= 1 && index <= levels.count ? levels[index - 1] : "none"
    }
}
