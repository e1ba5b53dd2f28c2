-- Co-Production Quality Standards: "How are we doing?" V1.1. Encodes seed 000 word for word.
--
-- Ten themes, 36 quality indicators, each with Bronze, Silver and Gold descriptors. The seed's
-- columns say the tiers are cumulative ("Bronze standard plus Silver standard", "Bronze and silver
-- standard plus Gold standard"): a tier counts only if every lower tier is met. Where a descriptor
-- gives a survey threshold (at least 55% agree; 70-80%; at least 90%; for communication 55%, 75%
-- and 90%), the indicator carries it as a metric, and a survey figure given in an assessment is the
-- evidence for the tier: a declared tier above it is a warning.
--
-- Choices where the seed is silent (see `notes`): a theme's tier is the lowest tier among its
-- answered indicators; several respondents combine to the median tier (the lower one of two).
--
-- The extracted text is broken in places (theme 8, some cells cut at page breaks): `-- GAP:`
-- comments say where and what; nothing is completed or reworded.

return framework {
  id = "quality-standards",
  title = "Co-Production Quality Standards",
  subtitle = "How are we doing?",
  edition = "V1.1",
  source = "seed 000: Co-Production Quality Standards, How are we doing? V1.1",
  introduction = {
    "This checklist provides an opportunity for organisations to review their progress and identify areas for development in line with the coproduction quality standards. It simply aims to support organisations to improve and should be filled in jointly with members, service users and staff. Under each heading are some ideas of what standards should be included in that heading.",
  },
  guidance = {
    "Quality indicator",
    "Bronze standard",
    "Bronze standard plus Silver standard",
    "Bronze and silver standard plus Gold standard",
    "Standard achieved",
    "Examples/ Comments/ Areas to improve",
  },
  scale = tiers { "bronze", "silver", "gold" },

  section "equality" {
    title = "Equality, Inclusion and Diversity",
    label = "1. Equality, Inclusion and Diversity",
    questions = {
      "How do we honour and value the person in front of us?",
      "How do we help the person feel included?",
      "Think who might walk through the door and how do I make them feel welcome?",
      "How do we tell people about what we do and how we should be doing it?",
    },
    indicator "equality.1" {
      text = "People report feeling included",
      bronze = {
        "Service users are asked about how included they feel at least annually and at least 55% agree they are.",
      },
      silver = {
        "70-80% of service users agree they feel included during annual satisfaction survey.",
      },
      gold = {
        "At least 90% of service user satisfaction rates for inclusion reported during annual survey.",
      },
      metric = survey { measure = "% of service users who agree they feel included (annual survey)", bronze = 55, silver = 70, gold = 90 },
    },
    indicator "equality.2" {
      text = "People are representative of the city they are from",
      bronze = {
        "Service user protected characteristics routinely monitored and reported. Staff equality data collected, monitored and reported.",
      },
      silver = {
        "Service User demographic targets set and outcome monitored/reported. Targets set for staff representation and outcome monitored / reported.",
      },
      gold = {
        "Targets set for staff and service delivery across all characteristics in line with census. Service delivery outcomes monitored across all characteristics. Relevant action plans in place.",
      },
    },
    indicator "equality.3" {
      text = "People know the law, best practice and how to behave",
      bronze = {
        "Equal opportunities training is offered to all staff. Training on policies is part of induction.",
      },
      silver = {
        "Equal opportunities training is mandatory for all staff. Training on policies is also mandatory.",
      },
      gold = {
        "Training on a range of protected characteristics is mandatory for all staff and is repeated regularly. Training on policies is mandatory.",
      },
    },
    indicator "equality.4" {
      text = "People know the organisation's equal opportunities and inclusion polices",
      bronze = {
        "There is a clear approved policy on inclusion and what to do in the case of bullying of harassment for staff and service users.",
      },
      silver = {
        "There is a clear, approved policy framework in place and allegations of bullying and harassment are routinely monitored and reported to trustees.",
      },
      gold = {
        "There is a clear policy framework in place with evidence of reviews / development including staff and service users. Allegations are monitored and reported. Lessons learned are shared.",
      },
    },
    indicator "equality.5" {
      text = "People's individual needs are identified and met",
      bronze = {
        "Evidence people's needs are captured at entry to service. Evidence staff ask how individual needs can be met.",
      },
      silver = {
        "Evidence people's rights and responsibilities explained on entry. Evidence of a service or practice change to meet identified / reported needs.",
      },
      gold = {
        "Evidence of research into needs of diverse communities. e.g. census, JSNA, MHJSNA and actual change in service, policy or practice in last 6 months.",
      },
    },
  },

  section "safeguarding" {
    title = "Safeguarding, Risk and Safety",
    label = "2. Safeguarding, Risk and Safety",
    questions = {
      "How do we say \"yes or no\" to people in a co-productive way?",
      "How we overcome safety and risk barriers together.",
      "How we make decisions that take on board the individual's narrative, history and current context.",
      "How do we tell people about this?",
    },
    indicator "safeguarding.1" {
      text = "Information and governance",
      bronze = {
        "Clear information provided to people about risk and safeguarding. Up to date policies and procedures e.g. safeguarding and health and safety; available in accessible formats Evidence that policies, support plans and risk assessments are completed with involvement with service users. Given details to all of what to expect from organisations in respect of staying safe, safeguarding and risk.",
      },
      silver = {
        "People with lived experience contribute to policies and procedures, for example anti social behaviour and assessment and support. Forum in place for service users to contribute, challenge and influence policies and procedures that are relevant to them.",
      },
      gold = {
        "Provide the environment for effective conversations with people to influence practice and learning. Coproducing relevant policies and procedures Provide a variety of accessible options for people to contribute and lead on policy and procedural development Work in partnership with people in all stages of policy making process: Defining the problem, generating ideas and implementing solutions.",
      },
    },
    indicator "safeguarding.2" {
      text = "Safety Plans and Risk Assessment",
      bronze = {
        "Involvement in producing safety for all plans and risk assessments about own care and support, using advocacy when required. Appropriate training in place for professionals to manage risk collaboratively. Consideration about where meetings are held. Expectation on professionals to involve and understand family/ social relationships People are aware of their safety plan.",
      },
      silver = {
        "Trusting and engaging relationships with key people to share relevant details to manage risk. Clear roles and responsibilities established in safety plans and risk assessments. Risk plans are regularly reviewed and inform feedback to influence improvement.",
      },
      -- GAP: seed line 22: the Gold cell is cut off mid-sentence ("... personal resources and") and starts with the fragment "with to".
      gold = {
        "with to Plans completed collaboratively taking in person's wishes, preferences and desired outcomes: \"Nothing about us, without us\". Safety Plans and Risk Assessments are strengths based taking in to consideration personal network and personal resources and",
      },
    },
    indicator "safeguarding.3" {
      text = "Positive Risk Taking",
      bronze = {
        "Needs to be a personalised service considering choice as well as risk. Service user participation is encouraged in risk planning and implementation. Professionals understand and practice positive risk taking and identifying appropriate opportunities. Being able to make reasonable adjustments to meet individual needs Could have use of advocates too.",
      },
      silver = {
        "Professionals empower people to help one another through peer support Involvement of all relevant parties to ensure that all risks are managed safely, but allow growth for service users, considering shared responsibility. Mechanisms for people on statutory orders to have choice exercised where possible. Staff have mechanisms to support service users to explore positive risk taking, through relevant training to build a partnership approach.",
      },
      gold = {
        "All risks are considered in the context of individual strengths and lived experience. Creativity is encouraged and people work together to achieve personalised outcomes. Share good practice around positive risk taking and success stories, promoting empowerment and confidence. People have access to resources and organisational assets when contributing to design and delivery of services e.g. meeting space, money, training, equipment, time and labour of professionals Co-produce with other organisations involved and share information.",
      },
    },
    indicator "safeguarding.4" {
      text = "Whistleblowing and raising concerns",
      bronze = {
        "Complaints policy in place and all parties aware of how to raise concerns. Whistleblowing policy in place and training and awareness provided. Freedom to speak up in organisations to foster a transparent culture in the organisation, so that all concerned can put their views forward safely, without reprisal.",
      },
      silver = {
        "Service users involved in monitoring complaints and supporting learning to the organisation.",
      },
      gold = {
        "Professionals are held accountable in supervision and appraisals <u>if</u> there is no evidence of valuing citizen / service user contribution in design and delivery of services",
      },
    },
  },

  section "respect" {
    title = "Respect",
    label = "3. Respect",
    questions = {
      "Being non-judgemental and open-minded.",
      "Having courageous conversations.",
      "Encouraging personal responsibility.",
      "Supporting self-care.",
      "How do people know this?",
    },
    indicator "respect.1" {
      text = "People feel listened to",
      bronze = {
        "Service Users are asked about how included they feel at least annually and at least 55% agree they are.",
      },
      silver = {
        "70-80% of Service Users agree they feel included during annual satisfaction survey.",
      },
      gold = {
        "At least 90% of Service Users satisfaction rates for inclusion reported during annual survey.",
      },
      metric = survey { measure = "% of Service Users who agree they feel included (annual survey)", bronze = 55, silver = 70, gold = 90 },
    },
    indicator "respect.2" {
      text = "People know their experiences will guide the actions of organisations",
      bronze = {
        "Space is regularly created for service users to talk with organisations and reflect.",
      },
      silver = { "Access to senior managers on a structured basis." },
      gold = {
        "Active and meaningful participation at Board of Trustee level.",
      },
    },
    indicator "respect.3" {
      text = "Culture of respect",
      bronze = {
        "Having explicit values and policies in place regarding respect and behaviours of staff.",
      },
      silver = {
        "Staff say sorry when mistakes happen and lessons learned are shared with people.",
      },
      gold = {
        "Organisations say sorry when they make mistakes and share lessons learned. Action plans are coproduced with complainants.",
      },
    },
    indicator "respect.4" {
      text = "Self respect is a right of all people",
      bronze = {
        "Each person's story is captured and is valued. Outcomes are self determined and aspirational",
      },
      silver = {
        "Staff and service user stories are shared to inspire hope and positive change Evidence of outcomes achieved is monitored organisationally and celebrated individually",
      },
      gold = {
        "Organisations capture evidence of self determination e.g. happiness of staff and service users. Outcomes for people are monitored and reported annually and successes celebrated.",
      },
    },
  },

  section "strengths" {
    title = "Strengths and Expertise",
    label = "4. Strengths and Expertise",
    questions = {
      "Using strength-based approaches.",
      "Achieving Goals using strengths and expertise of wide range of partners.",
      "Recognising people as assets.",
      "Restorative and coaching conversations.",
      "How do people know?",
    },
    indicator "strengths.1" {
      text = "Asset-based assessment and care planning",
      bronze = {
        "Staff practice active listening / motivational interviewing techniques when co-producing assessments and care plans Assessments and care plans are co- produced with service users as a result of asset-based conversations which identify what people can do, what they enjoy and their aspirations Care plans aim to connect service users to reciprocal opportunities which make use of their skills, knowledge and passions.",
      },
      silver = {
        "Service users are introduced to the principles of asset based working as part of the assessment and care planning process Assessments and care plans identify assets within the community by asking services users what has a positive impact on their health and wellbeing in the place they live Assessments and care plans set goals around physical, mental and emotional health which are highly individual to each person",
      },
      gold = {
        "Assessments and care plans not only identify but also mobilise and connect personal and community assets in order to achieve personal goals Asset-based assessments and care plans are used as evidence to enable service development as well as to form proposals for investing in community assets shown to be successful in improving health and wellbeing",
      },
    },
    indicator "strengths.2" {
      text = "Learning and development",
      bronze = {
        "Learning and development opportunities for staff working with individuals and communities around active listening , motivational interviewing Staff have awareness of motivational interviewing, coaching skills and/or other asset based approaches Staff are conscious about terminology and language used when using asset- based approaches, adopting a plain language style when working with service users and communities.",
      },
      silver = {
        "Learning and development opportunities for staff around asset based approaches, community development, facilitation skills There are peer–support / other opportunities to support staff in the transition towards asset-based working from more traditional approaches",
      },
      gold = {
        "Staff are skilled at brokerage, networking and facilitation to influence a wide range of partners to adopt a collaborative / asset- based approach Staff are able to demonstrate impact of asset-based working, adopting different methods that lend themselves to subjective outcomes Opportunities for staff to learn and reflect on asset-based approaches in practice",
      },
    },
  },

  section "accessibility" {
    title = "Accessibility",
    label = "5. Accessibility",
    questions = {
      "Buildings.",
      "Technology.",
      "Methods used to engage.",
      "Language.",
      "Gender/culturally/other specific services.",
      "Timings.",
      "Crèche.",
      "How do people know?",
    },
    indicator "accessibility.1" {
      text = "Flexible and Adaptive",
      bronze = {
        "Individuals are able to get involved regardless of personal circumstances. Reasonable provision is made to accommodate anyone who wants to be involved. People are told of the various options that are available.",
      },
      silver = {
        "Arrangements are made together to what suits both parties best. Location and times take into consideration those who are attending. Out of pocket expenses are covered by the organisation. Efforts are made to rotate provision to different locations and times.",
      },
      gold = {
        "Arrangements and suppliers are sourced organically, working with service users to find the best provision. All times, locations and demographics are considered wholly when planning meetings/events etc. (e.g. all ages need to be taken into account).",
      },
    },
    indicator "accessibility.2" {
      text = "Language",
      bronze = {
        "A translator/interpreter is available on request when needed. Documentation can be translated as needed.",
      },
      silver = {
        "Translators/interpreters are pre-booked for meetings and events in advance. Organisations work with communities to identify language needs/gaps. People volunteering and employed may bring ability to speak different languages.",
      },
      gold = {
        "Co-developed website and co-produced materials are available in a variety of languages and are easily accessed. Members of communities work with organisations to develop best means of communicating with wider community Additional funding is available to outsource for languages not readily available.",
      },
    },
    indicator "accessibility.3" {
      text = "Information provision",
      -- GAP: seed lines 64 and 66: the Bronze cell breaks across a page after "important information in a"; its continuation on line 66 is kept as the next string. Words between the two parts may be lost.
      bronze = {
        "Information is available in a variety of formats to cater for different needs (physical, digital etc.) Further options made available by working with people to identify gaps. Large print, audio, braille etc. available on request. Staff know to enquire what needs people have to enable them to effectively attend. People are communicated to with all the accurate and important information in a",
        "way that that person can understand. Staff will check to make sure information is understood.",
      },
      silver = {
        "Marketing and promotional materials are available in different languages. Information is provided beyond the standard ways (social media, streaming, videos etc.). People are communicated with well in advance. Provision is made to engage with people who might be 'isolated' or from harder to reach communities.",
      },
      gold = {
        "Regular communications are tailored to a person's native language. Information is provided, working collaboratively to identify the most effective way to do so. Technology is used to allow better information sharing (skype, conference calls etc.).",
      },
    },
    indicator "accessibility.4" {
      text = "Engaging",
      bronze = {
        "People are made to feel welcome. People's views and opinions are treated fairly and equally and that they have value. People are supported and encouraged to get involved. People are not left feeling stressed/overwhelmed by getting involved. They are supported throughout and are helped if they are struggling.",
      },
      silver = {
        "People are provided with refreshments and meals (time dependent). People are paid out of pocket expenses. People can still provide input, even if they are unable to contribute in person. Methods of engagement vary to suit needs of target audience. Service users/patients can attend focus groups/different venues to express feedback.",
      },
      gold = {
        "Alternative methods to allow people to contribute are used (live streaming etc.). There are no barriers to people getting involved. People are paid for their time to be involved (where applicable).",
      },
    },
    indicator "accessibility.5" {
      text = "Physical Access",
      bronze = {
        "All buildings used are accessible by everyone. All building used are easily reached via transportation. All meeting rooms used are easily accessible to all.",
      },
      silver = {
        "All building used are easily reached by public transportation. Meeting rooms used are comfortable. Rooms/venues are changed based on feedback from people. Meetings take place on a ground floor.",
      },
      gold = {
        "All meeting rooms used are easily navigated to. Locations used have adequate parking.",
      },
    },
  },

  section "communication" {
    title = "Communication, transparency and being heard",
    label = "6. Communication, transparency and being heard",
    questions = {
      "How do people know their rights and responsibilities?",
      "How do we keep them informed?",
      "Compliments + Complaints.",
      "Giving clear reasons/rationale for decisions.",
      "Receiving timely feedback, e.g. \"You Said, We Did\".",
      "How do people know?",
    },
    indicator "communication.1" {
      text = "People are aware of their rights and responsibilities",
      bronze = {
        "There are appropriate procedures in place to inform eg induction, line management meetings, written documents etc",
      },
      silver = {
        "There are alternative methods of co produced communication including but not limited to leaflets, newsletters, social media etc.",
      },
      gold = {
        "Materials and messages available in a variety of inclusive formats eg community languages, accessibility for visually impaired, BSL, plain english etc",
      },
    },
    indicator "communication.2" {
      text = "People report being involved in effective communication",
      bronze = {
        "Service users and staff are asked annually how effective they feel communication is. 55% report satisfaction",
      },
      silver = {
        "Rights and responsibilities developed with service users Service users and staff are asked annually how effective they feel communication is. 75%% report satisfaction",
      },
      gold = {
        "Service users and staff are asked annually how effective they feel communication is. 90% report satisfaction",
      },
      metric = survey { measure = "% of service users and staff reporting satisfaction with communication (annual survey)", bronze = 55, silver = 75, gold = 90 },
    },
    indicator "communication.3" {
      text = "People are able to make compliments and complaints",
      bronze = {
        "There is a compliments/complaints policy/structure in place including learning policy and what happens when complaints are made .",
      },
      silver = {
        "The procedures are mutual and have levelled off heirachies eg not only management involved. There may be multiple ways service users can complain so that they can use a format that is comfortable",
      },
      -- GAP: seed line 85: the Gold cell ends "are share", probably cut.
      gold = {
        "Governance includes service user scrutiny Evidence lessons learnt are share",
      },
    },
  },

  section "contribution" {
    title = "Contribution and Meaningful Participation",
    label = "7. Contribution and Meaningful Participation",
    questions = {
      "Feeling and Knowing what you've said makes a difference.",
      "Given a space to be involved.",
      "Flexibility about how you proactively engage, enabling diverse voices.",
      "Proactive listening.",
      "How do people know?",
    },
    indicator "contribution.1" {
      text = "Providing more opportunities to contribute and participate in a meaningful way",
      bronze = {
        "Service users, carers and staff are given opportunities to express their views e.g. through filling in surveys and attending meetings Service users, carers and staff views may influence some decisions around policy and service delivery Service users, carers and staff are given opportunities to speak freely about their experiences without it affecting the service they receive Senior staff and managers are supportive and enabling of participatory processes and are involved in implementing solutions",
      },
      silver = {
        "Service users, carers and staff are involved in designing services based on their experiences and ideas Ideas and experiences may influence decisions however, service users, carers and staff are not there for the whole journey from panning and development to delivery Contributions based on culture, values, subjectivity, emotion and politics carry as much weight as facts, objectivity, reason and policy All staff are supportive and enabling of participatory processes and are involved in implementing solutions",
      },
      gold = {
        "Service users, carers and staff are involved at all levels from planning, development and delivery of services Service users, carers and staff are invited to join the conversation at the earliest possibility before plans develop Generative processes have more of a focus on developing new communities, interactions, practices and different modes of knowledge and value production and less of a focus on delivering predictable impacts and outputs All staff and volunteers are supportive and enabling of participatory processes and are involved in implementing solutions",
      },
    },
    indicator "contribution.2" {
      text = "Providing more inclusive opportunities for seldom heard voices to participate",
      bronze = {
        "Consideration is given to include people with different levels of knowledge and understanding of 'involvement', 'engagement' and co-production' Plain language such as 'get involved' is used in place of co-production where appropriate and jargon and acronyms are avoided",
      },
      -- GAP: seed line 97 continues row 95 after a page break without its first column; its first text is kept here, under Silver, by position. The placement is uncertain.
      silver = {
        "Good facilitation skills are practiced enabling everyone to be heard in participatory groups and conflicting priorities are managed Existing groups made up of seldom heard voices are more ready and able to respond to issues relevant to them",
        "Opportunities to 'get Involved' include getting help, helping others, learning, having fun, socialising There are alternatives to professional style meetings which do not have predefined agendas, minute-taking and fast passed conversations There is not predefining expectation s around what can be achieved There is a recognition of each others capability and knowledge which allows for better exploration and confrontation of ideas People with little / no understanding of co-production can be involved and participate e.g. storytelling Professionals are able to engage in dialogues outside their traditional roles",
      },
      -- GAP: seed line 97: the Gold cell continues after a page break ("... trained and" / "committed to act ...").
      gold = {
        "There is a slower pace of sharing and producing knowledge, conversations are open-ended and learning is experimental There are a range of different participatory activities which facilitate connections between different people Staff and volunteers are trained and",
        "committed to act on opportunities for seldom heard voices to participate as part of their everyday work Regular monitoring is in place ensuring a diversity of groups involved and avoiding over representation of middle class / articulate / managerially experienced individuals",
      },
    },
    indicator "contribution.3" {
      text = "Actions have been taken to create more equitable power relations",
      bronze = {
        "Attitudes of mutual recognition and respect are promoted across staff, service users and carers There is an environment which values the gifts, capabilities and resources of individuals and communities There is a clear message communicated to individuals about why they have been invited to take part which is not about funding or organisational agenda Expectations around getting involved are discussed Individuals are aware that they can say no to getting involved, but can still get involved later No one person more important than anyone else – everyone's contribution is valued and support is given where required Attitudes of mutual recognition and respect are promoted across staff, service users and carers are compensated for their time e.g. financial or otherwise Staff are not expected to be the experts, make judgements or decisions in isolation Consideration is given to location of meetings, transport, expenses incurred, access needs and there is a flexible approach to changing circumstances and priorities Respect and mutual understanding goes at the speed of trust – there are no time limits Volunteers and contributors move on to paid roles where opportunities exist A range of hierarchical levels of staff are involved",
      },
      silver = { "Evidence of sharing power and taking risks" },
      -- GAP: seed line 98: the Gold cell is missing from the extracted text.
    },
  },

  section "leadership" {
    title = "Collective Leadership and Partnership Working",
    label = "8. Collective Leadership and Partnership Working",
    questions = {
      "Pathways into power (recruitment, board level, quality assurance framework, access to management).",
      "A whole systems approach to power \"with\" peer support opportunities, empowered to 'move-on, paid work.",
      "How do people know?",
    },
    indicator "leadership.1" {
      text = "Feedback from Service Users",
      bronze = {
        "There are regular opportunities for feedback from all SUs, with clearly established policies, processes and procedures to establish this.",
      },
      silver = {
        "Compliments and complaints - organisations can demonstrate that they are responding appropriately to feedback. Negative feedback is not frowned on silenced and ignored, but seen in a positive light. Organisations welcome all forms of feedback, seeing this as an opportunity to learn, develop and grow. There are clear lines of engagement, accountability and responsibility. Managers and CEOs are accessible, responsive and inclusive.",
      },
      gold = {
        "Well established policies, procedures and systems have been set up. SUs are consulted and involved in establishing, developing, reviewing and delivering these. New ideas and innovation are seen in a positive light. Services and organisations welcome both positive and negative feedback, seeing this as an opportunity to learn, develop and grow. A humble, inclusive attitude of learning prevails. There are clear and transparent responses to feedback, involving celebrating good practice and achievements, as well as addressing difficulties and challenges. Organisations can clearly and actively demonstrate how they are listening and have responded appropriately to feedback.",
      },
    },
    indicator "leadership.2" {
      text = "Feedback from Staff",
      bronze = {
        "There are regular opportunities for feedback from all staff, with clearly established policies, processes and procedures to establish this.",
      },
      silver = {
        "Compliments and complaints - organisations can demonstrate that they are responding appropriately to feedback. Negative feedback is not frowned on silenced and ignored, but seen in a positive light. Organisations welcome all forms of feedback, seeing this as an opportunity to learn, develop and grow. There are clear lines of engagement, accountability and responsibility. Managers and CEOs are accessible, responsive and inclusive.",
      },
      -- GAP: seed lines 110 and 112: the Gold cell is cut after "celebrating good practice"; line 112 holds only the fragment "difficulties and chal".
      gold = {
        "Well established policies, procedures and systems have been set up. Staff are consulted and involved in establishing, developing, reviewing and delivering these. New ideas and innovation are seen in a positive light. Services and organisations welcome both positive and negative feedback, seeing this as an opportunity to learn, develop and grow. A humble, inclusive attitude of learning prevails. There are clear and transparent responses to feedback, involving celebrating good practice",
        "difficulties and chal",
      },
    },
    -- GAP: theme 8, seed line 113 is garbled in extraction: the indicator's text runs into its Bronze cell, and the cells hold interleaved fragments
    -- ("This can development, impro be clearly demonstrated"). Kept exactly as extracted; the Gold cell is missing.
    indicator "leadership.3" {
      text = "3) Empowerment and Involvement of Service Users and Experts by Experience (EEs), including staff EEs are engaged, celebrated and supported by the organisation.",
      bronze = {
        "organisational improvement. This can development, impro be clearly demonstrated. EEs are inclusive, stigma-free",
      },
      silver = {
        "gaged in organisational ovement and delivery. An ee culture prevails. nd procedures are co-",
      },
    },
  },

  section "confidentiality" {
    title = "Confidentiality",
    label = "9. Confidentiality",
    questions = {
      "Engagement in confidentiality policy and any consequences.",
      "Transparent records policy that is communicated to people.",
      "Confidentiality agreement for specific activities.",
      "Robust information governance standards.",
      "How do people know?",
    },
    indicator "confidentiality.1" {
      text = "People know their rights to confidentiality",
      bronze = {
        "Every service user is involved in a conversation about their information, how it will be used and stored and how they can access their personal information.",
      },
      silver = {
        "Service users have easy access to their confidential information and there is evidence of the organisation supporting them to use of it to achieve their objectives, e.g. making complaints.",
      },
      gold = {
        "Service users are involved in conversations about whether to breach their confidentiality and can influence decisions, where this is appropriate.",
      },
    },
    indicator "confidentiality.2" {
      text = "Service users know their obligations on confidentiality",
      bronze = {
        "Service users involved in delivering organisational activities are trained in confidentiality and sign to say they will keep relevant information confidential.",
      },
      silver = {
        "Service users know what the confidentiality policy says means and how to explain it to others. They sign confidentiality agreements when engaged in activities.",
      },
      gold = { "Service users are training people on confidentiality" },
    },
    indicator "confidentiality.3" {
      text = "Staff know their obligations regarding confidentiality",
      bronze = {
        "Confidentiality and data protection is covered for all staff at induction",
      },
      silver = {
        "All staff are trained in confidentiality and Data Protection principles and this is evidenced.",
      },
      gold = {
        "Staff are trained to have courageous conversations with service users about confidentiality and decisions about breaching this.",
      },
    },
    indicator "confidentiality.4" {
      text = "Policy Development includes people affected",
      bronze = {
        "Service user feedback informs the development and review of organisations' confidentiality policies",
      },
      silver = {
        "Service users are actively involved in developing and reviewing confidentiality policies.",
      },
      gold = {
        "Breaches of service user confidentiality are monitored, analysed and reported to service users and decision makers who are then jointly involved in the on-going cycle of reviewing practice and policy.",
      },
    },
  },

  section "training" {
    title = "Raising Awareness and Training Indicator",
    label = "10. Raising Awareness and Training Indicator",
    questions = {
      "How we raise someone's knowledge of the co-production opportunities available.",
      "The training we give to support full involvement in coproduction.",
      "How do people know?",
    },
    indicator "training.1" {
      text = "People are aware of what co-production is.",
      bronze = { "Co-production is actively promoted across the organisation" },
      silver = {
        "People across the organisation - to include staff, volunteers and service users, are able to articulate the meaning of co-production.",
      },
      gold = { "All core business is routinely co-produced." },
    },
    indicator "training.2" {
      text = "Training to gain skills and knowledge for co-production",
      bronze = { "A training plan is in place" },
      silver = {
        "Evidence of a co-produced training plan. Not \"one size fits all\". Training is made available in different formats, to reflect diverse learning needs.",
      },
      gold = {
        "Training is accessed by all staff and a cross section of volunteers and service users who are active within the organisation. Training is made available for new people across the organisation. People are able to articulate why they have been involved and the impact of their involvement.",
      },
    },
    indicator "training.3" {
      text = "Good quality training and continuous improvement",
      bronze = { "All training is evaluated and feedback is encouraged." },
      silver = {
        "Representation from seldom heard groups, and appropriate support has been made available for inclusivity. Activities are matched with people's skill sets/interests. Evidence that suggestions for improvement are being met.",
      },
      gold = {
        "Training is being led/co-led by service-users. Good practice is shared wider.",
      },
    },
    -- GAP: seed line 139 holds a lone "G" in the Standard achieved column, with no row it belongs to.
  },

  notes = {
    "The seed names no publisher.",
    "The guidance lists the seed's column headings. \"Standard achieved\" is the indicator's answer (none, bronze, silver or gold, or the criteria met per tier); \"Examples/ Comments/ Areas to improve\" is the ID.comment column.",
    "Tiers are cumulative, as the seed's column headings say: an indicator reaches silver only with bronze met, and gold only with silver met. Criteria met per tier (ID.bronze, ID.silver, ID.gold: yes or no) count only up to the first tier not met.",
    "Survey thresholds from the descriptors: People report feeling included and People feel listened to, 55% (bronze), 70% (silver, the lower end of \"70-80%\"), 90% (gold); People report being involved in effective communication, 55%, 75%, 90%. A survey figure (ID.survey) is evidence: the indicator's tier is the highest tier whose threshold it reaches, and a declared tier above it is a warning naming the threshold and the figure.",
    "A theme's tier is the lowest tier among its answered indicators, because a cumulative standard is only as strong as its weakest indicator. A local area can replace this with rules.section_score.",
    "Several respondents: the median of their tiers for each indicator, the lower one when there are two in the middle, since a tier between two tiers is not met.",
  },
}
