import Foundation
import Testing

/// The README's frameworks and commands tables say what `coprod frameworks` and each command's
/// `--help` say, so a new user reading one is not contradicted by the other.
@Suite("README tables agree with the program")
struct ReadmeTablesTests {
    /// The rows of the README table that starts with `header`, as cells, header row left out.
    private func table(startingWith header: String) throws -> [[String]] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: header))
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            // "\|" inside a cell is a literal bar, not a cell break.
            line.replacingOccurrences(of: "\\|", with: "\u{0}").split(separator: "|")
                .map { $0.replacingOccurrences(of: "\u{0}", with: "|").trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Each framework is named by the title `coprod frameworks` shows (the framework file's own,
    /// from the seed), and its first count of indicators is the one `frameworks` counts.
    @Test func frameworksTableNamesEachAsTheProgramDoes() throws {
        let listed = try runCoprod(["frameworks"]).standardOutput.split(separator: "\n").dropFirst().map {
            $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let rows = try table(startingWith: "| id | framework | answered as |")
        #expect(rows.map { $0[0] }.sorted() == listed.map { "`\($0[0])`" })
        let count = try Regex("([0-9]+) (?:quality )?(?:indicators|statements)\\b")
        for framework in listed {
            let (id, sections, indicators, title) = (framework[0], framework[1], framework[2], framework[3])
            let row = try #require(rows.first { $0[0] == "`\(id)`" }, "no row for \(id)")
            #expect(row[1].hasPrefix(title), "\(id): \(row[1])")
            #expect(row[1].contains("\(sections) "), "\(id): \(row[1])")
            let first = try #require(row[1].firstMatch(of: count), "\(id): \(row[1])")
            #expect(first.output[1].substring.map(String.init) == indicators, "\(id): \(row[1])")
        }
    }

    /// Every option in a command's usage line is in its row of the commands table.
    @Test func commandsTableHasEveryOption() throws {
        let rows = try table(startingWith: "| command | what it does |")
        let shared: Set = ["--path", "--memory-limit", "--instruction-limit"]
        let option = try Regex("(--[a-z-]+|-e)\\b")
        for command in ["frameworks", "show", "template", "evaluate", "batch", "merge", "sample", "repl", "lua"] {
            let help = try runCoprod([command, "--help"], environment: ["COLUMNS": "1000"]).standardOutput
            let usage = try #require(help.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            let row = try #require(rows.first { $0[0].hasPrefix("`coprod \(command)") }, "no row for \(command)")
            for match in usage.matches(of: option) {
                let name = String(usage[match.range])
                guard !shared.contains(name) else { continue }
                #expect(row[0].contains(name), "\(command): \(name) is not in \(row[0])")
            }
        }
    }
}
