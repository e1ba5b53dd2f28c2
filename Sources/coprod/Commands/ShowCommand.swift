import ArgumentParser
import CoprodCore
import CoprodReports

/// `coprod show`: the whole framework, every text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a framework: every section, indicator, descriptor and prompt."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json

        /// `md` too, as `evaluate --format` and `batch --reports` take it.
        init?(argument: String) {
            self.init(rawValue: argument == "md" ? "markdown" : argument)
        }
    }

    @Argument(help: "A framework id (see `coprod frameworks`) or a path to a .lua file.")
    var framework: String

    @Option(help: "Output format: text (for a terminal), markdown or md (a document to share), json (for other tools).")
    var format: Format = .text

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        try sandbox.checkNotAnInput(framework, command: "show", inputs: nil)
    }

    func run() throws {
        let (loaded, _) = try sandbox.loadFramework(framework)
        switch format {
        case .text: Output.write(FrameworkDocument.text(loaded))
        case .markdown: Output.write(FrameworkDocument.markdown(loaded))
        case .json: Output.write(FrameworkDocument.json(loaded).text(indent: 2) + "\n")
        }
    }
}
