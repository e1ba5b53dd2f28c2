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

    /// A web address is left as written: a viewer links it, and would keep a backslash in it.
    @Test func webAddressesAreLeftAsWritten() {
        #expect(Markdown.escape("https://example.org/standards?id=3&lang=en") == "https://example.org/standards?id=3&lang=en")
        #expect(Markdown.escape("see (https://example.org/~team/guide_v2.pdf). Then *act*")
                == "see (https://example.org/~team/guide_v2.pdf). Then \\*act\\*")
        #expect(Markdown.escape("www.example.org/a_b_ and <this>") == "www.example.org/a_b_ and \\<this\\>")
        #expect(Markdown.escape("https://x.org/a|b", inTable: true) == "https://x.org/a\\|b")
    }

    /// A text that would start a list or a heading where it is put (after a list's "- ", or at a
    /// line's start) has that character escaped; one inside the text is left.
    @Test func aTextStartingAsAListItemOrHeading() {
        #expect(Markdown.escape("1. First Org") == "1\\. First Org")
        #expect(Markdown.escape("12) Twelfth") == "12\\) Twelfth")
        #expect(Markdown.escape("- dash") == "\\- dash")
        #expect(Markdown.escape("+ Plus") == "\\+ Plus")
        #expect(Markdown.escape("# Hash") == "\\# Hash")
        #expect(Markdown.escape("#1 in the area") == "#1 in the area")
        #expect(Markdown.escape("2024. A year") == "2024\\. A year")
        #expect(Markdown.escape("Step 1. Begin - then go on") == "Step 1. Begin - then go on")
        #expect(Markdown.escape("3.5 average") == "3.5 average")
    }
}
