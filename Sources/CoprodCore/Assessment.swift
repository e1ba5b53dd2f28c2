/// One respondent's answers for one organisation: one input row.
public struct Response: Sendable, Equatable {
    public var organisation: String
    public var respondent: String?
    /// Staff, service user, carer, volunteer, board member... as the input says it.
    public var role: String?
    public var date: String?
    public var answers: Answers
    /// Where the row came from: the file and its spreadsheet row number (a JSON Lines file's line,
    /// a JSON array's item).
    public var file: String
    public var row: Int

    public init(organisation: String, respondent: String? = nil, role: String? = nil, date: String? = nil,
                answers: Answers = [:], file: String = "", row: Int = 0) {
        self.organisation = organisation
        self.respondent = respondent
        self.role = role
        self.date = date
        self.answers = answers
        self.file = file
        self.row = row
    }

    /// "file.csv row 4" ("file.jsonl line 4", "file.json item 4"), for messages; empty when the
    /// response was not read from a file.
    public var origin: String { file.isEmpty ? "" : "\(file) \(InputKind(file: file).rowWord) \(row)" }

    public subscript(slot: AnswerSlot) -> Answer? { answers[slot] }
}

/// All the responses for one organisation, combined into one result.
public struct Assessment: Sendable, Equatable {
    public var organisation: String
    public var responses: [Response]

    public init(organisation: String, responses: [Response]) {
        self.organisation = organisation
        self.responses = responses
    }

    /// Groups responses by organisation, keeping the order in which organisations first appear.
    public static func group(_ responses: [Response]) -> [Assessment] {
        var order: [String] = []
        var byOrganisation: [String: [Response]] = [:]
        for response in responses {
            if byOrganisation[response.organisation] == nil { order.append(response.organisation) }
            byOrganisation[response.organisation, default: []].append(response)
        }
        return order.map { Assessment(organisation: $0, responses: byOrganisation[$0] ?? []) }
    }
}

extension Framework {
    /// Every column an input for this framework may have, in template order (after the
    /// organisation, respondent, role and date columns).
    public var slots: [AnswerSlot] {
        var slots: [AnswerSlot] = []
        for section in sections {
            for element in section.elements {
                switch element {
                case .indicator(let indicator):
                    slots.append(AnswerSlot(id: indicator.id, part: .answer))
                    if case .tiers(let levels) = indicator.scale {
                        if indicator.survey != nil { slots.append(AnswerSlot(id: indicator.id, part: .survey)) }
                        for tier in levels { slots.append(AnswerSlot(id: indicator.id, part: .criteria, tier: tier)) }
                        slots.append(AnswerSlot(id: indicator.id, part: .comment))
                    }
                case .prompt(let prompt):
                    slots.append(AnswerSlot(id: prompt.id, part: .prompt))
                default:
                    break
                }
            }
        }
        // Each knows its place, so answers read for this framework are found by index.
        return slots.enumerated().map { AnswerSlot(id: $1.id, part: $1.part, tier: $1.tier, position: $0) }
    }

    /// The scale a slot's values are read on.
    public func scale(of slot: AnswerSlot) -> Scale? {
        switch slot.part {
        case .prompt, .comment: return .text
        case .survey: return .number(unit: "%")
        case .criteria: return .choice(["yes", "no"])
        case .answer: return indicators.first { $0.id == slot.id }?.scale
        }
    }
}
