import CoprodCore
import Foundation

/// A row that was read but not evaluated, and why.
public struct RejectedRow: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The row's number: in a JSON Lines file its line's, in a JSON file its item's, as the
    /// message names it.
    public var row: Int
    public var organisation: String?
    /// Where in the row: a CSV column as its spreadsheet letter and its id ("D 'assets.1'"), a
    /// JSON respondent's key as the word and its id ("key 'assets.1'"), since JSON has no columns.
    public var column: String?
    /// For an item of a JSON file, which can run over many lines: where its key, or the item,
    /// starts, as an editor shows it.
    public var place: TextPosition?
    public var reason: String
    /// The row itself is broken (a quote, the number of fields), so the organisation it seems
    /// to name is not told of it in its result, as a batch cannot group such a row.
    public var brokenRow = false

    public init(file: String, row: Int, organisation: String? = nil, column: String? = nil, place: TextPosition? = nil, reason: String) {
        self.file = file
        self.row = row
        self.organisation = organisation
        self.column = column
        self.place = place
        self.reason = reason
    }

    /// Where in the row, as rejected.csv's column gives it: the column or key, and the place.
    public var whereInRow: String {
        guard let column else { return place?.description ?? "" }
        return column + (place.map { " (\($0))" } ?? "")
    }

    public var description: String {
        var text = "\(file) \(InputKind(file: file).rowWord) \(row)"
        if let column { text += column.hasPrefix("key '") ? ", \(column)" : ", column \(column)" }
        if let place { text += " (\(place))" }
        return text + ": " + reason
    }
}

/// An input that cannot be read at all (no organisation column, unreadable file, unknown column
/// with --strict): wrong usage rather than a bad row.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The key a message about a JSON respondent's keys is about, to place it in a JSON file.
    public var key: String?
    public init(_ message: String, key: String? = nil) {
        self.message = message
        self.key = key
    }
    public var description: String { message }
}

/// What reading inputs gave: the responses, the rows rejected, and warnings about columns.
public struct ReadAssessments: Sendable {
    public var responses: [Response] = []
    public var rejected: [RejectedRow] = []
    public var warnings: [String] = []
    /// Data rows read (blank rows are not counted): responses + rejected.
    public var rowsRead: Int { responses.count + rejected.count }
    /// Each organisation's name as its first row read spells it, rejected or not (names equal
    /// as text may differ in their bytes): a batch names an organisation so.
    public private(set) var spellings: [String: String] = [:]

    public init() {}

    /// Adds a row read from a whole input (not a batch's, which names organisations itself).
    mutating func add(_ response: Response) {
        if spellings[response.organisation] == nil { spellings[response.organisation] = response.organisation }
        responses.append(response)
    }

    mutating func add(_ row: RejectedRow) {
        // A broken row's organisation is a guess, which a batch does not group by.
        if !row.brokenRow, let name = row.organisation?.trimmingWhitespaceForInput, !name.isEmpty, spellings[name] == nil { spellings[name] = name }
        rejected.append(row)
    }
}

/// Maps input columns to a framework's answers and reads each row's values on their scales.
///
/// Headers may be the ids a template uses (`assets.1`, `equality.1.survey`) or the full text of a
/// statement as a forms tool exports it, compared with case and white space folded. The columns
/// `organisation` (required), `respondent`, `role` and `date` describe the respondent.
public struct AssessmentReader: Sendable {
    public let framework: Framework
    /// Unknown columns are errors instead of warnings.
    public var strict: Bool

    /// Ids, and statement texts that are one item's, folded, with their slots.
    let slotsByHeader: [String: AnswerSlot]
    /// Statement texts as forms tools decorate them, and texts that are several items'.
    let statements: StatementHeaders
    /// The framework's slots in order, and the scale of each, by position.
    let layout: SlotLayout
    private let scales: [Scale]
    /// Each slot's scale's words, folded, with their answers.
    private let answersByWord: [[String: Answer]]
    /// The same words as bytes, for cells read straight from a record's bytes: a short list
    /// compared byte by byte costs less than making a `String` of every cell to look it up.
    private let answersBySpelling: [[(spelling: [UInt8], answer: Answer)]]
    /// Which slots take free text, read as it is without looking for a word.
    private let takesText: [Bool]

    static let metadata: [String: String] = [
        "organisation": "organisation", "organization": "organisation", "organisation name": "organisation",
        "respondent": "respondent", "name": "respondent", "role": "role", "date": "date",
    ]

    /// The signature of the framework's slots this reader places columns by: readers with the
    /// same one give the same places to the same columns.
    public var slotSignature: UInt64 { layout.signature }

