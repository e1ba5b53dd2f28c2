import Foundation

extension FrameworkCatalog {
    /// A framework as `coprod frameworks` lists it: what to load, and where it comes from.
    public struct Listed: Sendable, Equatable {
        /// The id it is found by: a file's name without `.lua`, or a built-in id.
        public var id: String
        /// The file it is read from; nil for a framework built into coprod.
        public var file: String?
        /// Whether the file is used instead of the built-in framework with the same id.
        public var replacesBuiltIn: Bool

        /// What `load` takes to load exactly this one.
        public var reference: String { file ?? id }

        /// Where it comes from, in listings: "built in", or its file, noting one that replaces a
        /// built-in framework.
        public var from: String {
            file.map { $0 + (replacesBuiltIn ? " (replaces the built-in)" : "") } ?? "built in"
        }
    }

    /// Each id once, as loading it by id finds it: an `ID.lua` in an earlier directory before one
    /// in a later directory, and either before the built-in framework, which it then replaces. The
    /// built-in ids come first, in order, then the other files, directory by directory.
    public var listing: [Listed] {
        var local: [Listed] = []
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files.filter({ $0.hasSuffix(".lua") }).sorted() {
                let id = String(file.dropLast(".lua".count))
                guard !local.contains(where: { $0.id == id }) else { continue }
                local.append(Listed(id: id, file: "\(directory)/\(file)",
                                    replacesBuiltIn: embeddedLuaModules["frameworks." + id] != nil))
            }
        }
        let builtIn = FrameworkCatalog.builtInIDs.map { id in
            local.first { $0.id == id } ?? Listed(id: id, file: nil, replacesBuiltIn: false)
        }
        return builtIn + local.filter { !$0.replacesBuiltIn }
    }
}
