/// Text put into Markdown as it is written. A framework's words, an organisation's name or what a
/// respondent wrote can look like markup: a renderer takes "(ids <principle>.action)" for an HTML
/// tag and drops it, and "A | B <Ltd>" loses "<Ltd>". Every Markdown coprod writes (show, evaluate,
/// batch reports, summary.md) escapes such text here, with CommonMark's backslash, and only where
/// the character could change what is rendered, so that the Markdown still reads as plain text.
public enum Markdown {
    /// `text` escaped for a Markdown paragraph, heading or list item; `inTable`, for a table's
    /// cell, escapes `|` too, which ends the cell.
    public static func escape(_ text: String, inTable: Bool = false) -> String {
        let marker = listMarker(in: text)
        guard marker != nil || text.contains(where: { "\\<>*`~&_|".contains($0) }) else { return text }
        let characters = Array(text)
        var escaped = ""
        var index = 0
        while index < characters.count {
            // A web address is left as written: a viewer links it, and keeps a backslash in the link.
            if let end = webAddressEnd(characters, from: index) {
                for character in characters[index..<end] {
                    if character == "|" && inTable { escaped.append("\\") }
                    escaped.append(character)
                }
                index = end
                continue
            }
            let character = characters[index]
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            if index == marker || needsEscape(character, before: before, after: after, inTable: inTable) { escaped.append("\\") }
            escaped.append(character)
            index += 1
        }
        return escaped
    }

    /// Where a text that starts as a list item or heading would ("1. First Org", "- dash", "# 1"),
    /// put after a list's "- " or at a line's start, has the character that makes it one.
    private static func listMarker(in text: String) -> Int? {
        guard let first = text.first else { return nil }
        let followedBySpace = { (offset: Int) -> Bool in
            let rest = text.dropFirst(offset)
            return rest.isEmpty || rest.first == " " || rest.first == "\t"
        }
        if "#-+".contains(first) { return followedBySpace(1) ? 0 : nil }
        let digits = text.prefix { $0.isASCII && $0.isNumber }.count
        guard (1...9).contains(digits), let after = text.dropFirst(digits).first, after == "." || after == ")" else { return nil }
        return followedBySpace(digits + 1) ? digits : nil
    }

    /// The end of a web address starting at `index` ("https://…", "www.…", up to the next space),
    /// when one starts there, at the start of a word.
    private static func webAddressEnd(_ characters: [Character], from index: Int) -> Int? {
        guard index == 0 || characters[index - 1].isWhitespace || characters[index - 1] == "(" else { return nil }
        let starts = ["https://", "http://", "www."].contains { prefix in
            characters.count - index >= prefix.count && String(characters[index..<(index + prefix.count)]).lowercased() == prefix
        }
        guard starts else { return nil }
        var end = index
        while end < characters.count, !characters[end].isWhitespace, !"<>".contains(characters[end]) { end += 1 }
        // A closing parenthesis or full stop after an address is the sentence's.
        while end > index, ".,;:)".contains(characters[end - 1]) { end -= 1 }
        return end
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
