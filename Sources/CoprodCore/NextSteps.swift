/// The default next steps, built from the framework's own texts: failed must-rules first, then the
/// next tier's descriptors for each indicator below the top tier, then the lowest-scoring sections
/// with the framework's next-steps prompts (or its reflection prompts), then checklist items not
/// yet met.
struct NextSteps: Sendable {
    /// The framework's indicators in order, as a result lists them, and where each id is.
    private let ordered: [Indicator]
    private let positions: [String: Int]
    /// For each tiered indicator, the step to reach each tier above its current one, by the
    /// current tier's index: the same words for every organisation, so made once.
    private let toReach: [[String]]
    /// For each section: its title and what to ask when it is the lowest, the framework's
    /// next-steps prompts or else its first reflection prompt.
    private let lowestSection: [String: (title: String, prompts: String)]
    private let maxima: [String: Double]

    init(framework: Framework) {
        ordered = framework.indicators
        lowestSection = Dictionary(framework.sections.map { section in
            let prompts = section.nextSteps.isEmpty ? Array(section.prompts.prefix(1).map(\.text)) : section.nextSteps
            return (section.id, (section.title, prompts.isEmpty ? "" : " " + prompts.joined(separator: " ")))
        }, uniquingKeysWith: { first, _ in first })
        positions = Dictionary(ordered.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        toReach = ordered.map { indicator in
            guard case .tiers(let levels) = indicator.scale else { return [] }
            return levels.map { next in
                let descriptors = indicator.descriptors[next] ?? []
                let text = descriptors.isEmpty ? "" : ": " + descriptors.joined(separator: " ")
                return "\(indicator.text) (\(indicator.id)): to reach \(next)\(text)"
            }
        }
        var maxima: [String: Double] = [:]
        for indicator in framework.indicators {
            switch indicator.scale {
            case .ordinal(_, let max, _, _), .rating(_, let max, _):
                maxima[indicator.sectionID] = Swift.max(maxima[indicator.sectionID] ?? -.infinity, Double(max))
            default: break
            }
        }
        self.maxima = maxima
    }

    func steps(for result: OrganisationResult) -> [String] {
        var steps: [String] = result.failures.map { "Must: \($0.message)" }

        // The next tier, lowest first.
        var tiered: [(tier: Int, step: String)] = []
        // By index: iterating would copy every indicator's result.
        for position in result.indicators.indices {
            guard case .tier(let index, _) = result.indicators[position].score,
                  let definition = definitionIndex(result.indicators[position].id, at: position),
                  index < toReach[definition].count else { continue }
            tiered.append((index, toReach[definition][index]))
        }
        // A stable sort: indicators with the same tier stay in framework order.
        for (_, step) in tiered.enumerated().sorted(by: { ($0.element.tier, $0.offset) < ($1.element.tier, $1.offset) }).map(\.element) {
            steps.append(step)
        }

        // The lowest-scoring sections on a points scale.
        var scored: [(section: SectionResult, value: Double)] = []
        for position in result.sections.indices {
            if case .number(let value) = result.sections[position].score { scored.append((result.sections[position], value)) }
        }
        if let lowest = scored.map(\.value).min(), scored.count > 1 || scored.first.map({ $0.value < maximum($0.section) }) == true {
            for (section, value) in scored where value == lowest && value < maximum(section) {
                guard let asked = lowestSection[section.id] else { continue }
                steps.append("\(asked.title) is the lowest (\(Score.format(value))).\(asked.prompts)")
            }
        }

        // Checklist items not yet met (must-rules are already listed).
        for position in result.indicators.indices {
            guard case .share = result.indicators[position].score, let answer = result.indicators[position].answer,
                  answer == "no" || answer == "partly",
                  let definition = definitionIndex(result.indicators[position].id, at: position), !ordered[definition].must,
                  case .choice = ordered[definition].scale else { continue }
            steps.append("Not yet met (\(answer)): \(ordered[definition].text)")
        }
        return steps
    }

    /// Where a result's indicator is in `ordered`: its own position when the result follows the
    /// framework's order (it always does when the evaluator made it), else found by id.
    private func definitionIndex(_ id: String, at position: Int) -> Int? {
        if position < ordered.count, ordered[position].id == id { return position }
        return positions[id]
    }

    private func maximum(_ section: SectionResult) -> Double { maxima[section.id] ?? .infinity }
}
