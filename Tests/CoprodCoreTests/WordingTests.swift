import CoprodCore
import Testing

@Suite("Counts and durations as a person reads them")
struct WordingTests {
    @Test func countsAreGroupedByThousands() {
        #expect(grouped(0) == "0")
        #expect(grouped(999) == "999")
        #expect(grouped(1000) == "1,000")
        #expect(grouped(267_468) == "267,468")
        #expect(grouped(1_000_000) == "1,000,000")
        #expect(grouped(-12_345) == "-12,345")
        #expect(counted(1, "row") == "1 row")
        #expect(counted(2, "organisation") == "2 organisations")
        #expect(counted(30_000, "row") == "30,000 rows")
    }

    @Test func durationsAreRoundedUpToWholeSeconds() {
        #expect(spokenDuration(0) == "0 s")
        #expect(spokenDuration(0.2) == "1 s")
        #expect(spokenDuration(58.5) == "59 s")
        #expect(spokenDuration(59.5) == "1 min 00 s")
        #expect(spokenDuration(60) == "1 min 00 s")
        #expect(spokenDuration(185) == "3 min 05 s")
        #expect(spokenDuration(3600) == "1 h 00 min")
        #expect(spokenDuration(3725) == "1 h 02 min")
        #expect(spokenDuration(.infinity) == "over 100 h")
    }
}
