import CoprodReports
import Testing

/// Text coprod puts into Markdown is escaped where a renderer would take it for markup, and only
/// there, so that the Markdown still reads as text.
@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    /// involvement-audit.lua's note, and the organisation whose heading lost "<Ltd>".
    @Test func anglesAreNotTakenForHTML() {
        #expect(Markdown.escape("one free-text action per principle (ids <principle>.action).")
                == "one free-text action per principle (ids \\<principle\\>.action).")
        #expect(Markdown.escape("A | B <Ltd>") == "A | B \\<Ltd\\>")
        #expect(Markdown.escape("3 > 2") == "3 \\> 2")
    }

    /// `|` ends a table's cell, and nothing outside a table.
    @Test func aBarIsEscapedInATableOnly() {
        #expect(Markdown.escape("A | B <Ltd>", inTable: true) == "A \\| B \\<Ltd\\>")
        #expect(Markdown.escape("carer | parent") == "carer | parent")
    }

    /// `&` only where it could begin a character reference: "&amp;" would show as "&".
    @Test func anAmpersandBeforeAWordOnly() {
        #expect(Markdown.escape("Co-production & Involvement Audit") == "Co-production & Involvement Audit")
        #expect(Markdown.escape("Fish &amp; Chips, &#38;, AT&T") == "Fish \\&amp; Chips, \\&#38;, AT\\&T")
        #expect(Markdown.escape("Fish &") == "Fish &")
    }

    /// Emphasis, code and strikethrough markers; an underscore inside a word is left, since it
    /// neither opens nor closes emphasis.
    @Test func emphasisCodeAndStrikethrough() {
        #expect(Markdown.escape("*very* important, `rules`, ~50~") == "\\*very\\* important, \\`rules\\`, \\~50\\~")
        #expect(Markdown.escape("rules.section_score") == "rules.section_score")
        #expect(Markdown.escape("_urgent_ and snake_case_") == "\\_urgent\\_ and snake_case\\_")
    }

    /// A backslash would escape what follows it; plain text is left as it is.
    @Test func backslashesAndPlainText() {
        #expect(Markdown.escape(#"C:\Reports\*"#) == #"C:\\Reports\\\*"#)
        let plain = "What’s going well in [your Local Area name]… (3/12, 25%, n/a) — Bronze: “Nothing about us, without us”"
        #expect(Markdown.escape(plain) == plain)
        #expect(Markdown.escape("") == "")
    }
}
