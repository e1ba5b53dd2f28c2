import CoprodCore
import CoprodIO
import LuaHost

/// How a host function behind one of the API's Lua functions fails. Raised from the host
/// function, an error would name the line of the API's own code that called it
/// (`(coprod explore):34:`), not the line the user wrote; so the failure is returned instead, and
/// the API's Lua function raises it at its caller's line with `error(message, 2)`.
enum CallerError {
    /// `body`'s values; or, when it fails, nil, the message, and whether the message names a
    /// place of its own (a line of a framework file), to be raised as it is. A limit that stopped
    /// the script is not a failure to report: it is raised.
    static func returned(_ body: () throws -> [LuaValue]) throws -> [LuaValue] {
        do {
            return try body()
        } catch let error as LuaError {
            if case .limit = error.kind { throw error }
            return failure(error.located, located: error.line != nil)
        } catch let error as FrameworkError {
            return failure(error.description, located: error.file != nil)
        } catch let error as InputError {
            return failure(error.message, located: false)
        }
    }

    static func failure(_ message: String, located: Bool) -> [LuaValue] {
        [.nil, .string(message), .boolean(located)]
    }
}
