import CoprodCore
import CoprodIO
import CoprodReports
import Foundation

/// The batch's output directory. Every file is written under a temporary name and renamed when
/// complete, so a file under its final name is always whole; inputs are never touched.
final class BatchOutput {
    static let marker = ".coprod-batch"
    /// The files a batch writes at the top of its directory.
    static let fileNames = ["results.jsonl", "results.csv", "rejected.csv", "summary.json", "summary.md"]

    /// Throws if writing into `path` would replace one of `inputs` (a batch never touches its
    /// inputs): an input named like a result, in the directory given as --out.
    static func checkNotReplacing(_ inputs: [String], path: String) throws(InputError) {
        let written = Set(fileNames.compactMap { InputFile.identity(of: URL(fileURLWithPath: path).appendingPathComponent($0).path) })
        for input in inputs {
            if let identity = InputFile.identity(of: input), written.contains(identity) {
                throw InputError("\(input) is in \(path) under a name the batch writes, so it would be replaced: choose another --out")
            }
        }
    }

    let directory: URL
    private let results: OutputFile
    private let table: OutputFile
    private var finished = false
    /// The report names given so far, lower-cased.
    private var reportNames: Set<String> = []
    /// Reports are written into a folder of their own and put in place of any earlier batch's
    /// at the end, so that `reports/` holds this batch's reports and no other's.
    private var reportsPartial: URL { directory.appendingPathComponent(".reports.partial") }
    private var reports: URL { directory.appendingPathComponent("reports") }
    /// Whether the directory was an earlier batch's output: its reports are then this batch's to
    /// replace, or to remove if this batch writes none.
    private let earlierBatch: Bool
    /// The directories made here, the output directory first, then those made above it
    /// (`--out a/b/c` with no `a`): a batch that stops removes each again if nothing else is in it.
    private let madeDirectories: [URL]
    /// What an interruption (Ctrl-C) removes until the batch finishes.
    private var interruption = 0

