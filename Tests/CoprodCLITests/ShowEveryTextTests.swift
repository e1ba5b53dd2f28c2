import Foundation
import Testing

/// `coprod show` prints the whole framework, every text: the texts it left out of one format or
/// another (a section's label and a ratio's counts in JSON, the source in text and Markdown, a
/// scale's meanings in all three), and then every text of each built-in framework file.
@Suite("show prints every text of a framework", .timeLimit(.minutes(2)))
struct ShowEveryTextTests {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let shown = try runCoprod(arguments)
        #expect(shown.status == 0, "\(shown.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])
    }

    /// quality-standards.lua: `label = "1. Equality, Inclusion and Diversity"`; project-checklist.lua's
    /// board.non-professionals: `numerator = "Non-professional members of the Board"`, `denominator = "Members
    /// of the Board"`, `at_least = 0.30`, and board.casting-vote's `must_be = "no"`; its `source`.
    @Test func textsOneFormatLeftOut() throws {
        let quality = try json(["show", "quality-standards", "--format", "json"])
        let sections = try #require(quality["sections"] as? [[String: Any]])
        #expect(sections.first?["label"] as? String == "1. Equality, Inclusion and Diversity")
        let checklist = try json(["show", "project-checklist", "--format", "json"])
        let board = try #require((checklist["sections"] as? [[String: Any]])?.first { $0["id"] as? String == "board" })
        let elements = try #require(board["elements"] as? [[String: Any]])
        let share = try #require(elements.first { $0["id"] as? String == "board.non-professionals" })
        #expect(share["numerator"] as? String == "Non-professional members of the Board")
        #expect(share["denominator"] as? String == "Members of the Board")
        #expect(share["at_least"] as? Double == 0.3)
        #expect(elements.first { $0["id"] as? String == "board.casting-vote" }?["must_be"] as? String == "no")
        for format in ["text", "markdown"] {
            let shown = try runCoprod(["show", "project-checklist", "--format", format])
            #expect(shown.standardOutput.contains("\n\nSource: seed 003: Checklist for Coproduction Notes\n\n"), "\(format)")
        }
    }

    /// A ratio without a bar still says what it counts, as one with a bar does.
    @Test func aRatioWithoutABarSaysWhatItCounts() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("counts.lua")
        try Data("""
            return framework {
              id = "counts", title = "Counts",
              section "board" { title = "Board",
                ratio "board.share" { text = "Who is on the board.", numerator = "Carers on the board", denominator = "Members" },
              },
            }
            """.utf8).write(to: file)
        let shown = try runCoprod(["show", file.path])
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("- board.share Who is on the board. — two whole counts such as 3/12 or 3 of 12, the first no more "
            + "than the second, or a percentage from 0 to 100 such as 25%\n  - Carers on the board / Members\n"), "\(shown.standardOutput)")
    }

    /// Every text in each built-in framework's table, as the framework language built it (read
    /// through `coprod lua`), is in show's JSON as it is written, and in its plain text (where
    /// headings are in capitals).
    @Test(arguments: ["involvement-audit", "inclusive-practice", "project-checklist", "quality-standards", "trauma-responsive"])
    func everyTextOfTheFileIsShown(id: String) throws {
        let walk = """
            local seen = {}
            local function walk(value, key)
              if type(value) == "string" then
                if key ~= "kind" and key ~= "type" and not seen[value] then seen[value] = true; print(value) end
              elseif type(value) == "table" then
                for k, v in pairs(value) do walk(v, tostring(k)) end
              end
            end
            walk(coprod.framework("\(id)"), "")
            """
        let listed = try runCoprod(["lua", "-e", walk])
        #expect(listed.status == 0, "\(listed.standardError)")
        let texts = listed.standardOutput.split(separator: "\n").map(String.init)
        #expect(texts.count > 90, "\(id): \(texts.count) texts")

        var inJSON: [String] = []
        func collect(_ value: Any) {
            if let text = value as? String { inJSON.append(text) }
            if let list = value as? [Any] { list.forEach(collect) }
            if let object = value as? [String: Any] { object.values.forEach(collect) }
        }
        collect(try json(["show", id, "--format", "json"]))
        let jsonTexts = Set(inJSON)
        let plain = try runCoprod(["show", id]).standardOutput.lowercased()
        for text in texts {
            // An id, a tier's name or an answer ("no") is in JSON as a value of its own or
            // inside what an indicator accepts.
            #expect(jsonTexts.contains(text) || inJSON.contains { $0.contains(text) }, "\(id): not in JSON: \(text)")
            #expect(plain.contains(text.lowercased()), "\(id): not in the text: \(text)")
        }
    }
}
