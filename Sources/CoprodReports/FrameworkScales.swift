import CoprodCore

/// The scales a framework's indicators use, with the words it gives their points, for `coprod
/// show`: once per scale rather than with every indicator. A framework's guidance often points to
/// them ("Give yourself a score from 1-5 for each, in accordance with the following guidelines:").
enum FrameworkScales {
    /// Markdown: a heading for each scale with words, the sections that use it when not all of
    /// them do, and an item for each point with words ("- 1 No action yet — You haven't ...").
    static func markdown(_ framework: Framework) -> [String] {
        let answered = framework.sections.filter { !$0.indicators.isEmpty }
        return EvaluationSettings.scales(framework).filter { !$0.wordedPoints.isEmpty }.flatMap { scale -> [String] in
            var lines = ["", "## " + scale.name.prefix(1).uppercased() + scale.name.dropFirst(), ""]
            let using = sections(using: scale, in: framework)
            if using.count < answered.count { lines += ["For " + using.map { Markdown.escape($0.title) }.joined(separator: ", ") + ":", ""] }
            return lines + scale.wordedPoints.map { point in
                "- \(point.value)" + (point.label.map { " " + Markdown.escape($0) } ?? "") + (point.meaning.map { " — " + Markdown.escape($0) } ?? "")
            }
        }
    }

    /// Every scale the indicators use, each with the sections that use it and its points' words
    /// (none for a scale without them).
    static func json(_ framework: Framework) -> JSON {
        .array(EvaluationSettings.scales(framework).map { scale in
            .object([
                ("name", .string(scale.name)), ("accepted", .string(scale.accepted)),
                ("sections", .array(sections(using: scale, in: framework).map { .string($0.id) })),
                ("points", .array(scale.wordedPoints.map { point in
                    .object([("point", .integer(point.value))]
                        + [("label", point.label), ("meaning", point.meaning)].compactMap { key, text in text.map { (key, .string($0)) } })
                })),
            ])
        })
    }

    private static func sections(using scale: Scale, in framework: Framework) -> [Section] {
        framework.sections.filter { $0.indicators.contains { $0.scale == scale } }
    }
}
