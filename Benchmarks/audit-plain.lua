-- audit-plain.lua: the plain-Lua baseline for coprod's batch benchmark on the involvement audit.
--
--   lua5.4 Benchmarks/audit-plain.lua INPUT.csv OUTPUT.jsonl [FRAMEWORK.lua]
--
-- It reads the CSV that `coprod sample involvement-audit --respondents 1` writes, scores it the
-- way coprod does (a statement's score is its answer, 1-5 or its label; a principle's average is
-- the mean of its answered statements; the overall score is the mean of the principles' averages;
-- the next step names the lowest principle with its reflection prompt) and writes the same JSON
-- line per organisation that `coprod batch` writes to results.jsonl, byte for byte.
--
-- The texts (titles, labels, prompts) come from the framework file itself, run with a small
-- stand-in for the few constructors it calls; by default ../Frameworks/involvement-audit.lua from
-- this script's directory.
--
-- It is a yardstick, not a product: it handles what the sample files contain (one respondent per
-- organisation, labels or numbers without stray spaces, quoted free text without line breaks, no
-- invalid rows) and stops with an error on anything else. Plain lua5.4 only: io, string, table
-- and math, with what both baselines share in plain-common.lua beside this file.

local input, output = arg[1], arg[2]
if not (input and output) then
  io.stderr:write("usage: lua5.4 audit-plain.lua INPUT.csv OUTPUT.jsonl [FRAMEWORK.lua]\n")
  os.exit(2)
end
local here = arg[0]:match("^(.*)/") or "."
local framework_file = arg[3] or (here .. "/../Frameworks/involvement-audit.lua")

local common = dofile(here .. "/plain-common.lua")
local concat, format = table.concat, string.format
local quote, number, short, split = common.quote, common.number, common.short, common.split

-- The framework -------------------------------------------------------------------------------

local framework = common.load_framework(framework_file, {
  ordinal = function(scale) return scale end,
  framework = function(body) return body end,
  section = common.named("section"),
  statement = common.named("statement"),
  reflect = common.named("reflect"),
})
local scale = framework.scale

-- Answers: the points as digits, and the labels in lower case.
local points = {}
for point = scale.min, scale.max do points[tostring(point)] = point end
for index, label in ipairs(scale.labels) do points[label:lower()] = scale.min + index - 1 end

-- Sections with their statements, and the free-text prompts in column order.
local sections, statements, prompts = {}, {}, {}
for _, body in ipairs(framework) do
  local section = { id = body.id, title = body.title, statements = {}, prompt = nil }
  for _, element in ipairs(body) do
    if element.kind == "statement" then
      local statement = { id = element.id, section = body.id }
      section.statements[#section.statements + 1] = statement
      statements[#statements + 1] = statement
    elseif element.kind == "reflect" then
      section.prompt = section.prompt or element.text  -- the first prompt is the next step's question
      prompts[#prompts + 1] = { id = element.id, text = element.text }
    end
  end
  sections[#sections + 1] = section
end

-- Scoring --------------------------------------------------------------------------------------

local expected = #statements
local organisation_at, respondent_at, role_at  -- the columns, once the header is read
local section_maximum = scale.max

-- One organisation (one row) as its JSON line.
local function evaluate(fields)
  local organisation = fields[organisation_at]
  local respondent = fields[respondent_at]
  local role = fields[role_at]
  if respondent == "" then respondent = nil end
  if role == "" then role = nil else role = role:lower() end
  local role_key = role and quote(role)

  -- Statements.
  local scores, indicators, answered, unanswered = {}, {}, 0, {}
  for index, statement in ipairs(statements) do
    local value = fields[statement.at]
    local score
    if value ~= "" then
      score = points[value] or points[value:lower()]
        or error(format("%s: '%s' is not on the scale", statement.id, value))
      answered = answered + 1
    end
    scores[statement.id] = score
    local head = '{"id":' .. quote(statement.id) .. ',"section":' .. quote(statement.section) .. ',"score":'
    if score then
      indicators[index] = head .. number(score) .. ',"answer":' .. quote(scale.labels[score - scale.min + 1])
        .. ',"answers":1' .. (role and (',"by_role":{' .. role_key .. ":" .. number(score) .. "}") or "") .. "}"
    else
      indicators[index] = head .. 'null,"answers":0}'
      unanswered[#unanswered + 1] = statement.id
    end
  end

  -- Principles: the mean of their answered statements; overall: the mean of the principles.
  local section_json, averages, total, scored = {}, {}, 0, 0
  for index, section in ipairs(sections) do
    local sum, count = 0, 0
    for _, statement in ipairs(section.statements) do
      local score = scores[statement.id]
      if score then sum, count = sum + score, count + 1 end
    end
    local average = count > 0 and sum / count or nil
    averages[index] = average
    if average then total, scored = total + average, scored + 1 end
    local by_role = (role and average) and (role_key .. ":" .. number(average)) or ""
    section_json[index] = '{"id":' .. quote(section.id) .. ',"title":' .. quote(section.title)
      .. ',"score":' .. number(average) .. ',"answered":' .. count .. ',"expected":' .. #section.statements
      .. ',"by_role":{' .. by_role .. "}}"
  end
  local overall = scored > 0 and total / scored or nil

  local warnings = {}
  if answered < expected then
    warnings[1] = quote(common.unanswered(unanswered, expected))
  end

  -- Next steps: the lowest principles below the top of the scale (joint lowest when several
  -- share the score), with their first prompt.
  local steps, lowest = {}, nil
  for index = 1, #sections do
    local average = averages[index]
    if average and (lowest == nil or average < lowest) then lowest = average end
  end
  if lowest and (scored > 1 or lowest < section_maximum) then
    local tied = 0
    for index = 1, #sections do
      if averages[index] == lowest and lowest < section_maximum then tied = tied + 1 end
    end
    local is = tied > 1 and " is joint lowest (" or " is the lowest ("
    for index, section in ipairs(sections) do
      local average = averages[index]
      if average == lowest and average < section_maximum then
        local asked = section.prompt and (" " .. section.prompt) or ""
        steps[#steps + 1] = quote(section.title .. is .. short(average) .. ")." .. asked)
      end
    end
  end

  -- Free text, in column order.
  local texts = {}
  for _, prompt in ipairs(prompts) do
    local text = fields[prompt.at]
    if text ~= "" and text:find("%S") then
      texts[#texts + 1] = '{"id":' .. quote(prompt.id) .. ',"prompt":' .. quote(prompt.text) .. ',"role":'
        .. (role_key or "null") .. ',"respondent":' .. (respondent and quote(respondent) or "null")
        .. ',"text":' .. quote(text) .. "}"
    end
  end

  return common.line({
    framework = framework.id, organisation = organisation, role = role_key, overall = number(overall),
    answered = answered, expected = expected, sections = section_json, indicators = indicators,
    warnings = warnings, steps = steps, texts = texts,
  })
end

-- Main -----------------------------------------------------------------------------------------

common.each_row(input, output, function(at)
  organisation_at, respondent_at, role_at = at("organisation"), at("respondent"), at("role")
  for _, statement in ipairs(statements) do statement.at = at(statement.id) end
  for _, prompt in ipairs(prompts) do prompt.at = at(prompt.id) end
end, evaluate)
