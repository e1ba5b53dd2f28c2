import CoprodCore
import Testing

/// Names one organisation may be typed under, which coprod keeps apart and warns of.
@Suite("Organisation names that differ only in how they were typed")
struct SimilarNamesTests {
    @Test func namesFoldByCaseSpacesAccentsAndPunctuation() {
        #expect(SimilarNames.folded("Riverside  Housing") == "riversidehousing")
        #expect(SimilarNames.folded("St Mary’s C.I.C.") == "stmaryscic")
        #expect(SimilarNames.folded("Café – Hill-Top") == "cafehilltop")
        #expect(SimilarNames.folded("Cafe\u{0301}") == "cafe")
        #expect(SimilarNames.folded("Riverside Care") != SimilarNames.folded("Riverside Housing"))
    }

    /// The key the batch's first pass takes from a name's bytes is the hash of its folded form,
    /// whichever way the name is written, ASCII or not.
    @Test(arguments: [("Riverside Housing", "riverside  housing"), ("St Mary's", "St Mary’s"), ("Café", "CAFE"), ("Cafe\u{0301}", "cafe")])
    func foldedAlikeIsKeyedAlike(first: String, second: String) {
        #expect(SimilarNames.key(first) == SimilarNames.key(second))
        #expect(SimilarNames.key(first) != SimilarNames.key("Another Name"))
    }

    /// A group of more than five spellings shows five, and how many more.
    @Test func aLargeGroupIsShownByItsFirstFive() {
        let names = ["River Side", "river side", "RIVER SIDE", "River-Side", "River.Side", "riverside", "RiverSide"]
        #expect(SimilarNames.groups(names) == [names])
        #expect(SimilarNames.warning([names])
            == "names that differ only in case, spaces, accents or punctuation were evaluated as different organisations: "
            + "'River Side', 'river side', 'RIVER SIDE', 'River-Side', 'River.Side' and 2 more "
            + "(if each is one organisation, write its name the same way in every row and run again)")
    }

    @Test func groupsAreOfTwoOrMoreSpellingsInTheOrderGiven() {
        let names = ["Riverside Housing", "Hill Trust", "St Mary's", "riverside  housing", "St Mary’s", "Caf\u{00E9}", "Cafe\u{0301}", "RIVERSIDE HOUSING"]
        // Café in one code point or two is one organisation already (equal as text).
        #expect(SimilarNames.groups(names) == [["Riverside Housing", "riverside  housing", "RIVERSIDE HOUSING"], ["St Mary's", "St Mary’s"]])
        #expect(SimilarNames.warning([["A", "a"], ["B", "b"]], shown: 1)
            == "names that differ only in case, spaces, accents or punctuation were evaluated as different organisations: 'A' and 'a'; "
            + "and 1 more group (if each is one organisation, write its name the same way in every row and run again)")
    }
}
