-- Quality Indicators for Co-production and Inclusive Practice: "Everybody's business".
-- Devised with Contact, from the four principles of co-production developed by Rotherham parent
-- carers, young people and families through Genuine Partnerships. Encodes seed 001 word for word.
--
-- Each principle has its "What should it feel like?" statements (25 in all), a 0-10 "How are we
-- doing?" rating (0 Not Great, 5 OK, 10 Great), what is going well and what could be better in
-- the local area, examples of good practice, and the three NEXT STEPS prompts.
--
-- Choices where the seed is silent (see `notes`): several respondents combine by the median
-- rating; next steps put the lowest-rated principles first with the three prompts. The Word
-- template's placeholder ("[Type a quote from the document ...]") is not framework content and is
-- left out. "[your Local Area name]" is kept as written: a local area adapting the framework
-- replaces it with its own name.

local how_are_we_doing = rating { min = 0, max = 10, anchors = { [0] = "Not Great", [5] = "OK", [10] = "Great" } }

local next_steps = {
  "What needs to happen now?",
  "What will this involve?",
  "How will this be done in co-production?",
}

local examples = "Give examples of good practice within the Local Area from organisations, departments, services and school/settings"

return framework {
  id = "inclusive-practice",
  title = "Quality Indicators for Co-production and Inclusive Practice",
  subtitle = "Everybody’s business",
  source = "seed 001: Quality Indicators for Co-production and Inclusive Practice, Everybody’s business",
  introduction = {
    "Good quality co-production and participation is required by the Children and Families Act 2014 and subsequent SEND legislation. However, this process and its success depends on organisational cultures fostering and embedding this approach.",
    "These Quality Indicators have been produced to help groups, organisations and partnerships identify and develop good practice in how they work together in co-production.",
    "Evidence shows that when local area partners actively work towards these Quality Indicators together, a culture of inclusion and co-production begins to thrive, trust strengthens, relationships flourish and better outcomes are generated for all.",
    "What is co-production and inclusion?",
    "Co-production is an equal and reciprocal relationship where everyone’s knowledge and skills are used to create better outcomes.",
    "Inclusion is a universal human right that is about embracing all people, irrespective of race, gender, disability or other attribute which can be perceived as different.",
    "About this document",
    "This document sets out a Quality Indicators action-planning and evaluation framework.",
    "These Quality Indicators draw on the four principles of co-production. These principles were developed by Rotherham parent carers, young people and families through Alliance member Genuine Partnerships. The framework was devised in partnership with Contact.",
    -- GAP: seed line "The four principles required to create a good quality of co-production and
    -- inclusion are:" is followed by a figure that the extraction lost; the four principles are
    -- the four sections below.
    "The four principles required to create a good quality of co-production and inclusion are:",
  },
  guidance = {
    "Using the Quality Indicators",
    "Step 1: Reflect on and discuss each Quality Indicator and consider how the principles of co-production:",
    "feature in your vision/mission statement",
    "are modelled and promoted by leaders",
    "are included within your strategic plan",
    "are evident in your organisational values",
    "impact on organisational processes and methodology",
    "are embedded in recruitment processes",
    "determine joint decision-making",
    "are reflected in commissioning criteria",
    "are integrated in your Local Offer",
    "affect budgets and investments",
    "help shape workforce development priorities",
    "Step 2: Consider:",
    "how well are you doing locally?",
    "what does good look like to you?",
    "what are your examples of best practice?",
    "what is happening already?",
    "what could be better?",
    "how are you thinking about these questions in co-production?",
    "what do you need to do next?",
  },
  combine = "median",

  section "welcome-care" {
    title = "WELCOME & CARE",
    summary = "What should it feel like?",
    feel "All voices are heard and valued",
    feel "Expectations are communicated early and with clarity",
    feel "Supportive communities are built in partnership",
    feel "Environments feel happy and secure for everyone",
    feel "Confidence, well-being and self-esteem are nurtured",
    feel "Strengths and achievements are emphasised",
    feel "Responses are always kind",
    indicator "welcome-care.rating" { text = "How are we doing?", scale = how_are_we_doing },
    reflect "welcome-care.going-well" "What’s going well in [your Local Area name]…",
    reflect "welcome-care.could-be-better" "What could be better [your Local Area name]…",
    reflect "welcome-care.examples" (examples),
    next_steps = next_steps,
  },

  section "value-include" {
    title = "VALUE & INCLUDE",
    summary = "What should it feel like?",
    feel "A ‘can do’ approach is the norm",
    feel "Decision making processes involve the people they are about, or affect",
    feel "Needs are identified early and involvement of all partners is welcomed at every stage",
    feel "Information about strengths and needs are shared, with permission, and with all who need to know",
    feel "Everyone tries to have the right knowledge, understanding and skills to respond constructively to different strengths and needs",
    feel "Responses to individual needs and changing circumstances are creative and flexible",
    feel "Everyone is involved in the development of policies, systems and values",
    indicator "value-include.rating" { text = "How are we doing?", scale = how_are_we_doing },
    reflect "value-include.going-well" "What’s going well in [your Local Area name]…",
    reflect "value-include.could-be-better" "What could be better in [your Local Area name]…",
    reflect "value-include.examples" (examples),
    next_steps = next_steps,
  },

  section "communicate" {
    title = "COMMUNICATE",
    summary = "What should it feel like?",
    feel "Views and involvement are always sought",
    feel "Listening is calm and respectful",
    feel "Follow up responses are timely and constructive",
    feel "Time and space is made available to ensure everyone’s voice is heard in a way that suits them",
    feel "Information is given in good time and in an accessible format taking into account individual needs",
    feel "Language is positive and constructive",
    feel "Agreed actions are regularly reviewed and evaluated with all partners",
    indicator "communicate.rating" { text = "How are we doing?", scale = how_are_we_doing },
    reflect "communicate.going-well" "What’s going well in [your Local Area name]…",
    reflect "communicate.could-be-better" "What could be better in [your Local Area name]…",
    reflect "communicate.examples" (examples),
    next_steps = next_steps,
  },

  section "partnership" {
    title = "Partnership",
    summary = "What should it feel like?",
    feel "There are opportunities for all partners to feedback in order to improve everyone’s experience",
    feel "Everyone is an equal partner and their contribution is valued",
    feel "Co-production and participation in individual and strategic decision making is actively encouraged",
    feel "Partners work well together to develop plans, set targets and create and deliver specific programmes",
    indicator "partnership.rating" { text = "How are we doing?", scale = how_are_we_doing },
    reflect "partnership.going-well" "What’s going well in [your Local Area name]…",
    reflect "partnership.could-be-better" "What could be better in [your Local Area name] …",
    reflect "partnership.examples" (examples),
    next_steps = next_steps,
  },

  notes = {
    "The seed names no publisher: it says the framework was devised in partnership with Contact, from principles developed through Genuine Partnerships.",
    "Each principle is rated 0-10 on the seed's \"How are we doing?\" scale: 0 Not Great, 5 OK, 10 Great. The principle's score is its rating.",
    "Several respondents: the median rating of a principle, so one very high or very low rating does not move the area's view on its own; each role's rating is kept beside it.",
    "Next steps: the lowest-rated principles first, each with the seed's three NEXT STEPS prompts.",
    "The partnership principle is titled \"Partnership\" in the seed, where the other three are in capitals; the seed's titles are kept.",
    "For further information and resources on co-production, please visit Contact’s website at www.contact.org.uk, or email Contact’s parent carer participation team at parent.participation@contact.org",
    "To find out more about the work of Genuine Partnerships and the four principles of co-production visit www.genuinepartnerships.co.uk.",
  },
}
