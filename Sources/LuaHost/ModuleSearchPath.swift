#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `require` finds modules: directories (from `--path` and `COPROD_PATH`) and modules built
/// into the binary. Only module names are accepted (`my-area.scoring`), never paths, so a script
/// cannot reach a file outside these places.
public struct ModuleSearchPath: Sendable {
    /// Searched in order: `a.b` is `DIR/a/b.lua` or `DIR/a/b/init.lua`.
    public var directories: [String]
    /// Source of modules shipped inside the binary, by module name; searched after `directories`,
    /// so a local area can replace a built-in module with its own.
    public var builtIn: [String: String]

    public init(directories: [String] = [], builtIn: [String: String] = [:]) {
        self.directories = directories
        self.builtIn = builtIn
    }

    /// The directories named by a `COPROD_PATH`-style value (separated by `:`; empty parts skipped).
    public static func directories(fromEnvironmentValue value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init)
    }

    /// Letters, digits, `_` and `-`, in parts separated by single dots.
    public static func isValidModuleName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || (byte >= 48 && byte <= 57)
                    || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
            }
        }
    }

    /// The module's source and the path it was found at, or nil when no place has it.
    func find(_ name: String) throws(LuaError) -> (source: [UInt8], path: String)? {
        guard ModuleSearchPath.isValidModuleName(name) else {
            throw LuaError(.module, """
                module name '\(name)' is not allowed: require takes a module name such as \
                'my-area.scoring' (letters, digits, '_' and '-', parts separated by '.'), never a path
                """)
        }
        let relative = name.split(separator: ".").joined(separator: "/")
        for directory in directories {
            for candidate in ["\(directory)/\(relative).lua", "\(directory)/\(relative)/init.lua"]
            where ModuleSearchPath.isRegularFile(candidate) {
                return (try ModuleSearchPath.read(candidate), candidate)
            }
        }
        if let source = builtIn[name] { return (Array(source.utf8), "(built-in)/\(relative).lua") }
        return nil
    }

    /// Where the search looked, for "module not found" messages.
    var summary: String {
        var places = directories.map { directory in
            "'\(directory)'" + (ModuleSearchPath.notAFolder(directory).map { " (which \($0))" } ?? "")
        }
        if !builtIn.isEmpty { places.append("the built-in modules") }
        return places.isEmpty ? "the search path (empty: add directories with --path or COPROD_PATH)"
            : places.joined(separator: ", ")
    }

    /// Why `directory` cannot be searched ("does not exist", "is not a folder"); nil for a
    /// folder. A place in the search path is named so wherever nothing was found in it.
    public static func notAFolder(_ directory: String) -> String? {
        var status = stat()
        guard stat(directory, &status) == 0 else { return "does not exist" }
        return (status.st_mode & S_IFMT) == S_IFDIR ? nil : "is not a folder"
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Reads a whole file, or throws an error naming it and the reason.
    static func read(_ path: String) throws(LuaError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw LuaError(.module, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw LuaError(.module, "cannot read \(path): \(String(cString: strerror(errno)))")
                }
                return bytes
            }
        }
    }
}
