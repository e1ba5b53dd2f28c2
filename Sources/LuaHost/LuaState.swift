internal import CLua
internal import CLuaSandbox
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One sandboxed Lua 5.4 state with its limits.
///
/// A state is not thread-safe, and the type is deliberately not `Sendable`: give each thread or
/// worker its own. Every script it runs gets the sandbox (see the README's "Sandbox" section).
public final class LuaState {
    /// Receives what scripts `print`, one call per line including its newline.
    public typealias PrintSink = ([UInt8]) -> Void

    let L: OpaquePointer
    private let host: OpaquePointer
    /// Where `require` looks for modules.
    public let searchPath: ModuleSearchPath
    var functions: [RegisteredFunction] = []
    /// The thread a Swift function was called from, innermost last: nested calls run there.
    var activeThreads: [OpaquePointer] = []
    let printSink: PrintSink?
    /// File names too long for Lua's messages, to put back whole.
    private var longChunkNames = LongChunkNames()

    /// The limits in force. Changing them affects the next call.
    public var limits: LuaLimits {
        didSet {
            coprod_host_set_limits(host, Int(clamping: limits.memory), limits.instructions)
        }
    }

    /// Opens a sandboxed state. Throws if the linked Lua is not 5.4 or the memory limit is too
    /// small even to open the standard libraries.
    public init(limits: LuaLimits = .default, searchPath: ModuleSearchPath = ModuleSearchPath(),
                print: PrintSink? = nil) throws(LuaError) {
        try LuaState.checkVersion()
        self.limits = limits
        self.searchPath = searchPath
        self.printSink = print
        guard let host = coprod_host_create(
            Int(clamping: limits.memory), limits.instructions, nil, luaHostDispatch, luaHostWrite)
        else { throw LuaError(.limit(.memory), "cannot allocate the Lua host") }
        var status: Int32 = 0
        var message: UnsafeMutablePointer<CChar>? = nil
        guard let state = coprod_host_open(host, &status, &message) else {
            let text = message.map { String(cString: $0) } ?? "not enough memory"
            free(message)
            coprod_host_destroy(host)
            if status == LUA_ERRMEM {
                throw LuaError(.limit(.memory), "memory limit of \(LuaLimits.describeMemory(limits.memory)) is too small to open Lua")
            }
            throw LuaError(.runtime, "cannot open Lua: \(text)")
        }
        self.L = state
        self.host = host
        coprod_host_attach(host, Unmanaged.passUnretained(self).toOpaque())
        try installSearcher()
    }

    deinit {
        lua_close(L)
        coprod_host_destroy(host)
    }

    /// Lua's runtime version must be 5.4: the C API and the sandbox are written for it.
    static func checkVersion() throws(LuaError) {
        let version = lua_version(nil)
        guard version == 504 else {
            let major = Int(version) / 100, minor = Int(version) % 100
            throw LuaError(.unsupportedVersion,
                           "coprod needs Lua 5.4, but the linked Lua library is \(major).\(minor); install liblua5.4")
        }
    }

    // MARK: - Running code

    /// Compiles `code` without running it. `chunkName` follows Lua: `@path` for a file,
    /// `=name` for a name shown as is.
    public func load(_ code: String, chunkName: String) throws(LuaError) -> LuaFunction {
        try load(bytes: Array(code.utf8), chunkName: chunkName)
    }

    public func load(bytes: [UInt8], chunkName: String) throws(LuaError) -> LuaFunction {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try compile(bytes, chunkName: chunkName, on: L)
        return LuaFunction(state: self, reference: luaL_ref(L, coprod_registryindex()))
    }

    /// Runs `code` and returns what it returns.
    @discardableResult
    public func run(_ code: String, chunkName: String = "=(string)", arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        try load(code, chunkName: chunkName).call(arguments)
    }

    /// `text` with the long file names Lua shortened in it written out whole.
    func restoringChunkNames(_ text: String) -> String {
        longChunkNames.restore(text)
    }

    /// For a file's chunk that Lua code loads itself (`load(source, "@" .. path)`), not through
    /// this state: its messages then name the whole path, as Lua would shorten a long one.
    public func noteChunkName(_ chunkName: String) {
        longChunkNames.note(chunkName)
    }

