/// What an input file holds, by its extension, as every reader and message decides it: `.json`
/// is JSON, `.jsonl` and `.ndjson` are JSON Lines, anything else is CSV (a pipe included).
public enum InputKind: Sendable {
    case csv, jsonLines, json

    public init(file: String) {
        let lowercased = file.lowercased()
        if lowercased.hasSuffix(".jsonl") || lowercased.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if lowercased.hasSuffix(".json") {
            self = .json
        } else {
            self = .csv
        }
    }

    /// What one row of the file is called in messages: a spreadsheet has rows, a JSON Lines file
    /// lines and a JSON file the items of its array, and a person looks for the one named.
    public var rowWord: String {
        switch self {
        case .csv: "row"
        case .jsonLines: "line"
        case .json: "item"
        }
    }
}
