import ArgumentParser
import CoprodCore
import CoprodIO
import Foundation
import LuaHost

/// `coprod batch`: the analyst's job, thousands of assessments in one go.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Evaluate many organisations in parallel and write results, rejected rows and an area summary.",
        discussion: """
            Writes to DIR: results.jsonl (one full result per organisation, in input order), \
            results.csv (a row per organisation, a column per section), rejected.csv (every row \
            not evaluated, with its reason), summary.json and summary.md (the area view), and with \
            --reports one report per organisation in reports/. Each file appears complete or not at \
            all. Inputs: .csv, .jsonl (one respondent per line) or .json (an array).

            Exit status: 0 every row evaluated, 1 some rows rejected, 2 wrong usage, a framework \
            or input that cannot be read, or an output that cannot be written.
            """
    )

    @Argument(help: "A framework id (see `coprod frameworks`) or a path to a .lua file.")
    var framework: String

    @Argument(help: "Assessment files: .csv, .jsonl (one respondent per line) or .json (an array of respondents); files, not pipes or - (standard input), since each is read twice.")
    // Not required by the parser, so that validate() can say why none is left: most often the
    // framework was forgotten and the input taken for it.
    var inputs: [String] = []

    @Option(name: .customLong("out"), help: ArgumentHelp("The output directory.", valueName: "dir"))
    var outputDirectory: String

    // Unconditional: "--jobs -1" is a value to refuse with a reason, not a missing one.
    @Option(parsing: .unconditional, help: ArgumentHelp("Workers, each with its own Lua state: one per core unless given.", valueName: "n"),
            transform: WholeNumber.reader(asking: "a whole number of workers, from 1 to \(BatchCommand.mostJobs)"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Also write one report per organisation: md (or markdown) or html.", valueName: "format"))
    var reports: String?

    @Flag(help: "Write into a non-empty output directory that coprod batch or merge did not make (its results files and reports/ folder are replaced).")
    var force = false

    @Flag(help: "No progress and no closing line.")
    var quiet = false

    @Flag(help: "Treat a column the framework does not have as an error.")
    var strict = false

    /// For tests: cutting the inputs into many small chunks exercises what a large input does.
    @Option(help: .hidden)
    var chunkBytes: Int = Chunk.size

    @OptionGroup var sandbox: SandboxOptions

    /// More workers than cores only wait their turn, and each holds the framework in memory: a
    /// mistyped `--jobs 10000` should not exhaust the machine.
    static var mostJobs: Int { max(256, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// The reports asked for: `markdown` too, as `evaluate --format` names it.
    private var reportFormat: BatchRunner.ReportFormat? {
        reports.flatMap { BatchRunner.ReportFormat(rawValue: $0 == "markdown" ? "md" : $0) }
    }

    func validate() throws {
        if outputDirectory.isEmpty { throw ValidationError("--out is empty: give the directory to write into.") }
        try sandbox.checkNotAnInput(framework, command: "batch", inputs: inputs, rest: ["--out", outputDirectory])
        if inputs.isEmpty { throw ValidationError("Give at least one input file.") }
        if jobs < 1 || jobs > BatchCommand.mostJobs {
            throw ValidationError("--jobs must be from 1 to \(BatchCommand.mostJobs): each worker holds a Lua state of its own, "
                + "and this machine has \(counted(ProcessInfo.processInfo.activeProcessorCount, "core")) (the default, one worker each).")
        }
        if chunkBytes < 1 { throw ValidationError("--chunk-bytes must be 1 or more.") }
        if let reports, reportFormat == nil {
            throw ValidationError("--reports takes md or html (got '\(reports)').")
        }
    }

    func run() throws {
        // As for a pipe (InputFile.checkRereadable), and before the framework is loaded.
        if inputs.contains("-") {
            Diagnostics.standardError("coprod: - is standard input: a batch reads each input twice, so save it to a file first (for example with > assessments.csv) and give that")
            throw ExitCode.usage
        }
        let (loaded, _) = try sandbox.loadFramework(framework)
        let summary: AreaSummary
        do {
            // The inputs as they are before anything is written, to be sure they did not change.
            let input = BatchInput(files: inputs, reader: AssessmentReader(framework: loaded, strict: strict), chunkBytes: chunkBytes)
            try input.checkReadable()
            try BatchOutput.checkNotReplacing(inputs, path: outputDirectory)
            let output = try BatchOutput(path: outputDirectory, framework: loaded, force: force)
            let runner = BatchRunner(
                frameworkReference: framework, catalog: sandbox.catalog, framework: loaded, input: input, output: output,
                options: .init(jobs: min(jobs, input.mostChunks), limits: sandbox.limits, reports: reportFormat,
                               progress: !quiet && isatty(2) != 0))
            summary = try runner.run()
        } catch let error as InputError {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
        if !quiet {
            Diagnostics.standardError("coprod: \(counted(summary.rowsRead, "row")) read: \(grouped(summary.rowsEvaluated)) evaluated for \(counted(summary.organisations, "organisation")), \(grouped(summary.rowsRejected)) rejected; results in \(outputDirectory)")
        }
        if summary.rowsRejected > 0 { throw ExitCode.scriptFailed }
    }
}
