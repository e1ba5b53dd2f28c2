/// The area view over many organisations' results: per section the spread of scores or the count
/// of each tier, the strongest and weakest organisations, where roles disagree most, and how many
/// rows were read, evaluated and rejected.
///
/// Its memory does not grow with the number of organisations: scores go into a histogram of
/// ten-thousandths, the four decimals results.jsonl gives them (so every figure it shows is a
/// score an organisation has, as written there), which holds one count for each score met (at
/// most ten thousand a point of a section's range); lists keep their top entries only. Two summaries of separate shards merge into what one run over both would give.
public struct AreaSummary: Sendable, Equatable {
    public var framework: String
    public var rowsRead = 0
    public var rowsEvaluated = 0
    public var rowsRejected = 0
    public var organisations = 0
    public var organisationsFailed = 0
    /// Whether the framework has must-rules, and how many organisations met them all, failed
    /// one, or left one blank with none failed (`OrganisationResult.passed`).
    public let hasMustRules: Bool
    public var mustRules = MustRuleCounts()
    public var sections: [SectionSummary]

    public struct MustRuleCounts: Sendable, Equatable {
        public var met = 0
        public var failed = 0
        public var notKnown = 0

        mutating func add(_ passed: Bool?) {
            switch passed {
            case true?: met += 1
            case false?: failed += 1
            case nil: notKnown += 1
            }
        }
    }
    /// The largest differences between roles, largest first.
    public var gaps: [GapEntry] = []
    /// How many entries the top, bottom and gap lists keep.
    public let keep: Int

    public struct GapEntry: Sendable, Equatable {
        public var organisation: String
        public var sectionID: String
        public var roles: [String]
        public var scores: [String]
        public var difference: Double

        public init(organisation: String, sectionID: String, roles: [String], scores: [String], difference: Double) {
            self.organisation = organisation
            self.sectionID = sectionID
            self.roles = roles
            self.scores = scores
            self.difference = difference
        }
    }

    public init(framework: Framework, keep: Int = 10) {
        self.framework = framework.id
        self.keep = keep
        hasMustRules = framework.indicators.contains { $0.must }
        sections = framework.sections.map { section in
            let indicators = framework.indicators.filter { $0.sectionID == section.id }
            var range: (Double, Double) = (0, 1)
            var tiers: [String] = []
            var points = false
            for indicator in indicators {
                switch indicator.scale {
                case .ordinal(let min, let max, _, _), .rating(let min, let max, _):
                    range = (Double(min), Double(max))
                    points = true
                case .tiers(let levels): tiers = levels
                default: break
                }
            }
            return SectionSummary(id: section.id, title: section.title, low: range.0, high: range.1, tiers: tiers,
                                  threshold: section.below ?? framework.below ?? (range.0 + range.1) / 2,
                                  isShare: !points && tiers.isEmpty)
        }
    }

    public mutating func add(_ result: OrganisationResult) {
        add(organisation: result.organisation, respondents: result.respondents, passed: result.passed,
            scores: result.sections.map { ($0.id, $0.score) },
            gaps: result.gaps.map { gap in
                GapEntry(organisation: result.organisation, sectionID: gap.sectionID,
                         roles: [gap.roles.0, gap.roles.1], scores: [gap.scores.0.display, gap.scores.1.display],
                         difference: gap.difference)
            })
    }

    /// Adds one organisation from what its result says: used for fresh results and for results
    /// read back from a batch's results.jsonl (`coprod merge`).
    public mutating func add(organisation: String, respondents: Int, passed: Bool?, scores: [(String, Score)], gaps newGaps: [GapEntry]) {
        organisations += 1
        rowsEvaluated += respondents
        if hasMustRules { mustRules.add(passed) }
        for (id, score) in scores {
            guard let index = sections.firstIndex(where: { $0.id == id }) else { continue }
            sections[index].add(score, organisation: organisation, keep: keep)
        }
        guard !newGaps.isEmpty else { return }
        gaps += newGaps.map { gap in
            var rounded = gap
            rounded.difference = AreaSummary.rounded(gap.difference)
            return rounded
        }
        trimGaps()
    }

    /// Four decimals, as results.jsonl writes them, so a summary rebuilt from results files
    /// (`coprod merge`) sorts and bins exactly as the original did.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// A section's score from its JSON form: a number, a tier name or null.
    public func score(section id: String, json value: Any?) -> Score {
        if let name = value as? String, let section = sections.first(where: { $0.id == id }) {
            if name == "none" { return .tier(0, "none") }
            if let index = section.tiers.firstIndex(of: name) { return .tier(index + 1, name) }
        }
        if let number = value as? Double {
            let section = sections.first { $0.id == id }
            return section.map { $0.low == 0 && $0.high == 1 } == true ? .share(number) : .number(number)
        }
        return .none
    }

    public mutating func merge(_ other: AreaSummary) {
        rowsRead += other.rowsRead
        rowsEvaluated += other.rowsEvaluated
        rowsRejected += other.rowsRejected
        organisations += other.organisations
        organisationsFailed += other.organisationsFailed
        mustRules.met += other.mustRules.met
        mustRules.failed += other.mustRules.failed
        mustRules.notKnown += other.mustRules.notKnown
        for (index, section) in other.sections.enumerated() where index < sections.count {
            sections[index].merge(section, keep: keep)
        }
        gaps += other.gaps
        trimGaps()
    }