    /// Runs the file at `path`; errors name it as `path:line:`.
    @discardableResult
    public func runFile(_ path: String, arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        let bytes = try ModuleSearchPath.read(path)
        return try load(bytes: bytes, chunkName: "@" + path).call(arguments)
    }

    /// A global variable, read with raw access.
    public func global(_ name: String) throws(LuaError) -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(2, on: L)
        coprod_pushglobaltable(L)
        pushString(name, on: L)
        lua_rawget(L, -2)
        return try readValue(at: -1, on: L)
    }

    /// Sets a global variable with raw access.
    public func setGlobal(_ name: String, _ value: LuaValue) throws(LuaError) {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(3, on: L)
        coprod_pushglobaltable(L)
        pushString(name, on: L)
        try push(value, on: L)
        lua_rawset(L, -3)
    }

    /// Bytes Lua currently holds.
    public var memoryUsed: Int { Int(coprod_host_memory_used(host)) }

    /// Instructions the last (or current) call has used.
    public var instructionsUsed: UInt64 { coprod_host_instructions_used(host) }

    /// Asks the running script to stop at its next instruction. Safe to call from a signal handler
    /// installed through `interruptHandle`.
    public var interruptHandle: LuaInterruptHandle { LuaInterruptHandle(host: UnsafeMutableRawPointer(host)) }

    // MARK: - Internals shared with the other files

    /// The thread nested calls run on: the innermost one that called into Swift, or the main one.
    var currentThread: OpaquePointer { activeThreads.last ?? L }

    func compile(_ bytes: [UInt8], chunkName: String, on thread: OpaquePointer) throws(LuaError) {
        noteChunkName(chunkName)
        try ensureStack(1, on: thread)
        let status = bytes.isEmpty
            ? coprod_load_text(thread, "", 0, chunkName)
            : bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    coprod_load_text(thread, chars.baseAddress, chars.count, chunkName)
                }
            }
        guard status == LUA_OK else {
            let message = longChunkNames.restore(readMessage(at: -1, on: thread))
            lua_settop(thread, -2)
            if status == LUA_ERRMEM { throw limitError() ?? LuaError(.limit(.memory), message) }
            let location = LuaError.location(in: message)
            let kind: LuaError.Kind = message.hasSuffix("<eof>") ? .incompleteChunk : .syntax
            throw LuaError(kind, message, chunk: location?.chunk, line: location?.line)
        }
    }

    /// Calls the function below `arguments` on `thread`'s stack with the limits in force and
    /// returns its results, leaving the stack as it was before the function was pushed.
    func protectedCall(on thread: OpaquePointer, argumentCount: Int32, base: Int32) throws(LuaError) -> [LuaValue] {
        let status = coprod_call(thread, argumentCount, LUA_MULTRET)
        defer { lua_settop(thread, base) }
        guard status == LUA_OK else { throw callError(status: status, on: thread) }
        let top = lua_gettop(thread)
        var results: [LuaValue] = []
        results.reserveCapacity(Int(top - base))
        if top > base {
            for index in (base + 1)...top { results.append(try readValue(at: index, on: thread)) }
        }
        return results
    }

    /// Like `protectedCall`, for a function that returns a function: keeps the first result when
    /// it is one, as a `LuaFunction`; nil otherwise.
    func protectedCallForFunction(on thread: OpaquePointer, argumentCount: Int32, base: Int32) throws(LuaError) -> LuaFunction? {
        let status = coprod_call(thread, argumentCount, 1)
        defer { lua_settop(thread, base) }
        guard status == LUA_OK else { throw callError(status: status, on: thread) }
        guard lua_type(thread, -1) == LUA_TFUNCTION else { return nil }
        return LuaFunction(state: self, reference: luaL_ref(thread, coprod_registryindex()))
    }

    /// The limit that stopped the last call, as an error, if one did.
    func limitError() -> LuaError? {
        let tripped = coprod_host_tripped(host)
        let limit: LuaLimit
        var text: String
        switch tripped {
        case COPROD_LIMIT_INSTRUCTIONS:
            limit = .instructions
            text = "instruction limit of \(limits.instructions) reached"
        case COPROD_LIMIT_MEMORY:
            limit = .memory
            text = "memory limit of \(LuaLimits.describeMemory(limits.memory)) reached"
        case COPROD_LIMIT_INTERRUPTED:
            limit = .interrupted
            text = "interrupted"
        default:
            return nil
        }
        if let advice = limits.advice[limit] { text += ": " + advice }
        let line = Int(coprod_host_trip_line(host))
        let source = longChunkNames.restore(String(cString: coprod_host_trip_source(host)))
        if line > 0 { return LuaError(.limit(limit), "\(source):\(line): \(text)", chunk: source, line: line) }
        return LuaError(.limit(limit), text)
    }

    private func callError(status: Int32, on thread: OpaquePointer) -> LuaError {
        if let limit = limitError() { return limit }
        if status == LUA_ERRMEM { return LuaError(.limit(.memory), "not enough memory") }
        if status == LUA_ERRERR {
            return LuaError(.runtime, "error in error handling: \(readMessage(at: -1, on: thread))")
        }
        let message = longChunkNames.restore(readMessage(at: -1, on: thread))
        guard lua_checkstack(thread, 3) != 0 else { return LuaError(.runtime, message) }
        coprod_push_last_error(thread)
        let source = rawField("source", ofTableAt: -1, on: thread).stringValue.map(longChunkNames.restore)
        let line = rawField("line", ofTableAt: -1, on: thread).integerValue.map { Int($0) }
        let traceback = longChunkNames.restore(rawField("traceback", ofTableAt: -1, on: thread).stringValue ?? "")
        lua_settop(thread, -2)
        var location = LuaError.location(in: message)
        if location == nil, let source, let line { location = (source, line) }
        let lines = traceback.split(separator: "\n").dropFirst().map { String($0.drop(while: { $0 == "\t" })) }
        return LuaError(.runtime, message, chunk: location?.chunk, line: location?.line,
                        traceback: Array(lines.prefix(12)))
    }

    private func installSearcher() throws(LuaError) {
        let searchPath = self.searchPath
        let id = addFunction(name: "require") { [unowned self] arguments in
            let name = try arguments.string(1)
            guard let module = try searchPath.find(name) else {
                return [.string("no module '\(name)' in \(searchPath.summary)")]
            }
            // The compiled chunk stays on the stack: values a function leaves above its arguments
            // are its first results, so require gets (loader, path).
            try self.compile(module.source, chunkName: "@" + module.path, on: arguments.thread)
            return [.string(module.path)]
        }
        try ensureStack(2, on: L)
        guard coprod_push_swift_function(L, Int32(id)) == LUA_OK, coprod_add_searcher(L) == LUA_OK else {
            let message = readMessage(at: -1, on: L)
            lua_settop(L, 0)
            throw LuaError(.runtime, "cannot install the module searcher: \(message)")
        }
    }
}

