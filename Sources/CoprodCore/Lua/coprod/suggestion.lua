-- The name a framework author most likely meant, for "did you mean" in the framework language's
-- messages: the same rule as coprod's other suggestions (Suggestion.swift), which a framework
-- file's Lua cannot call.

local suggestion = {}

-- How many characters must be inserted, removed, replaced or swapped with their neighbour to turn
-- `a` into `b` (optimal string alignment distance).
local function distance(a, b)
  local before, previous = {}, {}
  for j = 0, #b do previous[j] = j end
  for i = 1, #a do
    local current = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      current[j] = math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1 and j > 1 and a:byte(i) == b:byte(j - 1) and a:byte(i - 1) == b:byte(j) then
        current[j] = math.min(current[j], before[j - 2] + 1)
      end
    end
    before, previous = previous, current
  end
  return previous[#b]
end

--- One of `names` within a few typing mistakes of `typed` (a third of a short name, at most
--- three), or nil.
function suggestion.closest(typed, names)
  local folded = typed:lower()
  local allowed = #folded > 30 and #folded // 10 or math.min(3, math.max(1, #folded // 3))
  local best, best_distance
  for _, name in ipairs(names) do
    local d = distance(folded, name:lower())
    if name ~= typed and d <= allowed and d < (best_distance or math.huge) then best, best_distance = name, d end
  end
  return best
end

return suggestion
