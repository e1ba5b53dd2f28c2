-- The baseline for coprod's batch benchmark: plain lua5.4 reading the same CSV that
-- `coprod sample involvement-audit` writes, applying the same scoring (the mean of respondents per
-- statement, a principle's average = the mean of its three statements, the overall mean) and
-- writing one JSON line per organisation. Run: lua5.4 audit-plain.lua INPUT.csv OUTPUT.jsonl
--
-- It handles what the sample files contain (labels or numbers, quoted free text without line
-- breaks), no more: it is a yardstick, not a product.

local input, output = arg[1], arg[2]
local labels = { ["no action yet"] = 1, ["made a start"] = 2, ["making progress"] = 3,
  ["doing really well"] = 4, ["doing as well as you can"] = 5 }
local principles = { "assets", "networks", "outcomes", "relationships", "catalysts" }

local function split(line)
  local fields, position = {}, 1
  while position <= #line + 1 do
    if line:sub(position, position) == '"' then
      local text, finish = "", position + 1
      while true do
        local quote = line:find('"', finish, true)
        text = text .. line:sub(finish, quote - 1)
        if line:sub(quote + 1, quote + 1) == '"' then text, finish = text .. '"', quote + 2
        else position = quote + 2 break end
      end
      fields[#fields + 1] = text
    else
      local comma = line:find(",", position, true) or #line + 1
      fields[#fields + 1] = line:sub(position, comma - 1)
      position = comma + 1
    end
  end
  return fields
end

local file = assert(io.open(input, "r"))
local out = assert(io.open(output, "w"))
local header = split(file:read("l"))
local column = {}
for index, name in ipairs(header) do column[name] = index end

local current, sums, counts, respondents
local function flush()
  if not current then return end
  local parts, total, scored = {}, 0, 0
  for _, principle in ipairs(principles) do
    local means, n = 0, 0
    for statement = 1, 3 do
      local key = principle .. "." .. statement
      if counts[key] > 0 then means, n = means + sums[key] / counts[key], n + 1 end
    end
    local average = n > 0 and means / n or nil
    if average then total, scored = total + average, scored + 1 end
    parts[#parts + 1] = string.format('{"id":"%s","score":%s}', principle, average and string.format("%.4f", average) or "null")
  end
  out:write(string.format('{"organisation":"%s","respondents":%d,"overall":%s,"sections":[%s]}\n', current, respondents,
    scored > 0 and string.format("%.4f", total / scored) or "null", table.concat(parts, ",")))
end

for line in file:lines() do
  local fields = split(line)
  local organisation = fields[column.organisation]
  if organisation ~= current then
    flush()
    current, sums, counts, respondents = organisation, {}, {}, 0
    for _, principle in ipairs(principles) do
      for statement = 1, 3 do sums[principle .. "." .. statement], counts[principle .. "." .. statement] = 0, 0 end
    end
  end
  respondents = respondents + 1
  for key in pairs(sums) do
    local value = fields[column[key]]
    local score = tonumber(value) or labels[value:lower()]
    if score then sums[key], counts[key] = sums[key] + score, counts[key] + 1 end
  end
end
flush()
out:close()
