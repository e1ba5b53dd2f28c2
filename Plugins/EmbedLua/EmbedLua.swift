import Foundation
import PackagePlugin

/// Embeds the package's Lua into the target that uses this plugin, so an installed `coprod` needs
/// no files beside it: every `Frameworks/*.lua` (as module `frameworks.<name>`) and every `.lua`
/// file under the target's `Lua/` folder (`Lua/coprod/language.lua` is module `coprod.language`).
/// The generator compiles each file first, so a Lua syntax error fails the build with file:line.
@main
struct EmbedLua: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        var modules: [(name: String, file: URL)] = []
        let frameworks = context.package.directoryURL.appendingPathComponent("Frameworks")
        for file in try luaFiles(under: frameworks) where file.deletingLastPathComponent() == frameworks {
            modules.append(("frameworks." + file.deletingPathExtension().lastPathComponent, file))
        }
        let library = target.directoryURL.appendingPathComponent("Lua")
        for file in try luaFiles(under: library) {
            let relative = file.path.dropFirst(library.path.count + 1).dropLast(".lua".count)
            modules.append((relative.replacingOccurrences(of: "/", with: "."), file))
        }
        // The generator lists the two folders itself when it runs, so a file added after the
        // build was planned is still embedded; the folders are inputs so that adding one reruns it.
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedLua.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(modules.count) Lua files into \(target.name)",
                executable: try context.tool(named: "coprod-embed-lua").url,
                arguments: [output.path, "--frameworks", frameworks.path, "--library", library.path],
                inputFiles: modules.map(\.file) + [frameworks, library],
                outputFiles: [output]
            )
        ]
    }

    private func luaFiles(under directory: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "lua" }
            .map { $0.standardizedFileURL }
            .sorted { $0.path < $1.path }
    }
}
