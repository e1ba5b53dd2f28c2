import ArgumentParser
import CoprodCore
import CoprodIO
import CoprodReports

/// `coprod template`: a blank input whose header is the input contract.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a blank input to fill in for a framework.",
        discussion: """
            The CSV header is the input contract: organisation (required), respondent, role, date, \
            then one column per answer, named by id. Tiered indicators also have ID.survey (a \
            percentage), ID.bronze/silver/gold (criteria met: yes/no) and ID.comment columns.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Argument(help: "A framework id or a path to a .lua file.")
    var framework: String

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        try sandbox.checkNotAnInput(framework, command: "template", inputs: nil)
    }

    func run() throws {
        let (loaded, _) = try sandbox.loadFramework(framework)
        let columns = loaded.slots.map(\.column)
        switch format {
        case .csv:
            Output.write(CSVWriter.line(["organisation", "respondent", "role", "date"] + columns))
        case .json:
            let respondent = JSON.object([
                ("organisation", .string("")), ("respondent", .string("")), ("role", .string("")), ("date", .string("")),
                ("answers", .object(columns.map { ($0, JSON.string("")) })),
            ])
            Output.write(JSON.array([respondent]).text(indent: 2) + "\n")
        }
    }
}
