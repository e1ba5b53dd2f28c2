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
    /// For each section, in order: its id, the step's words before its score when it is the
    /// lowest and when it shares the lowest score ("Networks is the lowest (", "Networks is joint
    /// lowest ("), after it (")." and the framework's next-steps prompts or else its first
    /// reflection prompt), and the highest score its scales allow.
    private let sections: [(id: String, lowest: String, jointLowest: String, only: String, after: String, maximum: Double)]

    init(framework: Framework) {
        ordered = framework.indicators
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
        sections = framework.sections.map { section in
            let prompts = section.nextSteps.isEmpty ? Array(section.prompts.prefix(1).map(\.text)) : section.nextSteps
            return (section.id, section.title + " is the lowest (", section.title + " is joint lowest (",
                    section.title + " is the only section scored (", ")." + (prompts.isEmpty ? "" : " " + prompts.joined(separator: " ")), maxima[section.id] ?? .infinity)
        }
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

        // The lowest-scoring sections on a points scale (by where they are in the framework).
        var scored: [(section: Int, value: Double)] = []
        scored.reserveCapacity(result.sections.count)
        for position in result.sections.indices {
            guard case .number(let value) = result.sections[position].score,
                  let section = sectionIndex(result.sections[position].id, at: position) else { continue }
            scored.append((section, value))
        }
        if let lowest = scored.map(\.value).min(), scored.count > 1 || scored.first.map({ $0.value < sections[$0.section].maximum }) == true {
            let isLowest = { (section: Int, value: Double) in value == lowest && value < self.sections[section].maximum }
            let joint = scored.count(where: isLowest) > 1
            for (section, value) in scored where isLowest(section, value) {
                // One section scored is not the lowest of anything.
                let opening = scored.count == 1 ? sections[section].only : joint ? sections[section].jointLowest : sections[section].lowest
                steps.append(opening + Score.format(value) + sections[section].after)
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

    /// Where a result's section is in `sections`, as `definitionIndex` finds indicators.
    private func sectionIndex(_ id: String, at position: Int) -> Int? {
        if position < sections.count, sections[position].id == id { return position }
        return sections.firstIndex { $0.id == id }
    }
}
