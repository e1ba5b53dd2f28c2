import CoprodCore
import Testing

/// Cases worked out by hand from seed 000: cumulative Bronze / Silver / Gold tiers and the survey
/// thresholds in the descriptors (55%, 70-80%, 90%; communication 55%, 75%, 90%).
@Suite("Co-Production Quality Standards (seed 000)")
struct QualityStandardsTests {
    let framework: Framework
    init() throws { framework = try loadFramework("quality-standards").0 }

    @Test func tenThemesAndThirtySixIndicatorsWithAllThreeTiers() {
        #expect(framework.sections.count == 10)
        #expect(framework.indicators.count == 36)
        #expect(framework.sections.map(\.indicators.count) == [5, 4, 4, 2, 5, 3, 3, 3, 4, 3])
        // Every indicator has Bronze and Silver text; two Gold cells are missing from the seed.
        #expect(framework.indicators.allSatisfy { !($0.descriptors["bronze"] ?? []).isEmpty && !($0.descriptors["silver"] ?? []).isEmpty })
        #expect(framework.indicators.filter { ($0.descriptors["gold"] ?? []).isEmpty }.map(\.id) == ["contribution.3", "leadership.3"])
        let included = framework.indicators[0]
        #expect(included.text == "People report feeling included")
        #expect(included.descriptors["silver"] == ["70-80% of service users agree they feel included during annual satisfaction survey."])
    }

    @Test func surveyThresholdsFromTheDescriptors() {
        let surveys = framework.indicators.filter { $0.survey != nil }
        #expect(surveys.map(\.id) == ["equality.1", "respect.1", "communication.2"])
        #expect(surveys[0].survey?.thresholds == ["bronze": 55, "silver": 70, "gold": 90])
        #expect(surveys[2].survey?.thresholds == ["bronze": 55, "silver": 75, "gold": 90])
    }

    @Test func goldDeclaredWithSixtyPercentIsEvidencedBronze() throws {
        let (results, _) = try evaluate(framework, csv: "organisation,equality.1,equality.1.survey\nBrook,gold,60%\n", file: "qs.csv")
        let indicator = try #require(results[0].indicator("equality.1"))
        #expect(indicator.score == .tier(1, "bronze"))
        #expect(indicator.declared == .tier(3, "gold"))
        #expect(results[0].warnings.first == "equality.1 \"People report feeling included\": gold declared, but the evidence supports bronze: silver needs at least 70% (% of service users who agree they feel included (annual survey)) and the survey gives 60% (qs.csv row 2)")
        // The next step is the Silver descriptor.
        #expect(results[0].nextSteps.contains("People report feeling included (equality.1): to reach silver: 70-80% of service users agree they feel included during annual satisfaction survey."))
    }

    @Test func aDeclaredTierIsExplainedOnlyByShortfallsAtOrBelowIt() throws {
        // Silver declared; bronze and silver criteria met, gold not; the survey gives 30%, below
        // bronze's 55%. Gold's criteria have nothing to do with silver: only the survey explains.
        let csv = "organisation,equality.1,equality.1.survey,equality.1.bronze,equality.1.silver,equality.1.gold\nRidge,silver,30,yes,yes,no\n"
        let (results, _) = try evaluate(framework, csv: csv, file: "qs.csv")
        #expect(results[0].indicator("equality.1")?.score == .tier(0, "none"))
        #expect(results[0].warnings.first == "equality.1 \"People report feeling included\": silver declared, but the evidence supports none: bronze needs at least 55% (% of service users who agree they feel included (annual survey)) and the survey gives 30% (qs.csv row 2)")
    }

    /// A survey figure written as a fraction (0.72 for 72%) rejects its row, saying so, rather
    /// than being read as 0.72%, which would drop silver to none and warn against the organisation.
    @Test func aSurveyFractionIsRefusedNotReadAsUnderOnePercent() throws {
        let csv = "organisation,equality.1,equality.1.survey\nBrook,silver,0.72\nDale,silver,72%\nVale,silver,0.72%\n"
        let (results, read) = try evaluate(framework, csv: csv, file: "qs.csv")
        #expect(read.rejected.map(\.description) == [
            "qs.csv row 2, column C 'equality.1.survey': '0.72' is not a percentage: it looks like a fraction; write 72%, or 0.72% if it really is under one percent (accepted: a percentage from 0 to 100, such as 72 or 72%; leave it empty for no answer)",
        ])
        #expect(results.map(\.organisation) == ["Dale", "Vale"])
        // 72% reaches silver (70) but not gold (90); 0.72%, written so, reaches nothing.
        #expect(results[0].indicator("equality.1")?.score == .tier(2, "silver"))
        #expect(results[0].warnings.filter { $0.contains("declared") }.isEmpty)
        #expect(results[1].indicator("equality.1")?.score == .tier(0, "none"))
    }

    @Test func communicationUsesSeventyFivePercentForSilver() throws {
        let (results, _) = try evaluate(framework, csv: "organisation,communication.2,communication.2.survey\nA,silver,74\nB,silver,75\n")
        #expect(results[0].indicator("communication.2")?.score == .tier(1, "bronze"))
        #expect(results[1].indicator("communication.2")?.score == .tier(2, "silver"))
        #expect(results[1].warnings.filter { $0.contains("declared") }.isEmpty)
    }

    @Test func tiersAreCumulativeWhateverTheInput() throws {
        // Gold criteria met, Silver not: only Bronze counts.
        let (results, _) = try evaluate(framework, csv: "organisation,safeguarding.1.bronze,safeguarding.1.silver,safeguarding.1.gold\nLeap,yes,no,yes\n")
        #expect(results[0].indicator("safeguarding.1")?.score == .tier(1, "bronze"))
        #expect(results[0].warnings.first?.hasPrefix("safeguarding.1 \"Information and governance\": gold criteria are met but silver criteria are not; tiers are cumulative, so this counts as bronze") == true)
    }

    @Test func aThemeIsItsLowestIndicatorAndRespondentsTakeTheLowerMedian() throws {
        let (results, read) = try evaluate(framework, csv: try example("quality-standards.csv"))
        #expect(read.rejected.isEmpty)
        let brookside = results[0]
        // equality.2: silver (staff) and bronze (service user): the lower median is bronze.
        #expect(brookside.indicator("equality.2")?.score == .tier(1, "bronze"))
        // Equality: equality.1 bronze by its survey, 2 bronze, 3 silver, 4 bronze, 5 bronze -> bronze.
        #expect(brookside.section("equality")?.score == .tier(1, "bronze"))
        // Respect: 72% reaches silver (70) but not gold (90), whatever was declared.
        #expect(brookside.section("respect")?.score == .tier(2, "silver"))
        let meadow = results[1]
        // 91% reaches gold; the theme's lowest indicator is equality.4 at silver.
        #expect(meadow.indicator("equality.1")?.score == .tier(3, "gold"))
        #expect(meadow.section("equality")?.score == .tier(2, "silver"))
        #expect(meadow.texts.isEmpty)
        #expect(brookside.texts.map(\.text) == ["Survey in May: 60% agree"])
    }
}
