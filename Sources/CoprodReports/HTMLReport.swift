import CoprodCore
import Foundation

/// One organisation's result as a standalone HTML page, with an SVG bar chart of its sections:
/// what the Markdown report says, for a reader with a browser rather than a Markdown viewer.
public enum HTMLReport {
    public static func render(_ result: OrganisationResult, framework: Framework) -> String {
        let parts = ReportParts(result, framework: framework)
        var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(result.organisation))</title>"
        html += "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.4}"
        html += "td,th{padding:.2rem .6rem;text-align:left}blockquote{margin:.4rem 1.5rem}</style></head><body>\n"
        html += "<h1>\(escape(result.organisation))</h1>\n<p><em>\(escape(parts.subtitle.title))</em>\(escape(parts.subtitle.rest))</p>\n"
        html += chart(result, framework: framework)
        html += "<table><tr><th>Section</th><th>Score</th>" + parts.roles.map { "<th>\(escape($0))</th>" }.joined() + "<th>Answered</th></tr>\n"
        for section in result.sections {
            html += "<tr><td>\(escape(section.title))</td><td>\(escape(section.score.display))</td>"
                + parts.roles.map { "<td>\(escape(section.byRole[$0]?.display ?? "-"))</td>" }.joined()
                + "<td>\(section.answered)/\(section.expected)</td></tr>\n"
        }
        html += "<tr><th>Overall</th><th>\(escape(result.overall.display))</th>" + parts.roles.map { _ in "<td></td>" }.joined()
            + "<td>\(result.answered)/\(result.expected)</td></tr></table>\n"
        html += list("Does not pass", result.failures.map { escape($0.message) })
        html += list("Where roles see things differently", parts.differences.map { "<strong>\(escape($0.section))</strong>: \(escape($0.views))" })
        html += list("Next steps", result.nextSteps.map(escape))
        html += list("Warnings", result.warnings.map(escape))
        if !parts.texts.isEmpty {
            html += "<h2>In their own words</h2>\n"
            for group in parts.texts {
                html += "<h3>\(escape(group.heading))</h3>\n"
                html += group.answers.map { "<blockquote>\(escape($0.text))" + ($0.who.isEmpty ? "" : " — \(escape($0.who))") + "</blockquote>\n" }.joined()
            }
        }
        return html + "</body></html>\n"
    }

    /// A heading and a list, or nothing when there is nothing to list. `items` are HTML.
    private static func list(_ heading: String, _ items: [String]) -> String {
        items.isEmpty ? "" : "<h2>\(heading)</h2><ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>\n"
    }

    /// Horizontal bars, each section's score as a share of its scale.
    static func chart(_ result: OrganisationResult, framework: Framework) -> String {
        let rowHeight = 24, labelWidth = 220, barWidth = 300
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(rowHeight * result.sections.count + 8)\" role=\"img\">\n"
        for (index, section) in result.sections.enumerated() {
            let y = index * rowHeight + 4
            let fraction = share(section, framework: framework)
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"13\">\(escape(section.title))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(Int(Double(barWidth) * fraction))\" height=\"14\" fill=\"#3a7ca5\"/>"
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 16)\" font-size=\"13\">\(escape(section.score.display))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func share(_ section: SectionResult, framework: Framework) -> Double {
        guard let value = section.score.number else { return 0 }
        var fraction = value
        for indicator in framework.indicators where indicator.sectionID == section.id {
            switch indicator.scale {
            case .ordinal(let min, let max, _, _), .rating(let min, let max, _):
                fraction = max > min ? (value - Double(min)) / Double(max - min) : 0
            case .tiers(let levels): fraction = levels.isEmpty ? 0 : value / Double(levels.count)
            default: continue
            }
            break
        }
        // A section's own Lua rule may score it off its scale: the bar stops at its ends.
        return min(1, max(0, fraction))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
