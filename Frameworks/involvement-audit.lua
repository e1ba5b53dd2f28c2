-- Co-production & Involvement Audit: a self-assessment tool for organisations.
-- Co-production Network for Wales, Issue 1, May 2019. Encodes seed 002 word for word.
--
-- Rules from the seed: each of the fifteen action statements is scored 1-5; a principle's average
-- is the sum of its three scores divided by 3 (the host's default section score, the mean, is
-- exactly that when all three are answered); the evaluation wheel is shaded to each average.
--
-- Choices where the seed is silent (see `notes`): several respondents combine by the mean of their
-- scores per statement; the "five things which will help us to improve the most" of the cover
-- sheet are one free-text action per principle (`<principle>.action`).

local wales = ordinal {
  min = 1, max = 5,
  labels = { "No action yet", "Made a start", "Making progress", "Doing really well", "Doing as well as you can" },
  meanings = {
    "You haven't taken action yet.",
    "You have made a start.",
    "You have made progress on several fronts.",
    "You are doing really well in some areas, but not all.",
    "You are doing as well you can be everywhere.",
  },
}

local improve = "What would help you to improve in this area?"

-- The cover sheet asks for one action per principle under this heading.
local cover_sheet = "The five things which will help us to improve the most are:"

return framework {
  id = "involvement-audit",
  title = "Co-production & Involvement Audit",
  subtitle = "A self-assessment tool for organisations",
  publisher = "Co-production Network for Wales",
  edition = "Issue 1. May 2019",
  source = "seed 002: Co-production & Involvement Audit (Co-production Network for Wales, Issue 1, May 2019)",
  introduction = {
    "In the context of public services: co-production is an asset-based approach that enables people providing and people receiving services to share power and responsibility, and work together in equal, reciprocal and caring relationships. It creates opportunities for people to access the support they need when they need it, and to contribute to social change.",
    "The Co-production and Involvement Audit is a simple self-assessment tool which helps organisations assess how effective they are at successfully adopting co-productive ways of working. It consists of fifteen action statements, organised in accordance with the 'five core principles of co-production' (Figure 1) each of which is given a score.",
    "It provides a high-level snapshot of how you are doing, alongside an understanding of what is working, and what needs to be done to keep improving. The Co-production and Involvement Audit's uses include supporting report writing and formal evaluations, external audits and internal periodic reviews.",
    "It should take no longer than 30 minutes to complete and will deliver the best results when it is completed by a group of individuals from across an organisation working together.",
  },
  guidance = {
    "STEP 1: Assess your performance (Pages 4-8)",
    "Consider the three action statements listed for each of the five core principles of co-production. Give yourself a score from 1-5 for each, in accordance with the following guidelines:",
    "For each of the principles, calculate your average score by adding up your individual scores and dividing them by 3.",
    "STEP 2: Reflect on your performance (Pages 4-8)",
    "For each of the principles, consider what would help you to improve, noting your thoughts in the space provided.",
    "STEP 3: Visualise your results (Page 9)",
    "Use the Co-production & Involvement Audit Cover Sheet to visualise your results. Use your average score for each of the principles, and shade in the appropriate sections on the evaluation wheel.",
    "STEP 4: Identify your actions (Page 9)",
    "Consider the one action which would help you to improve the most for each of the principles, noting it in the space provided on the Co-production & Involvement Audit Cover Sheet.",
    "Sign and date the Cover Sheet, and store it somewhere safe!",
  },
  scale = wales,
  combine = "mean",

  section "assets" {
    title = "Assets",
    summary = "You value all participants and you build on their strengths and resources.",
    statement "assets.1" "You acknowledge that everyone (including staff and people you support) has skills, strengths, knowledge or experience to contribute.",
    statement "assets.2" "You find ways to use and develop their assets, which builds their confidence and capacity further.",
    statement "assets.3" "You demonstrate that you value everyone's contribution, and you ensure everyone's voice is heard.",
    reflect "assets.reflect" (improve),
    reflect "assets.action" (cover_sheet),
  },

  section "networks" {
    title = "Networks",
    summary = "You develop networks of mutual support.",
    statement "networks.1" "You help people become part of supportive peer networks.",
    statement "networks.2" "You help people to make connections with communities, groups or other networks.",
    statement "networks.3" "You use these networks to make positive change happen.",
    reflect "networks.reflect" (improve),
    reflect "networks.action" (cover_sheet),
  },

  section "outcomes" {
    title = "Outcomes",
    summary = "You do what matters for all people involved with a focus on outcomes.",
    statement "outcomes.1" "Your work is shaped around what matters to the individual.",
    statement "outcomes.2" "You focus on creating good outcomes (the difference in someone's life) more than on outputs (what you did and how often).",
    statement "outcomes.3" "Your monitoring and evaluation systems are built around these good outcomes.",
    reflect "outcomes.reflect" (improve),
    reflect "outcomes.action" (cover_sheet),
  },

  section "relationships" {
    title = "Relationships",
    summary = "You build relationships of trust, reciprocity and equality by sharing power and responsibility.",
    statement "relationships.1" "You take time to build connections, trust and understanding.",
    statement "relationships.2" "You respect each other's perspective and the value everyone brings to the table.",
    statement "relationships.3" "You ensure your approaches, systems and structures enable and encourage the sharing of power.",
    reflect "relationships.reflect" (improve),
    reflect "relationships.action" (cover_sheet),
  },

  section "catalysts" {
    title = "Catalysts",
    summary = "People are change makers, as an organisation your role is to enable this.",
    statement "catalysts.1" "You see your role as enabling people to change, not just delivering services.",
    statement "catalysts.2" "You help people to build the life they want by enabling them to take action.",
    statement "catalysts.3" "You work in partnership with the people you support to co-commission, co-design, co-deliver and co-evaluate your services.",
    reflect "catalysts.reflect" (improve),
    reflect "catalysts.action" (cover_sheet),
  },

  notes = {
    "Principle average: the seed's rule, the sum of the three scores divided by 3 (the default section score, the mean of its statements).",
    "Several respondents: the mean of their scores for each statement, then the principle average of those means. The seed is written for a group filling it in together; the mean keeps every respondent's view in the figure, and each role's own view is kept beside it.",
    "The cover sheet's \"five things which will help us to improve the most\" are one free-text action per principle (ids <principle>.action). Its Name, Organisation and Date fields are the input's respondent, organisation and date columns.",
    "Acknowledgements (from the seed): This document was produced by the Co-production Network for Wales, an independent organisation working to transform public services in Wales through co-production and involvement for the benefit of citizens, their communities, the professionals delivering services in the statutory and third sectors and the public bodies that support them. It is an evolution of the Co-production Audit developed by Ruth Dineen and Public Health Wales, which takes inspiration from the New Economics Foundation's Co-production Self-assessment Framework.",
  },
}
