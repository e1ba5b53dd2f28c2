import Foundation
import CoprodCore

/// A report a person can share: scores per section and role, failures, warnings, next steps and
/// the free text given.
public enum MarkdownReport {
    public static func render(_ result: OrganisationResult, framework: Framework) -> String {
        var lines: [String] = ["# \(result.organisation)", ""]
        lines.append("*\(framework.title)*" + (framework.edition.map { ", \($0)" } ?? "")
                     + " · \(counted(result.respondents, "respondent"))")
        lines.append("")
        let roles = Array(Set(result.sections.flatMap(\.byRole.keys))).sorted()
        lines.append("| Section | Score | " + roles.map { "\($0) |" }.joined(separator: " ") + " Answered |")
        lines.append("|---|---|" + roles.map { _ in "---|" }.joined() + "---|")
        for section in result.sections {
            lines.append("| \(escape(section.title)) | \(section.score.display) | "
                         + roles.map { "\(section.byRole[$0]?.display ?? "-") |" }.joined(separator: " ")
                         + " \(section.answered)/\(section.expected) |")
        }
        lines.append("| **Overall** | **\(result.overall.display)** | " + roles.map { _ in " |" }.joined() + " \(result.answered)/\(result.expected) |")
        lines.append("")
        if !result.failures.isEmpty {
            lines += ["## Does not pass", ""] + result.failures.map { "- \($0.message)" } + [""]
        }
        if !result.gaps.isEmpty {
            lines += ["## Where roles see things differently", ""]
            for gap in result.gaps {
                let title = framework.section(gap.sectionID)?.title ?? gap.sectionID
                lines.append("- **\(title)**: \(gap.roles.0) \(gap.scores.0.display), \(gap.roles.1) \(gap.scores.1.display)")
            }
            lines.append("")
        }
        if !result.nextSteps.isEmpty {
            lines += ["## Next steps", ""] + result.nextSteps.map { "- \($0)" } + [""]
        }
        if !result.warnings.isEmpty {
            lines += ["## Warnings", ""] + result.warnings.map { "- \($0)" } + [""]
        }
        if !result.texts.isEmpty {
            lines += ["## In their own words", ""]
            var lastPrompt = ""
            for text in result.texts {
                if text.prompt != lastPrompt {
                    lines += ["", "**\(escape(text.prompt))**", ""]
                    lastPrompt = text.prompt
                }
                let who = [text.respondent, text.role].compactMap { $0 }.joined(separator: ", ")
                lines.append("> \(text.text.split(whereSeparator: \.isNewline).joined(separator: " "))" + (who.isEmpty ? "" : " — \(who)"))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
