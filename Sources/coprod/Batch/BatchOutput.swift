import CoprodCore
import CoprodIO
import CoprodReports
import Foundation

/// The batch's output directory. Every file is written under a temporary name and renamed when
/// complete, so a file under its final name is always whole; inputs are never touched.
final class BatchOutput {
    static let marker = ".coprod-batch"

    let directory: URL
    private let results: OutputFile
    private let table: OutputFile
    private var partials: [(temporary: URL, final: URL)] = []
    private var finished = false

    /// Makes or reuses `path`: a directory that does not exist, is empty, or was made by an earlier
    /// batch; any other needs `force`.
    init(path: String, framework: Framework, force: Bool) throws(InputError) {
        let manager = FileManager.default
        directory = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError("\(path) exists and is not a directory") }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty && !contents.contains(BatchOutput.marker) && !force {
                throw InputError("\(path) is not empty and was not made by coprod batch; choose another --out or add --force")
            }
        } else {
            do {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw InputError("cannot create \(path): \(error.localizedDescription)")
            }
        }
        _ = manager.createFile(atPath: directory.appendingPathComponent(BatchOutput.marker).path, contents: Data())
        results = try BatchOutput.open(directory, "results.jsonl", into: &partials)
        table = try BatchOutput.open(directory, "results.csv", into: &partials)
        try table.write(Array(ResultCSV.header(framework).utf8)[...])
    }

    private static func open(_ directory: URL, _ name: String,
                             into partials: inout [(temporary: URL, final: URL)]) throws(InputError) -> OutputFile {
        let temporary = directory.appendingPathComponent(".\(name).partial")
        partials.append((temporary, directory.appendingPathComponent(name)))
        return try OutputFile(path: temporary.path)
    }

    /// Appends the lines of one or more organisations.
    func writeResults(json: ArraySlice<UInt8>, csv: ArraySlice<UInt8>) throws(InputError) {
        try results.write(json)
        try table.write(csv)
    }

    func writeReport(_ report: String, organisation: String, format: BatchRunner.ReportFormat) throws {
        let reports = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let name = BatchOutput.fileName(organisation) + "." + format.rawValue
        try write(report, to: reports.appendingPathComponent(name))
    }

    /// Writes the rest and renames every partial file to its final name.
    func finish(rejected: [RejectedRow], summary: AreaSummary, framework: Framework) throws {
        try results.close()
        try table.close()
        var rejectedCSV = CSVWriter.line(["file", "row", "organisation", "column", "reason"])
        for row in rejected.sorted(by: { ($0.file, $0.row) < ($1.file, $1.row) }) {
            rejectedCSV += CSVWriter.line([row.file, String(row.row), row.organisation ?? "", row.column ?? "", row.reason])
        }
        try write(rejectedCSV, to: directory.appendingPathComponent("rejected.csv"))
        try write(SummaryReport.json(summary).text(indent: 2) + "\n", to: directory.appendingPathComponent("summary.json"))
        try write(SummaryReport.markdown(summary, framework: framework), to: directory.appendingPathComponent("summary.md"))
        for (temporary, final) in partials {
            _ = try? FileManager.default.removeItem(at: final)
            try FileManager.default.moveItem(at: temporary, to: final)
        }
        finished = true
    }

    /// A batch or merge that stopped before it finished leaves no partial file behind.
    deinit {
        guard !finished else { return }
        try? results.close()
        try? table.close()
        for (temporary, _) in partials { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Whole file at once, through a temporary name.
    private func write(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try Data(text.utf8).write(to: temporary)
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    /// An organisation's name as a safe file name.
    static func fileName(_ organisation: String) -> String {
        let safe = organisation.unicodeScalars.map { scalar -> String in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? String(scalar) : "-"
        }.joined()
        return safe.isEmpty ? "organisation" : safe
    }
}

/// Rows done, rows per second and time left, on standard error when it is a terminal.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private var done = 0
    private let started = Date()
    private var lastShown = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance(by rows: Int) {
        done += rows
        guard enabled, Date().timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = Date()
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(max(0, total - done)) / rate : 0
        FileHandle.standardError.write(Data("\r\u{1B}[K\(done)/\(total) rows  \(Int(rate)) rows/s  ETA \(Int(left.rounded()))s".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
