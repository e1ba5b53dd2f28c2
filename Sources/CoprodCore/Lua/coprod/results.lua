-- Collections of organisation results, for exploring in the REPL and in `coprod lua` scripts:
-- filter, sort by a section, top and bottom N, group, summarise, compare roles, write out.
-- Each result is a table:
--   { organisation =, overall =, passed =, respondents =, roles = { staff = 2, ... },
--     sections = { assets = 3.67, ... },        -- a number, a tier name, or a share (0-1)
--     values = { assets = 3.67, ... },          -- always a number (tiers by their index), for sorting
--     by_role = { staff = { assets = 4, ... }, ... }, role_values = { staff = { assets = 4, ... } },
--     role_overall = { staff = 3.33, ... }, role_overall_value = { staff = 3.33, ... },
--     next_steps = { ... }, failures = { ... }, warnings = { ... },
--     gaps = { { section =, roles = {a, b}, difference = }, ... } }
-- A role's view (group("role")) is a result of that role alone: { organisation =, role =,
-- overall =, overall_value =, respondents =, sections =, values = }. Whether the organisation
-- passed, its next steps, failures and warnings belong to the whole, so a view has none of them.

local results = {}

local Collection = { __name = "results" }
Collection.__index = Collection

local Result = { __name = "result" }
Result.__index = Result

-- Numbers are written by coprod's own formatting, which its explore API supplies, so that they
-- read as `coprod evaluate` writes them: 2.0000000000000004 is 2 in a summary (two decimals at
-- most, as its text report) and in CSV (four, as its CSV).
local function format_number(value)
  if type(value) ~= "number" then return tostring(value) end
  return coprod._score_text(value)
end