    private mutating func trimGaps() {
        gaps.sort { ($0.difference, $1.organisation) > ($1.difference, $0.organisation) }
        if gaps.count > keep { gaps.removeLast(gaps.count - keep) }
    }
}

/// One section across organisations.
public struct SectionSummary: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Bounds of the score (points scales; 0-1 for shares).
    public var low: Double
    public var high: Double
    public var tiers: [String]
    /// The score under which an organisation is counted as below the bar: the section's
    /// `below`, the framework's, or the middle of the scale.
    public var threshold: Double
    /// Whether the score is a share met (a checklist, a ratio), from 0 to 1: people read it as
    /// a percentage.
    public var isShare: Bool
    public var count = 0
    /// Counts per histogram bin (score - low) * resolution.
    public var bins: [Int: Int] = [:]
    /// Counts per tier name ("none" included), for tiered sections.
    public var tierCounts: [String: Int] = [:]
    /// Highest and lowest scoring organisations, best first / worst first.
    public var top: [Entry] = []
    public var bottom: [Entry] = []

    public struct Entry: Sendable, Equatable {
        public var organisation: String
        public var value: Double
        public var display: String
    }

    /// Bins per point: four decimals, as `AreaSummary.rounded` keeps.
    static let resolution = 10_000.0

    /// The bin of `value`. A figure no scale bounds (hours of notice, say, typed as 1e15) is
    /// held at the last bin a whole number can name rather than stopping the batch.
    static func bin(_ value: Double, low: Double) -> Int {
        let scaled = ((value - low) * resolution).rounded()
        guard scaled.isFinite else { return scaled < 0 ? Int.min / 2 : Int.max / 2 }
        return Int(Swift.max(Swift.min(scaled, Double(Int.max / 2)), Double(Int.min / 2)))
    }

    mutating func add(_ score: Score, organisation: String, keep: Int) {
        guard let exact = score.number else { return }
        let value = AreaSummary.rounded(exact)
        count += 1
        if case .tier(_, let name) = score { tierCounts[name, default: 0] += 1 }
        bins[SectionSummary.bin(value, low: low), default: 0] += 1
        SectionSummary.insert(organisation, value, score, into: &top, keep: keep, best: true)
        SectionSummary.insert(organisation, value, score, into: &bottom, keep: keep, best: false)
    }

    /// Puts one organisation into a kept list if it belongs there: the same list `kept` would
    /// make, without sorting it again for every organisation of a batch.
    private static func insert(_ organisation: String, _ value: Double, _ score: Score, into list: inout [Entry], keep: Int, best: Bool) {
        func before(_ a: (Double, String), _ b: Entry) -> Bool {
            if a.0 != b.value { return best ? a.0 > b.value : a.0 < b.value }
            return a.1 < b.organisation
        }
        let candidate = (value, organisation)
        if list.count >= keep, let last = list.last, !before(candidate, last) { return }
        let position = list.firstIndex { before(candidate, $0) } ?? list.count
        list.insert(Entry(organisation: organisation, value: value, display: score.display), at: position)
        if list.count > keep { list.removeLast(list.count - keep) }
    }

    mutating func merge(_ other: SectionSummary, keep: Int) {
        count += other.count
        bins.merge(other.bins, uniquingKeysWith: +)
        tierCounts.merge(other.tierCounts, uniquingKeysWith: +)
        top = SectionSummary.kept(top + other.top, keep: keep, best: true)
        bottom = SectionSummary.kept(bottom + other.bottom, keep: keep, best: false)
    }

    /// Ties keep the organisation that sorts first, so the lists never depend on arrival order.
    static func kept(_ entries: [Entry], keep: Int, best: Bool) -> [Entry] {
        let sorted = entries.sorted { a, b in
            if a.value != b.value { return best ? a.value > b.value : a.value < b.value }
            return a.organisation < b.organisation
        }
        return Array(sorted.prefix(keep))
    }

    /// The value at rank ceil(p * count) (nearest rank): always a score some organisation has.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((p * Double(count)).rounded(.up)))
        var seen = 0
        for bin in bins.keys.sorted() {
            seen += bins[bin] ?? 0
            if seen >= rank { return low + Double(bin) / SectionSummary.resolution }
        }
        return nil
    }

    public var minimum: Double? { quantile(0) }
    public var maximum: Double? { quantile(1) }

    /// Organisations whose score is `value` (one the histogram holds): how many share a place in
    /// the top or bottom lists, which keep only a few.
    public func count(at value: Double) -> Int {
        bins[SectionSummary.bin(value, low: low)] ?? 0
    }

    /// Organisations counted below `threshold`.
    public func countBelow(_ threshold: Double) -> Int {
        let limit = SectionSummary.bin(threshold, low: low)
        return bins.filter { $0.key < limit }.values.reduce(0, +)
    }
}
