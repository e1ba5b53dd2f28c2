/// The default next steps, built from the framework's own texts: failed must-rules first, then the
/// next tier's descriptors for each indicator below the top tier, then the lowest-scoring sections
/// with the framework's next-steps prompts (or its reflection prompts), then checklist items not
/// yet met.
struct NextSteps: Sendable {
    let framework: Framework
    private let indicators: [String: Indicator]
    /// The framework's indicators in order, as a result lists them.
    private let ordered: [Indicator]
    private let maxima: [String: Double]

    init(framework: Framework) {
        self.framework = framework
        indicators = Dictionary(framework.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        ordered = framework.indicators
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
        let tiered = result.indicators.enumerated().compactMap { position, item -> (IndicatorResult, Indicator, Int, [String])? in
            guard case .tier(let index, _) = item.score, let indicator = indicator(item, at: position),
                  case .tiers(let levels) = indicator.scale, index < levels.count else { return nil }
            return (item, indicator, index, levels)
        }.sorted { $0.2 < $1.2 }
        for (_, indicator, index, levels) in tiered {
            let next = levels[index]
            let descriptors = indicator.descriptors[next] ?? []
            let text = descriptors.isEmpty ? "" : ": " + descriptors.joined(separator: " ")
            steps.append("\(indicator.text) (\(indicator.id)): to reach \(next)\(text)")
        }

        // The lowest-scoring sections on a points scale.
        let scored = result.sections.compactMap { section -> (SectionResult, Double)? in
            guard case .number(let value) = section.score else { return nil }
            return (section, value)
        }
        if let lowest = scored.map(\.1).min(), scored.count > 1 || scored.first.map({ $0.1 < maximum($0.0) }) == true {
            for (section, value) in scored where value == lowest && value < maximum(section) {
                guard let definition = framework.section(section.id) else { continue }
                // The framework's next-steps prompts, or else its first reflection prompt.
                let prompts = definition.nextSteps.isEmpty ? Array(definition.prompts.prefix(1).map(\.text)) : definition.nextSteps
                let asked = prompts.isEmpty ? "" : " " + prompts.joined(separator: " ")
                steps.append("\(definition.title) is the lowest (\(Score.format(value))).\(asked)")
            }
        }

        // Checklist items not yet met (must-rules are already listed).
        for (position, item) in result.indicators.enumerated() {
            guard case .share = item.score, let indicator = indicator(item, at: position), !indicator.must, case .choice = indicator.scale,
                  let answer = item.answer, answer == "no" || answer == "partly" else { continue }
            steps.append("Not yet met (\(answer)): \(indicator.text)")
        }
        return steps
    }

    /// The definition of a result's indicator: by position when the result follows the framework's
    /// order (it always does when the evaluator made it), else by id.
    private func indicator(_ item: IndicatorResult, at position: Int) -> Indicator? {
        if position < ordered.count, ordered[position].id == item.id { return ordered[position] }
        return indicators[item.id]
    }

    private func maximum(_ section: SectionResult) -> Double { maxima[section.id] ?? .infinity }
}
