import Foundation
import Testing

/// Texts in coprod's Markdown (show, evaluate, batch reports, summary.md) are escaped where a
/// renderer would read them as markup: "(ids <principle>.action)" was an HTML tag, dropped, and an
/// organisation "A | B <Ltd>" lost "<Ltd>" from its heading. The plain text keeps them as written.
@Suite("Markdown keeps texts as written", .timeLimit(.minutes(2)))
struct MarkdownTextTests {
    /// involvement-audit.lua's second note.
    static let note = "The cover sheet's \"five things which will help us to improve the most\" are one free-text action per "
        + "principle (ids <principle>.action)."

    @Test func showEscapesTheFrameworksTexts() throws {
        let markdown = try runCoprod(["show", "involvement-audit", "--format", "markdown"])
        #expect(markdown.standardOutput.contains("\n- " + Self.note.replacingOccurrences(of: "<principle>", with: "\\<principle\\>")),
                "\(markdown.standardOutput.suffix(2000))")
        // Not over-escaped: "&" before a space begins no character reference.
        #expect(markdown.standardOutput.hasPrefix("# Co-production & Involvement Audit\n"))
        let text = try runCoprod(["show", "involvement-audit"])
        #expect(text.standardOutput.contains("\n- " + Self.note), "\(text.standardOutput.suffix(2000))")
        #expect(!text.standardOutput.contains("\\"))
    }

    /// Worked by hand from Tests/CoprodCLITests/Fixtures/mini-audit.lua: "A | B <Ltd>" has staff
    /// 4, 4, 4 / 2, 2, 2 and "carer | parent" 2, 2, 2 / 4, 4, 4, so each section is 3, and the two
    /// roles 2 apart, more than a quarter of the 1-5 scale; River answers 1 throughout.
    static let input = "organisation,role,assets.1,assets.2,assets.3,networks.1,networks.2,networks.3,assets.reflect\n"
        + "\"A | B <Ltd>\",staff,4,4,4,2,2,2,\"Use <b>bold</b> & *stars*\"\n"
        + "\"A | B <Ltd>\",carer | parent,2,2,2,4,4,4,\n"
        + "River,staff,1,1,1,1,1,1,\n"

    static let report = """
        # A | B \\<Ltd\\>

        *Mini audit* · 2 respondents

        | Section | Score | carer \\| parent | staff | Answered |
        |---|---|---|---|---|
        | Assets | 3 | 2 | 4 | 3/3 |
        | Networks | 3 | 4 | 2 | 3/3 |
        | **Overall** | **3** |  |  | 6/6 |

        ## Where roles see things differently

        - **Assets**: carer | parent 2, staff 4
        - **Networks**: carer | parent 4, staff 2

        """

    static let ownWords = "**Assets: What would help you to improve in this area?**\n\n> Use \\<b\\>bold\\</b\\> & \\*stars\\* — staff\n"

    @Test func evaluateEscapesNamesRolesAndWhatWasWritten() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("named.csv")
        try Data(Self.input.utf8).write(to: input)
        let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
        let evaluated = try runCoprod(["evaluate", "mini-audit", input.path, "--path", fixtures, "--format", "md"])
        #expect(evaluated.status == 0, "\(evaluated.standardError)")
        #expect(evaluated.standardOutput.hasPrefix(Self.report), "\(evaluated.standardOutput)")
        #expect(evaluated.standardOutput.contains(Self.ownWords), "\(evaluated.standardOutput)")
    }

    @Test func batchReportsAndSummaryEscapeNames() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("named.csv")
        try Data(Self.input.utf8).write(to: input)
        let out = directory.appendingPathComponent("out")
        let fixtures = packageRoot.appendingPathComponent("Tests/CoprodCLITests/Fixtures").path
        let batch = try runCoprod(["batch", "mini-audit", input.path, "--path", fixtures, "--out", out.path, "--reports", "md", "--quiet"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let report = try String(contentsOf: out.appendingPathComponent("reports/A---B--Ltd-.md"), encoding: .utf8)
        #expect(report.hasPrefix(Self.report), "\(report)")
        #expect(report.contains(Self.ownWords), "\(report)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("""
            - **Assets**: strongest A | B \\<Ltd\\> (3), River (1); weakest River (1), A | B \\<Ltd\\> (3)
            - **Networks**: strongest A | B \\<Ltd\\> (3), River (1); weakest River (1), A | B \\<Ltd\\> (3)

            ## Where roles disagree most

            - A | B \\<Ltd\\>, Assets: carer | parent 2, staff 4
            - A | B \\<Ltd\\>, Networks: carer | parent 4, staff 2

            """), "\(summary)")
    }
}
