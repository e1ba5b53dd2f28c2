import CoprodCore
import Testing

/// Seed 004 gives statements and required information, and asks for a "matrix/self-assessment
/// tool" without a scale: the framework file's choice (1-4, Not yet met ... Fully met) is tested.
@Suite("Trauma responsive co-production (seed 004)")
struct TraumaResponsiveTests {
    let framework: Framework
    init() throws { framework = try loadFramework("trauma-responsive").0 }

    @Test func fourStandardsWithStatementsAndInformationLists() {
        #expect(framework.sections.map(\.title) == ["Collaborative", "Supportive", "Responsive", "Reflective"])
        #expect(framework.sections.map(\.label) == ["STANDARD 1: COLLABORATIVE", "STANDARD 2: SUPPORTIVE", "STANDARD 3: RESPONSIVE", "STANDARD 4: REFLECTIVE"])
        #expect(framework.indicators.first?.text == "The partnership will prioritise co-produced collaborative practice with people who have lived experience of social work and social care.")
        #expect(framework.indicators.filter { $0.kind == .item }.count == 26)
        let notice = framework.indicators.first { $0.id == "responsive.notice" }
        #expect(notice?.atLeast == 24)
        #expect(notice?.unit == "hours")
    }

    @Test func statementsOnTheMatrixAndTheNoticeRule() throws {
        let (results, read) = try evaluate(framework, csv: """
            organisation,role,collaborative.1,collaborative.2,collaborative.3,responsive.notice,collaborative.info.1
            Team,staff,Fully met,Mostly met,2,12,no
            Team,person with lived experience,2,Partly met,1,48,yes
            """)
        #expect(read.rejected.isEmpty)
        // Medians of two: (4 + 2) / 2 = 3, (3 + 2) / 2 = 2.5, (2 + 1) / 2 = 1.5; the standard's mean is 7 / 3.
        #expect(approximately(results[0].section("collaborative")?.score, 7.0 / 3))
        // Notice: the median of 12 and 48 hours is 30, which meets "at least 24 hours".
        #expect(!results[0].warnings.contains { $0.hasPrefix("responsive.notice") })
        #expect(results[0].nextSteps.contains("Not yet met (no): A clear and concise recruitment and selection process."))
        let (late, _) = try evaluate(framework, csv: "organisation,responsive.notice\nLate,12\n")
        #expect(late[0].warnings.first?.hasSuffix(": 12 hours given, at least 24 hours expected") == true)
    }
}
