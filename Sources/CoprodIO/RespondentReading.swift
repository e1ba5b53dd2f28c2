import Foundation

extension AssessmentReader {
    /// Reads one respondent in full: the text of a JSON Lines line or of a JSON array's item,
    /// numbered as that line or item. `start` is where an item starts in its file; a line's
    /// problems are placed by their column alone. Gives a response, or a rejection saying why
    /// (never `.blank`; a key given twice is one); warnings about keys are added to `warnings`
    /// once each.
    public func readRespondent(_ text: ArraySlice<UInt8>, number: Int, file: String, start: TextPosition? = nil,
                               warnings: inout [String]) -> Outcome {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text), options: .fragmentsAllowed)
        } catch {
            let reason = LineReader.Line.isBlank(text)
                ? "the item is empty (expected one respondent, an object, before the ',')"
                : AssessmentReader.notJSON(text, start: start, error: error)
            return .rejected(RejectedRow(file: file, row: number, reason: reason))
        }
        guard let object = parsed as? [String: Any] else {
            return .rejected(RejectedRow(file: file, row: number, place: start,
                                         reason: "expected one respondent (an object), found \(JSONText.described(parsed))"))
        }
        // A key coprod reads given twice; one it ignores may be, as its values are never read.
        if let repeated = JSONScanner.repeatedKey(inRespondent: text, counts: { name, topLevel in
            (topLevel && name == "answers") || column(named: name) != .ignored
        }) {
            // Unless the organisation's own key is the one given twice, it names whose answers these were.
            let organisation = column(named: repeated.name) == .metadata("organisation") ? nil : soleOrganisation(in: object)
            // Placed where it is given the second time.
            let place = start.map { $0.advanced(over: text[..<repeated.start]) }
            return .rejected(RejectedRow(file: file, row: number, organisation: organisation, column: "key '\(repeated.name)'", place: place,
                                         reason: "given twice in one object: which of its values is meant cannot be told (keep one)"))
        }
        return placed(respondent(object, text: text, start: start, number: number, file: file, warnings: &warnings), in: text, start: start)
    }

    /// `outcome` of reading `text`, an item of a JSON file that starts at `start`, with a
    /// rejection placed where it points; as it is for a line of JSON Lines (`start` nil), whose
    /// number is its line.
    public func placed(_ outcome: Outcome, in text: ArraySlice<UInt8>, start: TextPosition?) -> Outcome {
        guard let start, case .rejected(var rejected) = outcome, rejected.place == nil else { return outcome }
        rejected.place = place(ofKeyIn: rejected, text: text, start: start)
        return .rejected(rejected)
    }

    /// Where in a JSON file's item `rejected` points: the key it names (as written, or one that
    /// names the same column), or the item's start when it names none; nil for a key that cannot
    /// be found (in a value nested past what the walk follows), rather than a place that is not
    /// the key's.
    private func place(ofKeyIn rejected: RejectedRow, text: ArraySlice<UInt8>, start: TextPosition) -> TextPosition? {
        guard let column = rejected.column, column.hasPrefix("key '"), column.hasSuffix("'") else { return start }
        let named = String(column.dropFirst("key '".count).dropLast())
        let meant = self.column(named: named)
        let key = JSONScanner.keyStart(inRespondent: text) { name in
            name == named || (meant != .ignored && self.column(named: name) == meant)
        }
        return key.map { start.advanced(over: text[..<$0]) }
    }

    /// Why the parser refused `text`, and where: the scanner finds the place and says what it
    /// expected there. Should it find nothing (a number too large to hold), the parser's words.
    private static func notJSON(_ text: ArraySlice<UInt8>, start: TextPosition?, error: Error) -> String {
        guard let problem = JSONScanner.syntaxProblem(inRespondent: text) else {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            // The parser's words for a number past a double's range ("Number 1e999 is not
            // representable in Swift.") are about the parser: say what the number is.
            if let detail, detail.hasPrefix("Number "), detail.hasSuffix(" is not representable in Swift.") {
                let number = detail.dropFirst("Number ".count).dropLast(" is not representable in Swift.".count)
                return "the number \(number) is too large to read (a value is a number no larger than about 1e308, or text)"
            }
            return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
        }
        var before = text[..<problem.index]
        let place: String
        if let start {
            place = start.advanced(over: before).description
        } else {
            // An editor does not show a byte-order mark as a column.
            if before.starts(with: [0xEF, 0xBB, 0xBF]) { before = before.dropFirst(3) }
            place = "column \(TextPosition.start.advanced(over: before).column)"
        }
        return "not valid JSON: " + problem.says(place, start == nil ? "the end of the line" : "the end of the item")
    }

    /// Reads a respondent that parsed as an object: its keys (those inside `answers` too) are
    /// mapped as a CSV header's names, and its values read as cells. A list or an object where
    /// one value is expected rejects it.
    private func respondent(_ object: [String: Any], text: ArraySlice<UInt8>, start: TextPosition?, number: Int, file: String,
                            warnings: inout [String]) -> Outcome {
        func rejected(_ reason: String, key: String? = nil, organisation: String? = nil) -> Outcome {
            .rejected(RejectedRow(file: file, row: number, organisation: organisation, column: key.map { "key '\($0)'" }, reason: reason))
        }
        var flat = object.filter { $0.key != "answers" }
        if let answers = object["answers"] {
            if let answers = answers as? [String: Any] {
                flat.merge(answers) { _, answer in answer }
            } else if !(answers is NSNull) {
                let example = framework.slots.first?.column ?? "id"
                return rejected("found \(JSONText.described(answers)) where an object of answers is expected (accepted: an object "
                                + "such as {\"\(example)\": 4}, or the answers beside \"organisation\")", key: "answers",
                                organisation: soleOrganisation(in: flat))
            }
        }
        let names = flat.keys.sorted()
        var read = ReadAssessments()
        let columns: [Column]
        do {
            columns = try mapHeader(names, file: file, into: &read, naming: .keys)
        } catch {
            var row = RejectedRow(file: file, row: number, organisation: soleOrganisation(in: flat),
                                  reason: error.message.replacingOccurrences(of: "\(file): ", with: ""))
            // The message names the key: in a JSON file's item, it is placed there.
            if let start, let key = error.key, let index = JSONScanner.keyStart(inRespondent: text, matching: { $0 == key }) {
                row.place = start.advanced(over: text[..<index])
            }
            return .rejected(row)
        }
        for warning in read.warnings where !warnings.contains(warning) { warnings.append(warning) }
        guard let organisationIndex = columns.firstIndex(of: .metadata("organisation")) else {
            // {"respondents": [...]}: a list of respondents wrapped in an object, as some tools export.
            let lists = flat.filter { ($0.value as? [Any])?.first is [String: Any] }.keys.sorted()
            if lists.count == 1 {
                return rejected("no \"organisation\" key: this is an object holding a list of respondents under '\(lists[0])'; "
                                + "give the list itself, as a .json file that is an array of respondents ([{\"organisation\": ...}, ...])")
            }
            return rejected(AssessmentReader.noOrganisation(among: names))
        }
        let organisationValue = flat[names[organisationIndex]]
        let organisation = organisationValue.flatMap { JSONText.isContainer($0) ? nil : JSONText.text($0).trimmingWhitespaceForInput }
        for (index, column) in columns.enumerated() {
            guard let value = flat[names[index]], JSONText.isContainer(value) else { continue }
            let found = "found \(JSONText.described(value)) where "
            switch column {
            case .slot(let slot):
                let scale = framework.scale(of: slot) ?? .text
                let expected = scale == .text ? "text is expected"
                    : scale.points != nil ? "one answer on \(scale.name) is expected" : "one answer is expected"
                return rejected(found + expected + " (accepted: \(scale.accepted))", key: slot.column, organisation: organisation)
            case .metadata(let field):
                return rejected(found + AssessmentReader.expected(field), key: names[index], organisation: organisation)
            case .ignored:
                continue
            }
        }
        let values = names.map { JSONText.text(flat[$0]) }
        let shown = names.map { name in flat[name].flatMap { JSONText.isFlag($0) ? JSONText.described($0) : nil } }
        var result = ReadAssessments()
        self.read(values: values, columns: columns, file: file, row: number, namingKeys: true, shown: shown, into: &result)
        if let response = result.responses.first { return .response(response) }
        return .rejected(result.rejected[0])
    }

    /// The organisation a rejected respondent names, so rejected.csv says whose answers they were:
    /// nil unless exactly one key gives it, as one value.
    private func soleOrganisation(in values: [String: Any]) -> String? {
        let given = values.filter { column(named: $0.key) == .metadata("organisation") }
        guard given.count == 1, let value = given.first?.value, !JSONText.isContainer(value) else { return nil }
        let name = JSONText.text(value).trimmingWhitespaceForInput
        return name.isEmpty ? nil : name
    }

    /// What a respondent's own key takes, after "found ... where".
    private static func expected(_ field: String) -> String {
        switch field {
        case "organisation": "the organisation's name is expected (accepted: text or a number)"
        case "respondent": "the respondent's name or id is expected (accepted: text or a number)"
        case "role": "one role is expected (accepted: text, such as staff, service user, carer or board)"
        default: "the date is expected (accepted: text, such as 2024-05-31)"
        }
    }

    /// Why a respondent without an organisation is rejected: the keys that name it, and a key
    /// that looks meant to, as a forms tool may write it ("Name of your organisation").
    static func noOrganisation(among names: [String]) -> String {
        var reason = #"no "organisation" key (accepted: "organisation", "organization" or "organisation name", in any case)"#
        let likely = likelyOrganisation(names)
        if likely.count == 1 { reason += #"; if key '\#(names[likely[0]])' names the organisation, name it "organisation""# }
        let shown = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
        return reason + (names.isEmpty ? "; the respondent has no keys" : "; its keys are \(shown)")
    }

    /// A rejected respondent as a batch groups it: one whose organisation cannot be found from
    /// its keys alone (`answers` or the organisation given twice, a name outside ASCII) is
    /// rejected by the batch's first pass, with no organisation to tell of it, and so here.
    static func grouped(_ rejected: RejectedRow, _ text: ArraySlice<UInt8>) -> RejectedRow {
        guard rejected.organisation != nil else { return rejected }
        var keys: [UInt8] = []
        guard JSONRespondentScan.organisation(in: text, keys: &keys) == nil else { return rejected }
        var ungrouped = rejected
        ungrouped.brokenRow = true
        return ungrouped
    }

    /// Reads a JSON Lines file's bytes, one respondent per line; blank lines are skipped, and a
    /// line that is not one respondent is rejected with its number. With `wholeInput`, a file
    /// whose respondents answer nothing of the framework throws.
    public func readJSONLines(_ bytes: [UInt8], file: String, into result: inout ReadAssessments, wholeInput: Bool = false) throws(InputError) {
        var start = 0
        var number = 0
        var keys = JSONAnswerKeys()
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            number += 1
            start = end + 1
            if LineReader.Line.isBlank(line) { continue }
            keys.note(line, reader: self)
            switch readRespondent(line, number: number, file: file, warnings: &result.warnings) {
            case .response(let response): result.add(response)
            case .rejected(let rejected): result.add(AssessmentReader.grouped(rejected, line))
            case .blank: continue
            }
        }
        if wholeInput { try keys.check(file, reader: self) }
    }

    /// Reads a JSON file: an array of respondents (or one), each item read as a batch reads it,
    /// so that an item that is not one respondent is rejected with its number and the others
    /// are still read. A file that is not an array, or that ends before its array is closed,
    /// throws, saying where; with `wholeInput`, so does one whose respondents answer nothing of
    /// the framework.
    public func readJSON(_ data: Data, file: String, into result: inout ReadAssessments, wholeInput: Bool = false) throws(InputError) {
        var items = JSONItemReader(bytes: Array(data))
        var read = result
        var keys = JSONAnswerKeys()
        while let item = items.nextItem() {
            keys.note(item.bytes, reader: self)
            switch readRespondent(item.bytes, number: item.number, file: file, start: item.position, warnings: &read.warnings) {
            case .response(let response): read.add(response)
            case .rejected(let rejected): read.add(AssessmentReader.grouped(rejected, item.bytes))
            case .blank: continue
            }
        }
        if let problem = items.problem { throw InputError("\(file): \(problem)") }
        if wholeInput { try keys.check(file, reader: self) }
        result = read
    }
}
