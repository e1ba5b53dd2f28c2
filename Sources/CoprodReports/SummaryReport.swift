import CoprodCore
import Foundation

/// The area summary as JSON (for other tools) and Markdown (for people).
public enum SummaryReport {
    public static func json(_ summary: AreaSummary) -> JSON {
        .object([
            ("framework", .string(summary.framework)),
            ("rows", .object([("read", .integer(summary.rowsRead)), ("evaluated", .integer(summary.rowsEvaluated)),
                              ("rejected", .integer(summary.rowsRejected))])),
            ("organisations", .object([("evaluated", .integer(summary.organisations)), ("rule_failed", .integer(summary.organisationsFailed))]
                + (summary.hasMustRules ? [("must_rules", .object([("met", .integer(summary.mustRules.met)), ("failed", .integer(summary.mustRules.failed)),
                                                                   ("not_known", .integer(summary.mustRules.notKnown))]))] : []))),
            ("sections", .array(summary.sections.map { section in
                var members: [(String, JSON)] = [("id", .string(section.id)), ("title", .string(section.title)), ("count", .integer(section.count))]
                if section.tiers.isEmpty {
                    for (name, p) in [("min", 0.0), ("q1", 0.25), ("median", 0.5), ("q3", 0.75), ("max", 1.0)] {
                        members.append((name, section.quantile(p).map { .number(ResultJSON.round($0)) } ?? .null))
                    }
                    members.append(("below", .object([("threshold", .number(ResultJSON.round(section.threshold))),
                                                      ("count", .integer(section.countBelow(section.threshold)))])))
                } else {
                    members.append(("tiers", .object((["none"] + section.tiers).map { ($0, .integer(section.tierCounts[$0] ?? 0)) })))
                }
                members.append(("top", entries(section.top)))
                members.append(("bottom", entries(section.bottom)))
                return .object(members)
            })),
            ("role_gaps", .array(summary.gaps.map { gap in
                .object([("organisation", .string(gap.organisation)), ("section", .string(gap.sectionID)),
                         ("roles", .array(gap.roles.map(JSON.string))), ("scores", .array(gap.scores.map(JSON.string))),
                         ("difference", .number(ResultJSON.round(gap.difference)))])
            })),
        ])
    }

    private static func entries(_ list: [SectionSummary.Entry]) -> JSON {
        .array(list.map { .object([("organisation", .string($0.organisation)), ("score", .string($0.display))]) })
    }

    public static func markdown(_ summary: AreaSummary, framework: Framework) -> String {
        var lines = ["# \(Markdown.escape(framework.title)): area summary", ""]
        let seeRejected = summary.rowsRejected > 0 ? " (see rejected.csv)" : ""
        lines.append("\(counted(summary.organisations, "organisation")) evaluated from \(counted(summary.rowsEvaluated, "row")); "
                     + "\(counted(summary.rowsRejected, "row")) rejected\(seeRejected); \(counted(summary.rowsRead, "row")) read.")
        if summary.organisationsFailed > 0 {
            lines.append("\(counted(summary.organisationsFailed, "organisation")) could not be evaluated (see rejected.csv).")
        }
        if summary.hasMustRules {
            let counts = summary.mustRules
            lines += ["", "Must-rules: \(grouped(counts.met)) met them all, \(grouped(counts.failed)) failed one or more"
                + (counts.notKnown > 0 ? ", and for \(grouped(counts.notKnown)) it is not known, as a must-rule has no answer" : "")
                + " (results.csv's `passed` says which)."]
        }
        let scored = summary.sections.filter(\.tiers.isEmpty)
        if !scored.isEmpty {
            lines += ["", "| Section | Organisations | Min | Q1 | Median | Q3 | Max | Below |",
                      "|---|---|---|---|---|---|---|---|"]
        }
        for section in scored {
            // A share as the reports show it: 37.5%, not 0.375.
            let shown = { (value: Double) in section.isShare ? Score.format(value * 100) + "%" : Score.format(value) }
            let cells = [0, 0.25, 0.5, 0.75, 1].map { section.quantile($0).map(shown) ?? "-" }
            let below = "\(section.countBelow(section.threshold)) below \(shown(section.threshold))"
            lines.append("| \(Markdown.escape(section.title, inTable: true)) | \(section.count) | " + cells.joined(separator: " | ") + " | \(below) |")
        }
        let tiered = summary.sections.filter { !$0.tiers.isEmpty }
        if let levels = tiered.first?.tiers {
            lines += ["", "| Section | " + (["none"] + levels).map { Markdown.escape($0, inTable: true) }.joined(separator: " | ") + " |",
                      "|---|" + String(repeating: "---|", count: levels.count + 1)]
            for section in tiered {
                lines.append("| \(Markdown.escape(section.title, inTable: true)) | " + (["none"] + levels).map { String(section.tierCounts[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
        }
        // A batch with nothing evaluated (every row rejected, or a header alone) has no one to list.
        if summary.sections.contains(where: { $0.count > 0 }) { lines += ["", "## Strongest and weakest per section", ""] }
        for section in summary.sections where section.count > 0 {
            lines.append("- **\(Markdown.escape(section.title))**: strongest \(listed(section.top, of: section)); weakest \(listed(section.bottom, of: section))")
        }
        if !summary.gaps.isEmpty {
            lines += ["", "## Where roles disagree most", ""]
            for gap in summary.gaps {
                let title = framework.section(gap.sectionID)?.title ?? gap.sectionID
                let views = "\(gap.roles[0]) \(gap.scores[0]), \(gap.roles[1]) \(gap.scores[1])"
                lines.append("- " + Markdown.escape("\(gap.organisation), \(title): \(views)"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first three of a top or bottom list, and how many more share the last one's score:
    /// when most organisations are at "none", three names alone would read as the three weakest.
    private static func listed(_ entries: [SectionSummary.Entry], of section: SectionSummary) -> String {
        let shown = entries.prefix(3)
        var text = shown.map { Markdown.escape("\($0.organisation) (\($0.display))") }.joined(separator: ", ")
        if let last = shown.last {
            let more = section.count(at: last.value) - shown.filter { $0.value == last.value }.count
            if more > 0 { text += " and \(more) more at \(Markdown.escape(last.display))" }
        }
        return text
    }
}
