import ArgumentParser
import CoprodCore

/// `coprod frameworks`: what is available, built in and on the search path, each id once, as
/// loading it by id would find it.
struct FrameworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks",
        abstract: "List the frameworks coprod knows: built in, and .lua files in --path and COPROD_PATH.",
        discussion: """
            Each id is listed once, with where it comes from. A file ID.lua in --path or COPROD_PATH \
            is used instead of the built-in framework with the same id, and FROM says so.
            """
    )

    @OptionGroup var sandbox: SandboxOptions

    func run() throws {
        var rows: [[String]] = [["ID", "SECTIONS", "INDICATORS", "TITLE", "PUBLISHER", "FROM"]]
        var failed = false
        for listed in sandbox.catalog.listing {
            do {
                let (framework, _) = try sandbox.loadFramework(listed.reference)
                rows.append([framework.id, String(framework.sections.count), String(framework.indicators.count),
                             framework.title, framework.publisher ?? "-", listed.from])
            } catch {
                failed = true
            }
        }
        let last = rows[0].count - 1
        let widths = (0..<last).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == last ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            Output.write(cells.joined(separator: "  ") + "\n")
        }
        if failed { throw ExitCode.usage }
    }
}
