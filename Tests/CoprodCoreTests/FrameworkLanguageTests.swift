import CoprodCore
import CoprodIO
import LuaHost
import Testing

@Suite("The framework language")
struct FrameworkLanguageTests {
    @Test func mistakesNameTheFileAndLine() throws {
        let error = #expect(throws: FrameworkError.self) {
            try loadFramework(source: """
                return framework {
                  id = "x", title = "X",
                  section "a" {
                    titel = "A",
                  },
                }
                """, name: "typo.lua")
        }
        #expect(error?.file == "typo.lua")
        #expect(error?.line == 3)
        #expect(error?.description == "typo.lua:3: section 'a': unknown field 'titel': did you mean 'title'? (accepted: below, label, next_steps, questions, scale, summary, title)")
    }

    /// Loads `source` as `name` and returns the error it must give, as the command line prints it.
    private func refusal(_ source: String, name: String = "area.lua") -> String? {
        let error = #expect(throws: FrameworkError.self) { try loadFramework(source: source, name: name) }
        return error?.description
    }

    @Test func mistakesInTheFrameworkTableNameTheLineOfTheField() throws {
        // `return framework { ... }` is a tail call: the line comes from the file's source.
        let error = #expect(throws: FrameworkError.self) {
            try loadFramework(source: """
                return framework {
                  id = "x",
                  titel = "X",
                  section "a" { title = "A" },
                }
                """, name: "typo.lua")
        }
        #expect(error?.file == "typo.lua")
        #expect(error?.line == 3)
        #expect(error?.description == "typo.lua:3: framework 'x': unknown field 'titel': did you mean 'title'? (accepted: below, combine, edition, gap, guidance, id, introduction, notes, publisher, rules, scale, source, subtitle, title)")
        #expect(refusal("""
            return framework { id = "x", title = "X",
              section "a" { title = "A" },
              combine = "average",
            }
            """) == "area.lua:3: framework 'x': 'combine' must be \"mean\" or \"median\"")
        // A rule of its own written beside the setting is pointed to where rules go.
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A" },
              combine = function(indicator, answers) return 1 end,
            }
            """) == "area.lua:2: framework 'x': 'combine' must be \"mean\" or \"median\"; a function of your own belongs in rules = { combine = function(indicator, answers) ... end }")
        #expect(refusal("""
            return framework { id = "x", title = "X",
              gap = "wide",
              section "a" { title = "A" } }
            """) == "area.lua:2: framework 'x': 'gap' must be a number (got string)")
        // A field that is missing, or a mistake with no field of its own: the line of the call.
        #expect(refusal("""
            local title = "X"

            return framework { id = "x",
              section "a" { title = "A" } }
            """) == "area.lua:3: framework 'x': 'title' must be non-empty text")
        #expect(refusal("\n\nreturn framework { id = 'x', title = 'X' }") == "area.lua:3: framework 'x': a framework needs at least one section")
    }

    @Test func fieldLinesSkipStringsCommentsAndFunctionBodies() throws {
        #expect(refusal("""
            -- titel = "in a comment"
            local shared = { titel = "in another table" }
            return framework {
              id = "x", title = "X { with a brace",
              notes = { [[a long
            string with } and titel = "y"]], "--[[ not a comment", 'it\\'s { here' },
              --[==[ titel = "in a long comment" ]==]
              scale = ordinal { min = 1, max = 3 },
              section "a" { title = "A", statement "a.1" "One" },
              rules = { section_score = function(s, i) local titel = 1 if titel then return 2 end end },
              titel = "the one",
            }
            """) == "area.lua:11: framework 'x': unknown field 'titel': did you mean 'title'? (accepted: below, combine, edition, gap, guidance, id, introduction, notes, publisher, rules, scale, source, subtitle, title)")
        // Not a tail call: the same line, and a table built elsewhere gets the line of the call.
        #expect(refusal("""
            local made = framework {
              id = "x",
              titel = "X",
              section "a" { title = "A" } }
            return made
            """) == "area.lua:3: framework 'x': unknown field 'titel': did you mean 'title'? (accepted: below, combine, edition, gap, guidance, id, introduction, notes, publisher, rules, scale, source, subtitle, title)")
        #expect(refusal("""
            local body = { id = "x", titel = "X", section "a" { title = "A" } }

            local made = framework(body)
            return made
            """) == "area.lua:3: framework 'x': unknown field 'titel': did you mean 'title'? (accepted: below, combine, edition, gap, guidance, id, introduction, notes, publisher, rules, scale, source, subtitle, title)")
    }

    @Test func anIdUsedTwiceIsReportedAtItsSecondUse() throws {
        #expect(refusal("""
            return framework { id = "x", title = "X", scale = ordinal { min = 1, max = 3 },
              section "a" {
                title = "A",
                statement "a.1" "One",
                statement "a.1" "Again",
              },
            }
            """) == "area.lua:5: framework 'x': the id 'a.1' is used twice (in section 'a')")
        #expect(refusal("""
            return framework { id = "x", title = "X",
              section "a" { title = "A" },
              section "a" { title = "Again" },
            }
            """) == "area.lua:3: framework 'x': two sections have the id 'a'")
    }

    /// Numbers and answers that only mean something on a scale are checked against it where
    /// they are written: one in the wrong units (a percentage for a share) would otherwise count
    /// every organisation below a bar, or fail every one on a must-rule, without a word.
    @Test func barsGapsAndMustRulesAreCheckedAgainstTheirScales() throws {
        let points = "scale = ordinal { min = 1, max = 5 }"
        #expect(refusal("""
            return framework { id = "x", title = "X", \(points),
              section "a" { title = "A", below = 7, statement "a.1" "One" } }
            """) == "area.lua:2: section 'a': 'below' is 7, but the section is scored on the 1-5 scale (accepted: a number from 1 to 5)")
        #expect(refusal("""
            return framework { id = "x", title = "X", scale = checklist(),
              below = 50,
              section "a" { title = "A", item "a.1" "One" } }
            """) == "area.lua:2: framework 'x': 'below' is 50, but section 'a' is scored as the share of its items met, from 0 to 1 "
                + "(accepted: a share from 0 to 1, such as 0.5 for half met; or give that section a 'below' of its own)")
        // A tiered section counts its organisations at each tier: no bar to check.
        _ = try loadFramework(source: """
            return framework { id = "x", title = "X", below = 3, scale = tiers { "bronze", "silver" },
              section "a" { title = "A", indicator "a.1" { text = "One" } } }
            """, name: "area.lua")
        #expect(refusal("""
            return framework { id = "x", title = "X", \(points),
              gap = -1,
              section "a" { title = "A", statement "a.1" "One" } }
            """) == "area.lua:2: framework 'x': 'gap' is -1 (accepted: 0 or more)")
        #expect(refusal("""
            return framework { id = "x", title = "X", \(points), gap = 4,
              section "a" { title = "A", statement "a.1" "One" } }
            """) == "area.lua:1: framework 'x': 'gap' is 4, but section 'a' is scored on the 1-5 scale: its roles' scores differ by at most 4, "
                + "so it would never show (accepted: from 0 to under 4)")
        #expect(refusal("""
            return framework { id = "x", title = "X", gap = 25,
              section "c" { title = "C", item "c.1" "One" } }
            """) == "area.lua:1: framework 'x': 'gap' is 25, but section 'c' is scored as the share of its items met, from 0 to 1: "
                + "its roles' shares differ by at most 1, so it would never show (accepted: a share from 0 to under 1, such as 0.25)")
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A",
              ratio "a.1" { text = "Members", numerator = "Ours", denominator = "All",
                at_least = 30 } } }
            """) == "area.lua:2: ratio 'a.1': 'at_least' is 30, but a ratio is a share (accepted: a share from 0 to 1, such as 0.3 for 30%)")
        #expect(refusal("""
            return framework { id = "x", title = "X", scale = checklist(), section "a" { title = "A",
              item "a.1" { text = "Casting vote", must = true, must_be = "no" } } }
            """) == "area.lua:2: item 'a.1': 'must_be' is for a yes / no question (scale = yes_no()); a checklist item with must = true must be answered yes")
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A",
              item "a.1" { text = "Casting vote", scale = yes_no(), must = true, must_be = "nope" } } }
            """) == "area.lua:2: item 'a.1': 'must_be' is 'nope' (accepted: \"yes\" or \"no\")")
        // An item without a scale of its own is a checklist item, whatever its section's scale.
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A", scale = yes_no(),
              item "a.1" { text = "Casting vote", must = true, must_be = "no" } } }
            """) == "area.lua:2: item 'a.1': 'must_be' is for a yes / no question (scale = yes_no()); a checklist item with must = true must be answered yes")
        #expect(refusal("""
            return framework { id = "x", title = "X", \(points),
              below = 2.5,
              section "p" { title = "P", statement "p.1" "One" },
              section "l" { title = "L", item "l.1" "Done" } }
            """) == "area.lua:2: framework 'x': 'below' is 2.5, but section 'l' is scored as the share of its items met, from 0 to 1 "
                + "(accepted: a share from 0 to 1, such as 0.5 for half met; or give that section a 'below' of its own)")
        // What each kind of section takes is accepted: a bar of its own for the checklist, a gap
        // that shows on the points (a checklist's roles are then never that far apart), a bar
        // between the lowest and highest of a section's scales, nothing for a section not scored.
        _ = try loadFramework(source: """
            return framework { id = "x", title = "X", \(points), below = 2.5, gap = 1,
              section "p" { title = "P", statement "p.1" "One", statement "p.2" { text = "Two", scale = ordinal { min = 0, max = 10 } } },
              section "l" { title = "L", below = 0.5, item "l.1" "Done" },
              section "n" { title = "N", note "About", reflect "n.r" "What else?" },
              section "w" { title = "W", scale = text(), statement "w.1" "In your words" },
              section "r" { title = "R", below = 7, statement "r.1" { text = "Ten", scale = ordinal { min = 0, max = 10 } } } }
            """, name: "area.lua")
    }

    /// `must_be` is an answer, read in any case as answers are.
    @Test func mustBeIsAnAnswerInAnyCase() throws {
        let state = try FrameworkCatalog().makeState()
        let framework = try FrameworkLoader.load(source: Array("""
            return framework { id = "vote", title = "Vote", section "a" { title = "A",
              item "a.1" { text = "Casting vote", scale = yes_no(), must = true, must_be = "No" } } }
            """.utf8), chunkName: "@vote.lua", origin: "vote.lua", in: state)
        let evaluator = Evaluator(framework: framework)
        let slot = AnswerSlot(id: "a.1", part: .answer)
        func result(_ answer: String) throws -> OrganisationResult {
            try evaluator.evaluate(Assessment(organisation: "River", responses: [Response(organisation: "River", answers: [slot: .choice(answer)])]))
        }
        #expect(try result("no").passed == true)
        #expect(try result("yes").passed == false)
    }

    @Test func rulesRefuseWhatTheyDoNotKnow() throws {
        #expect(refusal("""
            return framework { id = "x", title = "X",
              section "a" { title = "A" },
              rules = {
                section_scor = function() return 1 end,
              },
            }
            """) == "area.lua:4: framework 'x': unknown rule 'section_scor': did you mean 'section_score'? (accepted: combine, next_steps, section_score)")
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A" },
              rules = { scoring = function() return 1 end } }
            """) == "area.lua:2: framework 'x': unknown rule 'scoring' (accepted: combine, next_steps, section_score)")
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A" },
              rules = {
                next_steps = { "Meet monthly" } } }
            """) == "area.lua:3: framework 'x': rules.next_steps must be a function (got table)")
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A" },
              rules = { function() return 1 end } }
            """) == "area.lua:2: framework 'x': rules[1] has no rule name (accepted: combine, next_steps, section_score)")
        #expect(refusal("""
            return framework { id = "x", title = "X", section "a" { title = "A" },
              rules = "section_score" }
            """) == "area.lua:2: framework 'x': 'rules' must be a table of functions")
    }

    @Test func duplicateIdsAndOffScaleDefinitionsAreRefused() throws {
        let duplicate = #expect(throws: FrameworkError.self) {
            try loadFramework(source: """
                return framework { id = "x", title = "X", scale = ordinal { min = 1, max = 3 },
                  section "a" { title = "A", statement "a.1" "One", statement "a.1" "Again" } }
                """)
        }
        #expect(duplicate?.message.contains("the id 'a.1' is used twice") == true)
        let labels = #expect(throws: FrameworkError.self) {
            try loadFramework(source: "return framework { id = 'x', title = 'X', scale = ordinal { min = 1, max = 3, labels = { 'a', 'b' } }, section 'a' { title = 'A' } }")
        }
        #expect(labels?.message.contains("2 labels given for the 3 points 1-3") == true)
    }

    @Test func aFileMustReturnAFramework() throws {
        let error = #expect(throws: FrameworkError.self) { try loadFramework(source: "return { id = 'x' }", name: "plain.lua") }
        #expect(error?.message.contains("a framework file must return framework { ... }") == true)
    }

    @Test func frameworksRunInTheSandbox() throws {
        let error = #expect(throws: FrameworkError.self) { try loadFramework(source: "io.open('/etc/passwd')", name: "evil.lua") }
        #expect(error?.message.contains("evil.lua:1: attempt to index a nil value (global 'io')") == true)
        let loop = #expect(throws: FrameworkError.self) {
            let state = try FrameworkCatalog().makeState(limits: LuaLimits(instructions: 1_000_000))
            _ = try FrameworkLoader.load(source: Array("while true do end".utf8), chunkName: "@loop.lua", origin: "", in: state)
        }
        #expect(loop?.message.contains("loop.lua:1: instruction limit") == true)
    }

    @Test func scaleTypesRegisterThroughOneAPI() throws {
        let framework = try loadFramework(source: """
            define_scale("quality", function(options) return { levels = options } end)
            local q = quality { "bronze", "silver" }
            assert(q.kind == "scale" and q.type == "quality" and q.levels[2] == "silver")
            return framework { id = "x", title = "X", scale = tiers { "bronze", "silver", "gold" },
              section "a" { title = "A", indicator "a.1" { text = "One", bronze = { "b" }, silver = "s", gold = { "g1", "g2" } } } }
            """)
        #expect(framework.indicators.first?.descriptors == ["bronze": ["b"], "silver": ["s"], "gold": ["g1", "g2"]])
        // A preset returns a built-in scale, and is evaluated as that scale.
        let preset = try loadFramework(source: """
            define_scale("five", function(options) return ordinal { min = 1, max = 5, labels = options.labels } end)
            return framework { id = "x", title = "X", scale = five { labels = { "a", "b", "c", "d", "e" } },
              section "a" { title = "A", statement "a.1" "One" } }
            """)
        #expect(preset.indicators.first?.scale == .ordinal(min: 1, max: 5, labels: ["a", "b", "c", "d", "e"], meanings: []))
        // A type of its own cannot be evaluated yet: refused where it is used.
        #expect(refusal("""
            define_scale("quality", function(options) return { levels = options } end)
            return framework { id = "x", title = "X", section "a" { title = "A",
              indicator "a.1" { text = "One", scale = quality { "low", "high" } } } }
            """) == "area.lua:3: indicator 'a.1': the scale type 'quality' cannot be evaluated by this version of coprod "
                + "(accepted: checklist, ordinal, rating, text, tiers, yes_no, or a define_scale that returns one of them)")
    }

    /// Sections of points, tiers and checklist items, for the rules' tests.
    private let threeKindsOfSection = """
        section "a" { title = "A", statement "a.1" "One" },
          section "q" { title = "Q", indicator "q.1" { text = "Tiered", scale = tiers { "bronze", "silver", "gold" } } },
          section "c" { title = "C", item "c.1" "Done" },
        """

    /// A framework of the three kinds of section with `rules` (from its line 6), loaded as ID.lua.
    private func threeKindsFramework(_ id: String, rules: String) throws -> (Framework, LuaState) {
        let state = try FrameworkCatalog().makeState()
        let source = """
            return framework { id = "\(id)", title = "\(id)", scale = ordinal { min = 1, max = 5 },
              \(threeKindsOfSection)
              rules = {
            \(rules)
              } }
            """
        return (try FrameworkLoader.load(source: Array(source.utf8), chunkName: "@\(id).lua", origin: "\(id).lua", in: state), state)
    }

    /// `rules.combine` replaces how two or more respondents combine, for the whole organisation and
    /// for a role with two or more; one respondent's answer is its own, without a call.
    @Test func aCombineRuleReplacesHowRespondentsCombine() throws {
        let (framework, state) = try threeKindsFramework("heard", rules: """
                combine = function(indicator, answers)
                  CALLS[#CALLS + 1] = indicator.id .. ":" .. #answers
                  if RETURNS then return RETURNS[indicator.id] end
                  if indicator.id == "a.1" then  -- service users count twice
                    local sum, weight = 0, 0
                    for _, answer in ipairs(answers) do
                      local w = answer.role == "service user" and 2 or 1
                      sum, weight = sum + w * answer.score, weight + w
                    end
                    return sum / weight
                  elseif indicator.id == "q.1" then  -- the highest tier anyone reached
                    local order, best = { none = 0, bronze = 1, silver = 2, gold = 3 }, "none"
                    for _, answer in ipairs(answers) do if order[answer.score] > order[best] then best = answer.score end end
                    return best
                  end
                  for _, answer in ipairs(answers) do  -- the first service user's answer
                    if answer.role == "service user" then return answer.score end
                  end
                end,
            """)
        let rules = try #require(try FrameworkRules(framework: framework, state: state))
        var read = ReadAssessments()
        try AssessmentReader(framework: framework).readCSV(Array("""
            organisation,role,a.1,q.1,c.1
            River,staff,4,bronze,yes
            River,service user,1,silver,partly
            River,service user,2,none,no
            Hill,staff,3,gold,no

            """.utf8), file: "heard.csv", into: &read)
        #expect(read.rejected.isEmpty)
        try state.run("CALLS = {}")
        let evaluator = Evaluator(framework: framework)
        let results = try Assessment.group(read.responses).map { assessment throws(LuaError) in try evaluator.evaluate(assessment, rules: rules) }
        let river = try #require(results.first { $0.organisation == "River" })
        // a.1: (4 + 2 x 1 + 2 x 2) / 5 = 2 (the mean would be 2.33); service users (2 x 1 + 2 x 2) / 4.
        #expect(river.indicator("a.1")?.score == .number(2))
        #expect(river.indicator("a.1")?.roleScores["service user"] == .number(1.5))
        #expect(river.indicator("a.1")?.roleScores["staff"] == .number(4))
        // q.1: silver, the highest (the lower median would be bronze); the section is its tier.
        #expect(river.indicator("q.1")?.score == .tier(2, "silver"))
        #expect(river.indicator("q.1")?.declared == nil)
        #expect(river.section("q")?.score == .tier(2, "silver"))
        // c.1: the first service user's "partly", half met (the least met would be "no").
        #expect(river.indicator("c.1")?.answer == "partly")
        #expect(river.indicator("c.1")?.score == .share(0.5))
        #expect(river.indicator("c.1")?.roleScores["staff"] == .share(1))
        // Hill's one respondent, and River's one staff member, call nothing.
        let hill = try #require(results.first { $0.organisation == "Hill" })
        #expect(hill.indicator("q.1")?.score == .tier(3, "gold"))
        let calls = try state.run("return table.concat(CALLS, ' ')").first?.stringValue
        #expect(calls == "a.1:3 a.1:2 q.1:3 q.1:2 c.1:3 c.1:2")

        // What a scale cannot take is refused at the rule's line, saying what it takes.
        let riverAssessment = try #require(Assessment.group(read.responses).first { $0.organisation == "River" })
        func refusal(_ returns: String) throws -> String? {
            try state.run("RETURNS = " + returns)
            return #expect(throws: LuaError.self) { try evaluator.evaluate(riverAssessment, rules: rules) }?.message
        }
        #expect(try refusal("{ ['a.1'] = 7 }") == "heard.lua:6: rules.combine returned 7 for a.1, which takes a number from 1 to 5, or nil for no score")
        #expect(try refusal("{ ['a.1'] = 3, ['q.1'] = 'platinum' }")
            == "heard.lua:6: rules.combine returned 'platinum' for q.1, which takes one of none, bronze, silver, gold, or nil for no score")
        #expect(try refusal("{ ['a.1'] = 3, ['q.1'] = 'gold', ['c.1'] = 'maybe' }")
            == "heard.lua:6: rules.combine returned 'maybe' for c.1, which takes one of yes, partly, no, n/a, or nil for no score")
        // Numbers a scale cannot hold are refused too, quoted in full, never formatted as scores.
        #expect(try refusal("{ ['a.1'] = math.huge }") == "heard.lua:6: rules.combine returned inf for a.1, which takes a number from 1 to 5, or nil for no score")
        #expect(try refusal("{ ['a.1'] = 5.0000001 }") == "heard.lua:6: rules.combine returned 5.0000001 for a.1, which takes a number from 1 to 5, or nil for no score")
        try state.run("RETURNS = { ['a.1'] = 3.5, ['q.1'] = 'gold' }")
        let accepted = try evaluator.evaluate(riverAssessment, rules: rules)
        #expect(accepted.indicators.map(\.score) == [.number(3.5), .tier(3, "gold"), .none])
        // Nil leaves c.1 unscored though all three answered it: a warning says the rule did so,
        // once, for the whole organisation and not for the service users' view.
        #expect(accepted.indicator("c.1")?.answers == 3)
        #expect(accepted.warnings == ["c.1 \"Done\": rules.combine gave no score for its 3 answers"])
        // Text as an input's cell would give it: any case, a number as text.
        try state.run("RETURNS = { ['a.1'] = '2', ['q.1'] = 'Silver', ['c.1'] = 'Partly' }")
        let written = try evaluator.evaluate(riverAssessment, rules: rules)
        #expect(written.indicators.map(\.score) == [.number(2), .tier(2, "silver"), .share(0.5)])
        #expect(written.indicator("c.1")?.answer == "partly")
    }

    @Test func rulesInLuaReplaceTheDefaults() throws {
        let state = try FrameworkCatalog().makeState()
        let framework = try FrameworkLoader.load(source: Array("""
            return framework { id = "best", title = "Best", scale = ordinal { min = 1, max = 5 },
              section "a" { title = "A", statement "a.1" "One", statement "a.2" "Two" },
              rules = {
                section_score = function(section, indicators)
                  local best = 0
                  for _, indicator in ipairs(indicators) do best = math.max(best, indicator.score or 0) end
                  if best == 5 then error("five is not believable") end
                  return best
                end,
                next_steps = function(result, defaults) return { result.organisation .. ": " .. #defaults .. " default steps" } end,
              } }
            """.utf8), chunkName: "@best.lua", origin: "best.lua", in: state)
        let rules = try #require(try FrameworkRules(framework: framework, state: state))
        let evaluator = Evaluator(framework: framework)
        let a = AnswerSlot(id: "a.1", part: .answer), b = AnswerSlot(id: "a.2", part: .answer)
        let result = try evaluator.evaluate(Assessment(organisation: "River", responses: [Response(organisation: "River", answers: [a: .number(2), b: .number(4)])]), rules: rules)
        #expect(result.section("a")?.score == .number(4))
        #expect(result.nextSteps == ["River: 1 default steps"])
        let error = #expect(throws: LuaError.self) {
            try evaluator.evaluate(Assessment(organisation: "Hill", responses: [Response(organisation: "Hill", answers: [a: .number(5)])]), rules: rules)
        }
        #expect(error?.message == "best.lua:7: five is not believable")
    }

    /// Each role's view of a section is scored by the framework's own rule, as the whole is: with
    /// that role's scores and answers, and the role named.
    @Test func aSectionRuleScoresEachRolesViewToo() throws {
        let state = try FrameworkCatalog().makeState()
        let framework = try FrameworkLoader.load(source: Array("""
            return framework { id = "best", title = "Best",
              scale = ordinal { min = 1, max = 5, labels = { "None", "Some", "Half", "Most", "All" } },
              section "a" { title = "A", statement "a.1" "One", statement "a.2" "Two" }, section "b" { title = "B", statement "b.1" "Three" },
              rules = {
                section_score = function(section, indicators, role)
                  local best, words = 0, {}
                  for _, indicator in ipairs(indicators) do
                    best = math.max(best, indicator.score or 0)
                    words[#words + 1] = indicator.answer or "-"
                  end
                  CALLS[#CALLS + 1] = (role or "whole") .. ": " .. table.concat(words, ", ")
                  if role and role == ODD_ROLE then return "purple" end
                  return best
                end,
              } }
            """.utf8), chunkName: "@best.lua", origin: "best.lua", in: state)
        let rules = try #require(try FrameworkRules(framework: framework, state: state))
        let evaluator = Evaluator(framework: framework)
        let one = AnswerSlot(id: "a.1", part: .answer), two = AnswerSlot(id: "a.2", part: .answer), three = AnswerSlot(id: "b.1", part: .answer)
        func response(_ role: String, _ first: Double, _ second: Double, _ third: Double? = nil) -> Response {
            var answers: Answers = [one: .number(first), two: .number(second)]
            if let third { answers[three] = .number(third) }
            return Response(organisation: "River", role: role, answers: answers)
        }
        // Staff 1, 4 and 2, service users 3 and 3: the whole is a.1 = 2, a.2 = 3.5, b.1 = 2. The
        // best indicator scores each view; the mean would give 2.75, 2.5 and 3 for A. Service
        // users scored nothing in B: they have no view of it, and the rule is not asked for one.
        try state.run("CALLS = {}")
        let river = try evaluator.evaluate(Assessment(organisation: "River", responses: [response("staff", 1, 4, 2), response("service user", 3, 3)]),
                                           rules: rules)
        #expect(river.section("a")?.score == .number(3.5))
        #expect(river.section("a")?.byRole == ["staff": .number(4), "service user": .number(3)])
        #expect(river.section("b")?.score == .number(2))
        #expect(river.section("b")?.byRole == ["staff": .number(2)])
        #expect(try state.run("return table.concat(CALLS, '; ')").first?.stringValue
            == "whole: Some, Half; service user: Half, Half; staff: None, Most; whole: Some; staff: Some")
        // With everyone in one role, that role's view is the whole one, by the rule too.
        try state.run("CALLS = {}")
        let hill = try evaluator.evaluate(Assessment(organisation: "Hill", responses: [response("staff", 1, 4, 2)]), rules: rules)
        #expect(hill.section("a")?.score == .number(4))
        #expect(hill.section("a")?.byRole == ["staff": .number(4)])
        #expect(try state.run("return table.concat(CALLS, '; ')").first?.stringValue == "whole: None, Most; whole: Some")
        // What a role's view cannot take is named with the role.
        try state.run("ODD_ROLE = 'service user'")
        let odd = #expect(throws: LuaError.self) {
            try evaluator.evaluate(Assessment(organisation: "River", responses: [response("staff", 1, 4), response("service user", 3, 3)]),
                                   rules: rules)
        }
        #expect(odd?.message == "best.lua:5: rules.section_score returned 'purple' for section 'a' (role 'service user'), which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)")
    }

    @Test func aRuleReturningWhatItsSectionCannotTakeIsNamedWithWhatItMayReturn() throws {
        let (framework, state) = try threeKindsFramework("odd", rules: """
                section_score = function(section, indicators)
                  return RETURNS[section.id]
                end,
                next_steps = function(result, defaults) return NEXT_STEPS or defaults end,
            """)
        let rules = try #require(try FrameworkRules(framework: framework, state: state))
        let evaluator = Evaluator(framework: framework)
        let river = Assessment(organisation: "River", responses: [Response(organisation: "River", answers: [:])])
        func refusal(_ returns: String) throws -> LuaError? {
            try state.run("RETURNS = " + returns)
            return #expect(throws: LuaError.self) { try evaluator.evaluate(river, rules: rules) }
        }
        let word = try refusal("{ a = 'purple' }")
        #expect(word?.message == "odd.lua:6: rules.section_score returned 'purple' for section 'a', which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)")
        #expect(word?.chunk == "odd.lua")
        #expect(word?.line == 6)
        #expect(try refusal("{ q = 'platinum' }")?.message == "odd.lua:6: rules.section_score returned 'platinum' for section 'q', which is scored in tiers (accepted: none, bronze, silver, gold, or nil for no score)")
        // A tier's number would leave it out of the area summary's tier counts; "none" is a tier.
        #expect(try refusal("{ q = 2 }")?.message == "odd.lua:6: rules.section_score returned 2 for section 'q', which is scored in tiers (accepted: none, bronze, silver, gold, or nil for no score)")
        #expect(try refusal("{ a = 'none' }")?.message == "odd.lua:6: rules.section_score returned 'none' for section 'a', which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)")
        #expect(try refusal("{ a = 0/0 }")?.message == "odd.lua:6: rules.section_score returned nan for section 'a', which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)")
        #expect(try refusal("{ c = {} }")?.message == "odd.lua:6: rules.section_score returned a table for section 'c', which is scored as the share of its items met (accepted: a number from 0 to 1, or nil for no score)")
        // A number off the section's scale, or one no scale holds, would misplace it in the summary.
        #expect(try refusal("{ a = 7 }")?.message == "odd.lua:6: rules.section_score returned 7 for section 'a', which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)")
        #expect(try refusal("{ a = 1e300 }")?.message == "odd.lua:6: rules.section_score returned 1e+300 for section 'a', which is scored on the 1-5 scale (accepted: a number from 1 to 5, or nil for no score)")
        // What the message says is accepted is.
        try state.run("RETURNS = { a = 4.5, q = 'Silver', c = 0.5 }")
        let result = try evaluator.evaluate(river, rules: rules)
        // A checklist's section is a share met, as coprod scores it: shown as a percentage.
        #expect(result.sections.map(\.score) == [.number(4.5), .tier(2, "silver"), .share(0.5)])
        try state.run("RETURNS, NEXT_STEPS = {}, 7")
        let steps = #expect(throws: LuaError.self) { try evaluator.evaluate(river, rules: rules) }
        #expect(steps?.message == "odd.lua:9: rules.next_steps must return a list of texts (returned a number)")
        // Steps keyed by section, or a step that is not text, would be dropped without a word.
        try state.run("NEXT_STEPS = { a = 'Work on A' }")
        #expect((#expect(throws: LuaError.self) { try evaluator.evaluate(river, rules: rules) })?.message
            == "odd.lua:9: rules.next_steps must return a list of texts (returned a table with the key 'a'; a list is { \"first step\", \"second step\" }, in order)")
        try state.run("NEXT_STEPS = { 'first', 2, 'third' }")
        #expect((#expect(throws: LuaError.self) { try evaluator.evaluate(river, rules: rules) })?.message
            == "odd.lua:9: rules.next_steps must return a list of texts (step 2 is 2)")
        try state.run("NEXT_STEPS = { 'first', 'second' }")
        #expect(try evaluator.evaluate(river, rules: rules).nextSteps == ["first", "second"])
        try state.run("NEXT_STEPS = {}")
        #expect(try evaluator.evaluate(river, rules: rules).nextSteps == [])
    }
}
