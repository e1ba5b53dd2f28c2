import CoprodCore

/// The whole result of one organisation as JSON: what `evaluate --format json` prints (one object
/// per organisation, in an array) and what a batch writes, one per line.
public enum ResultJSON {
    /// The members of a framework's results that are the same for every organisation, encoded
    /// once: a batch writes them for every organisation. Made from the framework the results
    /// were evaluated with.
    public struct Layout: Sendable {
        let framework: String
        let indicators: [(id: String, members: [UInt8])]
        let sections: [(id: String, members: [UInt8])]

        public init(framework: Framework) {
            self.framework = framework.id
            indicators = framework.indicators.map { ($0.id, JSONStream.encodedMembers(["id": $0.id, "section": $0.sectionID])) }
            sections = framework.sections.map { ($0.id, JSONStream.encodedMembers(["id": $0.id, "title": $0.title])) }
        }
    }

    /// Writes the result straight into `stream`: a batch does this for every organisation.
    /// With the framework's `layout` and compact output, the fixed members are copied whole.
    public static func write(_ result: OrganisationResult, to json: inout JSONStream, layout: Layout? = nil) {
        let layout = json.isCompact && layout?.framework == result.framework ? layout : nil
        json.beginObject()
        json.key("framework"); json.string(result.framework)
        json.key("organisation"); json.string(result.organisation)
        json.key("respondents"); json.integer(result.respondents)
        json.key("roles")
        json.beginObject()
        for (role, count) in result.roles.sorted(by: { $0.key < $1.key }) {
            json.key(text: role.isEmpty ? "(no role)" : role)
            json.integer(count)
        }
        json.endObject()
        json.key("overall"); score(result.overall, to: &json)
        json.key("passed"); json.bool(result.passed)
        json.key("completeness")
        json.beginObject()
        json.key("answered"); json.integer(result.answered)
        json.key("expected"); json.integer(result.expected)
        json.endObject()

        json.key("sections")
        json.beginArray()
        // By index, each element borrowed: iterating would copy every section and indicator.
        for position in result.sections.indices {
            write(result.sections[position], at: position, to: &json, layout: layout)
        }
        json.endArray()

        json.key("indicators")
        json.beginArray()
        for position in result.indicators.indices {
            write(result.indicators[position], at: position, to: &json, layout: layout)
        }
        json.endArray()

        json.key("failures")
        json.beginArray()
        for failure in result.failures {
            json.beginObject()
            json.key("indicator"); json.string(failure.indicatorID)
            json.key("message"); json.string(failure.message)
            json.endObject()
        }
        json.endArray()

        json.key("warnings")
        json.beginArray()
        for warning in result.warnings { json.string(warning) }
        json.endArray()

        json.key("gaps")
        json.beginArray()
        for gap in result.gaps {
            json.beginObject()
            json.key("section"); json.string(gap.sectionID)
            json.key("roles"); json.beginArray(); json.string(gap.roles.0); json.string(gap.roles.1); json.endArray()
            json.key("scores"); json.beginArray(); score(gap.scores.0, to: &json); score(gap.scores.1, to: &json); json.endArray()
            json.key("difference"); json.number(round(gap.difference))
            json.endObject()
        }
        json.endArray()

        json.key("next_steps")
        json.beginArray()
        for step in result.nextSteps { json.string(step) }
        json.endArray()

        json.key("texts")
        json.beginArray()
        for text in result.texts {
            json.beginObject()
            json.key("id"); json.string(text.id)
            json.key("prompt"); json.string(text.prompt)
            json.key("role"); json.string(text.role)
            json.key("respondent"); json.string(text.respondent)
            json.key("text"); json.string(text.text)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// Writes the members the layout encoded for the element at `position`, if it has them for
    /// this id; false when the caller must write them out.
    private static func shared(_ encoded: [(id: String, members: [UInt8])]?, at position: Int, id: String, to json: inout JSONStream) -> Bool {
        guard let encoded, position < encoded.count, encoded[position].id == id else { return false }
        json.members(encoded[position].members)
        return true
    }

    private static func write(_ section: borrowing SectionResult, at position: Int, to json: inout JSONStream, layout: Layout?) {
        json.beginObject()
        if !shared(layout?.sections, at: position, id: section.id, to: &json) {
            json.key("id"); json.string(section.id)
            json.key("title"); json.string(section.title)
        }
        json.key("score"); score(section.score, to: &json)
        json.key("answered"); json.integer(section.answered)
        json.key("expected"); json.integer(section.expected)
        json.key("by_role"); byRole(section.roleScores, to: &json)
        json.endObject()
    }

    private static func write(_ indicator: borrowing IndicatorResult, at position: Int, to json: inout JSONStream, layout: Layout?) {
        json.beginObject()
        if !shared(layout?.indicators, at: position, id: indicator.id, to: &json) {
            json.key("id"); json.string(indicator.id)
            json.key("section"); json.string(indicator.sectionID)
        }
        json.key("score"); score(indicator.score, to: &json)
        if let answer = indicator.answer { json.key("answer"); json.string(answer) }
        if let declared = indicator.declared { json.key("declared"); score(declared, to: &json) }
        json.key("answers"); json.integer(indicator.answers)
        if !indicator.roleScores.isEmpty { json.key("by_role"); byRole(indicator.roleScores, to: &json) }
        json.endObject()
    }

    /// Numbers rounded to 4 decimals, so results print the same everywhere.
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func score(_ score: Score, to json: inout JSONStream) {
        switch score {
        case .number(let value), .share(let value): json.number(round(value))
        case .tier(_, let name): json.string(name)
        case .none: json.null()
        }
    }

    private static func byRole(_ scores: RoleScores, to json: inout JSONStream) {
        json.beginObject()
        scores.forEachSorted { role, value in
            json.key(text: role)
            score(value, to: &json)
        }
        json.endObject()
    }
}