    public init(framework: Framework, strict: Bool = false) {
        self.framework = framework
        self.strict = strict
        let layout = SlotLayout(framework: framework)
        var byHeader: [String: AnswerSlot] = [:]
        for slot in layout.slots { byHeader[slot.column.foldedForMatching] = slot }
        self.layout = layout
        scales = layout.slots.map { framework.scale(of: $0) ?? .text }
        answersByWord = scales.map(\.answersByWord)
        answersBySpelling = answersByWord.map { words in words.map { (Array($0.key.utf8), $0.value) } }
        takesText = scales.map { $0 == .text }
        // Full statement texts, as forms tools use them for headers; a text used twice is
        // ambiguous here (see `StatementHeaders`).
        var texts: [String: [AnswerSlot]] = [:]
        for indicator in framework.indicators { texts[indicator.text.foldedForMatching, default: []].append(AnswerSlot(id: indicator.id, part: .answer)) }
        for prompt in framework.prompts { texts[prompt.text.foldedForMatching, default: []].append(AnswerSlot(id: prompt.id, part: .prompt)) }
        for (text, slots) in texts where slots.count == 1 && byHeader[text] == nil { byHeader[text] = layout.placed(slots[0]) }
        slotsByHeader = byHeader
        statements = StatementHeaders(framework: framework, layout: layout)
    }

    /// Reads a file as its extension says (`InputKind`).
    public func readFile(_ path: String, into result: inout ReadAssessments) throws(InputError) {
        let bytes = try InputFile.contents(of: path)
        let kind = InputKind(file: path)
        if kind != .csv, let reason = NotText.reason(firstBytes: Array(bytes.prefix(NotText.prefixLength)), file: path, format: .json) {
            throw InputError(reason)
        }
        switch kind {
        case .json: try readJSON(Data(bytes), file: path, into: &result, wholeInput: true)
        case .jsonLines:
            let before = result.responses.count + result.rejected.count
            try readJSONLines(bytes, file: path, into: &result, wholeInput: true)
            // Blank lines are skipped: nothing read is an empty file.
            if result.responses.count + result.rejected.count == before { throw AssessmentReader.emptyJSONLines(path) }
        case .csv: try readCSV(bytes, file: path, into: &result)
        }
    }

    /// Reads one CSV file's bytes; `file` names it in messages.
    public func readCSV(_ bytes: [UInt8], file: String, into result: inout ReadAssessments) throws(InputError) {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else { throw AssessmentReader.emptyCSV(file) }
        let columns = try self.columns(header, file: file, warnings: &result.warnings) { Array(bytes.prefix(NotCSV.prefixLength)) }
        // The organisation of the nearest row above that has one, as a batch keeps it.
        var above: String?
        for record in reader {
            switch response(record, columns: columns, file: file, organisationAbove: above) {
            case .response(let response):
                above = response.organisation
                result.add(response)
            case .rejected(let rejected):
                // As a batch keeps it: from a row it groups, even one with a cell not UTF-8.
                if !rejected.brokenRow, let name = rejected.organisation?.trimmingWhitespaceForInput, !name.isEmpty { above = name }
                result.add(rejected)
            case .blank: continue
            }
        }
    }

    /// What a CSV file with nothing in it gives, whichever command reads it.
    public static func emptyCSV(_ file: String) -> InputError {
        InputError("\(file): the file is empty (expected a header row with an 'organisation' column)")
    }

    /// What a JSON Lines file with no line but blank ones gives, whichever command reads it: as
    /// for CSV and JSON, an empty input is most often the wrong file, or one not yet written.
    public static func emptyJSONLines(_ file: String) -> InputError {
        InputError("\(file): the file is empty (expected one respondent per line, such as {\"organisation\": \"...\", ...})")
    }

    /// An input file's columns, mapped to the framework: what the header row says.
    public struct Columns: Sendable {
        let columns: [Column]
        /// The header's names, to name a column in a message.
        let names: [String]
        public var count: Int { columns.count }
        /// For each column, the place of its slot among the framework's slots, or -1 for a
        /// column that is not an answer: read by number, a column costs no copy of its slot.
        let places: [Int]

        init(columns: [Column], names: [String]) {
            self.columns = columns
            self.names = names
            places = columns.map { if case .slot(let slot) = $0, let position = slot.position { position } else { -1 } }
        }

        /// A column as messages name it: its letter, and an answer's id or another column's header.
        func describe(_ index: Int) -> String {
            if case .slot(let slot) = columns[index] { return "\(AssessmentReader.letter(index)) '\(slot.column)'" }
            return index < names.count ? "\(AssessmentReader.letter(index)) '\(names[index])'" : AssessmentReader.letter(index)
        }

        /// Where the organisation is in each record.
        public var organisationIndex: Int? { columns.firstIndex(of: .metadata("organisation")) }
    }

