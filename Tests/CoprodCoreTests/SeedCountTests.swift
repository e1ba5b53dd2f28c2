import CoprodCore
import Testing

/// Every shipped framework loads, and holds as many indicators as its seed.
@Suite("The five seed frameworks")
struct SeedCountTests {
    @Test func allFiveAreBuiltIn() {
        #expect(FrameworkCatalog.builtInIDs == ["inclusive-practice", "involvement-audit", "project-checklist", "quality-standards", "trauma-responsive"])
    }

    @Test("indicator counts against the seeds", arguments: [
        ("quality-standards", 36), ("involvement-audit", 15), ("project-checklist", 38), ("trauma-responsive", 97),
    ])
    func counts(_ id: String, _ indicators: Int) throws {
        #expect(try loadFramework(id).0.indicators.count == indicators)
    }

    @Test func inclusivePracticeHasTwentyFiveStatements() throws {
        #expect(try loadFramework("inclusive-practice").0.sections.flatMap(\.feelings).count == 25)
    }
}
