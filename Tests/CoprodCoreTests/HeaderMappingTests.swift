import CoprodCore
import CoprodIO
import Testing

/// Headers as forms tools export them: a statement's text, numbered, in a grid or after its
/// section's title; a text several items share; a form's question for the role.
@Suite("Mapping a forms tool's headers to the framework")
struct HeaderMappingTests {
    private let assets1 = "You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute."
    private let reflect = "What would help you to improve in this area?"

    /// A CSV field, quoted: statements hold commas.
    private func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Reads one header and one row for `framework`: each answer by its id, and the warnings.
    private func read(_ framework: Framework, header: [String], row: [String]) throws -> (answers: [String: Answer], warnings: [String]) {
        let csv = header.map(quoted).joined(separator: ",") + "\n" + row.map(quoted).joined(separator: ",") + "\n"
        let (_, read) = try evaluate(framework, csv: csv)
        let answers = read.responses.first?.answers.all ?? [:]
        return (Dictionary(uniqueKeysWithValues: answers.map { ($0.key.column, $0.value) }), read.warnings)
    }

    @Test("a decorated statement maps to its id", arguments: [
        "1. You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.",
        "3.1. You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.",
        "Q1. You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.",
        "Q1: You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute",
        "1) you acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.",
        "Assets [You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.]",
        "Principle 1 - Assets [You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute]",
        "Assets: You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.",
        "ASSETS:  1. you acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute",
        "You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute",
        "You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute?",
    ])
    func decoratedStatement(header: String) throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let (answers, warnings) = try read(framework, header: ["organisation", header], row: ["A", "4"])
        #expect(answers == ["assets.1": .number(4)])
        #expect(warnings == [])
    }

    /// A statement with brackets of its own, in Google's grid: the text is what the final `]`
    /// closes, not what follows the statement's own `[`.
    @Test func aGridHeaderOfAStatementWithBracketsMapsToIt() throws {
        let (framework, _) = try loadFramework("trauma-responsive")
        let text = "The People with Lived Experience Advisory Group have developed a pledge [within the Charter], which they would like everyone across the partnership to sign up to."
        let (answers, warnings) = try read(framework, header: ["organisation", "Responsive [\(text)]"], row: ["A", "3"])
        #expect(answers == ["responsive.7": .number(3)])
        #expect(warnings == [])
    }

    /// The project checklist's casting vote is a statement of its own and the end of board.6:
    /// only the whole text, however decorated, is either.
    @Test func aStatementThatEndsAnotherIsItsOwn() throws {
        let (framework, _) = try loadFramework("project-checklist")
        let (answers, _) = try read(framework, header: ["organisation", "Q7: If the project team has the casting vote, this is not coproduction",
                                                        "Management of project using a board [There must be a fair process to resolve disputes between professional and service users on the project board. If the project team has the casting vote, this is not coproduction]"],
                                    row: ["A", "no", "partly"])
        #expect(answers == ["board.casting-vote": .choice("no"), "board.6": .choice("partly")])
    }

    /// Texts the same but for their final punctuation are the same once it is dropped: only as
    /// written (or by their ids) are they told apart, unless a section's title says which.
    @Test func aDecoratedTextOfTwoItemsMapsToNeither() throws {
        let framework = try loadFramework(source: """
            return framework { id = "two", title = "Two", scale = ordinal { min = 1, max = 5 },
              section "a" { title = "First", statement "a.1" "Do you agree." },
              section "b" { title = "Second", statement "b.1" "Do you agree?" } }
            """)
        let (answers, warnings) = try read(framework, header: ["organisation", "Do you agree?", "1. do you agree"], row: ["A", "4", "2"])
        #expect(answers == ["b.1": .number(4)])
        #expect(warnings == ["input.csv: column C '1. do you agree' is not read (ignored): the text is asked in 2 items, a.1 and b.1: head each column with the id of the item it answers"])
        let (titled, _) = try read(framework, header: ["organisation", "First: Do you agree", "Second [do you agree]"], row: ["A", "4", "2"])
        #expect(titled == ["a.1": .number(4), "b.1": .number(2)])
    }

    /// The audit asks "What would help you to improve in this area?" in each of its five
    /// sections: five columns of it are those five, in order.
    @Test func aTextOfFiveItemsHeadingFiveColumnsIsReadInOrder() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let (answers, warnings) = try read(framework, header: ["organisation", "assets.1"] + Array(repeating: reflect, count: 5),
                                           row: ["A", "3", "time", "links", "", "trust", "money"])
        #expect(answers == ["assets.1": .number(3), "assets.reflect": .text("time"), "networks.reflect": .text("links"),
                            "relationships.reflect": .text("trust"), "catalysts.reflect": .text("money")])
        #expect(warnings == ["input.csv: columns C, D, E, F and G 'What would help you to improve in this area?' are read in order as assets.reflect, networks.reflect, outcomes.reflect, relationships.reflect and catalysts.reflect, as a form asks them: the text is asked in 5 items (head the columns with their ids to be sure)"])
    }

    /// Two columns of it, or five with one of the five also given by its id, cannot be told apart.
    @Test func aTextOfFiveItemsHeadingOtherCountsIsNotGuessed() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let (answers, warnings) = try read(framework, header: ["organisation", "assets.1", reflect, reflect], row: ["A", "3", "time", "links"])
        #expect(answers == ["assets.1": .number(3)])
        #expect(warnings == ["input.csv: columns C and D 'What would help you to improve in this area?' are not read (ignored): the text is asked in 5 items, assets.reflect, networks.reflect, outcomes.reflect, relationships.reflect and catalysts.reflect: head each column with the id of the item it answers"])
        let (given, _) = try read(framework, header: ["organisation", "assets.reflect"] + Array(repeating: reflect, count: 5),
                                  row: ["A", "x", "1", "2", "3", "4", "5"])
        #expect(given == ["assets.reflect": .text("x")])
    }

    @Test("a form's question for the role is pointed out", arguments: ["What is your role?", "Your role", "Role in the organisation"])
    func aRoleQuestionIsPointedOut(header: String) throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let (_, warnings) = try read(framework, header: ["organisation", header, "assets.1"], row: ["A", "staff", "4"])
        #expect(warnings == ["input.csv: column B '\(header)' is not part of involvement-audit (ignored; if it gives each respondent's role, head it 'role', or no respondent has one; `coprod template involvement-audit` lists the columns)"])
        // With a role column, it is one more column not read.
        let (_, withRole) = try read(framework, header: ["organisation", "role", header, "assets.1"], row: ["A", "staff", "staff", "4"])
        #expect(withRole == ["input.csv: column C '\(header)' is not part of involvement-audit (ignored; `coprod template involvement-audit` lists the columns)"])
    }

    /// The header's names hold commas: each is quoted, and a long header is cut short. A role's
    /// question naming the organisation is not taken for the organisation's.
    @Test func noOrganisationQuotesTheHeadersNames() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        var read = ReadAssessments()
        let header = "Name,\"Email address, work\",Role in the organisation,Q1,Q2,Q3,Q4\nJo,jo@example.org,staff,1,2,3,4\n"
        #expect(throws: InputError("input.csv: no 'organisation' column; the header has: 'Name', 'Email address, work', 'Role in the organisation', 'Q1', 'Q2' and 2 more")) {
            try AssessmentReader(framework: framework).readCSV(Array(header.utf8), file: "input.csv", into: &read)
        }
    }

    /// A misspelt statement decorated as a form does it still finds its id.
    @Test func aMisspeltDecoratedStatementFindsItsId() throws {
        let (framework, _) = try loadFramework("involvement-audit")
        let misspelt = "Q1. " + assets1.replacingOccurrences(of: "acknowledge", with: "acknowlege")
        let (_, warnings) = try read(framework, header: ["organisation", "assets.2", misspelt], row: ["A", "3", "4"])
        #expect(warnings == ["input.csv: column C '\(misspelt)' is not part of involvement-audit (ignored; did you mean 'assets.1'? `coprod template involvement-audit` lists the columns)"])
    }
}
