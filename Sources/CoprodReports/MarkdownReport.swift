import Foundation
import CoprodCore

/// A report a person can share: scores per section and role, failures, warnings, next steps and
/// the free text given.
public enum MarkdownReport {
    public static func render(_ result: OrganisationResult, framework: Framework) -> String {
        let parts = ReportParts(result, framework: framework)
        let escape = { (text: String) in Markdown.escape(text) }
        let cell = { (text: String) in Markdown.escape(text, inTable: true) }
        var lines: [String] = ["# \(escape(result.organisation))", "",
                               "*\(escape(parts.subtitle.title))*\(escape(parts.subtitle.rest))", ""]
        let roles = parts.roles
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        lines.append(row(["Section", "Score"] + roles.map(cell) + ["Answered"]))
        lines.append("|" + String(repeating: "---|", count: roles.count + 3))
        for section in result.sections {
            lines.append(row([cell(section.title), cell(section.score.display)] + roles.map { cell(section.byRole[$0]?.display ?? "-") }
                             + ["\(section.answered)/\(section.expected)"]))
        }
        lines.append(row(["**Overall**", "**\(cell(result.overall.display))**"] + roles.map { _ in "" } + ["\(result.answered)/\(result.expected)"]))
        lines.append("")
        if !result.failures.isEmpty {
            lines += ["## Does not pass", ""] + result.failures.map { "- \(escape($0.message))" } + [""]
        }
        if !parts.differences.isEmpty {
            lines += ["## Where roles see things differently", ""]
                + parts.differences.map { "- **\(escape($0.section))**: \(escape($0.views))" } + [""]
        }
        if !result.nextSteps.isEmpty {
            lines += ["## Next steps", ""] + result.nextSteps.map { "- \(escape($0))" } + [""]
        }
        if !result.warnings.isEmpty {
            lines += ["## Warnings", ""] + result.warnings.map { "- \(escape($0))" } + [""]
        }
        if !parts.texts.isEmpty {
            lines += ["## In their own words", ""]
            for group in parts.texts {
                lines += ["**\(escape(group.heading))**", ""]
                // A blank line between answers, or Markdown runs them into one paragraph.
                lines += group.answers.flatMap { ["> \(escape($0.text))" + ($0.who.isEmpty ? "" : " — \(escape($0.who))"), ""] }
            }
        }
        return lines.joined(separator: "\n")
    }
}
