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

    /// A respondent's row given twice (a form sent twice, an export given twice) would count that
    /// person twice: the organisation's warnings say which rows. Rows without a name, or the same
    /// name with other answers, another role or another date, are not taken for repeats.
    @Test func aRespondentsRowGivenTwiceIsNamed() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let advice = "which count as more than one respondent: remove the repeats if a form was sent twice or a file given twice"
        let (results, _) = try evaluate(framework, csv: """
            organisation,respondent,role,date,assets.1,assets.2
            River,Amira,staff,,4,3
            River,Ben,carer,,2,2
            River,Amira,staff,,4,3
            River,Ben,carer,,2,3
            River,,staff,,5,5
            River,,staff,,5,5
            Hill,Cath,staff,,3,3
            Hill,Dev,staff,,3,3
            Hill,Cath,service user,,3,3
            Hill,Dev,staff,2026-11-01,3,3
            Dale,Eve,staff,,1,1
            Dale,Eve,staff,,2,2
            Dale,Eve,staff,,2,2
            Dale,Eve,staff,,2,2
            """, file: "forms.csv")
        let river = try #require(results.first { $0.organisation == "River" })
        #expect(river.warnings.first == "respondent 'Amira' has identical rows (forms.csv row 2 and forms.csv row 4), \(advice)")
        // Both of Amira's rows count, as given: the warning says so and changes nothing.
        #expect(river.respondents == 6)
        let hill = try #require(results.first { $0.organisation == "Hill" })
        #expect(!hill.warnings.contains { $0.contains("identical rows") })
        // Eve's second row differs from her first; the third and fourth repeat the second.
        let dale = try #require(results.first { $0.organisation == "Dale" })
        #expect(dale.warnings.first == "respondent 'Eve' has identical rows (forms.csv row 13, forms.csv row 14 and forms.csv row 15), \(advice)")
        // A whole export given twice: every respondent repeated, each named once, three shown.
        let rows = ["A", "B", "C", "D"].map { "Wide,\($0),staff,3,3" }
        let (twice, _) = try evaluate(framework, csv: "organisation,respondent,role,assets.1,assets.2\n" + (rows + rows).joined(separator: "\n"), file: "x.csv")
        #expect(twice[0].warnings.first == "4 respondents have identical rows ('A': x.csv row 2 and x.csv row 6; "
            + "'B': x.csv row 3 and x.csv row 7; 'C': x.csv row 4 and x.csv row 8; and 1 more), \(advice)")
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
