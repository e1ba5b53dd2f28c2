import CoprodCore
import Testing

/// Cases worked out by hand from seed 003's hard rules.
@Suite("Checklist for Coproduction (seed 003)")
struct ProjectChecklistTests {
    let framework: Framework
    init() throws { framework = try loadFramework("project-checklist").0 }

    @Test func fourPartsAndTheirItems() {
        #expect(framework.sections.map(\.title) == ["Project Scoping", "Management of Project using a Board",
                                                   "Management of Project – Overview Group", "The Project Team"])
        #expect(framework.sections.map(\.indicators.count) == [4, 11, 11, 12])
        #expect(framework.indicators.filter(\.must).map(\.id) == [
            "board.non-professionals", "board.6", "board.casting-vote", "board.9",
            "overview.non-professionals", "overview.10", "team.4",
        ])
    }

    /// A must-rule left blank is neither met nor failed: whether the organisation passes is not
    /// known, and it says which. One answered n/a does not apply, and a failure decides.
    @Test func aMustRuleLeftBlankLeavesPassingNotKnown() throws {
        let (results, _) = try evaluate(framework, csv: """
            organisation,board.non-professionals,overview.non-professionals,board.casting-vote,board.6,board.9,overview.10,team.4
            All,5/12,6 of 10,no,yes,yes,yes,yes
            Blank,5/12,,no,yes,yes,yes,yes
            NA,5/12,6 of 10,no,n/a,yes,yes,yes
            Fails,2/12,,no,yes,yes,yes,yes
            """)
        #expect(results.map(\.passed) == [true, nil, true, false])
        #expect(results[1].warnings.first == "whether it passes is not known: a must-rule has no answer (overview.non-professionals)")
        #expect(!results[3].warnings.contains { $0.hasPrefix("whether it passes") })
    }

    @Test func aBoardOfTwelveWithThreeNonProfessionalsFails() throws {
        let (results, _) = try evaluate(framework, csv: """
            organisation,board.non-professionals,overview.non-professionals,board.casting-vote
            Twelve,3/12,6 of 10,no
            Exactly,30%,60%,no
            """)
        // 3 / 12 = 25%, under 30%: the seed's own words, and the figures.
        #expect(results[0].failures.map(\.message) == [
            "Non-professionals must make up at least 30% of the Board to ensure the views of professionals are not an overwhelming force. (3 of 12 = 25%; at least 30% needed)",
        ])
        #expect(results[0].passed == false)
        #expect(results[0].nextSteps.first?.hasPrefix("Must: Non-professionals must make up at least 30% of the Board") == true)
        // At least 30% and at least 60% are met by exactly 30% and 60%.
        #expect(results[1].failures.isEmpty)
    }

    @Test func theOverviewGroupNeedsSixtyPercent() throws {
        let (results, _) = try evaluate(framework, csv: "organisation,overview.non-professionals\nFive of nine,5/9\n")
        #expect(results[0].failures.map(\.indicatorID) == ["overview.non-professionals"])
        #expect(results[0].failures.first?.message.contains("(5 of 9 = 55.56%; at least 60% needed)") == true)
    }

    @Test func aCastingVoteFailsTheChecklist() throws {
        let (results, _) = try evaluate(framework, csv: """
            organisation,role,board.casting-vote
            Team decides,staff,no
            Team decides,board,yes
            """)
        // One respondent says the project team has the casting vote: that is enough.
        #expect(results[0].failures.map(\.message) == ["If the project team has the casting vote, this is not coproduction. (answered: yes)"])
    }

    @Test func partsScoreTheShareMetWithPartlyAsHalf() throws {
        let (results, read) = try evaluate(framework, csv: try example("project-checklist.csv"))
        #expect(read.rejected.isEmpty)
        let greenLanes = results[0]
        // Scoping: yes, yes, yes and the least-met of partly / yes = (3 + 0.5) / 4.
        #expect(greenLanes.section("scoping")?.score == .share(0.875))
        // Board: ten met and board.3 partly: 10.5 / 11; 5 of 12 non-professionals passes 30%.
        #expect(approximately(greenLanes.section("board")?.score, 10.5 / 11))
        #expect(greenLanes.passed == true)
        #expect(results[1].failures.map(\.indicatorID) == ["board.non-professionals"])
        #expect(results[2].failures.map(\.indicatorID) == ["board.casting-vote"])
    }

    @Test func aRatioCannotHaveMoreMembersThanTheWhole() throws {
        let (_, read) = try evaluate(framework, csv: "organisation,board.non-professionals\nOdd,13/12\n", file: "c.csv")
        #expect(read.rejected.first?.reason == "'13/12' is not a ratio (accepted: two whole counts such as 3/12 or 3 of 12, the first no more than the second, or a percentage from 0 to 100 such as 25%; leave it empty for no answer)")
    }
}
