/// `:help` and its topics.
enum ReplHelp {
    static func text(topic: String) -> String {
        switch topic {
        case "api":
            let width = ExploreAPI.functions.map(\.name.count).max() ?? 0
            return "The exploring API (also in `coprod lua` scripts):\n"
                + ExploreAPI.functions.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary }
                    .joined(separator: "\n") + "\n"
        case "examples":
            return """
                Examples, with `coprod repl involvement-audit Examples/involvement-audit.csv`:
                  results:bottom(3, "relationships")          -- the three weakest on a principle
                  results:compare("staff", "service user")[1] -- the biggest staff / service-user gap
                  results:filter(function(r) return r.values.assets > 4 end):names()
                  results:summary().networks                  -- count, mean, quartiles
                  results:bottom(3, "relationships"):write_csv("weakest.csv")

                """
        case "keys":
            return """
                Keys: Tab completes globals, fields and methods; Up and Down walk the history (kept in
                ~/.coprod_history); Ctrl-C stops a running chunk, or a half-typed one; Ctrl-C twice at an
                empty prompt, Ctrl-D or :quit leaves.

                """
        default:
            return """
                Type Lua: an expression prints its value (`1 + 1`, `results`), a statement runs. A chunk
                that is not finished (`function f(n)`) continues on the next line.

                Commands:
                  :help [api|examples|keys]  this help, or a topic
                  :load FILE                 run a Lua file in this session
                  :frameworks                the frameworks: built in and in --path
                  :show ID                   a framework, every text
                  :reset                     a fresh session (the framework and inputs loaded again)
                  :quit                      leave (or Ctrl-D)

                Started with a framework and inputs, the session has `framework` and `results`.

                """
        }
    }
}
