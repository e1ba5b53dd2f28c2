import Foundation
import CoprodCore

/// A report a person can share: scores per section and role, failures, warnings, next steps and
/// the free text given.
public enum MarkdownReport {
    public static func render(_ result: OrganisationResult, framework: Framework) -> String {
        let parts = ReportParts(result, framework: framework)
        var lines: [String] = ["# \(result.organisation)", "", "*\(parts.subtitle.title)*\(parts.subtitle.rest)", ""]
        let roles = parts.roles
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        lines.append(row(["Section", "Score"] + roles.map(escape) + ["Answered"]))
        lines.append("|" + String(repeating: "---|", count: roles.count + 3))
        for section in result.sections {
            lines.append(row([escape(section.title), section.score.display] + roles.map { section.byRole[$0]?.display ?? "-" }
                             + ["\(section.answered)/\(section.expected)"]))
        }
        lines.append(row(["**Overall**", "**\(result.overall.display)**"] + roles.map { _ in "" } + ["\(result.answered)/\(result.expected)"]))
        lines.append("")
        if !result.failures.isEmpty {
            lines += ["## Does not pass", ""] + result.failures.map { "- \($0.message)" } + [""]
        }
        if !parts.differences.isEmpty {
            lines += ["## Where roles see things differently", ""] + parts.differences.map { "- **\($0.section)**: \($0.views)" } + [""]
        }
        if !result.nextSteps.isEmpty {
            lines += ["## Next steps", ""] + result.nextSteps.map { "- \($0)" } + [""]
        }
        if !result.warnings.isEmpty {
            lines += ["## Warnings", ""] + result.warnings.map { "- \($0)" } + [""]
        }
        if !parts.texts.isEmpty {
            lines += ["## In their own words", ""]
            for group in parts.texts {
                lines += ["**\(escape(group.heading))**", ""]
                // A blank line between answers, or Markdown runs them into one paragraph.
                lines += group.answers.flatMap { ["> \($0.text)" + ($0.who.isEmpty ? "" : " — \($0.who)"), ""] }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
