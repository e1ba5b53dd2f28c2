import CoprodCore

/// What a report on one organisation says, worked out once for every format: the Markdown and
/// the HTML report show the same things, so a local area gets the same report whichever it picks.
struct ReportParts {
    /// The framework's title, then its edition and how many answered: "*Title*, 2024 · 3 respondents".
    let subtitle: (title: String, rest: String)
    /// The roles that answered, in order: a column each in the table of sections.
    let roles: [String]
    /// "Relationships: service user 2.67, staff 4.33", one per difference between roles.
    let differences: [(section: String, views: String)]
    /// The free text given, by prompt: each prompt under its section's title, since several
    /// sections often ask the same question ("What would help you to improve in this area?").
    let texts: [(heading: String, answers: [(text: String, who: String)])]

    init(_ result: OrganisationResult, framework: Framework) {
        subtitle = (framework.title, (framework.edition.map { ", \($0)" } ?? "") + " · \(counted(result.respondents, "respondent"))")
        roles = Array(Set(result.sections.flatMap(\.byRole.keys))).sorted()
        differences = result.gaps.map { gap in
            (framework.section(gap.sectionID)?.title ?? gap.sectionID,
             "\(gap.roles.0) \(gap.scores.0.display), \(gap.roles.1) \(gap.scores.1.display)")
        }
        var texts: [(heading: String, answers: [(text: String, who: String)])] = []
        var lastID: String?
        for text in result.texts {
            if text.id != lastID {
                let section = framework.sections.first { $0.prompts.contains { $0.id == text.id } }
                texts.append((section.map { "\($0.title): \(text.prompt)" } ?? text.prompt, []))
                lastID = text.id
            }
            let who = [text.respondent, text.role].compactMap { $0 }.joined(separator: ", ")
            texts[texts.count - 1].answers.append((text.text.split(whereSeparator: \.isNewline).joined(separator: " "), who))
        }
        self.texts = texts
    }
}
