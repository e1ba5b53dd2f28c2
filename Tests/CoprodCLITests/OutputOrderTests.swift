import Foundation
import Testing

@Suite("Standard output and standard error in one file", .timeLimit(.minutes(2)))
struct OutputOrderTests {
    /// `coprod evaluate … > log 2>&1`: the report, then the closing line, not the line inside
    /// the report where the buffer of standard output happened to be written.
    @Test func theClosingLineComesAfterTheReport() async throws {
        let apart = try await runCoprodConcurrently(["evaluate", "involvement-audit", "Examples/involvement-audit.csv"])
        #expect(apart.status == 0)
        #expect(apart.standardError == "coprod: 6 rows read: 6 evaluated for 3 organisations, 0 rejected\n")
        let together = try await runCoprodConcurrently(["evaluate", "involvement-audit", "Examples/involvement-audit.csv"], mergingStandardError: true)
        #expect(together.status == 0)
        #expect(together.standardOutput == apart.standardOutput + apart.standardError)
    }

    /// What `-e` printed comes before the error about the script that could not be opened.
    @Test func aScriptsOutputComesBeforeTheNextError() async throws {
        let result = try await runCoprodConcurrently(["lua", "-e", "print('before')", "/nonexistent/script.lua"], mergingStandardError: true)
        #expect(result.status == 2)
        #expect(result.standardOutput == "before\ncoprod: cannot open /nonexistent/script.lua: No such file or directory\n")
    }
}
