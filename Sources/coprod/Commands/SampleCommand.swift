import ArgumentParser
import CoprodCore
import CoprodIO

/// `coprod sample`: realistic random assessments for any framework, for demos, tests and
/// benchmarks. The same seed gives the same file.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write random but realistic assessments for a framework as CSV, to standard output.",
        discussion: """
            Each organisation gets a level of its own, and staff tend to rate a little higher \
            than the people they serve, so the results have spread and role gaps to find. A \
            tiered indicator's columns agree: its criteria are met up to the tier it reaches, its \
            survey figure lies between that tier's threshold and the next, and the tier declared \
            is that one, or now and then (15%) one above, which the evaluator warns of.
            """
    )

    @Argument(help: "A framework id or a path to a .lua file.")
    var framework: String

    private static let defaultOrganisations = 10, defaultRespondents = 3

    // Unconditional: "--orgs -1" is a value to refuse with a reason, not a missing one. With a
    // transform, swift-argument-parser shows no default: the help gives it.
    @Option(parsing: .unconditional, help: "How many organisations. (default: \(defaultOrganisations))",
            transform: WholeNumber.reader(asking: "a whole number of organisations, 0 or more"))
    var orgs: Int = defaultOrganisations

    @Option(parsing: .unconditional, help: "Respondents per organisation. (default: \(defaultRespondents))",
            transform: WholeNumber.reader(asking: "a whole number of respondents, 1 or more"))
    var respondents: Int = defaultRespondents

    @Option(help: "Roles, comma-separated, given to respondents in turn.")
    var roles: String = "staff,service user,carer"

    // Unconditional: "--seed -1" is a value to refuse with a reason, not a missing one.
    @Option(parsing: .unconditional, help: "Seed of the random numbers: a whole number from 0; the same seed gives the same file.")
    var seed: String = "1"

    /// The seed as a number, once `validate` has checked it.
    private var seedValue: UInt64 { UInt64(seed) ?? 1 }

    @OptionGroup var sandbox: SandboxOptions

    /// Each option on its own, so that the message names only the one that is wrong.
    func validate() throws {
        try sandbox.checkNotAnInput(framework, command: "sample", inputs: nil)
        if orgs < 0 { throw ValidationError("--orgs must be 0 or more (got \(orgs)).") }
        if UInt64(seed) == nil {
            throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max) (got '\(seed)').")
        }
        if respondents < 1 { throw ValidationError("--respondents must be 1 or more (got \(respondents)).") }
        // An empty name would be written as a role, and read back as a respondent without one.
        if roleNames == [""] { throw ValidationError("--roles needs at least one role name, such as 'staff,service user,carer'.") }
        if roleNames.contains(where: \.isEmpty) {
            throw ValidationError("--roles has an empty role name in '\(roles)': give names separated by commas, such as 'staff,service user,carer'.")
        }
    }

    /// The roles as given, each without the spaces around it.
    private var roleNames: [String] {
        roles.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespaceForSample }
    }

    func run() throws {
        let (loaded, _) = try sandbox.loadFramework(framework)
        var generator = SampleGenerator(framework: loaded, seed: seedValue)
        let slots = loaded.slots
        var text = CSVWriter.line(["organisation", "respondent", "role", "date"] + slots.map(\.column))
        for organisation in 0..<orgs {
            let level = generator.unit()
            for respondent in 0..<respondents {
                let role = roleNames[respondent % roleNames.count]
                let bias = role == "staff" ? 0.12 : 0
                let name = "Organisation \(organisation + 1)"
                text += CSVWriter.line([name, "R\(respondent + 1)", role, "2026-11-01"]
                                       + slots.map { generator.value(for: $0, level: min(1, level + bias)) })
                if text.utf8.count > 1 << 20 {
                    Output.write(text)
                    text = ""
                    // A full disk: the rest would be lost too, and the caller is told on exit.
                    if Output.failed { return }
                }
            }
        }
        Output.write(text)
    }
}

