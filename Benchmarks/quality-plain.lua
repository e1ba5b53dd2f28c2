-- quality-plain.lua: the plain-Lua baseline for coprod's batch benchmark on the quality standards.
--
--   lua5.4 Benchmarks/quality-plain.lua INPUT.csv OUTPUT.jsonl [FRAMEWORK.lua]
--
-- It reads the CSV that `coprod sample quality-standards --respondents 1` writes, scores it the
-- way coprod does and writes the same JSON line per organisation that `coprod batch` writes to
-- results.jsonl, byte for byte:
-- - an indicator's tier is read cumulatively from its evidence: the criteria met per tier (a tier
--   counts only if every lower one is met) and the survey figure against the thresholds, the
--   lower of the two; without evidence, the tier declared. A declared tier above the evidence,
--   and criteria met above a tier that is not, are warnings naming the input file and row;
-- - a theme's tier is the lowest of its indicators' tiers, and the overall tier the lowest theme;
-- - next steps: each indicator below gold with the next tier's descriptors, lowest tiers first.
--
-- The texts (indicators, descriptors, survey measures, titles) come from the framework file
-- itself, run with a small stand-in for the few constructors it calls; by default
-- ../Frameworks/quality-standards.lua from this script's directory.
--
-- It is a yardstick, not a product: it handles what the sample files contain (one respondent per
-- organisation, tier names, yes/no and survey percentages without stray spaces, quoted free text
-- without line breaks, no invalid rows) and stops with an error on anything else. Plain lua5.4
-- only: io, string, table and math, with what both baselines share in plain-common.lua beside
-- this file.

local input, output = arg[1], arg[2]
if not (input and output) then
  io.stderr:write("usage: lua5.4 quality-plain.lua INPUT.csv OUTPUT.jsonl [FRAMEWORK.lua]\n")
  os.exit(2)
end
local here = arg[0]:match("^(.*)/") or "."
local framework_file = arg[3] or (here .. "/../Frameworks/quality-standards.lua")

local common = dofile(here .. "/plain-common.lua")
local concat, format = table.concat, string.format
local quote, short, split = common.quote, common.short, common.split

-- The framework -------------------------------------------------------------------------------

local framework = common.load_framework(framework_file, {
  tiers = function(levels) return { levels = levels } end,
  survey = function(options) return options end,
  framework = function(body) return body end,
  section = common.named("section"),
  indicator = common.named("indicator"),
})
local levels = framework.scale.levels
local top = #levels

-- A tier's name by index: 0 is "none".
local tier_names = { [0] = "none" }
for index, name in ipairs(levels) do tier_names[index] = name end
local tier_index = { none = 0 }
for index, name in ipairs(levels) do tier_index[name] = index end
local yes_no = { yes = true, y = true, ["true"] = true, no = false, n = false, ["false"] = false }

