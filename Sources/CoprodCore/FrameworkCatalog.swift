import Foundation
import LuaHost

/// Finds frameworks by id or path: the ones built into coprod, and `.lua` files in the search
/// path (`--path`, `COPROD_PATH`), which a local area uses for its own or adapted frameworks.
public struct FrameworkCatalog: Sendable {
    /// Directories searched for `ID.lua`, before the built-in frameworks.
    public var directories: [String]

    public init(directories: [String] = []) {
        self.directories = directories
    }

    /// The search path for `require`: the directories, then the built-in Lua modules.
    public var searchPath: ModuleSearchPath {
        ModuleSearchPath(directories: directories, builtIn: embeddedLuaModules)
    }

    /// Ids of the frameworks built into coprod, sorted.
    public static var builtInIDs: [String] {
        embeddedLuaModules.keys.filter { $0.hasPrefix("frameworks.") }.map { String($0.dropFirst("frameworks.".count)) }.sorted()
    }

    /// A fresh sandboxed state that can load frameworks.
    public func makeState(limits: LuaLimits = .default, print: LuaState.PrintSink? = nil) throws(FrameworkError) -> LuaState {
        do {
            return try LuaState(limits: limits, searchPath: searchPath, print: print)
        } catch {
            throw FrameworkError(error)
        }
    }

    /// Loads FRAMEWORK, which is a path to a `.lua` file (it contains `/` or ends in `.lua`) or an
    /// id looked up in the directories and then among the built-in frameworks. A file's framework
    /// must have the file's name as its id: it is found by that name, and merged by its id.
    public func load(_ reference: String, in state: LuaState) throws(FrameworkError) -> Framework {
        let (source, chunkName, origin) = try locate(reference)
        let file = (chunkName.dropFirst() as Substring).split(separator: "/").last ?? ""
        let fileID = file.hasSuffix(".lua") ? String(file.dropLast(".lua".count)) : nil
        let folder = (String(chunkName.dropFirst()) as NSString).deletingLastPathComponent
        let inFolder = directories.contains(folder)
        do {
            return try FrameworkLoader.load(source: source, chunkName: chunkName, origin: origin, fileID: fileID, inFolder: inFolder, in: state)
        } catch {
            throw FrameworkCatalog.withFolderHint(error, folder: folder, searched: inFolder || origin == "(built-in)")
        }
    }

    /// A framework given by its path that requires a module beside it: its own folder is not
    /// searched unless given with --path, which the message then says.
    private static func withFolderHint(_ error: FrameworkError, folder: String, searched: Bool) -> FrameworkError {
        guard !searched, let range = error.message.range(of: #"module '[A-Za-z0-9_.-]+' not found"#, options: .regularExpression) else {
            return error
        }
        let name = error.message[range].dropFirst("module '".count).prefix { $0 != "'" }
        let relative = name.split(separator: ".").joined(separator: "/")
        let base = folder.isEmpty ? "." : folder
        guard let found = ["\(base)/\(relative).lua", "\(base)/\(relative)/init.lua"].first(where: { FileManager.default.fileExists(atPath: $0) })
        else { return error }
        var hinted = error
        hinted.message += "\n\t\(found) is there, but a framework's own folder is searched only when given: add --path \(base)"
        return hinted
    }

    func locate(_ reference: String) throws(FrameworkError) -> (source: [UInt8], chunkName: String, origin: String) {
        if reference.contains("/") || reference.hasSuffix(".lua") {
            do {
                return (try LuaState.readScript(reference), "@" + reference, reference)
            } catch {
                // "involvement-audit.lua" for the id: a file name that is not here but names a framework.
                let name = String(reference.dropLast(".lua".count))
                if !reference.contains("/"), reference.hasSuffix(".lua"), listing.contains(where: { $0.id == name }) {
                    throw FrameworkError("\(error.message): to use the framework '\(name)', give its id, without .lua")
                }
                throw FrameworkError(error.message)
            }
        }
        for directory in directories {
            let path = "\(directory)/\(reference).lua"
            if let source = try? LuaState.readScript(path) { return (source, "@" + path, path) }
        }
        if let source = embeddedLuaModules["frameworks." + reference] {
            return (Array(source.utf8), "@Frameworks/\(reference).lua", "(built-in)")
        }
        let known = FrameworkCatalog.builtInIDs.joined(separator: ", ")
        let meant = closestName(to: reference, among: listing.map(\.id)).map { " (did you mean '\($0)'?)" }
        // --path is checked as it is given; COPROD_PATH is set once and may have gone stale.
        let stale = FrameworkCatalog.notFolders(directories).map { " (\($0): check COPROD_PATH)" } ?? ""
        throw FrameworkError("no framework '\(reference)'\(meant ?? ""): give a built-in id (\(known)), an id found in --path or COPROD_PATH, or a path to a .lua file\(stale)")
    }

    /// What is wrong with the search path's entries that are not folders ("/x does not exist,
    /// /y is not a folder"); nil when all are folders.
    static func notFolders(_ directories: [String]) -> String? {
        let problems = directories.compactMap { path in ModuleSearchPath.notAFolder(path).map { "\(path) \($0)" } }
        return problems.isEmpty ? nil : problems.joined(separator: ", ")
    }
}
