import CoprodIO
import Foundation

/// Ctrl-C (SIGINT) or SIGTERM during a batch or merge: the files begun are removed, as when it
/// stops on an error, rather than left hidden as `.partial` files in the output directory. The
/// process then exits at once, with the status a shell gives a command killed by that signal.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    // Guarded by `lock`.
    private let lock = NSLock()
    private var cleanups: [Int: @Sendable () -> Void] = [:]
    private var next = 0
    private var sources: [any DispatchSourceSignal] = []

    /// Runs `cleanup` if the process is interrupted before `remove` is called with the returned key.
    func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        lock.withLock {
            if sources.isEmpty { sources = [SIGINT, SIGTERM].map(Interruption.listen) }
            next += 1
            cleanups[next] = cleanup
            return next
        }
    }

    func remove(_ key: Int) {
        _ = lock.withLock { cleanups.removeValue(forKey: key) }
    }

    /// Runs `body`, which makes a file or folder in the output directory, so that an interruption
    /// waits for it and removes what it made, and none is made after the cleanup.
    func making(_ body: () throws(InputError) -> Void) throws(InputError) {
        lock.lock()
        defer { lock.unlock() }
        try body()
    }

    /// Drops the cleanup of `key` and runs `body` (putting finished files in place) as one step:
    /// an interruption meanwhile waits for it, so that the files are all put in place or none.
    func finishing(_ key: Int, _ body: () throws(InputError) -> Void) throws(InputError) {
        lock.lock()
        defer { lock.unlock() }
        cleanups.removeValue(forKey: key)
        try body()
    }

    private static func listen(_ number: Int32) -> any DispatchSourceSignal {
        // Delivered to the source instead of ending the process.
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { Interruption.shared.interrupted(by: number) }
        source.resume()
        return source
    }

    private func interrupted(by number: Int32) {
        // The lock is kept: nothing may start another cleanup, or finish, from here on.
        lock.lock()
        for cleanup in cleanups.values { cleanup() }
        let name = number == SIGINT ? "interrupted" : "stopped"
        let removed = cleanups.isEmpty ? "" : "; the files begun were removed"
        FileHandle.standardError.write(Data("coprod: \(name)\(removed)\n".utf8))
        _exit(128 + number)
    }
}
