import Foundation
import LuaHost

/// Says, as soon as it happens, that a rule hit a limit: the batch goes on, rejecting each
/// organisation the rule stops, but a loop that never ends costs the whole instruction limit for
/// every one of them, and a batch of thousands would otherwise only say so at its end, hours on.
final class LimitNotice: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var told = false
    /// Whether a progress line is on the terminal, to be cleared before the warning.
    private let clearsProgress: Bool

    init(clearsProgress: Bool) {
        self.clearsProgress = clearsProgress
    }

    /// Prints the first limit a rule hits, once for the batch.
    func ruleStopped(_ organisation: String, by error: LuaError) {
        guard case .limit = error.kind, lock.withLock({
            defer { told = true }
            return !told
        }) else { return }
        if clearsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        Diagnostics.standardError("coprod: warning: \(organisation) not evaluated: \(error.located). The batch goes on, rejecting "
            + "each organisation a limit stops; if every one will be, stop it (Ctrl-C) and mend the rule first.")
    }
}
