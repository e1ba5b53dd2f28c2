-- plain-common.lua: what audit-plain.lua and quality-plain.lua share: reading a framework file,
-- splitting CSV lines, and writing JSON strings and numbers as coprod writes them.
-- Loaded with dofile; plain lua5.4 only.

local concat, floor, format = table.concat, math.floor, string.format
local common = {}

-- A constructor for a named element (`section "id" { ... }`): returns its table as given, marked
-- with its kind and id.
function common.named(kind)
  return function(id)
    return function(body)
      if type(body) == "string" then body = { text = body } end
      body.kind, body.id = kind, id
      return body
    end
  end
end

-- Runs a framework file with just the constructors it uses (`constructors`) as its globals.
function common.load_framework(path, constructors)
  return assert(loadfile(path, "t", constructors))()
end

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
for byte = 0, 31 do
  local char = string.char(byte)
  escapes[char] = escapes[char] or format("\\u%04x", byte)
end

-- A JSON string. Most texts need no escaping: one anchored match over the whole text says so.
function common.quote(text)
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
function common.number(value)
  if value == nil then return "null" end
  local rounded = round(value, 10000)
  if rounded == floor(rounded) then return format("%d", rounded) end
  return format("%.14g", rounded)
end

-- A figure as people read it, in messages: 2 decimals at most, no trailing zeros.
function common.short(value)
  local rounded = round(value, 100)
  if rounded == floor(rounded) then return format("%d", rounded) end
  return format("%.14g", rounded)
end

-- Splits one line into its fields; quoted fields may hold commas and doubled quotes.
function common.split(line)
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

-- The warning coprod gives when indicators have no answer: how many, then their ids (the first
-- five and how many more, past six), from the ids of those unanswered, in the framework's order.
function common.unanswered(ids, expected)
  local listed = #ids > 6 and (concat(ids, ", ", 1, 5) .. " and " .. (#ids - 5) .. " more")
    or concat(ids, ", ")
  return format("%d of %d indicators %s no answer: %s", #ids, expected, #ids == 1 and "has" or "have", listed)
end

-- One organisation's JSON line from its parts, in the order coprod writes them (one respondent,
-- so no gaps between roles; no must-rules in these frameworks, so always passed).
function common.line(parts)
  return concat({
    '{"framework":', common.quote(parts.framework), ',"organisation":', common.quote(parts.organisation),
    ',"respondents":1',
    ',"roles":{', parts.role or '"(no role)"', ":1}",
    ',"overall":', parts.overall, ',"passed":true',
    ',"completeness":{"answered":', parts.answered, ',"expected":', parts.expected, "}",
    ',"sections":[', concat(parts.sections, ","), "]",
    ',"indicators":[', concat(parts.indicators, ","), "]",
    ',"failures":[]',
    ',"warnings":[', concat(parts.warnings, ","), "]",
    ',"gaps":[]',
    ',"next_steps":[', concat(parts.steps, ","), "]",
    ',"texts":[', concat(parts.texts, ","), "]}\n",
  })
end

-- Reads `input` and writes each row's line to `output`: `columns(at)` is given a function that
-- finds a column by name, once the header is read; `evaluate(fields, row)` gives a row's line.
function common.each_row(input, output, columns, evaluate)
  local file = assert(io.open(input, "r"))
  local out = assert(io.open(output, "w"))
  out:setvbuf("full", 1 << 20)
  local column = {}
  for index, name in ipairs(common.split(file:read("l"))) do column[name] = index end
  local function at(name) return column[name] or error("the input has no '" .. name .. "' column") end
  local organisation_at = at("organisation")
  columns(at)
  local row, previous = 1, nil
  for line in file:lines() do
    row = row + 1
    local fields = common.split(line)
    local organisation = fields[organisation_at]
    if organisation == previous then
      error("several respondents for " .. organisation .. ": this baseline reads one per organisation")
    end
    previous = organisation
    out:write(evaluate(fields, row))
  end
  file:close()
  out:close()
end

return common
