import ArgumentParser
import CoprodCore
import Foundation

/// `coprod frameworks`: what is available, built in and on the search path.
struct FrameworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks",
        abstract: "List the frameworks coprod knows: built in, and .lua files in --path and COPROD_PATH."
    )

    @OptionGroup var sandbox: SandboxOptions

    func run() throws {
        var references = FrameworkCatalog.builtInIDs
        for directory in sandbox.catalog.directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            references += files.filter { $0.hasSuffix(".lua") }.sorted().map { "\(directory)/\($0)" }
        }
        var rows: [[String]] = [["ID", "SECTIONS", "INDICATORS", "TITLE", "PUBLISHER"]]
        var failed = false
        for reference in references {
            do {
                let (framework, _) = try sandbox.loadFramework(reference)
                rows.append([framework.id, String(framework.sections.count), String(framework.indicators.count),
                             framework.title, framework.publisher ?? "-"])
            } catch {
                failed = true
            }
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == 4 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            Output.write(cells.joined(separator: "  ") + "\n")
        }
        if failed { throw ExitCode.usage }
    }
}
