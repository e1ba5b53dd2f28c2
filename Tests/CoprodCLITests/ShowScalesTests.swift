import Foundation
import Testing

/// `coprod show` prints the words a framework gives its scale's points once, after the guidance:
/// the audit's guidance says "in accordance with the following guidelines:", which are its
/// scale's meanings, and show left them out in every format.
@Suite("show prints each scale's words", .timeLimit(.minutes(2)))
struct ShowScalesTests {
    /// involvement-audit.lua: `labels` and `meanings` of its 1-5 scale, word for word.
    static let auditScale = """
        - 1 No action yet — You haven't taken action yet.
        - 2 Made a start — You have made a start.
        - 3 Making progress — You have made progress on several fronts.
        - 4 Doing really well — You are doing really well in some areas, but not all.
        - 5 Doing as well as you can — You are doing as well you can be everywhere.
        """

    @Test func theAuditsGuidelinesFollowItsGuidance() throws {
        let markdown = try runCoprod(["show", "involvement-audit", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.standardError)")
        #expect(markdown.standardOutput.contains("""
            - Sign and date the Cover Sheet, and store it somewhere safe!

            ## The 1-5 scale

            \(Self.auditScale)

            ## Assets
            """), "\(markdown.standardOutput.prefix(4000))")
        let text = try runCoprod(["show", "involvement-audit"])
        #expect(text.standardOutput.contains("\nTHE 1-5 SCALE\n\n\(Self.auditScale)\n\nASSETS\n"), "\(text.standardOutput.prefix(4000))")
        // Once for the scale, not with each of the fifteen statements.
        #expect(text.standardOutput.components(separatedBy: "You haven't taken action yet.").count == 2)

        let json = try runCoprod(["show", "involvement-audit", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let scales = try #require(object["scales"] as? [[String: Any]])
        #expect(scales.count == 1)
        #expect(scales[0]["name"] as? String == "the 1-5 scale")
        #expect(scales[0]["sections"] as? [String] == ["assets", "networks", "outcomes", "relationships", "catalysts"])
        let points = try #require(scales[0]["points"] as? [[String: Any]])
        #expect(points.map { $0["point"] as? Int } == [1, 2, 3, 4, 5])
        #expect(points.map { $0["label"] as? String } == ["No action yet", "Made a start", "Making progress", "Doing really well",
                                                            "Doing as well as you can"])
        #expect(points.map { $0["meaning"] as? String } == ["You haven't taken action yet.", "You have made a start.",
                                                              "You have made progress on several fronts.",
                                                              "You are doing really well in some areas, but not all.",
                                                              "You are doing as well you can be everywhere."])
    }

    /// The other built-in frameworks: inclusive-practice's anchors, trauma-responsive's labels;
    /// the tiers, checklist answers and figures have no words of their own to print.
    @Test func theOtherFrameworksScales() throws {
        let inclusive = try runCoprod(["show", "inclusive-practice", "--format", "markdown"])
        #expect(inclusive.standardOutput.contains("\n## The 0-10 scale\n\n- 0 Not Great\n- 5 OK\n- 10 Great\n\n## WELCOME & CARE\n"),
                "\(inclusive.standardOutput.prefix(5000))")
        let trauma = try runCoprod(["show", "trauma-responsive", "--format", "markdown"])
        #expect(trauma.standardOutput.contains("\n## The 1-4 scale\n\n- 1 Not yet met\n- 2 Partly met\n- 3 Mostly met\n- 4 Fully met\n\n## Collaborative\n"),
                "\(trauma.standardOutput.prefix(5000))")
        for id in ["project-checklist", "quality-standards"] {
            let shown = try runCoprod(["show", id, "--format", "markdown"])
            #expect(!shown.standardOutput.contains("scale\n"), "\(id)")
        }
        let json = try runCoprod(["show", "trauma-responsive", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let scales = try #require(object["scales"] as? [[String: Any]])
        #expect(scales.map { $0["accepted"] as? String } == ["a whole number from 1 to 4 or Not yet met, Partly met, Mostly met, Fully met",
                                                              "yes, partly, no, n/a", "a number of hours"])
        #expect(scales.map { ($0["points"] as? [Any])?.count } == [4, 0, 0])
        #expect(scales.map { $0["sections"] as? [String] } == [["collaborative", "supportive", "responsive", "reflective"],
                                                                ["collaborative", "supportive"], ["responsive"]])
    }

    /// A scale that only some sections use names them; meanings without labels are printed too.
    @Test func aSectionsOwnScaleSaysWhereItIsUsed() throws {
        let directory = try newTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("two-scales.lua")
        try Data("""
            return framework {
              id = "two-scales", title = "Two scales",
              scale = ordinal { min = 1, max = 3, labels = { "Low", "Middle", "High" } },
              section "first" { title = "First", statement "first.1" "One." },
              section "second" { title = "Second",
                scale = ordinal { min = 1, max = 2, meanings = { "Not yet.", "Done." } },
                statement "second.1" "Two.",
              },
              section "third" { title = "Third", statement "third.1" "Three." },
            }
            """.utf8).write(to: file)
        let shown = try runCoprod(["show", file.path, "--format", "markdown"])
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("""
            ## The 1-3 scale

            For First, Third:

            - 1 Low
            - 2 Middle
            - 3 High

            ## The 1-2 scale

            For Second:

            - 1 — Not yet.
            - 2 — Done.

            ## First
            """), "\(shown.standardOutput)")
    }
}