function Result.__summary(result)
  local parts = {}
  for _, id in ipairs(result.section_ids or {}) do
    parts[#parts + 1] = id .. " " .. format_number(result.sections[id] or "-")
  end
  local name = result.role and ("%s (%s)"):format(result.organisation, result.role) or result.organisation
  return ("<%s: overall %s%s; %s>"):format(name, format_number(result.overall or "-"),
    result.passed == false and " (fails)" or "", table.concat(parts, ", "))
end
Result.__tostring = Result.__summary

function Collection.__summary(collection)
  local names = {}
  for index = 1, math.min(#collection, 3) do names[index] = collection[index].organisation end
  if #collection > 3 then names[#names + 1] = "..." end
  return ("<results: %d organisation%s%s>"):format(#collection, #collection == 1 and "" or "s",
    #names > 0 and (": " .. table.concat(names, ", ")) or "")
end
Collection.__tostring = Collection.__summary

--- Wraps a list of result tables (as the host returns them) into a collection.
function results.new(list, section_ids)
  local collection = setmetatable({ section_ids = section_ids or {} }, Collection)
  for index, result in ipairs(list) do
    result.section_ids = section_ids
    collection[index] = getmetatable(result) == Result and result or setmetatable(result, Result)
  end
  return collection
end

-- A method called with a dot (results.top(3, "assets")) would take its first argument as the
-- collection and fail inside this file; each method checks, naming its caller's line.
function results.check(self, method)
  if getmetatable(self) ~= Collection then
    error(("%s is a method: call it with a colon, results:%s(...)"):format(method, method), 3)
  end
end
local check = results.check

local function derive(collection, list)
  return results.new(list, collection.section_ids)
end

-- ": did you mean 'x'?" when one of `names` is a few typing mistakes from `name`; coprod's
-- explore API supplies the matching, and without it there is no suggestion.
local function meant(name, names)
  local closest = type(coprod) == "table" and coprod._closest and coprod._closest(name, names)
  return closest and (": did you mean '%s'?"):format(closest) or ""
end

local function key_function(key, section_ids)
  if type(key) == "function" then return key end
  if key == nil or key == "overall" then return function(result) return result.overall_value end end
  if type(key) ~= "string" then error("expected a section id or a function, got " .. type(key), 3) end
  local known = false
  for _, id in ipairs(section_ids) do known = known or id == key end
  if not known then
    error(("no section '%s'%s (sections: %s)"):format(key, meant(key, section_ids), table.concat(section_ids, ", ")), 3)
  end
  return function(result) return result.values[key] end
end

--- Results for which predicate(result) is true.
function Collection:filter(predicate)
  check(self, "filter")
  if type(predicate) ~= "function" then error("filter takes a function(result) returning true or false", 2) end
  local kept = {}
  for _, result in ipairs(self) do
    if predicate(result) then kept[#kept + 1] = result end
  end
  return derive(self, kept)
end

-- The collection sorted; a key function's value that cannot be ordered is reported at `level`,
-- the line that called sort, top or bottom.
local function sorted(collection, key, descending, level)
  local value_of = key_function(key, collection.section_ids)
  local list, kind = {}, nil
  for index, result in ipairs(collection) do
    local value = value_of(result)
    local this = type(value)
    if value ~= nil and ((this ~= "number" and this ~= "string") or (kind and this ~= kind)) then
      error(("the sort function must give a number for every result (or a string for every one): it gave a %s for %s")
        :format(this, tostring(result.organisation)), level)
    end
    kind = kind or (value ~= nil and this or nil)
    list[index] = { result = result, value = value, index = index }
  end
  table.sort(list, function(a, b)
    if a.value == nil or b.value == nil then
      if a.value ~= b.value then return b.value == nil end
      return a.index < b.index
    end
    if a.value ~= b.value then
      if descending then return a.value > b.value end
      return a.value < b.value
    end
    return a.index < b.index
  end)
  local items = {}
  for index, item in ipairs(list) do items[index] = item.result end
  return derive(collection, items)
end

-- sort, top and bottom check their arguments themselves, so that a wrong one is reported at
-- their caller's line rather than at theirs.

--- Sorted by a section's score (or `overall`, or a function(result)); lowest first unless
--- `descending`. Results without that score go last; ties keep organisation order.
function Collection:sort(key, descending)
  check(self, "sort")
  key_function(key, self.section_ids)
  local collection = sorted(self, key, descending, 3)  -- not a tail call: level 3 is sort's caller
  return collection
end

local function first(collection, n)
  local list = {}
  for index = 1, math.min(n or 5, #collection) do list[index] = collection[index] end
  return derive(collection, list)
end

--- The n highest on a section (default 5).
function Collection:top(n, key)
  check(self, "top")
  if n ~= nil and type(n) ~= "number" then
    error(("top(n, section) takes how many first, then the section: got %s"):format(type(n)), 2)
  end
  key_function(key, self.section_ids)
  return first(sorted(self, key, true, 3), n)
end

--- The n lowest on a section (default 5).
function Collection:bottom(n, key)
  check(self, "bottom")
  if n ~= nil and type(n) ~= "number" then
    error(("bottom(n, section) takes how many first, then the section: got %s"):format(type(n)), 2)
  end
  key_function(key, self.section_ids)
  return first(sorted(self, key, false, 3), n)
end

-- One role's view of a result: only what that role's answers give. Its overall is the one
-- coprod worked out from the role's own section scores (role_overall), or none: never the
-- whole organisation's, which a sort or a CSV would then pass off as the role's.
local function role_view(result, role, scores)
  local values = result.role_values and result.role_values[role] or scores
  return setmetatable({
    organisation = result.organisation, role = role,
    overall = result.role_overall and result.role_overall[role],
    overall_value = result.role_overall_value and result.role_overall_value[role],
    respondents = result.roles and result.roles[role],
    sections = scores, values = values,
  }, Result)
end

--- A table of collections by the value of `field` (a result field such as "passed", or a
--- function(result)); with "role", one collection per role, each result that role's view.
function Collection:group(field)
  check(self, "group")
  local groups = {}
  if field == "role" then
    for _, result in ipairs(self) do
      for role, scores in pairs(result.by_role or {}) do
        groups[role] = groups[role] or {}
        groups[role][#groups[role] + 1] = role_view(result, role, scores)
      end
    end
  else
    local value_of = type(field) == "function" and field or function(result) return result[field] end
    for _, result in ipairs(self) do
      local key = value_of(result)
      if key ~= nil then
        groups[key] = groups[key] or {}
        groups[key][#groups[key] + 1] = result
      end
    end
  end
  for key, list in pairs(groups) do groups[key] = derive(self, list) end
  return groups
end

local function quantile(sorted, p)
  if #sorted == 0 then return nil end
  local rank = math.max(1, math.ceil(p * #sorted))
  return sorted[rank]
end

--- Per section: count, mean, min, q1, median, q3, max (nearest rank, as the batch summary).
function Collection:summary()
  check(self, "summary")
  local summary = {}
  for _, id in ipairs(self.section_ids) do
    local values = {}
    for _, result in ipairs(self) do
      local value = result.values[id]
      if type(value) == "number" then values[#values + 1] = value end
    end
    table.sort(values)
    local sum = 0
    for _, value in ipairs(values) do sum = sum + value end
    summary[id] = { count = #values, mean = #values > 0 and sum / #values or nil, min = values[1],
      q1 = quantile(values, 0.25), median = quantile(values, 0.5), q3 = quantile(values, 0.75), max = values[#values] }
  end
  return summary
end

--- Where two roles see a section differently, largest difference first:
--- { { organisation =, section =, [role_a] =, [role_b] =, difference = }, ... }, difference
--- being role_a's score less role_b's. Sections both score alike are left out; a hair's breadth
--- (2.333... - 1.333... is not exactly 1) is rounding, as the evaluator's gaps take it.
function Collection:compare(role_a, role_b)
  check(self, "compare")
  if type(role_a) ~= "string" or type(role_b) ~= "string" then error("compare takes two role names", 2) end
  -- A role no organisation has (a typo, a plural) would give an empty list that looks like
  -- agreement: name it, with the roles there are.
  if #self > 0 then
    local roles, present = {}, {}
    for _, result in ipairs(self) do
      for role in pairs(result.role_values or {}) do
        if not present[role] then present[role] = true; roles[#roles + 1] = role end
      end
    end
    table.sort(roles)
    for _, role in ipairs({ role_a, role_b }) do
      if not present[role] then
        error(("no role '%s' in these results%s (roles: %s)"):format(role, meant(role, roles), table.concat(roles, ", ")), 2)
      end
    end
  end
  local rows = {}
  for _, result in ipairs(self) do
    local a, b = (result.role_values or {})[role_a], (result.role_values or {})[role_b]
    if a and b then
      for _, id in ipairs(self.section_ids) do
        if type(a[id]) == "number" and type(b[id]) == "number" and math.abs(a[id] - b[id]) > 1e-9 then
          rows[#rows + 1] = { organisation = result.organisation, section = id, [role_a] = a[id], [role_b] = b[id],
            difference = a[id] - b[id] }
        end
      end
    end
  end
  table.sort(rows, function(x, y)
    if math.abs(x.difference) ~= math.abs(y.difference) then return math.abs(x.difference) > math.abs(y.difference) end
    if x.organisation ~= y.organisation then return x.organisation < y.organisation end
    return x.section < y.section
  end)
  return rows
end

--- The organisations' names, in order.
function Collection:names()
  check(self, "names")
  local names = {}
  for index, result in ipairs(self) do names[index] = result.organisation end
  return names
end

--- The result of one organisation, by name.
function Collection:get(name)
  check(self, "get")
  for _, result in ipairs(self) do
    if result.organisation == name then return result end
  end
  return nil
end

local function csv_field(value)
  local text = value
  if value == nil then
    text = ""
  elseif type(value) == "number" then
    text = coprod._csv_number(value)
  elseif type(value) == "string" and value:find("^[=+%-@\t\r]") then
    -- As results.csv has it: a spreadsheet would run a name starting so as a formula.
    text = "'" .. value
  end
  text = tostring(text)
  if text:find('[,"\r\n]') then text = '"' .. text:gsub('"', '""') .. '"' end
  return text
end

--- The collection as CSV: organisation, overall, passed, then one column per section; with a
--- role column after organisation when its results are roles' views, whose passed is empty
--- (passing is the whole organisation's).
function Collection:csv()
  check(self, "csv")
  local roles = false
  for _, result in ipairs(self) do roles = roles or result.role ~= nil end
  local header = { "organisation", "overall", "passed", table.unpack(self.section_ids) }
  if roles then table.insert(header, 2, "role") end
  local lines = { table.concat(header, ",") }
  for _, result in ipairs(self) do
    local passed = result.passed == nil and "" or (result.passed and "yes" or "no")
    local fields = { csv_field(result.organisation), csv_field(result.overall), passed }
    if roles then table.insert(fields, 2, csv_field(result.role)) end
    for _, id in ipairs(self.section_ids) do fields[#fields + 1] = csv_field(result.sections[id]) end
    lines[#lines + 1] = table.concat(fields, ",")
  end
  return table.concat(lines, "\n") .. "\n"
end

results.Collection = Collection
results.Result = Result
return results