    /// Makes or reuses `path`: a directory that does not exist, is empty, or was made by an earlier
    /// batch; any other needs `force`.
    init(path: String, framework: Framework, force: Bool) throws(InputError) {
        let manager = FileManager.default
        directory = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        var missing: [URL] = []
        var candidate = directory.standardizedFileURL
        while !manager.fileExists(atPath: candidate.path) {
            missing.append(candidate)
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        madeDirectories = missing
        var earlierBatch = false
        if missing.isEmpty {
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError("\(path) exists and is not a directory")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            earlierBatch = contents.contains(BatchOutput.marker)
            if !contents.isEmpty && !earlierBatch && !force {
                throw InputError("\(path) is not empty and was not made by coprod batch or merge; choose another --out or add --force")
            }
        }
        self.earlierBatch = earlierBatch
        // Registered before anything is made: an interruption from here on removes what was.
        let (folder, made) = (URL(fileURLWithPath: path), missing)
        let interruption = Interruption.shared.onInterrupt { BatchOutput.abandon(folder, made: made) }
        self.interruption = interruption
        let results: OutputFile
        let table: OutputFile
        do throws(InputError) {
            if !missing.isEmpty {
                do {
                    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
                } catch {
                    throw InputError("cannot create \(path): \(BatchOutput.reason(error))")
                }
            }
            _ = manager.createFile(atPath: directory.appendingPathComponent(BatchOutput.marker).path, contents: Data())
            // Left by a batch that was killed before it finished.
            try? manager.removeItem(at: directory.appendingPathComponent(".reports.partial"))
            results = try OutputFile(path: BatchOutput.partial("results.jsonl", in: directory).path)
            do throws(InputError) {
                table = try OutputFile(path: BatchOutput.partial("results.csv", in: directory).path)
                try table.write(Array(ResultCSV.header(framework).utf8)[...])
            } catch {
                try? results.close()
                throw error
            }
        } catch {
            // No deinit runs for an object whose init threw: what was begun is removed here.
            BatchOutput.abandon(folder, made: missing)
            Interruption.shared.remove(interruption)
            throw error
        }
        self.results = results
        self.table = table
    }

    /// The results files, written under a hidden name until they are complete.
    private static let resultsFiles = ["results.jsonl", "results.csv"]

    private static func partial(_ name: String, in directory: URL) -> URL { directory.appendingPathComponent(".\(name).partial") }

    /// Appends the lines of one or more organisations.
    func writeResults(json: ArraySlice<UInt8>, csv: ArraySlice<UInt8>) throws(InputError) {
        try results.write(json)
        try table.write(csv)
    }

    func writeReport(_ report: String, organisation: String, format: BatchRunner.ReportFormat) throws(InputError) {
        try Interruption.shared.making { () throws(InputError) in
            if reportNames.isEmpty {  // the first report makes the folder
                do {
                    try FileManager.default.createDirectory(at: reportsPartial, withIntermediateDirectories: true)
                } catch {
                    throw InputError("cannot create \(reportsPartial.path): \(BatchOutput.reason(error))")
                }
            }
            let name = BatchOutput.reportName(organisation, taken: &reportNames) + "." + format.rawValue
            // The folder is not under its final name until every report is in it.
            try OutputFile.write(Array(report.utf8), toNewFile: reportsPartial.appendingPathComponent(name).path)
        }
    }

    /// Puts this batch's reports where an earlier batch's were, or removes those if this batch
    /// wrote none.
    private func placeReports() throws(InputError) {
        let manager = FileManager.default
        let old = directory.appendingPathComponent(".reports.old")
        let hadReports = manager.fileExists(atPath: reports.path)
        guard !reportNames.isEmpty || (hadReports && earlierBatch) else { return }
        if hadReports {
            try? manager.removeItem(at: old)
            try BatchOutput.move(reports, to: old)
        }
        if !reportNames.isEmpty { try BatchOutput.move(reportsPartial, to: reports) }
        try? manager.removeItem(at: old)
    }

    /// Writes the rest and renames every partial file to its final name.
    func finish(rejected: [RejectedRow], summary: AreaSummary, framework: Framework) throws(InputError) {
        try results.close()
        try table.close()
        var rejectedCSV = CSVWriter.line(["file", "row", "organisation", "column", "reason"])
        for row in rejected.sorted(by: { ($0.file, $0.row) < ($1.file, $1.row) }) {
            rejectedCSV += CSVWriter.line([row.file, String(row.row), CSVWriter.cellText(row.organisation ?? ""), row.whereInRow, row.reason])
        }
        let summaryJSON = SummaryReport.json(summary).text(indent: 2) + "\n"
        let summaryMarkdown = SummaryReport.markdown(summary, framework: framework)
        try Interruption.shared.finishing(interruption) { () throws(InputError) in
            try write(rejectedCSV, to: directory.appendingPathComponent("rejected.csv"))
            try write(summaryJSON, to: directory.appendingPathComponent("summary.json"))
            try write(summaryMarkdown, to: directory.appendingPathComponent("summary.md"))
            for name in BatchOutput.resultsFiles {
                try BatchOutput.move(BatchOutput.partial(name, in: directory), to: directory.appendingPathComponent(name))
            }
            try placeReports()
            finished = true
        }
    }

    /// A batch or merge that stopped before it finished leaves no partial file behind.
    deinit {
        // Cleaned first: an interruption meanwhile cleans too, rather than leave things half done.
        defer { Interruption.shared.remove(interruption) }
        guard !finished else { return }
        try? results.close()
        try? table.close()
        BatchOutput.abandon(directory, made: madeDirectories)
    }

    /// What a batch that stops (on an error or an interruption) leaves: no partial file or
    /// report in `folder`, and of `directories` (made by this batch, the output directory first)
    /// none that holds nothing else. A results file's partial name is unlinked, so that a folder
    /// in its way, which is not the batch's, stays.
    private static func abandon(_ folder: URL, made directories: [URL]) {
        for name in resultsFiles { unlink(partial(name, in: folder).path) }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(".reports.partial"))
        guard let directory = directories.first else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard contents == [marker] else { return }
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(marker))
        // rmdir removes only an empty directory, and stops at the first that is not.
        for made in directories {
            guard rmdir(made.path) == 0 else { break }
        }
    }

    /// Whole file at once, through a temporary name. (A report per organisation is many small
    /// files: they need no results file's aligned buffer.)
    private func write(_ text: String, to url: URL) throws(InputError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try OutputFile.write(Array(text.utf8), toNewFile: temporary.path)
        try BatchOutput.move(temporary, to: url)
    }

    /// Puts a finished file under its final name, replacing what was there in one step.
    private static func move(_ temporary: URL, to final: URL) throws(InputError) {
        if rename(temporary.path, final.path) != 0 {
            throw InputError("cannot rename \(temporary.path) to \(final.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }

    /// What went wrong, in the system's words where Foundation has them.
    private static func reason(_ error: any Error) -> String {
        let error = error as NSError
        // On Linux the underlying error is a Swift `POSIXError`, which does not cast to NSError.
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error {
            let underlying = underlying as NSError
            if underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        }
        return error.localizedDescription
    }

    /// An organisation's name as a safe file name, at most 200 bytes (a file system allows 255).
    static func fileName(_ organisation: String) -> String {
        var safe = ""
        for scalar in organisation.unicodeScalars {
            let kept = CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? scalar : "-"
            guard safe.utf8.count + String(kept).utf8.count <= 200 else { break }
            safe.unicodeScalars.append(kept)
        }
        return safe.isEmpty ? "organisation" : safe
    }

    /// The name of an organisation's report: its safe name, with "-2", "-3"… when an earlier
    /// organisation's made the same ("Hill & Dale", "Hill-Dale"), so that no report replaces
    /// another. Names differing only in case count as the same, as they are on macOS and Windows.
    static func reportName(_ organisation: String, taken: inout Set<String>) -> String {
        let base = fileName(organisation)
        var name = base
        var number = 1
        while !taken.insert(name.lowercased()).inserted {
            number += 1
            name = "\(base)-\(number)"
        }
        return name
    }
}
