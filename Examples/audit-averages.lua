-- A first taste of coprod: the Co-production & Involvement Audit's own rule (principle average =
-- sum of the three action-statement scores / 3), applied to one organisation's answers.
-- Run it with:  coprod lua Examples/audit-averages.lua ["Organisation name"]
--
-- Until the framework files are wired into `coprod evaluate`, the answers live in this script.

local labels = { "No action yet", "Made a start", "Making progress", "Doing really well",
                 "Doing as well as you can" }

local organisation = ... or "Riverside Carers Centre"

-- Scores 1-5 for the three action statements of each of the five principles.
local answers = {
  { principle = "Assets",        scores = { 4, 3, 4 } },
  { principle = "Networks",      scores = { 2, 3, 2 } },
  { principle = "Outcomes",      scores = { 3, 3, 5 } },
  { principle = "Relationships", scores = { 5, 4, 4 } },
  { principle = "Catalysts",     scores = { 1, 2, 2 } },
}

local function average(scores)
  local sum = 0
  for _, score in ipairs(scores) do sum = sum + score end
  return sum / #scores
end

print(("Co-production & Involvement Audit: %s"):format(organisation))
local weakest
for _, row in ipairs(answers) do
  local value = average(row.scores)
  -- The label of the whole point the average reaches ("Making progress" for 3.67).
  local label = labels[math.floor(value)]
  print(("  %-14s %4.2f  %s"):format(row.principle, value, label))
  if not weakest or value < weakest.value then weakest = { name = row.principle, value = value } end
end
print(("Next step: start with %s, the lowest average (%.2f)."):format(weakest.name, weakest.value))
