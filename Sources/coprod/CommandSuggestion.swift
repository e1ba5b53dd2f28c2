import ArgumentParser
import CoprodCore

extension Coprod {
    /// Why the first argument is not a command, with the nearest one: swift-argument-parser
    /// suggests the nearest option for a misspelt one, but a misspelt command ("evalute") is
    /// only "3 unexpected arguments". Nil when the first argument is an option or a command.
    static func unknownCommand(in arguments: [String]) -> ValidationError? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        // "help" is swift-argument-parser's own: `coprod help evaluate`.
        let commands = configuration.subcommands.map { $0._commandName } + ["help"]
        if commands.contains(first) { return nil }
        if let meant = closestName(to: first, among: commands) {
            return ValidationError("Unknown command '\(first)'. Did you mean '\(meant)'?")
        }
        if FrameworkCatalog.builtInIDs.contains(first) {
            return ValidationError("Unknown command '\(first)', which is a framework: give the command first, as in `coprod evaluate \(first) INPUT...`.")
        }
        return ValidationError("Unknown command '\(first)'.")
    }
}
