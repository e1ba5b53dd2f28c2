import CoprodIO
import Foundation

/// Ctrl-C (SIGINT) or SIGTERM during a batch or merge: the files begun are removed, as when it
/// stops on an error, rather than left hidden as `.partial` files in the output directory. The
/// process then exits at once, with the status a shell gives a command killed by that signal.
///
/// The two signals are blocked from the first registration on, in that thread and every thread
/// made after it (the workers), and taken by a thread of their own with `sigwait`: one that comes
/// early waits rather than being lost, and one the shell set to be ignored (a background job in
/// a script) stays ignored.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    // Guarded by `lock`.
    private let lock = NSLock()
    private var cleanups: [Int: @Sendable () -> Void] = [:]
    private var next = 0
    private var listening = false

    /// Runs `cleanup` if the process is interrupted before `remove` (or `finishing`) is called with
    /// the returned key. Call it before making any file, and before starting other threads.
    func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        lock.withLock {
            if !listening {
                listening = true
                var signals = Interruption.signals
                pthread_sigmask(SIG_BLOCK, &signals, nil)
                Thread { Interruption.shared.interrupted(by: Interruption.waitForSignal()) }.start()
            }
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

    /// Runs `body` (putting finished files in place) as one step, then drops the cleanup of
    /// `key`: an interruption meanwhile waits for it, so that the files are all put in place or
    /// none. If `body` fails, the cleanup stays until the files begun are removed.
    func finishing(_ key: Int, _ body: () throws(InputError) -> Void) throws(InputError) {
        lock.lock()
        defer { lock.unlock() }
        try body()
        cleanups.removeValue(forKey: key)
    }

    /// SIGINT and SIGTERM, but not one the process was started with set to be ignored: a blocked
    /// signal is kept for `sigwait` even then.
    private static let signals: sigset_t = {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM] where !ignored(number) { sigaddset(&set, number) }
        return set
    }()

    private static func ignored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func waitForSignal() -> Int32 {
        var set = signals
        var number: Int32 = 0
        while sigwait(&set, &number) != 0 {}
        return number
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