-- Sections with their indicators; each indicator with the next step's descriptors per tier.
local sections, indicators = {}, {}
for _, body in ipairs(framework) do
  local section = { id = body.id, title = body.title, indicators = {} }
  for _, element in ipairs(body) do
    if element.kind == "indicator" then
      local indicator = { id = element.id, section = body.id, text = element.text, reach = {},
        label = element.id .. ' "' .. element.text .. '": ',  -- how warnings name it
        comment_prompt = "Examples / comments / areas to improve: " .. element.text,
        criteria_columns = {}, survey = element.metric }
      for index, level in ipairs(levels) do
        indicator.criteria_columns[index] = element.id .. "." .. level
        local descriptors = element[level]
        if type(descriptors) == "string" then descriptors = { descriptors } end
        -- What follows "to reach <tier>" in the next step.
        indicator.reach[index] = (descriptors and #descriptors > 0) and (": " .. concat(descriptors, " ")) or ""
      end
      section.indicators[#section.indicators + 1] = indicator
      indicators[#indicators + 1] = indicator
    end
  end
  sections[#sections + 1] = section
end

-- JSON -----------------------------------------------------------------------------------------

local function tier_json(index)
  return index and quote(tier_names[index]) or "null"
end

-- Scoring --------------------------------------------------------------------------------------

local function lookup(map, value, what)
  local found = map[value]
  if found == nil then found = map[value:lower()] end
  if found == nil then error(format("%s: '%s' is not one of the accepted answers", what, value)) end
  return found
end

-- One indicator for one respondent: the tier its evidence supports (or else the one declared),
-- the tier declared, and any warnings, appended to `warnings`.
local function read_tier(indicator, fields, who, warnings)
  local declared
  local answer = fields[indicator.answer_at]
  if answer ~= "" then declared = lookup(tier_index, answer, indicator.id) end
  local evidence, reasons  -- reasons: why the evidence is not higher, "; "-separated

  -- Criteria met per tier, cumulative: the tiers met before the first one not met (or not
  -- answered), and the first tier above that which is met anyway.
  local met, unmet, higher = 0, nil, nil
  for index = 1, top do
    local value = fields[indicator.criteria_at[index]]
    if value ~= "" then
      local yes = lookup(yes_no, value, indicator.criteria_columns[index])
      evidence = evidence or 0
      if yes and not unmet then met = index elseif yes then higher = higher or index end
    end
    if met < index then unmet = unmet or index end
  end
  if evidence then
    evidence = met
    if met < top then
      -- Only shortfalls at or below the declared tier explain why it is not reached.
      if declared and met < declared then reasons = levels[met + 1] .. " criteria are not met" end
      if higher then
        warnings[#warnings + 1] = indicator.label .. levels[higher] .. " criteria are met but " .. levels[met + 1]
          .. " criteria are not; tiers are cumulative, so this counts as " .. tier_names[met] .. who
      end
    end
  end

  -- A survey figure against the thresholds.
  local survey = indicator.survey
  if survey then
    local value = fields[indicator.survey_at]
    if value ~= "" then
      local percent = tonumber(value:match("^(.-)%s*%%$") or value)
        or error(format("%s.survey: '%s' is not a number", indicator.id, value))
      local reached = 0
      while reached < top and survey[levels[reached + 1]] and percent >= survey[levels[reached + 1]] do
        reached = reached + 1
      end
      if reached < top and survey[levels[reached + 1]] and declared and reached < declared then
        local reason = levels[reached + 1] .. " needs at least " .. short(survey[levels[reached + 1]])
          .. "% (" .. survey.measure .. ") and the survey gives " .. short(percent) .. "%"
        reasons = reasons and (reasons .. "; " .. reason) or reason
      end
      if evidence == nil or reached < evidence then evidence = reached end
    end
  end

  if declared and evidence and declared > evidence then
    warnings[#warnings + 1] = indicator.label .. tier_names[declared] .. " declared, but the evidence supports "
      .. tier_names[evidence] .. (reasons and (": " .. reasons) or "") .. who
  end
  if evidence then return evidence, declared end
  return declared, declared
end

local expected = #indicators
local organisation_at, respondent_at, role_at  -- the columns, once the header is read

-- One organisation (one row) as its JSON line.
local function evaluate(fields, row)
  local organisation = fields[organisation_at]
  local respondent = fields[respondent_at]
  local role = fields[role_at]
  if respondent == "" then respondent = nil end
  if role == "" then role = nil else role = role:lower() end
  local role_key = role and quote(role)
  local who = " (" .. input .. " row " .. row .. ")"

  -- Indicators.
  local warnings, tiers, indicator_json, answered, unanswered = {}, {}, {}, 0, {}
  for index, indicator in ipairs(indicators) do
    local tier, declared = read_tier(indicator, fields, who, warnings)
    tiers[index] = tier
    local head = '{"id":' .. quote(indicator.id) .. ',"section":' .. quote(indicator.section) .. ',"score":'
    if tier then
      answered = answered + 1
      indicator_json[index] = head .. tier_json(tier)
        .. ((declared and declared ~= tier) and (',"declared":' .. tier_json(declared)) or "")
        .. ',"answers":1' .. (role and (',"by_role":{' .. role_key .. ":" .. tier_json(tier) .. "}") or "") .. "}"
    else
      indicator_json[index] = head .. 'null,"answers":0}'
      unanswered[#unanswered + 1] = indicator.id
    end
  end
  if answered < expected then
    warnings[#warnings + 1] = common.unanswered(unanswered, expected)
  end

  -- Themes: the lowest tier among their answered indicators; overall: the lowest theme.
  local section_json, overall, position = {}, nil, 0
  for index, section in ipairs(sections) do
    local lowest, count = nil, 0
    for _ = 1, #section.indicators do
      position = position + 1
      local tier = tiers[position]
      if tier then
        count = count + 1
        if lowest == nil or tier < lowest then lowest = tier end
      end
    end
    if lowest and (overall == nil or lowest < overall) then overall = lowest end
    local by_role = (role and lowest) and (role_key .. ":" .. tier_json(lowest)) or ""
    section_json[index] = '{"id":' .. quote(section.id) .. ',"title":' .. quote(section.title) .. ',"score":'
      .. tier_json(lowest) .. ',"answered":' .. count .. ',"expected":' .. #section.indicators
      .. ',"by_role":{' .. by_role .. "}}"
  end

  -- Next steps: every indicator below the top tier, lowest tiers first, in framework order.
  local steps = {}
  for tier = 0, top - 1 do
    for index, indicator in ipairs(indicators) do
      if tiers[index] == tier then
        steps[#steps + 1] = quote(indicator.text .. " (" .. indicator.id .. "): to reach " .. levels[tier + 1]
          .. indicator.reach[tier + 1])
      end
    end
  end

  -- Comments, in column order.
  local texts = {}
  for _, indicator in ipairs(indicators) do
    local text = fields[indicator.comment_at]
    if text ~= "" and text:find("%S") then
      texts[#texts + 1] = '{"id":' .. quote(indicator.id .. ".comment")
        .. ',"prompt":' .. quote(indicator.comment_prompt) .. ',"role":' .. (role_key or "null")
        .. ',"respondent":' .. (respondent and quote(respondent) or "null")
        .. ',"text":' .. quote(text) .. "}"
    end
  end

  for index = 1, #warnings do warnings[index] = quote(warnings[index]) end
  return common.line({
    framework = framework.id, organisation = organisation, role = role_key, overall = tier_json(overall),
    answered = answered, expected = expected, sections = section_json, indicators = indicator_json,
    warnings = warnings, steps = steps, texts = texts,
  })
end

-- Main -----------------------------------------------------------------------------------------

common.each_row(input, output, function(at)
  organisation_at, respondent_at, role_at = at("organisation"), at("respondent"), at("role")
  for _, indicator in ipairs(indicators) do
    indicator.answer_at, indicator.comment_at = at(indicator.id), at(indicator.id .. ".comment")
    if indicator.survey then indicator.survey_at = at(indicator.id .. ".survey") end
    indicator.criteria_at = {}
    for index, name in ipairs(indicator.criteria_columns) do indicator.criteria_at[index] = at(name) end
  end
end, evaluate)
