/// What one row of an input is called in messages, by the kind of file: a spreadsheet has rows,
/// a JSON Lines file has lines and a JSON file the items of its array, and a person looks for
/// the one the message names.
public enum RowWord {
    /// "line" for `.jsonl` and `.ndjson`, "item" for `.json`, "row" for anything else (CSV, as
    /// inputs are read by their extension).
    public static func of(file: String) -> String {
        let lowercased = file.lowercased()
        if lowercased.hasSuffix(".jsonl") || lowercased.hasSuffix(".ndjson") { return "line" }
        if lowercased.hasSuffix(".json") { return "item" }
        return "row"
    }
}
