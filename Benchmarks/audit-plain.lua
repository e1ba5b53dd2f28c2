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
-- and math.

local input, output = arg[1], arg[2]
if not (input and output) then
  io.stderr:write("usage: lua5.4 audit-plain.lua INPUT.csv OUTPUT.jsonl [FRAMEWORK.lua]\n")
  os.exit(2)
end
local here = arg[0]:match("^(.*)/") or "."
local framework_file = arg[3] or (here .. "/../Frameworks/involvement-audit.lua")

local concat, floor, format = table.concat, math.floor, string.format

-- The framework -------------------------------------------------------------------------------

-- Runs the framework file with just the constructors it uses; each returns its table as given.
local function load_framework(path)
  local function named(kind)
    return function(id)
      return function(body)
        if type(body) == "string" then body = { text = body } end
        body.kind, body.id = kind, id
        return body
      end
    end
  end
  local env = {
    ordinal = function(scale) return scale end,
    framework = function(body) return body end,
    section = named("section"),
    statement = named("statement"),
    reflect = named("reflect"),
  }
  return assert(loadfile(path, "t", env))()
end

local framework = load_framework(framework_file)
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

-- JSON -----------------------------------------------------------------------------------------

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
for byte = 0, 31 do
  local char = string.char(byte)
  escapes[char] = escapes[char] or format("\\u%04x", byte)
end

-- A JSON string. Most texts need no escaping: one anchored match over the whole text says so.
local function quote(text)
  if not text:find('^[^\0-\31"\\]*$') then text = text:gsub('[\0-\31"\\]', escapes) end
  return '"' .. text .. '"'
end

-- Rounds to a whole number of 1/`steps` (100 or 10000), halves away from zero; scores are never
-- negative.
local function round(value, steps)
  local scaled = value * steps
  local whole = floor(scaled)
  if scaled - whole >= 0.5 then whole = whole + 1 end
  return whole / steps
end

-- A score in JSON: 4 decimals at most, whole numbers without a point.
local function number(value)
  if value == nil then return "null" end
  local rounded = round(value, 10000)
  if rounded == floor(rounded) then return format("%d", rounded) end
  return format("%.14g", rounded)
end

-- A score as people read it, in next steps: 2 decimals at most.
local function short(value)
  local rounded = round(value, 100)
  if rounded == floor(rounded) then return format("%d", rounded) end
  return format("%.14g", rounded)
end

-- CSV ------------------------------------------------------------------------------------------

-- Splits one line into its fields; quoted fields may hold commas and doubled quotes.
local function split(line)
  local fields, count = {}, 0
  if not line:find('"', 1, true) then
    for field in line:gmatch("([^,]*)") do
      count = count + 1
      fields[count] = field
    end
    return fields
  end
  local position, length = 1, #line
  while position <= length + 1 do
    count = count + 1
    if line:byte(position) == 34 then  -- '"'
      local parts, start = {}, position + 1
      while true do
        local close = assert(line:find('"', start, true), "a quoted field is not closed")
        parts[#parts + 1] = line:sub(start, close - 1)
        if line:byte(close + 1) == 34 then
          parts[#parts + 1], start = '"', close + 2
        else
          position = close + 2
          break
        end
      end
      fields[count] = concat(parts)
    else
      local comma = line:find(",", position, true) or length + 1
      fields[count] = line:sub(position, comma - 1)
      position = comma + 1
    end
  end
  return fields
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
  local scores, indicators, answered = {}, {}, 0
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
    warnings[1] = quote(format("%d of %d indicators have no answer", expected - answered, expected))
  end

  -- Next steps: the lowest principles below the top of the scale, with their first prompt.
  local steps, lowest = {}, nil
  for index = 1, #sections do
    local average = averages[index]
    if average and (lowest == nil or average < lowest) then lowest = average end
  end
  if lowest and (scored > 1 or lowest < section_maximum) then
    for index, section in ipairs(sections) do
      local average = averages[index]
      if average == lowest and average < section_maximum then
        local asked = section.prompt and (" " .. section.prompt) or ""
        steps[#steps + 1] = quote(section.title .. " is the lowest (" .. short(average) .. ")." .. asked)
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

  return concat({
    '{"framework":', quote(framework.id), ',"organisation":', quote(organisation), ',"respondents":1',
    ',"roles":{', role_key or '"(no role)"', ":1}",
    ',"overall":', number(overall), ',"passed":true',
    ',"completeness":{"answered":', answered, ',"expected":', expected, "}",
    ',"sections":[', concat(section_json, ","), "]",
    ',"indicators":[', concat(indicators, ","), "]",
    ',"failures":[]',
    ',"warnings":[', concat(warnings, ","), "]",
    ',"gaps":[]',
    ',"next_steps":[', concat(steps, ","), "]",
    ',"texts":[', concat(texts, ","), "]}\n",
  })
end

-- Main -----------------------------------------------------------------------------------------

local file = assert(io.open(input, "r"))
local out = assert(io.open(output, "w"))
out:setvbuf("full", 1 << 20)

-- Where each column is, worked out once from the header.
local column = {}
for index, name in ipairs(split(file:read("l"))) do column[name] = index end
local function at(name) return column[name] or error("the input has no '" .. name .. "' column") end
organisation_at, respondent_at, role_at = at("organisation"), at("respondent"), at("role")
for _, statement in ipairs(statements) do statement.at = at(statement.id) end
for _, prompt in ipairs(prompts) do prompt.at = at(prompt.id) end

local previous
for line in file:lines() do
  local fields = split(line)
  local organisation = fields[organisation_at]
  if organisation == previous then
    error("several respondents for " .. organisation .. ": this baseline reads one per organisation")
  end
  previous = organisation
  out:write(evaluate(fields))
end
file:close()
out:close()
