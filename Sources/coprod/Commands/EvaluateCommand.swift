import ArgumentParser
import CoprodCore
import CoprodIO
import CoprodReports
import Foundation

/// `coprod evaluate`: every organisation in the inputs against one framework.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate self-assessments (CSV, JSON or JSON Lines) against a framework.",
        discussion: """
            Each input row is one respondent's answers for one organisation; rows for the same \
            organisation combine into one result that keeps each role's view. A row with a value \
            off the scale is rejected with its file, row, column and what is accepted; the other \
            rows are still evaluated.

            Exit status: 0 every row evaluated, 1 some rows rejected, 2 wrong usage, a framework \
            or input that cannot be read, or output that cannot be written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, markdown

        /// `md` too, as `batch --reports` names it.
        init?(argument: String) {
            self.init(rawValue: argument == "md" ? "markdown" : argument)
        }
    }

    @Argument(help: "A framework id (see `coprod frameworks`) or a path to a .lua file.")
    var framework: String

    @Argument(help: "Assessment files: .csv, .json (an array of respondents) or .jsonl (one respondent per line). - or a pipe, such as /dev/stdin, is read as CSV.")
    // Not required by the parser, so that validate() can say why none is left: most often the
    // framework was forgotten and the input taken for it.
    var inputs: [String] = []

    @Option(help: "Output format: text (for a terminal), json (the whole result), csv (a row per organisation), markdown or md (a report to share).")
    var format: Format = .text

    @Flag(help: "Treat a column the framework does not have as an error instead of a warning.")
    var strict = false

    @Option(name: .customLong("organisation"),
            help: ArgumentHelp("Evaluate only this organisation, named as the inputs have it (may be given again for more).",
                               valueName: "name"))
    var organisations: [String] = []

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        try sandbox.checkNotAnInput(framework, command: "evaluate", inputs: inputs)
        if inputs.isEmpty { throw ValidationError("Give at least one input file (see `coprod template \(framework)` for the columns).") }
        if organisations.contains(where: { $0.trimmingWhitespaceForInput.isEmpty }) {
            throw ValidationError("--organisation needs a name, as the inputs give it.")
        }
    }

    /// With `--organisation`, keeps the chosen organisations' rows, and their rejected rows, and
    /// returns how many rows were left aside; a name no row has stops with the closest names.
    private func keepChosen(_ read: inout ReadAssessments) throws -> Int {
        guard !organisations.isEmpty else { return 0 }
        let chosen = Set(organisations.map(\.trimmingWhitespaceForInput))
        let present = Set(read.responses.map(\.organisation) + read.rejected.compactMap(\.organisation))
        for name in chosen where !present.contains(name) {
            let alike = present.filter { SimilarNames.folded($0) == SimilarNames.folded(name) }.sorted()
            let closest = alike.isEmpty ? closestName(to: name, among: present).map { [$0] } ?? [] : alike
            Diagnostics.standardError("coprod: no organisation named '\(name)' in \(paths.joined(separator: ", "))"
                + (closest.isEmpty ? "" : " (did you mean \(closest.map { "'\($0)'" }.joined(separator: " or "))?)"))
            throw ExitCode.usage
        }
        let before = read.responses.count + read.rejected.count
        read.responses.removeAll { !chosen.contains($0.organisation) }
        read.rejected.removeAll { !chosen.contains($0.organisation ?? "") }
        return before - read.responses.count - read.rejected.count
    }

    /// The inputs to open: `-`, as most tools take it, is standard input (read whole, as CSV,
    /// as a pipe is, since it has no name to tell its format by).
    private var paths: [String] { inputs.map { $0 == "-" ? "/dev/stdin" : $0 } }

    func run() throws {
        let (loaded, state) = try sandbox.loadFramework(framework)
        let rules: FrameworkRules?
        do {
            rules = try FrameworkRules(framework: loaded, state: state)
        } catch {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
        let reader = AssessmentReader(framework: loaded, strict: strict)
        var read = ReadAssessments()
        do {
            try InputFile.checkDistinct(paths, twice: "its rows would be counted twice")
            for input in paths { try reader.readFile(input, into: &read) }
        } catch {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
        let rowsRead = read.rowsRead
        let leftAside = try keepChosen(&read)
        // A rule that fails for one organisation rejects that organisation, not the run.
        let (results, failedOrganisations) = try Evaluator(framework: loaded).evaluateEach(&read, rules: rules)
        switch format {
        case .text:
            let report = TextReport(color: Output.isTerminal)
            Output.write(results.map { report.render($0, framework: loaded) }.joined(separator: "\n"))
        case .json:
            var json = JSONStream(indent: 2)
            json.beginArray()
            for result in results { ResultJSON.write(result, to: &json) }
            json.endArray()
            json.raw("\n")
            Output.write(String(decoding: json.bytes, as: UTF8.self))
        case .csv:
            Output.write(ResultCSV.header(loaded) + results.map(ResultCSV.row).joined())
        case .markdown:
            Output.write(results.map { MarkdownReport.render($0, framework: loaded) }.joined(separator: "\n---\n\n"))
        }
        let aside = leftAside > 0 ? ", \(counted(leftAside, "row")) of other organisations left aside (--organisation)" : ""
        Diagnostics.standardError("coprod: \(counted(rowsRead, "row")) read: \(grouped(read.responses.count)) evaluated for \(counted(results.count, "organisation")), \(grouped(read.rejected.count)) rejected\(aside)")
        if !read.rejected.isEmpty || failedOrganisations > 0 { throw ExitCode.scriptFailed }
    }
}