    /// Maps a CSV header row. Unknown columns add a warning (or throw with `strict`). A header
    /// that cannot be mapped throws; given the file's `firstBytes`, a file that is not CSV at all
    /// (a workbook, UTF-16 text, semicolons) is named as what it is.
    public func columns(_ header: CSVReader.Record, file: String, warnings: inout [String],
                        firstBytes: (() -> [UInt8])? = nil) throws(InputError) -> Columns {
        do throws(InputError) {
            if let problem = header.problem { throw InputError("\(file) row 1: \(problem)") }
            var result = ReadAssessments()
            let columns = try mapHeader(header.fields, file: file, into: &result)
            warnings += result.warnings
            return Columns(columns: columns, names: header.fields)
        } catch {
            throw firstBytes.flatMap { NotCSV.reason(firstBytes: $0(), file: file) }.map { InputError($0) } ?? error
        }
    }

    /// What one record became.
    public enum Outcome: Sendable {
        case response(Response)
        case rejected(RejectedRow)
        /// A row with no values at all (spreadsheets export trailing empty rows): not counted.
        case blank
    }

    /// A row with no values at all, which is not counted as a row read.
    public static func isBlank(_ record: CSVReader.Record) -> Bool {
        record.problem == nil && record.fields.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Reads one data record against the header's columns. `organisationAbove` is the
    /// organisation of the nearest row above that has one, to say of an empty one that a
    /// spreadsheet's merged cell may have left it empty.
    public func response(_ record: CSVReader.Record, columns: Columns, file: String, organisationAbove: String? = nil) -> Outcome {
        if AssessmentReader.isBlank(record) { return .blank }
        if let problem = record.problem {
            // A problem in one cell names its column, and the organisation if it is in another.
            if let field = record.problemField, field.index < columns.count {
                // A cell not UTF-8 leaves the others read; a quote out of place, those after it in doubt.
                let organisation = columns.organisationIndex.flatMap { index in
                    index < field.index || (field.encoding && index != field.index) ? record.fields[index].trimmingWhitespaceForInput : nil
                }
                var rejected = RejectedRow(file: file, row: record.row, organisation: organisation?.isEmpty == false ? organisation : nil,
                                           column: columns.describe(field.index), reason: field.reason)
                rejected.brokenRow = !field.encoding || record.hasQuoteProblem
                return .rejected(rejected)
            }
            return .rejected(RejectedRow(file: file, row: record.row, reason: problem))
        }
        if record.fields.count != columns.count {
            // Named by its organisation when that field is there, so the row can be found.
            let organisation = columns.organisationIndex.flatMap { $0 < record.fields.count ? record.fields[$0].trimmingWhitespaceForInput : nil }
            var rejected = RejectedRow(file: file, row: record.row, organisation: organisation?.isEmpty == false ? organisation : nil,
                                       reason: "the row has \(counted(record.fields.count, "field")) but the header has \(columns.count)")
            rejected.brokenRow = true
            return .rejected(rejected)
        }
        var result = ReadAssessments()
        read(values: record.fields, columns: columns.columns, names: columns.names, file: file, row: record.row,
             organisationAbove: organisationAbove, into: &result)
        if let response = result.responses.first { return .response(response) }
        return .rejected(result.rejected[0])
    }

    enum Column: Equatable, Sendable {
        case metadata(String)
        case slot(AnswerSlot)
        case ignored
    }

    /// Reads a plain record (ASCII, no quotes) straight from its bytes, so a number on a points
    /// scale needs no `String`: a batch reads every cell of every row. Nil when the record is not
    /// plain or has a value off its scale: the full reading then gives the same answers, or the
    /// rejection with its reason.
    public func plainResponse(_ raw: CSVReader.RawRecord, columns: Columns, file: String) -> Response? {
        let bytes = raw.bytes
        guard raw.fieldCount == columns.count, !raw.hasQuoteProblem,
              !bytes.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\"") }) else { return nil }
        var response = Response(organisation: "", answers: Answers(layout: layout), file: file, row: raw.row)
        var start = 0
        for (index, position) in columns.places.enumerated() {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
            defer { start = end + 1 }
            let cell = bytes[start..<end]
            guard position >= 0 else {
                if case .metadata(let field) = columns.columns[index] {
                    AssessmentReader.set(field, String(decoding: cell, as: UTF8.self).trimmingWhitespaceForInput, in: &response)
                }
                continue
            }
            guard position < scales.count, cell.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { continue }
            if takesText[position] {
                response.answers.set(.text(String(decoding: cell, as: UTF8.self)), at: position)
            } else if let point = AssessmentReader.wholeNumber(cell), let points = scales[position].points, points.contains(point) {
                response.answers.set(.number(Double(point)), at: position)
            } else if let word = answersBySpelling[position].first(where: { $0.spelling.count == cell.count && $0.spelling.first == cell.first && $0.spelling.elementsEqual(cell) }) {
                response.answers.set(word.answer, at: position)
            } else {
                do {
                    if let answer = try answer(String(decoding: cell, as: UTF8.self), at: position) { response.answers.set(answer, at: position) }
                } catch {
                    return nil
                }
            }
        }
        return response.organisation.isEmpty ? nil : response
    }

    /// Digits with nothing but spaces around them, as a number; nil for anything else.
    private static func wholeNumber(_ cell: ArraySlice<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        var trailing = false
        for byte in cell {
            if byte == UInt8(ascii: " ") {
                if digits > 0 { trailing = true }
                continue
            }
            guard !trailing, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    private static func set(_ field: String, _ text: String, in response: inout Response) {
        switch field {
        case "organisation": response.organisation = text
        case "respondent": response.respondent = text.isEmpty ? nil : text
        case "role": response.role = text.isEmpty ? nil : text.lowercased()
        default: response.date = text.isEmpty ? nil : text
        }
    }

    /// One cell's answer on the scale of the slot at `position`; nil for an empty cell.
    private func answer(_ value: String, at position: Int) throws(ValueProblem) -> Answer? {
        // A word on the scale ("Made a start", "Yes"): found without parsing.
        if let first = value.utf8.first, first > 0x39, !answersByWord[position].isEmpty,
           let answer = answersByWord[position][value] ?? answersByWord[position][value.trimmingWhitespace.foldedForMatching] {
            return answer
        }
        return try scales[position].parse(value)
    }

    /// Reads one row's values into a response, or a rejection naming every value off its scale
    /// (one row rejected, so the counts hold): by column letter, or with `namingKeys` (a JSON
    /// respondent) by key. `names` are a CSV header's, to name the organisation's column;
    /// `shown` gives how to show a value whose text is not the input's (a JSON `true`, read as
    /// "yes").
    func read(values: [String], columns: [Column], names: [String]? = nil, file: String, row: Int, namingKeys: Bool = false,
              shown: [String?]? = nil, organisationAbove: String? = nil, into result: inout ReadAssessments) {
        var response = Response(organisation: "", answers: Answers(layout: layout), file: file, row: row)
        var offScale: [(column: String, reason: String)] = []
        for (index, column) in columns.enumerated() {
            let value = values[index]
            switch column {
            case .metadata(let field):
                AssessmentReader.set(field, value.trimmingWhitespaceForInput, in: &response)
            case .slot(let slot):
                guard let position = slot.position, position < scales.count else { continue }
                do {
                    if let answer = try answer(value, at: position) { response.answers[slot] = answer }
                } catch {
                    offScale.append((namingKeys ? "key '\(slot.column)'" : "\(AssessmentReader.letter(index)) '\(slot.column)'",
                                     shown?[index].map { scales[position].notOnScale($0).message } ?? error.message))
                }
            case .ignored:
                continue
            }
        }
        if let first = offScale.first {
            let others = offScale.dropFirst().map { "; also \($0.column.hasPrefix("key '") ? "" : "column ")\($0.column): \($0.reason)" }
            result.rejected.append(RejectedRow(file: file, row: row, organisation: organisationName(values, columns), column: first.column,
                                               reason: first.reason + others.joined()))
            return
        }
        guard !response.organisation.isEmpty else {
            let index = columns.firstIndex(of: .metadata("organisation"))
            let column = index.map { namingKeys ? "key '\(names?[$0] ?? "organisation")'" : "\(AssessmentReader.letter($0)) '\(names?[$0] ?? "organisation")'" }
            // A spreadsheet's cell merged over several rows keeps its text in the first row only.
            let merged = organisationAbove.map { "; the organisation above it is '\($0)': if that cell was merged over the rows below it, unmerge it and fill the name down" }
            result.rejected.append(RejectedRow(file: file, row: row, column: column,
                                               reason: "the organisation is empty: every row needs the name of the organisation it assesses" + (merged ?? "")))
            return
        }
        // Appended as it is: a batch reads each row so, and names organisations itself.
        result.responses.append(response)
    }

    private func organisationName(_ values: [String], _ columns: [Column]) -> String? {
        columns.firstIndex(of: .metadata("organisation")).map { values[$0].trimmingWhitespaceForInput }
    }

    /// Spreadsheet column letters: 0 is A, 26 is AA.
    static func letter(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}

extension String {
    /// Without spaces and tabs at either end; the common case (none) costs one look at each end.
    public var trimmingWhitespaceForInput: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
