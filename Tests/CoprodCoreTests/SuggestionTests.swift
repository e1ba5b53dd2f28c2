import CoprodCore
import Testing

@Suite("Suggesting the name a user meant")
struct SuggestionTests {
    private let ids = ["inclusive-practice", "involvement-audit", "project-checklist", "quality-standards", "trauma-responsive"]

    @Test func aFewTypingMistakesFindTheName() {
        #expect(closestName(to: "involvment-audit", among: ids) == "involvement-audit")      // one left out
        #expect(closestName(to: "involvemnet-audit", among: ids) == "involvement-audit")     // two swapped
        #expect(closestName(to: "Quality-Standard", among: ids) == "quality-standards")      // case, and one left out
        #expect(closestName(to: "asset.1", among: ["assets.1", "assets.2", "networks.1"]) == "assets.1")
    }

    @Test func tooFarOrTooShortFindsNothing() {
        #expect(closestName(to: "qs", among: ids) == nil)
        #expect(closestName(to: "audit", among: ids) == nil)
        #expect(closestName(to: "colour", among: ["assets.1", "role", "date"]) == nil)
        #expect(closestName(to: "anything", among: []) == nil)
    }

    @Test func aLongNameMayBeFurtherOff() {
        // A statement's text with two apostrophes, a comma and a full stop left out: four
        // mistakes in 95 characters.
        let statement = "You demonstrate that you value everyone's contribution, and you ensure everyone's voice is heard."
        let typed = "You demonstrate that you value everyones contribution and you ensure everyones voice is heard"
        #expect(closestName(to: typed, among: [statement, "You acknowledge that everyone has skills."]) == statement)
    }
}
