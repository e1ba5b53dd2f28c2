import CoprodCore
import Foundation

/// Rows done, rows per second and time left, on standard error when it is a terminal: a batch of
/// a million rows runs for minutes, and a silent one looks stuck.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private let started = Date()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    /// Shows `rows` done (called a few times a second).
    func update(to rows: Int) {
        guard enabled else { return }
        let line = Progress.line(done: rows, total: total, seconds: Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// "1,234 of 300,000 rows (0%) · 72,523 rows/s · about 4 s left", after `seconds`.
    static func line(done: Int, total: Int, seconds: Double) -> String {
        let rate = Double(done) / max(0.001, seconds)
        var line = "\(grouped(done)) of \(grouped(total)) rows (\(total > 0 ? done * 100 / total : 100)%)"
        guard done > 0 else { return line }
        line += " · \(grouped(Int(rate))) rows/s"
        if done < total { line += " · about \(spokenDuration(Double(total - done) / rate)) left" }
        return line
    }
}