/// Stops a running script from another thread or a signal handler.
public struct LuaInterruptHandle: @unchecked Sendable {
    // Only the host's sig_atomic_t flag is written through this pointer.
    let host: UnsafeMutableRawPointer

    public func interrupt() { coprod_host_interrupt(OpaquePointer(host)) }
}

extension LuaState {
    /// Reads a script file, or throws an error naming the file and the reason.
    public static func readScript(_ path: String) throws(LuaError) -> [UInt8] {
        try ModuleSearchPath.read(path)
    }

    /// Flushes what scripts printed to standard output (the default print sink is buffered).
    /// Returns why a write to it failed (the system's words), if one ever did: output lost to a
    /// full disk must not look like success.
    @discardableResult
    public static func flushStandardOutput() -> String? {
        let error = coprod_stdout_flush()
        return error == 0 ? nil : String(cString: strerror(error))
    }

    /// Whether a write to standard output has failed, so that a long output can stop early.
    public static var standardOutputFailed: Bool { coprod_stdout_failed() != 0 }

    /// Writes to the same buffered standard output that `print` uses, so the two never interleave
    /// out of order.
    public static func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) {
        coprod_stdout_write(bytes.baseAddress, bytes.count)
    }

    /// Makes Ctrl-C (SIGINT) interrupt what this state is running, for an interactive session.
    public func interruptOnControlC() { coprod_sigint_install(host) }

    /// Whether Ctrl-C was pressed since the last call (it is then forgotten).
    public static func takeControlC() -> Bool { coprod_sigint_take() != 0 }

    /// Whether standard output is a terminal (for colour).
    public static var standardOutputIsTerminal: Bool { isatty(1) != 0 }
}
