import CoprodCore
import Testing

/// How several respondents combine, as `Framework.combining` says and `coprod show` prints it, is
/// what the evaluator does: checked on each kind of answer the five frameworks use.
@Suite("several respondents combine by the rule show describes")
struct RespondentCombiningTests {
    @Test func eachFrameworkCombinesEachScaleByItsRule() throws {
        let expected: [String: [RespondentCombining]] = [
            // involvement-audit.lua leaves `combine` at its default, the mean.
            "involvement-audit": [.mean],
            // inclusive-practice.lua and trauma-responsive.lua set combine = "median".
            "inclusive-practice": [.median],
            "trauma-responsive": [.median, .leastMet, .median],
            // Checklist answers and ratios, whatever `combine` says.
            "project-checklist": [.leastMet, .lowest, .leastMet],
            "quality-standards": [.lowerMedian],
        ]
        for (id, rules) in expected {
            let (framework, _) = try loadFramework(id)
            var scales: [Scale] = []
            for indicator in framework.indicators where !scales.contains(indicator.scale) { scales.append(indicator.scale) }
            #expect(scales.map(framework.combining) == rules, "\(id)")
        }
    }

    /// The Board's 30% rule: 3/12 and 6/12 combine to 3/12 (25%), which fails; their mean,
    /// 37.5%, would pass.
    @Test func ratiosTakeTheLowestShare() throws {
        let (framework, _) = try loadFramework("project-checklist")
        let (results, _) = try evaluate(framework, csv: """
            organisation,role,board.non-professionals
            Riverside,staff,3/12
            Riverside,board,6/12
            """)
        #expect(results[0].indicator("board.non-professionals")?.score == .share(0.25))
        #expect(results[0].failures.map(\.indicatorID) == ["board.non-professionals"])
    }

    @Test func checklistAnswersTakeTheLeastMet() throws {
        let (framework, _) = try loadFramework("project-checklist")
        let (results, _) = try evaluate(framework, csv: """
            organisation,scoping.1,scoping.2,scoping.3
            Riverside,yes,n/a,n/a
            Riverside,partly,n/a,yes
            Riverside,yes,n/a,no
            """)
        #expect(results[0].indicator("scoping.1")?.answer == "partly")
        #expect(results[0].indicator("scoping.2")?.answer == "n/a")
        #expect(results[0].indicator("scoping.3")?.answer == "no")
    }

    /// bronze, gold, gold give gold; none, gold give none (the lower of the two middle tiers).
    @Test func tiersTakeTheLowerMedian() throws {
        let (framework, _) = try loadFramework("quality-standards")
        let (results, _) = try evaluate(framework, csv: """
            organisation,equality.1
            Three,bronze
            Three,gold
            Three,gold
            Two,none
            Two,gold
            """)
        #expect(results.first { $0.organisation == "Three" }?.indicator("equality.1")?.score == .tier(3, "gold"))
        #expect(results.first { $0.organisation == "Two" }?.indicator("equality.1")?.score == .tier(0, "none"))
    }

    @Test func pointsFollowTheFrameworksCombine() throws {
        // 1, 2 and 5: mean 8/3 in the Wales audit; median 2 on trauma-responsive's matrix (1-4: 1, 2, 4).
        let (audit, _) = try loadFramework("involvement-audit")
        let mean = try evaluate(audit, csv: "organisation,assets.1\nA,1\nA,2\nA,5\n").results
        #expect(mean[0].indicator("assets.1")?.score == .number(8.0 / 3))
        let (trauma, _) = try loadFramework("trauma-responsive")
        let median = try evaluate(trauma, csv: "organisation,collaborative.1\nA,1\nA,2\nA,4\n").results
        #expect(median[0].indicator("collaborative.1")?.score == .number(2))
    }
}
