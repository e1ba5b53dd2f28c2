import CoprodCore

/// The whole result of one organisation as JSON: what `evaluate --format json` prints (one object
/// per organisation, in an array) and what a batch writes, one per line.
public enum ResultJSON {
    public static func json(_ result: OrganisationResult) -> JSON {
        .object([
            ("framework", .string(result.framework)),
            ("organisation", .string(result.organisation)),
            ("respondents", .integer(result.respondents)),
            ("roles", .object(result.roles.sorted { $0.key < $1.key }.map { ($0.key.isEmpty ? "(no role)" : $0.key, .integer($0.value)) })),
            ("overall", score(result.overall)),
            ("passed", .bool(result.passed)),
            ("completeness", .object([("answered", .integer(result.answered)), ("expected", .integer(result.expected))])),
            ("sections", .array(result.sections.map { section in
                .object([
                    ("id", .string(section.id)), ("title", .string(section.title)), ("score", score(section.score)),
                    ("answered", .integer(section.answered)), ("expected", .integer(section.expected)),
                    ("by_role", byRole(section.byRole)),
                ])
            })),
            ("indicators", .array(result.indicators.map { indicator in
                var members: [(String, JSON)] = [
                    ("id", .string(indicator.id)), ("section", .string(indicator.sectionID)), ("score", score(indicator.score)),
                ]
                if let answer = indicator.answer { members.append(("answer", .string(answer))) }
                if let declared = indicator.declared { members.append(("declared", score(declared))) }
                members.append(("answers", .integer(indicator.answers)))
                if !indicator.byRole.isEmpty { members.append(("by_role", byRole(indicator.byRole))) }
                return .object(members)
            })),
            ("failures", .array(result.failures.map { .object([("indicator", .string($0.indicatorID)), ("message", .string($0.message))]) })),
            ("warnings", .array(result.warnings.map(JSON.string))),
            ("gaps", .array(result.gaps.map { gap in
                .object([
                    ("section", .string(gap.sectionID)),
                    ("roles", .array([.string(gap.roles.0), .string(gap.roles.1)])),
                    ("scores", .array([score(gap.scores.0), score(gap.scores.1)])),
                    ("difference", .number(round(gap.difference))),
                ])
            })),
            ("next_steps", .array(result.nextSteps.map(JSON.string))),
            ("texts", .array(result.texts.map { text in
                .object([
                    ("id", .string(text.id)), ("prompt", .string(text.prompt)), ("role", .optional(text.role)),
                    ("respondent", .optional(text.respondent)), ("text", .string(text.text)),
                ])
            })),
        ])
    }

    /// Numbers rounded to 4 decimals, so results print the same everywhere.
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func score(_ score: Score) -> JSON {
        switch score {
        case .number(let value): .number(round(value))
        case .tier(_, let name): .string(name)
        case .share(let value): .number(round(value))
        case .none: .null
        }
    }

    private static func byRole(_ scores: [String: Score]) -> JSON {
        .object(scores.sorted { $0.key < $1.key }.map { ($0.key, score($0.value)) })
    }
}
