import CoprodCore

/// Results for a terminal: aligned columns, the weakest points first in the next steps, colour
/// only when the output is a terminal.
public struct TextReport {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ result: OrganisationResult, framework: Framework) -> String {
        var lines: [String] = []
        let roles = result.roles.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        let who = counted(result.respondents, "respondent") + (roles.isEmpty ? "" : " (\(roles.joined(separator: ", ")))")
        lines.append(bold(result.organisation) + "  " + dim("\(framework.title) · \(who)"))
        let width = max(12, framework.sections.map(\.title.count).max() ?? 12)
        let roleNames = Array(Set(result.sections.flatMap(\.byRole.keys))).sorted()
        let roleWidth = max(13, roleNames.map(\.count).max() ?? 0)
        if !roleNames.isEmpty {
            lines.append("  " + pad("", width) + "  " + pad("score", 8) + roleNames.map { pad($0, roleWidth) + " " }.joined())
        }
        for section in result.sections {
            var line = "  " + pad(section.title, width) + "  " + pad(section.score.display, 7) + " "
            line += roleNames.map { pad(section.byRole[$0]?.display ?? "-", roleWidth) + " " }.joined()
            if section.answered < section.expected { line += dim(" \(section.answered)/\(section.expected) answered") }
            lines.append(line)
        }
        lines.append("  " + pad("Overall", width) + "  " + bold(pad(result.overall.display, 7))
                     + dim("  \(result.answered)/\(result.expected) \(result.expected == 1 ? "indicator" : "indicators") answered"))
        if !result.failures.isEmpty {
            lines.append(red("  Fails: \(counted(result.failures.count, "must-rule")) not met"))
            lines += result.failures.map { red("    ✗ ") + $0.message }
        }
        let parts = ReportParts(result, framework: framework)
        if !parts.differences.isEmpty {
            lines.append("  Where roles differ:")
            lines += parts.differences.map { "    \($0.section): \($0.views)" }
        }
        if !result.warnings.isEmpty {
            lines.append("  Warnings:")
            lines += result.warnings.map { yellow("    ! ") + $0 }
        }
        if !result.nextSteps.isEmpty {
            lines.append("  Next steps:")
            lines += result.nextSteps.prefix(8).map { "    - " + $0 }
            if result.nextSteps.count > 8 { lines.append(dim("    ... \(result.nextSteps.count - 8) more (see --format markdown)")) }
        }
        if !parts.texts.isEmpty {
            lines.append("  In their own words:")
            for group in parts.texts {
                lines.append("    " + group.heading)
                lines += group.answers.map { "      \u{201C}\($0.text)\u{201D}" + ($0.who.isEmpty ? "" : dim(" — \($0.who)")) }
            }
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func styled(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { styled(text, "1") }
    private func dim(_ text: String) -> String { styled(text, "2") }
    private func red(_ text: String) -> String { styled(text, "31") }
    private func yellow(_ text: String) -> String { styled(text, "33") }
}
