import CoprodCore

/// The whole result of one organisation as JSON: what `evaluate --format json` prints (one object
/// per organisation, in an array) and what a batch writes, one per line.
public enum ResultJSON {
    /// The members of a framework's results that are the same for every organisation, encoded
    /// once: a batch writes them for every organisation. Made from the framework the results
    /// were evaluated with.
    public struct Layout: Sendable {
        let framework: String
        let indicators: [Element]
        let sections: [Element]
        /// The texts a result may give, in the order it gives them: each one's id and prompt, and
        /// its object up to its role, `{"id":"assets.reflect","prompt":"...","role":`.
        let texts: [(id: String, prompt: String, opening: [UInt8])]

        /// One indicator or section, encoded.
        final class Element: Sendable {
            let id: String
            /// The object up to its score: `{"id":"assets.1","section":"assets","score":`.
            let opening: [UInt8]
            /// The words an indicator's scale answers in, and the member for each,
            /// `,"answer":"Making progress"`.
            let answers: [String]
            let answerMembers: [[UInt8]]
            /// For a points scale: which of `answers` each point from `lowestPoint` up has.
            let lowestPoint: Int
            let answerByPoint: [Int?]

            /// `scale` is an indicator's: its words give the answer members.
            init(id: String, members: KeyValuePairs<StaticString, String>, scale: Scale? = nil) {
                self.id = id
                opening = [UInt8(ascii: "{")] + JSONStream.encodedMembers(members) + Array(#","score":"#.utf8)
                let answers: [String] = switch scale {
                case .ordinal(_, _, let labels, _): labels
                case .rating(_, _, let anchors): anchors.keys.sorted().compactMap { anchors[$0] }
                case .choice(let options): options
                default: []
                }
                self.answers = answers
                answerMembers = answers.map { Array(#","answer":"#.utf8) + JSONStream.encoded($0) }
                let points = scale?.points
                lowestPoint = points?.lowerBound ?? 0
                answerByPoint = points.map { $0.map { scale?.label(for: $0).flatMap(answers.firstIndex(of:)) } } ?? []
            }

            /// The answer member for `answer`, when it is one of the scale's words: looked for
            /// first at the point `score` is on, as a points scale words its answers.
            func member(for answer: String, score: Score) -> [UInt8]? {
                if case .number(let value) = score, let point = Int(exactly: value.rounded(.down)),
                   answerByPoint.indices.contains(point - lowestPoint), let index = answerByPoint[point - lowestPoint],
                   answers[index] == answer {
                    return answerMembers[index]
                }
                return answers.firstIndex(of: answer).map { answerMembers[$0] }
            }
        }

        public init(framework: Framework) {
            self.framework = framework.id
            indicators = framework.indicators.map {
                Element(id: $0.id, members: ["id": $0.id, "section": $0.sectionID], scale: $0.scale)
            }
            sections = framework.sections.map { Element(id: $0.id, members: ["id": $0.id, "title": $0.title]) }
            texts = TextAnswer.prompts(of: framework).map { slot, prompt in
                (slot.column, prompt, [UInt8(ascii: "{")] + JSONStream.encodedMembers(["id": slot.column, "prompt": prompt]) + Array(#","role":"#.utf8))
            }
        }

        /// Where `text`'s opening is, looking from `start` on (texts come in the layout's order).
        func textOpening(_ text: borrowing TextAnswer, from start: inout Int) -> [UInt8]? {
            for index in start..<texts.count where texts[index].id == text.id {
                guard texts[index].prompt == text.prompt else { return nil }
                start = index
                return texts[index].opening
            }
            return nil
        }

        /// The element laid out at `position`, if it is the one with this id.
        static func element(_ elements: [Element], at position: Int, id: String) -> Element? {
            position < elements.count && elements[position].id == id ? elements[position] : nil
        }
    }

    /// The one role of an organisation whose respondents all gave the same role, as the start
    /// of a score by role (`,"by_role":{"staff":`), encoded once for all of them.
    final class RoleKey {
        let role: String
        let opening: [UInt8]

        init?(_ roles: [String: Int]) {
            guard roles.count == 1, let role = roles.first?.key, !role.isEmpty else { return nil }
            self.role = role
            opening = Array(#","by_role":{"#.utf8) + JSONStream.encoded(role) + [UInt8(ascii: ":")]
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
        json.key("passed")
        if let passed = result.passed { json.bool(passed) } else { json.null() }
        json.key("completeness")
        json.beginObject()
        json.key("answered"); json.integer(result.answered)
        json.key("expected"); json.integer(result.expected)
        json.endObject()

        json.key("sections")
        json.beginArray()
        // Each element is taken out of its list once (every access copies it), and the layout's
        // lists once for all of them.
        let roleKey = layout == nil ? nil : RoleKey(result.roles)
        let sectionElements = layout?.sections ?? []
        for (position, section) in result.sections.enumerated() {
            if let element = Layout.element(sectionElements, at: position, id: section.id) {
                json.encoded { compact(section, element, roleKey: roleKey, to: &$0) }
            } else {
                write(section, to: &json)
            }
        }
        json.endArray()

        json.key("indicators")
        json.beginArray()
        let indicatorElements = layout?.indicators ?? []
        for (position, indicator) in result.indicators.enumerated() {
            if let element = Layout.element(indicatorElements, at: position, id: indicator.id) {
                json.encoded { compact(indicator, element, roleKey: roleKey, to: &$0) }
            } else {
                write(indicator, to: &json)
            }
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
        var textPlace = 0
        for text in result.texts {
            if let opening = layout?.textOpening(text, from: &textPlace) {
                json.encoded { compact(text, opening: opening, to: &$0) }
                continue
            }
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

    private static func write(_ section: borrowing SectionResult, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(section.id)
        json.key("title"); json.string(section.title)
        json.key("score"); score(section.score, to: &json)
        json.key("answered"); json.integer(section.answered)
        json.key("expected"); json.integer(section.expected)
        json.key("by_role"); byRole(section.roleScores, to: &json)
        json.endObject()
    }

    private static func write(_ indicator: borrowing IndicatorResult, to json: inout JSONStream) {
        json.beginObject()
        json.key("id"); json.string(indicator.id)
        json.key("section"); json.string(indicator.sectionID)
        json.key("score"); score(indicator.score, to: &json)
        if let answer = indicator.answer { json.key("answer"); json.string(answer) }
        if let declared = indicator.declared { json.key("declared"); score(declared, to: &json) }
        json.key("answers"); json.integer(indicator.answers)
        if !indicator.roleScores.isEmpty { json.key("by_role"); byRole(indicator.roleScores, to: &json) }
        json.endObject()
    }

    // The same two objects, compact, from the layout's opening: the same bytes as above, as
    // the tests check, written with a call per member instead of one per key and value.

    private static func compact(_ section: borrowing SectionResult, _ element: Layout.Element, roleKey: RoleKey?, to bytes: inout [UInt8]) {
        bytes += element.opening
        score(section.score, to: &bytes)
        JSONStream.append(literal: #","answered":"#, to: &bytes)
        JSONStream.append(section.answered, to: &bytes)
        JSONStream.append(literal: #","expected":"#, to: &bytes)
        JSONStream.append(section.expected, to: &bytes)
        byRole(section.roleScores, roleKey: roleKey, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    private static func compact(_ indicator: borrowing IndicatorResult, _ element: Layout.Element, roleKey: RoleKey?, to bytes: inout [UInt8]) {
        bytes += element.opening
        score(indicator.score, to: &bytes)
        if let answer = indicator.answer {
            if let member = element.member(for: answer, score: indicator.score) {
                bytes += member
            } else {
                JSONStream.append(literal: #","answer":"#, to: &bytes)
                JSONStream.append(quoted: answer, to: &bytes)
            }
        }
        if let declared = indicator.declared {
            JSONStream.append(literal: #","declared":"#, to: &bytes)
            score(declared, to: &bytes)
        }
        JSONStream.append(literal: #","answers":"#, to: &bytes)
        JSONStream.append(indicator.answers, to: &bytes)
        if !indicator.roleScores.isEmpty {
            byRole(indicator.roleScores, roleKey: roleKey, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Numbers rounded to 4 decimals, so results print the same everywhere.
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func score(_ score: Score, to json: inout JSONStream) {
        json.encoded { ResultJSON.score(score, to: &$0) }
    }

    static func score(_ score: Score, to bytes: inout [UInt8]) {
        switch score {
        case .number(let value), .share(let value): JSONStream.append(round(value), to: &bytes)
        case .tier(_, let name): JSONStream.append(quoted: name, to: &bytes)
        case .none: JSONStream.append(literal: "null", to: &bytes)
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

    private static func compact(_ text: borrowing TextAnswer, opening: [UInt8], to bytes: inout [UInt8]) {
        bytes += opening
        JSONStream.append(quoted: text.role, to: &bytes)
        JSONStream.append(literal: #","respondent":"#, to: &bytes)
        JSONStream.append(quoted: text.respondent, to: &bytes)
        JSONStream.append(literal: #","text":"#, to: &bytes)
        JSONStream.append(quoted: text.text, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    /// The member `,"by_role":{...}`.
    private static func byRole(_ scores: RoleScores, roleKey: RoleKey?, to bytes: inout [UInt8]) {
        if let roleKey, let only = scores.single, only.role == roleKey.role {
            bytes += roleKey.opening
            score(only.score, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
            return
        }
        JSONStream.append(literal: #","by_role":{"#, to: &bytes)
        var first = true
        scores.forEachSorted { role, value in
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            JSONStream.append(quoted: role, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            score(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
