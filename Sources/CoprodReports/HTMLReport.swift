import CoprodCore
import Foundation

/// One organisation's result as a standalone HTML page with an SVG bar chart of its sections.
public enum HTMLReport {
    public static func render(_ result: OrganisationResult, framework: Framework) -> String {
        var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(result.organisation))</title>"
        html += "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.4}td,th{padding:.2rem .6rem;text-align:left}</style></head><body>\n"
        html += "<h1>\(escape(result.organisation))</h1>\n<p><em>\(escape(framework.title))</em> · \(result.respondents) respondents</p>\n"
        html += chart(result, framework: framework)
        html += "<table><tr><th>Section</th><th>Score</th></tr>\n"
        for section in result.sections {
            html += "<tr><td>\(escape(section.title))</td><td>\(escape(section.score.display))</td></tr>\n"
        }
        html += "<tr><th>Overall</th><th>\(escape(result.overall.display))</th></tr></table>\n"
        if !result.failures.isEmpty {
            html += "<h2>Does not pass</h2><ul>" + result.failures.map { "<li>\(escape($0.message))</li>" }.joined() + "</ul>\n"
        }
        if !result.nextSteps.isEmpty {
            html += "<h2>Next steps</h2><ul>" + result.nextSteps.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        return html + "</body></html>\n"
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
        for indicator in framework.indicators where indicator.sectionID == section.id {
            switch indicator.scale {
            case .ordinal(let min, let max, _, _), .rating(let min, let max, _):
                return max > min ? (value - Double(min)) / Double(max - min) : 0
            case .tiers(let levels): return levels.isEmpty ? 0 : value / Double(levels.count)
            default: continue
            }
        }
        return min(1, max(0, value))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
