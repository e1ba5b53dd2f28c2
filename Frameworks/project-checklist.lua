-- Checklist for Coproduction Notes. Encodes seed 003 word for word.
--
-- Every top-level bullet is a checklist item answered yes / partly / no / n/a; its indented
-- sub-bullets are its `detail`. The seed's hard rules are must-rules, which fail the whole
-- checklist with the seed's own words:
--   * "Non-professionals must make up at least 30% of the Board" (a ratio of two counts);
--   * "The Group should be made up of at least 60% non-professionals" (a ratio of two counts);
--   * "If the project team has the casting vote, this is not coproduction" (a yes/no question
--     that must be answered no), and the other bullets that say "must" or "this is not
--     coproduction".
--
-- Choices where the seed is silent (see `notes`): several respondents combine to the least-met
-- answer; a part scores the share of applicable items met, "partly" counting half.

return framework {
  id = "project-checklist",
  title = "Checklist for Coproduction Notes",
  source = "seed 003: Checklist for Coproduction Notes",
  scale = checklist(),

  section "scoping" {
    title = "Project Scoping",
    item "scoping.1" "Coproduction projects may be initiated by the government, statutory bodies, staff, professionals, service users or the public.",
    item "scoping.2" {
      text = "Coproduction means taking account of the view of all interested parties, before/during the time when the project is fully scoped.",
      detail = {
        "It is not a matter of scoping the project and asking the interested parties if this is what they want.",
        "It is a matter of finding out what they want and incorporating it into the project.",
      },
    },
    item "scoping.3" {
      text = "Coproduction means finding out the view of all people who may be positively and/or negatively affected by your project.",
      detail = { "It is not sufficient just to ask people who will benefit." },
    },
    item "scoping.4" "Coproduction means identifying and including everyone who will be affected by the project directly and indirectly, not just involving the professionals.",
  },

  section "board" {
    title = "Management of Project using a Board",
    item "board.1" {
      text = "Project boards are essential when the project is being run or involves a range of stakeholders with separate funding. The purpose of the board is to ensure:",
      detail = {
        "all partners have an equal status",
        "the finance is controlled equably",
        "the project is delivered to a high quality level",
        "the project plan is adhered to.",
      },
    },
    item "board.2" "All stakeholders should be represented on the board",
    item "board.3" "The chair of the board should be allocated on merit, not because they are a professional. An independent chair or one who is a service user/carer would be best.",
    ratio "board.non-professionals" {
      text = "Non-professionals must make up at least 30% of the Board to ensure the views of professionals are not an overwhelming force.",
      numerator = "Non-professional members of the Board",
      denominator = "Members of the Board",
      at_least = 0.30,
      must = true,
      fails = "Non-professionals must make up at least 30% of the Board to ensure the views of professionals are not an overwhelming force.",
    },
    item "board.5" "All member of the board should have an equal opportunity for a voice and their voice should be given equal weight.",
    item "board.6" {
      text = "There must be a fair process to resolve disputes between professional and service users on the project board. If the project team has the casting vote, this is not coproduction.",
      must = true,
      fails = "There must be a fair process to resolve disputes between professional and service users on the project board.",
    },
    item "board.casting-vote" {
      text = "If the project team has the casting vote, this is not coproduction.",
      scale = yes_no(),
      must_be = "no",
      must = true,
      fails = "If the project team has the casting vote, this is not coproduction.",
    },
    item "board.7" "The Project Board should have full control over the project, including finances/personnel.",
    item "board.8" {
      text = "Items agreed by the Project Board should not be overruled by the project manager or professionals involved in the project.",
      detail = { "If an item agreed cannot be carried out for any reason, it should go back to the board for consideration and as a body the board should agree an equitable way forward." },
    },
    item "board.9" {
      text = "The project board should meet regularly and often enough to be able to make decisions on each item to be decided.",
      detail = {
        "If the board does not meet regularly this will almost certainly result in the project team professionals making decisions which should be made by the board.",
        "This is not coproduction.",
      },
      must = true,
      fails = "If the board does not meet regularly this will almost certainly result in the project team professionals making decisions which should be made by the board. This is not coproduction.",
    },
    item "board.10" "The project board should have control of the project until the project finishes.",
  },

  section "overview" {
    title = "Management of Project – Overview Group",
    item "overview.1" {
      text = "Coproduction also means having an ‘Overview Group’ of service users/carers and other stakeholders, who will be affected positively and/or negatively, by the project outcome, with possibly one/two members of the project team.",
      detail = {
        "The purpose of the Overview Group is to ensure the project is focused on the outcomes required by service users/carers or other people who will be affected directly and/or indirectly by the outcome of the project.",
        "It is usually separate from the Board and less formal.",
        "It will ensure continuous involvement of people who use the project services",
      },
    },
    item "overview.2" "The chair of the Group should be allocated on merit, not because they are a professional",
    ratio "overview.non-professionals" {
      text = "The Group should be made up of at least 60% non-professionals to ensure the group is not biased towards professionals.",
      numerator = "Non-professional members of the Overview Group",
      denominator = "Members of the Overview Group",
      at_least = 0.60,
      must = true,
      fails = "The Group should be made up of at least 60% non-professionals to ensure the group is not biased towards professionals.",
    },
    item "overview.4" "Service users/carers, professionals and other interested parties should have an equal opportunity for a voice on the Group.",
    item "overview.5" "All members of the Group should be given an equal opportunity to be heard and their views be given equal weight.",
    item "overview.6" "There should be an agreed process to resolve disputes between professional and service users on the Group.",
    item "overview.7" "All items agreed by the Group should be implemented.",
    item "overview.8" "If this is not possible for some reason the item should be returned to the Overview Group which should be provided with the information, resources and access to skills to allow a workable solution to be found.",
    item "overview.9" "No item agreed by the Group should be overruled by the project manager/professionals involved in the project. (See above note).",
    item "overview.10" {
      text = "The Overview Group must meet often enough to be able to make decisions on each item to be decided and to review each project milestone. Failure to do this will result in key decisions being made by the project professionals, which is not coproduction.",
      must = true,
      fails = "Failure to do this will result in key decisions being made by the project professionals, which is not coproduction.",
    },
    item "overview.11" "The Overview Group should have control of the project until the project finishes",
  },

  section "team" {
    title = "The Project Team",
    item "team.1" "Coproduction means involving the right people at the right stage of the project. Therefore it is not necessary or always desirable for the same non-professionals to be involved for the whole duration of the project.",
    item "team.2" "Coproduction means involving the right people at the right stage of the project. Therefore it is not necessary or always desirable for the same professionals to be involved for the whole duration of the project.",
    item "team.3" "All interested parties should be represented in equal and sufficient numbers otherwise the needs of their particular group will not have the opportunity to be heard.",
    item "team.4" {
      text = "People need to be involved over the full timeframe of the project, otherwise it is not coproduction.",
      must = true,
      fails = "People need to be involved over the full timeframe of the project, otherwise it is not coproduction.",
    },
    item "team.5" "It is important for coproduction that people who may be negatively affected by the project/service are involved. It is only by involving all parties that the best or most workable solution can be found.",
    item "team.6" "Professionals, who will make use of or take part in the project/service, are key to making a project work but are often overlooked when scoping and implementing a project. These people should be involved for coproduction.",
    item "team.7" "The professionals and technicians, who will be responsible for implementing the project or service, should be included. This is important to ensure the requirements from the Board and Overview Group are both realistic and achievable.",
    item "team.8" "Including people who will be indirectly affected by the project is coproduction e.g. a health service project involving service users would also affect carers",
    item "team.9" "All affected or potentially affected people and groups should be specially invited to ensure they are aware the project is for them.",
    item "team.10" "It is not enough just to invite somebody to a meeting. Coproduction means ensuring all interested people are involved at all times and at all levels.",
    item "team.11" "Coproduction means that any interested person or party can input into the project at different times and stages.",
    item "team.12" "This means that the whole process needs to be open and accessible.",
  },

  notes = {
    "Must-rules (failing any fails the checklist with the seed's words): the 30% non-professional Board (board.non-professionals), the fair dispute process and the casting vote (board.6, board.casting-vote), the Board meeting regularly (board.9), the 60% non-professional Overview Group (overview.non-professionals), the Overview Group meeting often enough (overview.10), and people involved over the full timeframe (team.4). These are the bullets whose words say \"must\" or \"this is not coproduction\".",
    "board.casting-vote asks whether the project team has the casting vote; the answer must be no.",
    "Ratios are answered as two counts (\"3/12\" or \"3 of 12\") or a percentage.",
    "Sub-bullets of the seed are kept as each item's detail.",
    "Several respondents: an item takes the least-met answer any respondent gives (no below partly below yes; n/a only when all say n/a), and a ratio the lowest share given: a checklist of hard rules should not be averaged away.",
    "A part scores the share of its applicable items met, partly counting half; a ratio counts as met when it reaches its threshold.",
  },
}
