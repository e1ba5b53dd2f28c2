import Foundation

/// Which shards of a merge have per-organisation reports: one batch made with --reports and
/// another without merge into a reports/ that silently lacks the second's organisations.
struct ShardReports {
    private var with: [String] = []
    private var without: [String] = []

    /// A shard with no organisations has no reports whatever its options, so it is not counted.
    mutating func note(_ directory: String, organisations: Int) {
        let reports = URL(fileURLWithPath: directory).appendingPathComponent("reports").path
        if FileManager.default.fileExists(atPath: reports) {
            with.append(directory)
        } else if organisations > 0 {
            without.append(directory)
        }
    }

    /// The shards without reports, when others have them.
    var warning: String? {
        guard !with.isEmpty, !without.isEmpty else { return nil }
        let one = without.count == 1
        return "\(without.joined(separator: ", ")) \(one ? "has" : "have") no reports (made without --reports, unlike "
            + "\(with.joined(separator: ", "))), so the merged reports/ has none for \(one ? "its" : "their") organisations: "
            + "make every shard with the same --reports"
    }
}