extension String {
    fileprivate var trimmingWhitespaceForSample: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// Values drawn around an organisation's level (0-1), reproducibly (SplitMix64).
///
/// A tiered indicator's columns tell one story, as a real self-assessment's do: the tier the
/// organisation reaches is drawn once, its criteria are met up to that tier and not above, its
/// survey figure falls between that tier's threshold and the next, and the tier it declares is
/// that one, or now and then one higher (the optimism the evaluator's warnings are for).
struct SampleGenerator {
    let framework: Framework
    private var state: UInt64
    private let scales: [AnswerSlot: Scale]
    private let surveys: [String: SurveyMetric]
    /// The tiered indicator whose columns are being drawn, its tiers, and the one it reaches (0
    /// for none).
    private var reached: (id: String, levels: [String], tier: Int)?

    /// How often an organisation declares one tier above what its evidence supports.
    static let overclaiming = 0.15

    init(framework: Framework, seed: UInt64) {
        self.framework = framework
        state = seed
        var scales: [AnswerSlot: Scale] = [:]
        for slot in framework.slots { scales[slot] = framework.scale(of: slot) }
        self.scales = scales
        var surveys: [String: SurveyMetric] = [:]
        for indicator in framework.indicators { surveys[indicator.id] = indicator.survey }
        self.surveys = surveys
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Near `level`, within the scale.
    private mutating func around(_ level: Double) -> Double {
        min(0.999, max(0, level + (unit() - 0.5) * 0.5))
    }

    mutating func value(for slot: AnswerSlot, level: Double) -> String {
        // A tiered indicator's answer comes before its other columns: the tier is drawn there.
        if slot.part == .answer, case .tiers(let levels)? = scales[slot] {
            reached = (slot.id, levels, Int(around(level) * Double(levels.count + 1)))
        }
        if let reached, reached.id == slot.id { return tiered(slot, levels: reached.levels, reaching: reached.tier) }
        if unit() < 0.03 { return "" }  // a few answers left blank, as in real forms
        switch scales[slot] ?? .text {
        case .ordinal(let min, let max, let labels, _):
            let point = min + Int(around(level) * Double(max - min + 1))
            return !labels.isEmpty && unit() < 0.2 ? labels[point - min] : String(point)
        case .rating(let min, let max, _):
            return String(min + Int(around(level) * Double(max - min + 1)))
        case .tiers(let levels):
            return (["none"] + levels)[Int(around(level) * Double(levels.count + 1))]
        case .choice(let options):
            let applicable = options.filter { $0 != "n/a" }
            if options.contains("n/a") && unit() < 0.05 { return "n/a" }
            let index = Int((1 - around(level)) * Double(applicable.count))
            return applicable[Swift.min(applicable.count - 1, index)]
        case .ratio:
            let whole = 6 + Int(unit() * 10)
            return "\(Int(around(level) * Double(whole + 1)))/\(whole)"
        case .number(let unit):
            return unit == "%" ? String(Int(around(level) * 100)) : String(Int(around(level) * 48))
        case .text:
            return phrase()
        }
    }

    private mutating func phrase() -> String {
        let phrases = ["More time to build trust.", "Pay people for their time.", "Meet in the evenings.",
                       "Share decisions earlier.", "Go to where people already are."]
        return unit() < 0.3 ? phrases[Int(unit() * Double(phrases.count))] : ""
    }

    /// A column of a tiered indicator that reaches tier `tier` of `levels` (0 for none, 1 for
    /// the first).
    private mutating func tiered(_ slot: AnswerSlot, levels: [String], reaching tier: Int) -> String {
        switch slot.part {
        case .answer:
            if unit() < 0.03 { return "" }
            let declared = tier < levels.count && unit() < SampleGenerator.overclaiming ? tier + 1 : tier
            return (["none"] + levels)[declared]
        case .criteria:
            // Yes or no, as a form's required question; a blank would read as not met.
            guard let index = slot.tier.flatMap(levels.firstIndex(of:)) else { return "no" }
            return index < tier ? "yes" : "no"
        case .survey:
            if unit() < 0.03 { return "" }
            // A whole percentage at least the threshold of every tier reached (72 does not reach
            // 72.5) and under that of the next.
            let thresholds = levels.map { surveys[slot.id]?.thresholds[$0].map { Int($0.rounded(.up)) } }
            let low = thresholds.prefix(tier).compactMap { $0 }.max() ?? 0
            let high = thresholds.dropFirst(tier).compactMap { $0 }.min().map { $0 - 1 } ?? 100
            return String(low + Int(unit() * Double(max(0, high - low) + 1)))
        case .comment, .prompt:
            return phrase()
        }
    }
}
