import ArgumentParser
import CoprodCore
import CoprodIO
import CoprodReports
import Foundation

/// `coprod merge`: the outputs of batches over separate shards of the organisations, as one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output directories of several batches into one, as if one batch had run.",
        discussion: """
            Give the directories in the order of the shards: results.jsonl and results.csv are \
            joined in that order, rejected.csv rows are joined, and the summary is rebuilt from \
            the results, so it equals the summary of a single run over all the inputs.

            Exit status, as for batch: 0 every row evaluated, 1 some rows rejected (the merged \
            rejected.csv has rows), 2 wrong usage, a shard that cannot be read or merged, or an \
            output that cannot be written.
            """
    )

    @Argument(help: "Batch output directories, in shard order.")
    var directories: [String]

    @Option(name: .customLong("out"), help: ArgumentHelp("The merged output directory.", valueName: "dir"))
    var outputDirectory: String

    @Flag(help: "Write into a non-empty directory that coprod did not make.")
    var force = false

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        if outputDirectory.isEmpty { throw ValidationError("--out is empty: give the directory to write into.") }
        if directories.isEmpty { throw ValidationError("Give the batch output directories to merge.") }
    }

    func run() throws {
        do {
            try InputFile.checkDistinct(directories, noun: "directory", twice: "its organisations would be counted twice")
            if let out = InputFile.identity(of: outputDirectory),
               let shard = directories.first(where: { InputFile.identity(of: $0) == out }) {
                throw InputError("--out \(outputDirectory) is the batch \(shard), whose results it would replace: choose another --out")
            }
        } catch {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
        // Every shard is checked, and its rejected rows read, before anything is written.
        var frameworkID: String?
        var frameworkShard = ""
        // Each shard's section and indicator ids, from its first result, to hold the framework to.
        var shape: [(directory: String, ids: [String])] = []
        var rejected: [RejectedRow] = []
        // Organisations a framework's own rule failed for, as each shard's summary counts them.
        var ruleFailed = 0
        // Each shard's report format, and the first shard with reports, to hold the others to it.
        var reportFormats: [BatchRunner.ReportFormat?] = []
        var reportShard: (directory: String, format: BatchRunner.ReportFormat)?
        for directory in directories {
            let base = URL(fileURLWithPath: directory)
            guard FileManager.default.isReadableFile(atPath: base.appendingPathComponent("results.jsonl").path),
                  FileManager.default.isReadableFile(atPath: base.appendingPathComponent("results.csv").path),
                  let rejectedText = try? String(contentsOf: base.appendingPathComponent("rejected.csv"), encoding: .utf8)
            else {
                Diagnostics.standardError("coprod: \(MergeCommand.notAShard(directory))")
                throw ExitCode.usage
            }
            let format = MergeCommand.reportFormat(of: directory)
            if let format, let reportShard, format != reportShard.format {
                Diagnostics.standardError("coprod: \(directory) has \(format.rawValue) reports (--reports \(format.rawValue)), and \(reportShard.directory) "
                    + "\(reportShard.format.rawValue) reports (--reports \(reportShard.format.rawValue)): make every shard with the same --reports")
                throw ExitCode.usage
            }
            if let format, reportShard == nil { reportShard = (directory, format) }
            reportFormats.append(format)
            var records = CSVReader(bytes: Array(rejectedText.utf8))
            _ = records.next()
            var shardRejected: [RejectedRow] = []
            for record in records where record.fields.count == 5 {
                shardRejected.append(RejectedRow(file: record.fields[0], row: Int(record.fields[1]) ?? 0,
                                                 organisation: record.fields[2].isEmpty ? nil : record.fields[2],
                                                 column: record.fields[3].isEmpty ? nil : record.fields[3], reason: record.fields[4]))
            }
            rejected += shardRejected
            ruleFailed += MergeCommand.ruleFailed(in: base) ?? MergeCommand.ruleFailed(guessedFrom: shardRejected)
            if var lines = LineReader(path: base.appendingPathComponent("results.jsonl").path), let first = lines.nextLine(),
               let object = try? JSONSerialization.jsonObject(with: Data(first.bytes)) as? [String: Any],
               let shardFramework = object["framework"] as? String {
                if let frameworkID, shardFramework != frameworkID {
                    Diagnostics.standardError("coprod: \(directory) holds results for \(shardFramework), and \(frameworkShard) for \(frameworkID): merge the shards of one framework")
                    throw ExitCode.usage
                }
                (frameworkID, frameworkShard) = (shardFramework, directory)
                shape.append((directory, MergeCommand.ids(of: object)))
            }
        }
        guard let frameworkID else {
            Diagnostics.standardError("coprod: the batches hold no results to merge")
            throw ExitCode.usage
        }
        // A local area's own framework is found only where the batches found it.
        guard sandbox.catalog.listing.contains(where: { $0.id == frameworkID }) else {
            Diagnostics.standardError("coprod: the batches were run with the framework '\(frameworkID)', which is not built in "
                + "and not in --path or COPROD_PATH: give merge --path with the folder that holds \(frameworkID).lua "
                + "(the batches' --path, or the folder of the file they were given)")
            throw ExitCode.usage
        }
        let (framework, _) = try sandbox.loadFramework(frameworkID)
        // A file of the same id that has changed since would place the results wrongly.
        let ids = framework.sections.map(\.id) + framework.indicators.map(\.id)
        if let changed = shape.first(where: { $0.ids != ids }) {
            Diagnostics.standardError("coprod: \(changed.directory) was evaluated against a framework '\(frameworkID)' with other sections "
                + "or indicators than the one found now (\(framework.origin)): give merge the --path the batches were run with")
            throw ExitCode.usage
        }
        var summary = AreaSummary(framework: framework)
        var shardOf = ShardsSeen()
        var reports = ShardReports()
        do throws(InputError) {
            let output = try BatchOutput(path: outputDirectory, framework: framework, force: force)
            for (index, directory) in directories.enumerated() {
                let before = summary.organisations
                try MergeCommand.copy(shard: directory, number: index, reports: reportFormats[index], into: output,
                                      summary: &summary, seen: &shardOf)
                reports.note(directory, organisations: summary.organisations - before)
            }
            summary.organisationsFailed = ruleFailed
            summary.rowsRejected = rejected.count
            summary.rowsRead = summary.rowsEvaluated + summary.rowsRejected
            try output.finish(rejected: rejected, summary: summary, framework: framework)
        } catch {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
        for (organisation, shards) in shardOf.examples {
            Diagnostics.standardError("coprod: warning: \(organisation) is in both \(directories[shards.0]) and \(directories[shards.1]): "
                                      + "shards must split the inputs by organisation, or each evaluates it from part of its rows")
        }
        if shardOf.repeated > shardOf.examples.count {
            Diagnostics.standardError("coprod: warning: and \(counted(shardOf.repeated - shardOf.examples.count, "more organisation")) in more than one shard")
        }
        if let warning = reports.warning { Diagnostics.standardError("coprod: warning: \(warning)") }
        Diagnostics.standardError("coprod: merged \(counted(directories.count, "batch", plural: "batches")), \(counted(summary.rowsRead, "row")) read: "
            + "\(grouped(summary.rowsEvaluated)) evaluated for \(counted(summary.organisations, "organisation")), \(grouped(summary.rowsRejected)) rejected; "
            + "results in \(outputDirectory)")
        if summary.rowsRejected > 0 { throw ExitCode.scriptFailed }
    }

    /// Why `directory` cannot be merged: a mistyped name, or a file of a batch given for its folder,
    /// is told apart from a folder that is not a batch's.
    private static func notAShard(_ directory: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            return "\(directory) does not exist: give each batch's output folder (its --out)"
        }
        guard isFolder.boolValue else {
            let holder = (directory as NSString).deletingLastPathComponent
            let folder = holder.isEmpty ? "." : holder
            // A batch's folder holds its marker beside the file given.
            if FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(BatchOutput.marker).path) {
                return "\(directory) is a file: give the batch's output folder, \(folder), which holds it"
            }
            return "\(directory) is a file: give each batch's output folder (its --out)"
        }
        return "\(directory) is not a complete coprod batch output (results.jsonl, results.csv and rejected.csv are needed)"
    }

    /// The format of a shard's reports, from the first found in its reports/ (a batch writes all
    /// in one), or nil without. Listed an entry at a time: a national shard's reports/ holds thousands.
    private static func reportFormat(of directory: String) -> BatchRunner.ReportFormat? {
        guard let entries = FileManager.default.enumerator(atPath: URL(fileURLWithPath: directory).appendingPathComponent("reports").path)
        else { return nil }
        while let name = entries.nextObject() as? String {
            if let format = BatchRunner.ReportFormat(rawValue: (name as NSString).pathExtension) { return format }
        }
        return nil
    }

    /// The section ids, then the indicator ids, of a result line read as JSON.
    private static func ids(of result: [String: Any]) -> [String] {
        let sections = (result["sections"] as? [[String: Any]]) ?? []
        let indicators = (result["indicators"] as? [[String: Any]]) ?? []
        return (sections + indicators).compactMap { $0["id"] as? String }
    }

    /// Streams one shard's results.jsonl and results.csv into `output`, a block at a time, and
    /// adds each organisation to `summary`: a national collection's shards are merged in flat
    /// memory.
    private static func copy(shard directory: String, number: Int, reports format: BatchRunner.ReportFormat?, into output: BatchOutput,
                             summary: inout AreaSummary, seen: inout ShardsSeen) throws(InputError) {
        let base = URL(fileURLWithPath: directory)
        let resultsPath = base.appendingPathComponent("results.jsonl").path, tablePath = base.appendingPathComponent("results.csv").path
        guard var results = LineReader(path: resultsPath) else { throw InputError("cannot read \(resultsPath)") }
        guard var table = LineReader(path: tablePath) else { throw InputError("cannot read \(tablePath)") }
        _ = table.nextLine()  // the header, which the output writes once
        // Reports are found under the names the shard's batch gave them, and written under the
        // names one batch over every shard would give.
        let reports = base.appendingPathComponent("reports")
        var shardReportNames: Set<String> = []
        var json: [UInt8] = [], csv: [UInt8] = []
        func flush() throws(InputError) {
            try output.writeResults(json: json[...], csv: csv[...])
            json.removeAll(keepingCapacity: true)
            csv.removeAll(keepingCapacity: true)
        }
        while let line = results.nextLine() {
            if line.isBlank { continue }
            guard let row = table.nextLine() else {
                throw InputError("\(directory): results.csv has fewer rows than results.jsonl has lines, so it is not a complete coprod batch output")
            }
            json += line.bytes
            json.append(UInt8(ascii: "\n"))
            csv += row.bytes
            csv.append(UInt8(ascii: "\n"))
            if let organisation = add(line.bytes, to: &summary) {
                seen.note(organisation, shard: number)
                if let format {
                    let name = BatchOutput.reportName(organisation, taken: &shardReportNames)
                    let path = reports.appendingPathComponent("\(name).\(format.rawValue)").path
                    if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                        try output.writeReport(text, organisation: organisation, format: format)
                    }
                }
            }
            if json.count >= 1 << 20 { try flush() }
        }
        try flush()
        if let failure = results.readFailure ?? table.readFailure { throw InputError("cannot read \(directory): \(failure)") }
        if let extra = table.nextLine(), !extra.isBlank {
            throw InputError("\(directory): results.csv has more rows than results.jsonl has lines, so it is not a complete coprod batch output")
        }
    }

    /// The organisations a framework's own rule failed for, as the shard's summary.json counts
    /// them ("failed" before it was named "rule_failed"); nil if it cannot be read.
    static func ruleFailed(in shard: URL) -> Int? {
        guard let data = try? Data(contentsOf: shard.appendingPathComponent("summary.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let organisations = object["organisations"] as? [String: Any] else { return nil }
        return (organisations["rule_failed"] ?? organisations["failed"]) as? Int
    }

    /// Without a summary: organisations with a row rejected as a whole, not for a cell, which is
    /// how a failed rule rejects them (a broken row named by its organisation is one too).
    static func ruleFailed(guessedFrom rejected: [RejectedRow]) -> Int {
        Set(rejected.filter { $0.column == nil && $0.organisation != nil }.compactMap(\.organisation)).count
    }

    /// Adds one result line to the summary; its organisation, or nil for a line that is not a result.
    private static func add(_ line: ArraySlice<UInt8>, to summary: inout AreaSummary) -> String? {
        guard let result = try? decoder.decode(ResultLine.self, from: Data(line)) else { return nil }
        let sections = (result.sections ?? []).map { ($0.id, summary.score(section: $0.id, json: $0.score?.value)) }
        let gaps = (result.gaps ?? []).map { gap in
            AreaSummary.GapEntry(
                organisation: result.organisation, sectionID: gap.section ?? "", roles: gap.roles ?? [],
                scores: (gap.scores ?? []).map { score in
                    switch score {
                    case .text(let text)?: text
                    // A checklist's share is written as a fraction, and shown as a percentage.
                    case .number(let number)?: summary.score(section: gap.section ?? "", json: number).display
                    case nil: Score.format(0)
                    }
                },
                difference: gap.difference ?? 0)
        }
        summary.add(organisation: result.organisation, respondents: result.respondents ?? 0, passed: result.passed, scores: sections, gaps: gaps)
        return result.organisation
    }

    private static let decoder = JSONDecoder()
}

/// The parts of a result line that the area summary needs: decoding only these skips the rest
/// of the line (indicators, texts) without building it, several times faster than parsing all.
private struct ResultLine: Decodable {
    var organisation: String
    var respondents: Int?
    /// Null when not known (a must-rule left blank).
    var passed: Bool?
    var sections: [Section]?
    var gaps: [Gap]?

    struct Section: Decodable {
        var id: String
        var score: Value?
    }

    struct Gap: Decodable {
        var section: String?
        var roles: [String]?
        var scores: [Value?]?
        var difference: Double?
    }

    /// A score as results.jsonl writes it: a number, or a tier's name.
    enum Value: Decodable {
        case text(String)
        case number(Double)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) } else { self = .number(try container.decode(Double.self)) }
        }

        var value: Any {
            switch self {
            case .text(let text): text
            case .number(let number): number
            }
        }
    }
}

/// Which shard each organisation came from, by a hash of its name (8 bytes each, not the name),
/// to warn of one in two shards: merge assumes the inputs were split by organisation. Two names
/// with the same 64-bit hash would be taken for one; among a million names that is about one
/// chance in thirty million.
struct ShardsSeen {
    private var shards: [Int: Int] = [:]
    /// The first few organisations met in a second shard, with the first shard and this one.
    private(set) var examples: [(String, (Int, Int))] = []
    /// How many were met in a second shard.
    private(set) var repeated = 0

    mutating func note(_ organisation: String, shard: Int) {
        let key = organisation.hashValue
        guard let first = shards[key] else {
            shards[key] = shard
            return
        }
        guard first != shard else { return }
        repeated += 1
        if examples.count < 10 { examples.append((organisation, (first, shard))) }
    }
}
