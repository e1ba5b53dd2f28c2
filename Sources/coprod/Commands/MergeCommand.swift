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
        var frameworkID: String?
        var resultLines: [Substring] = []
        var csvRows: [Substring] = []
        var rejected: [RejectedRow] = []
        for directory in directories {
            let base = URL(fileURLWithPath: directory)
            guard let results = try? String(contentsOf: base.appendingPathComponent("results.jsonl"), encoding: .utf8),
                  let table = try? String(contentsOf: base.appendingPathComponent("results.csv"), encoding: .utf8),
                  let rejectedText = try? String(contentsOf: base.appendingPathComponent("rejected.csv"), encoding: .utf8)
            else {
                Diagnostics.standardError("coprod: \(directory) is not a complete coprod batch output (results.jsonl, results.csv and rejected.csv are needed)")
                throw ExitCode.usage
            }
            resultLines += results.split(separator: "\n")
            csvRows += table.split(separator: "\n").dropFirst()
            var records = CSVReader(bytes: Array(rejectedText.utf8))
            _ = records.next()
            for record in records where record.fields.count == 5 {
                rejected.append(RejectedRow(file: record.fields[0], row: Int(record.fields[1]) ?? 0,
                                            organisation: record.fields[2].isEmpty ? nil : record.fields[2],
                                            column: record.fields[3].isEmpty ? nil : record.fields[3], reason: record.fields[4]))
            }
            if let first = resultLines.first, frameworkID == nil,
               let object = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any] {
                frameworkID = object["framework"] as? String
            }
        }
        guard let frameworkID else {
            Diagnostics.standardError("coprod: the batches hold no results to merge")
            throw ExitCode.usage
        }
        let (framework, _) = try sandbox.loadFramework(frameworkID)
        var summary = AreaSummary(framework: framework)
        for line in resultLines {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let organisation = object["organisation"] as? String else { continue }
            let sections = (object["sections"] as? [[String: Any]] ?? []).compactMap { section -> (String, Score)? in
                guard let id = section["id"] as? String else { return nil }
                return (id, summary.score(section: id, json: section["score"]))
            }
            let gaps = (object["gaps"] as? [[String: Any]] ?? []).map { gap in
                AreaSummary.GapEntry(
                    organisation: organisation, sectionID: gap["section"] as? String ?? "",
                    roles: gap["roles"] as? [String] ?? [],
                    scores: (gap["scores"] as? [Any] ?? []).map { ($0 as? String) ?? Score.format(($0 as? Double) ?? 0) },
                    difference: gap["difference"] as? Double ?? 0)
            }
            summary.add(organisation: organisation, respondents: object["respondents"] as? Int ?? 0, scores: sections, gaps: gaps)
        }
        summary.organisationsFailed = Set(rejected.filter { $0.column == nil && $0.organisation != nil }.compactMap(\.organisation)).count
        summary.rowsRejected = rejected.count
        summary.rowsRead = summary.rowsEvaluated + summary.rowsRejected
        do throws(InputError) {
            let output = try BatchOutput(path: outputDirectory, framework: framework, force: force)
            for (index, line) in resultLines.enumerated() {
                try output.writeResults(json: Array((line + "\n").utf8)[...], csv: Array((index < csvRows.count ? csvRows[index] + "\n" : "").utf8)[...])
            }
            try output.finish(rejected: rejected, summary: summary, framework: framework)
        } catch {
            Diagnostics.standardError("coprod: \(error)")
            throw ExitCode.usage
        }
        Diagnostics.standardError("coprod: merged \(counted(directories.count, "batch", plural: "batches")): \(counted(summary.organisations, "organisation")), \(counted(summary.rowsRead, "row")) read, \(summary.rowsRejected) rejected")
    }
}
