/// Text put into Markdown as it is written. A framework's words, an organisation's name or what a
/// respondent wrote can look like markup: a renderer takes "(ids <principle>.action)" for an HTML
/// tag and drops it, and "A | B <Ltd>" loses "<Ltd>". Every Markdown coprod writes (show, evaluate,
/// batch reports, summary.md) escapes such text here, with CommonMark's backslash, and only where
/// the character could change what is rendered, so that the Markdown still reads as plain text.
public enum Markdown {
    /// `text` escaped for a Markdown paragraph, heading or list item; `inTable`, for a table's
    /// cell, escapes `|` too, which ends the cell.
    public static func escape(_ text: String, inTable: Bool = false) -> String {
        guard text.contains(where: { "\\<>*`~&_|".contains($0) }) else { return text }
        let characters = Array(text)
        var escaped = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            if needsEscape(character, before: before, after: after, inTable: inTable) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func needsEscape(_ character: Character, before: Character?, after: Character?, inTable: Bool) -> Bool {
        switch character {
        // HTML and autolinks, a blockquote, emphasis, code, strikethrough (GitHub's), and the
        // backslash itself, which would escape what follows it.
        case "\\", "<", ">", "*", "`", "~": true
        // Only where it could begin a character reference (&amp; &#38;): "Health & Care" stays.
        case "&": after.map { $0.isLetter || $0.isNumber || $0 == "#" } ?? false
        // An underscore inside a word (section_score) neither opens nor closes emphasis.
        case "_": !(isInWord(before) && isInWord(after))
        case "|": inTable
        default: false
        }
    }

    private static func isInWord(_ character: Character?) -> Bool {
        character.map { $0.isLetter || $0.isNumber } ?? false
    }

    /// A line of Markdown written with `escape`, as plain text: the emphasis and code markers
    /// coprod put around texts dropped, and the escapes undone, so the texts read as written.
    static func plain(_ line: Substring) -> String {
        var text = ""
        var escaping = false
        for character in line {
            if escaping {
                text.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character != "*" && character != "`" {
                text.append(character)
            }
        }
        return escaping ? text + "\\" : text
    }
}
