-- The framework language: the constructors a framework file uses (framework, section, statement,
-- indicator, item, ratio, metric_item, reflect, note, heading, feel) and the scales (ordinal,
-- rating, tiers, checklist, yes_no, text) and metrics (survey). Each builds a plain table with a
-- `kind`, checked as it is built, so a mistake is reported at the line of the framework file that
-- made it. Frameworks/LANGUAGE.md is the reference for authors.

local field_lines = require "coprod.field_lines"

local language = {}

local function fail(message, level)
  error(message, (level or 1) + 2)
end

-- The keys of a table in a fixed order (numbers before strings), whatever their types.
local function sorted_keys(set)
  local keys = {}
  for key in pairs(set) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b)
    if type(a) ~= type(b) then return type(a) < type(b) end
    if type(a) == "number" or type(a) == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return keys
end

-- "unknown field 'titel': did you mean 'title'? (accepted: ...)" for the first string key of
-- `value` that is not one of `accepted`, or nil when there is none. `noun` is what a key is.
local function unknown_key(what, value, accepted, noun)
  local known = {}
  for _, name in ipairs(accepted) do known[name] = true end
  for _, key in ipairs(sorted_keys(value)) do
    if type(key) == "string" and not known[key] then
      -- coprod's own rule for the name meant (Suggestion.swift), which the loader offers.
      local meant = type(coprod) == "table" and coprod._closest and coprod._closest(key, accepted)
      local names = sorted_keys(known)
      return ("%s: unknown %s '%s'%s (accepted: %s)"):format(what, noun or "field", key,
        meant and (": did you mean '%s'?"):format(meant) or "", table.concat(names, ", ")), key
    end
  end
end

-- Refuses fields a constructor does not know, naming the ones it accepts: a misspelt field
-- would otherwise vanish silently.
local function check_fields(what, value, accepted, level)
  local message = unknown_key(what, value, accepted)
  if message then fail(message, level + 1) end
end

-- Where the function `level` calls above the one calling this was called from, as "file:line",
-- found as error() finds it (the sandbox has no debug library); nil when it has no line.
local function caller_place(level)
  local _, where = pcall(error, "", level + 3)
  return where:match("^(.*:%d+): $")
end

-- Where each section and thing in a section was made, for messages about it once it is in a
-- framework (an id used twice is reported at its second use). Weak: only for tables still in use.
local made_at = setmetatable({}, { __mode = "k" })

local function check_text(what, value, field, level, optional)
  local text = value[field]
  if text == nil and optional then return end
  if type(text) ~= "string" or text == "" then
    fail(("%s: '%s' must be non-empty text"):format(what, field), level + 1)
  end
end

local function check_list_of_text(what, value, field, level)
  local list = value[field]
  if list == nil then return end
  if type(list) == "string" then value[field] = { list } return end
  if type(list) ~= "table" then fail(("%s: '%s' must be a list of texts"):format(what, field), level + 1) end
  for index, text in ipairs(list) do
    if type(text) ~= "string" then
      fail(("%s: '%s'[%d] must be text"):format(what, field, index), level + 1)
    end
  end
end

local function check_id(what, id, level)
  if type(id) ~= "string" or not id:match("^[%w][%w_%-%.]*$") then
    fail(("%s: id must be text of letters, digits, '.', '_' or '-' (got %s)"):format(what, tostring(id)), level + 1)
  end
end

-- Curried constructors: `statement "id" "text"` and `statement "id" { ... }`.
local function named(kind, build)
  return function(id)
    check_id(kind, id, 1)
    return function(body)
      if type(body) == "string" then body = { text = body } end
      if type(body) ~= "table" then fail(("%s '%s': expected text or a table"):format(kind, id)) end
      local built = build(id, body, 2)  -- not a tail call: the levels above count this frame
      if type(built) == "table" then made_at[built] = caller_place(1) end
      return built
    end
  end
end

-- Scales -----------------------------------------------------------------------------------------

local scale_types = {}

--- Registers a scale type: `build(options)` checks the options and returns the scale table.
--- Built-in types are registered the same way a local area registers its own.
function language.define_scale(name, build)
  check_id("define_scale", name, 1)
  if type(build) ~= "function" then fail("define_scale: the second argument must be a function") end
  scale_types[name] = build
  language[name] = function(options)
    local scale = build(options or {}, 2)
    -- A preset (a constructor that returns a built-in scale) stays that scale.
    if scale.kind == "scale" and scale_types[scale.type] then return scale end
    scale.kind, scale.type = "scale", name
    return scale
  end
end

language.define_scale("ordinal", function(options, level)
  check_fields("ordinal", options, { "min", "max", "labels", "meanings" }, level)
  local min, max = options.min, options.max
  if math.type(min) ~= "integer" or math.type(max) ~= "integer" or min >= max then
    fail("ordinal: min and max must be integers with min < max", level)
  end
  check_list_of_text("ordinal", options, "labels", level)
  check_list_of_text("ordinal", options, "meanings", level)
  for _, field in ipairs({ "labels", "meanings" }) do
    if options[field] and #options[field] ~= max - min + 1 then
      fail(("ordinal: %d %s given for the %d points %d-%d"):format(#options[field], field, max - min + 1, min, max), level)
    end
  end
  return { min = min, max = max, labels = options.labels or {}, meanings = options.meanings or {} }
end)

language.define_scale("rating", function(options, level)
  check_fields("rating", options, { "min", "max", "anchors" }, level)
  local min, max = options.min, options.max
  if math.type(min) ~= "integer" or math.type(max) ~= "integer" or min >= max then
    fail("rating: min and max must be integers with min < max", level)
  end
  local anchors = {}
  for point, word in pairs(options.anchors or {}) do
    if math.type(point) ~= "integer" or point < min or point > max or type(word) ~= "string" then
      fail(("rating: anchors map points %d-%d to words"):format(min, max), level)
    end
    anchors[#anchors + 1] = { point = point, word = word }
  end
  table.sort(anchors, function(a, b) return a.point < b.point end)
  return { min = min, max = max, anchors = anchors }
end)

language.define_scale("tiers", function(options, level)
  local levels = {}
  for index, name in ipairs(options) do
    if type(name) ~= "string" or not name:match("^%l[%l_]*$") then
      fail(("tiers: tier %d must be a lower-case word"):format(index), level)
    end
    levels[index] = name
  end
  if #levels == 0 then fail("tiers: give the tiers in order, lowest first", level) end
  return { levels = levels, none = "none" }
end)

language.define_scale("checklist", function(options, level)
  check_fields("checklist", options, {}, level)
  return { options = { "yes", "partly", "no", "n/a" } }
end)

language.define_scale("yes_no", function(options, level)
  check_fields("yes_no", options, {}, level)
  return { options = { "yes", "no" } }
end)

language.define_scale("text", function(options, level)
  check_fields("text", options, {}, level)
  return {}
end)

-- The types the host evaluates: those registered so far. A local area's own come later.
local built_in_scales = sorted_keys(scale_types)
local evaluated_scale = {}
for _, name in ipairs(built_in_scales) do evaluated_scale[name] = true end

local function check_scale(what, value, level)
  if value.scale ~= nil and (type(value.scale) ~= "table" or value.scale.kind ~= "scale") then
    fail(what .. ": 'scale' must be a scale such as ordinal { ... } or tiers { ... }", level + 1)
  end
end

-- Metrics ----------------------------------------------------------------------------------------

--- A survey percentage with the least value each tier needs.
function language.survey(options)
  if type(options) ~= "table" then fail("survey: expected a table") end
  local thresholds = {}
  for key, value in pairs(options) do
    if key ~= "measure" then
      if type(value) ~= "number" or value < 0 or value > 100 then
        fail(("survey: the threshold for '%s' must be a percentage from 0 to 100"):format(tostring(key)))
      end
      thresholds[key] = value
    end
  end
  check_text("survey", options, "measure", 1)
  return { kind = "metric", type = "survey", measure = options.measure, thresholds = thresholds }
end

-- Things inside a section ------------------------------------------------------------------------

local function indicator_builder(type_name, accepted, required)
  return function(id, body, level)
    local what = ("%s '%s'"):format(type_name, id)
    check_fields(what, body, accepted, level)
    for _, field in ipairs(required) do check_text(what, body, field, level) end
    for _, field in ipairs({ "bronze", "silver", "gold", "detail" }) do check_list_of_text(what, body, field, level) end
    check_scale(what, body, level)
    if body.metric ~= nil and (type(body.metric) ~= "table" or body.metric.kind ~= "metric") then
      fail(what .. ": 'metric' must be a metric such as survey { ... }", level)
    end
    if body.must ~= nil and type(body.must) ~= "boolean" then fail(what .. ": 'must' is true or false", level) end
    if body.at_least ~= nil and type(body.at_least) ~= "number" then fail(what .. ": 'at_least' must be a number", level) end
    local indicator = { kind = "indicator", type = type_name, id = id }
    for key, value in pairs(body) do indicator[key] = value end
    return indicator
  end
end

local common = { "text", "scale", "guidance", "detail", "must", "fails", "must_be" }
local function with(extra)
  local fields = table.move(common, 1, #common, 1, {})
  return table.move(extra, 1, #extra, #fields + 1, fields)
end

language.statement = named("statement", indicator_builder("statement", with({}), { "text" }))
language.indicator = named("indicator", indicator_builder("indicator",
  with({ "bronze", "silver", "gold", "metric" }), { "text" }))
language.item = named("item", indicator_builder("item", with({}), { "text" }))
language.ratio = named("ratio", indicator_builder("ratio",
  with({ "numerator", "denominator", "at_least" }), { "text", "numerator", "denominator" }))
language.metric_item = named("metric_item", indicator_builder("metric",
  with({ "unit", "at_least" }), { "text" }))

language.reflect = named("reflect", function(id, body, level)
  check_fields(("reflect '%s'"):format(id), body, { "text" }, level)
  check_text(("reflect '%s'"):format(id), body, "text", level)
  return { kind = "reflect", id = id, text = body.text }
end)

local function plain(kind)
  return function(text)
    if type(text) ~= "string" or text == "" then fail(kind .. ": expected non-empty text") end
    return { kind = kind, text = text }
  end
end
language.note = plain("note")
language.heading = plain("heading")
language.feel = plain("feel")

-- Sections and frameworks ------------------------------------------------------------------------

local section_fields = { "title", "summary", "questions", "scale", "next_steps", "label", "below" }

language.section = named("section", function(id, body, level)
  local what = ("section '%s'"):format(id)
  check_fields(what, body, section_fields, level)
  check_text(what, body, "title", level)
  check_text(what, body, "summary", level, true)
  check_list_of_text(what, body, "questions", level)
  check_list_of_text(what, body, "next_steps", level)
  check_scale(what, body, level)
  if body.below ~= nil and type(body.below) ~= "number" then
    fail(("%s: 'below' must be a number (got %s)"):format(what, type(body.below)), level)
  end
  local section = { kind = "section", id = id, elements = {} }
  for key, value in pairs(body) do
    if type(key) == "string" then section[key] = value end
  end
  for index, element in ipairs(body) do
    if type(element) ~= "table" or not element.kind or element.kind == "section" or element.kind == "scale" then
      fail(("%s: item %d is not a statement, indicator, item, reflect, note, heading or feel"):format(what, index), level)
    end
    section.elements[index] = element
  end
  return section
end)

local framework_fields = { "id", "title", "subtitle", "publisher", "edition", "source", "introduction",
  "guidance", "notes", "scale", "rules", "combine", "gap", "below" }

-- The rules a framework may supply (FrameworkRules.swift calls them).
local rule_names = { "combine", "next_steps", "section_score" }

-- Set by frameworks.load while a framework file runs: its name and source, for messages, and
-- the id its file's name gives it (nil for a source that is not a file).
language.current_file = nil
language.current_source = nil
language.expected_id = nil

-- `return framework { ... }` is a tail call, so the framework file's own frame is gone when
-- framework() runs: a message names the line the file's source gives for the field, or the call.
local function framework_fail(message, place)
  local file = language.current_file
  error(((place or file) and ((place or file) .. ": ") or "") .. message, 0)
end

-- The line in the framework file of the field `path` names ("rules", "section_score"): the
-- innermost of them found in its source, else the line of the framework call, else nil.
local function field_line(body, path)
  local source = language.current_source
  if not source then return nil end
  local found, call = pcall(field_lines.framework, source, body.id)
  if not found or not call then return nil end
  local line, fields = call.line, call.fields
  for _, name in ipairs(path) do
    local field = fields and fields[name]
    if not field then break end
    line, fields = field.line, field.fields
  end
  return line
end

-- Numbers that only mean something on a scale ------------------------------------------------

-- The scale an indicator is evaluated on, as the host reads it (FrameworkLoader.swift): a ratio's
-- and a figure's are their own; else its own scale; an item without one is a checklist item;
-- else its section's or the framework's.
local function scale_of(element, section, framework_scale)
  if element.type == "ratio" or element.type == "metric" then return { type = element.type } end
  if element.scale then return element.scale end
  if element.type == "item" then return { type = "checklist" } end
  return section.scale or framework_scale
end

-- How a section is scored, as the evaluator scores it: on points (from the lowest of its scales'
-- minimums to the highest maximum) if any of its indicators is, else in tiers (with how many) if
-- any is, else as the share of its items met if any is scored at all; else it is not scored.
local function section_kind(section, framework_scale)
  local points, tiers, share
  for _, element in ipairs(section.elements) do
    local scale = element.kind == "indicator" and scale_of(element, section, framework_scale)
    local type = scale and scale.type
    if type == "ordinal" or type == "rating" then
      points = points or { points = true, min = scale.min, max = scale.max }
      points.min, points.max = math.min(points.min, scale.min), math.max(points.max, scale.max)
    elseif type == "tiers" then
      tiers = { tiers = #scale.levels }
    elseif type and type ~= "text" then
      share = { share = true }
    end
  end
  return points or tiers or share or { unscored = true }
end

local function describe_kind(kind)
  if kind.points then return ("on the %d-%d scale"):format(kind.min, kind.max) end
  if kind.tiers then return "in tiers" end
  return "as the share of its items met, from 0 to 1"
end

-- Why `below` (a bar) cannot be used for a section scored so: nil when it can.
local function bar_problem(value, kind)
  if kind.points and (value < kind.min or value > kind.max) then
    return ("accepted: a number from %d to %d"):format(kind.min, kind.max)
  end
  if kind.share and (value < 0 or value > 1) then return "accepted: a share from 0 to 1, such as 0.5 for half met" end
end

-- Why `gap` cannot be used for a section scored so: a gap as wide as the scale is never passed.
local function gap_problem(value, kind)
  if kind.points and value >= kind.max - kind.min then
    return ("its roles' scores differ by at most %d, so it would never show (accepted: from 0 to under %d)"):format(kind.max - kind.min, kind.max - kind.min)
  end
  if kind.tiers and value >= kind.tiers then
    return ("its roles' tiers differ by at most %d, so it would never show (accepted: tiers apart, from 0 to under %d)"):format(kind.tiers, kind.tiers)
  end
  if kind.share and value >= 1 then
    return "its roles' shares differ by at most 1, so it would never show (accepted: a share from 0 to under 1, such as 0.25)"
  end
end

-- Checks the numbers and answers a framework gives that only mean something on a scale: its and
-- its sections' `below` and `gap`, a ratio's `at_least`, and `must_be`. `at(field)` places a
-- framework field.
local function check_on_scales(what, body, framework, at)
  local function fail_at(message, place) framework_fail(message, place or at()) end
  -- `place` is a function: finding a field's line reads the whole file, which is only worth it
  -- for a message.
  local function check_evaluated(scale, owner, place)
    if scale and not evaluated_scale[scale.type] then
      fail_at(("%s: the scale type '%s' cannot be evaluated by this version of coprod (accepted: %s, or a define_scale "
        .. "that returns one of them)"):format(owner, tostring(scale.type), table.concat(built_in_scales, ", ")), place())
    end
  end
  check_evaluated(body.scale, what, function() return at("scale") end)
  if body.gap ~= nil and body.gap < 0 then fail_at(("%s: 'gap' is %s (accepted: 0 or more)"):format(what, tostring(body.gap)), at("gap")) end
  -- A gap is refused only when no section could show it: one framework may mix points and
  -- checklists, and a gap for its points is then never passed on its checklists.
  local gap_shown, gap_refusal = body.gap == nil, nil
  for _, section in ipairs(framework.sections) do
    local kind = section_kind(section, body.scale)
    local where = ("section '%s'"):format(section.id)
    check_evaluated(section.scale, where, function() return made_at[section] end)
    if section.below ~= nil and (kind.points or kind.share) then
      local problem = bar_problem(section.below, kind)
      if problem then
        fail_at(("%s: 'below' is %s, but the section is scored %s (%s)"):format(where, tostring(section.below), describe_kind(kind), problem), made_at[section])
      end
    end
    if body.below ~= nil and section.below == nil and (kind.points or kind.share) then
      local problem = bar_problem(body.below, kind)
      if problem then
        fail_at(("%s: 'below' is %s, but section '%s' is scored %s (%s; or give that section a 'below' of its own)")
          :format(what, tostring(body.below), section.id, describe_kind(kind), problem), at("below"))
      end
    end
    if body.gap ~= nil and not kind.unscored then
      local problem = gap_problem(body.gap, kind)
      if problem then
        gap_refusal = gap_refusal or ("%s: 'gap' is %s, but section '%s' is scored %s: %s")
          :format(what, tostring(body.gap), section.id, describe_kind(kind), problem)
      else
        gap_shown = true
      end
    end
    for _, element in ipairs(section.elements) do
      local item = ("%s '%s'"):format(element.type or element.kind, tostring(element.id))
      check_evaluated(element.scale, item, function() return made_at[element] end)
      if element.type == "ratio" and element.at_least ~= nil and (element.at_least < 0 or element.at_least > 1) then
        fail_at(("%s: 'at_least' is %s, but a ratio is a share (accepted: a share from 0 to 1, such as 0.3 for 30%%)")
          :format(item, tostring(element.at_least)), made_at[element])
      end
      if element.must_be ~= nil then
        local scale = scale_of(element, section, body.scale)
        local answer = type(element.must_be) == "string" and element.must_be:lower()
        if not (scale and scale.type == "yes_no") then
          fail_at(("%s: 'must_be' is for a yes / no question (scale = yes_no()); a checklist item with must = true must be answered yes")
            :format(item), made_at[element])
        elseif answer ~= "yes" and answer ~= "no" then
          fail_at(("%s: 'must_be' is %s (accepted: \"yes\" or \"no\")"):format(item, type(element.must_be) == "string"
            and ("'" .. element.must_be .. "'") or ("a " .. type(element.must_be))), made_at[element])
        end
        element.must_be = answer
      end
    end
  end
  if not gap_shown and gap_refusal then fail_at(gap_refusal, at("gap")) end
end

--- The framework: metadata, sections in order, and optional rules (Lua functions).
function language.framework(body)
  -- Where framework() was called from, when that was not a tail call (`local f = framework {...}`).
  local called_at = caller_place(1)
  local file = language.current_file
  if called_at and file and called_at:sub(1, #file + 1) ~= file .. ":" then called_at = nil end
  -- "file:line" of a field (a path of names) or of the call.
  local function at(...)
    local line = type(body) == "table" and field_line(body, { ... })
    return line and file and (file .. ":" .. line) or called_at
  end
  if type(body) ~= "table" then framework_fail("framework: expected a table", at()) end
  local what = ("framework '%s'"):format(tostring(body.id))
  local function check(field, checker, ...)
    local ok, message = pcall(checker, ...)
    if not ok then framework_fail((tostring(message):gsub("^[^:]*:%d+: ", "")), at(field)) end
  end
  check("id", check_id, "framework", body.id, 1)
  -- A framework is found by its file's name, and its results, summaries and merges go by its id:
  -- a copy renamed but not re-identified would be taken for the framework it was copied from.
  local expected = language.expected_id
  if expected and body.id ~= expected then
    -- A file's name that could not be an id ("our audit") leaves one way to agree.
    local fixes = expected:match("^[%w][%w_%-%.]*$") and ("set id = \"%s\", or name the file %s.lua"):format(expected, body.id)
      or ("name the file %s.lua"):format(body.id)
    framework_fail(("the framework's id is '%s' but its file is %s.lua: the id must be the file's name, "
      .. "as results and merges name a framework by its id (%s)"):format(body.id, expected, fixes), at("id"))
  end
  local unknown, key = unknown_key(what, body, framework_fields)
  if unknown then framework_fail(unknown, at(key)) end
  check("title", check_text, what, body, "title", 1)
  for _, field in ipairs({ "introduction", "guidance", "notes" }) do check(field, check_list_of_text, what, body, field, 1) end
  check("scale", check_scale, what, body, 1)
  for _, field in ipairs({ "gap", "below" }) do
    if body[field] ~= nil and type(body[field]) ~= "number" then
      framework_fail(("%s: '%s' must be a number (got %s)"):format(what, field, type(body[field])), at(field))
    end
  end
  if body.combine ~= nil and body.combine ~= "mean" and body.combine ~= "median" then
    local rule = type(body.combine) == "function" and "; a function of your own belongs in rules = { combine = function(indicator, answers) ... end }" or ""
    framework_fail(what .. ": 'combine' must be \"mean\" or \"median\"" .. rule, at("combine"))
  end
  if body.rules ~= nil then
    if type(body.rules) ~= "table" then framework_fail(what .. ": 'rules' must be a table of functions", at("rules")) end
    for _, name in ipairs(sorted_keys(body.rules)) do
      if type(name) ~= "string" then
        framework_fail(("%s: rules[%s] has no rule name (accepted: %s)"):format(what, tostring(name), table.concat(rule_names, ", ")), at("rules"))
      end
    end
    unknown, key = unknown_key(what, body.rules, rule_names, "rule")
    if unknown then framework_fail(unknown, at("rules", key)) end
    for _, name in ipairs(rule_names) do
      local rule = body.rules[name]
      if rule ~= nil and type(rule) ~= "function" then
        framework_fail(("%s: rules.%s must be a function (got %s)"):format(what, name, type(rule)), at("rules", name))
      end
    end
  end
  local framework = { kind = "framework", sections = {} }
  for key, value in pairs(body) do
    if type(key) == "string" then framework[key] = value end
  end
  local seen = {}
  for index, section in ipairs(body) do
    if type(section) ~= "table" or section.kind ~= "section" then
      framework_fail(("%s: item %d is not a section"):format(what, index), made_at[section] or at())
    end
    if seen[section.id] then
      framework_fail(("%s: two sections have the id '%s'"):format(what, section.id), made_at[section] or at())
    end
    seen[section.id] = "section"
    for _, element in ipairs(section.elements) do
      if element.id then
        if seen[element.id] then
          framework_fail(("%s: the id '%s' is used twice (in section '%s')"):format(what, element.id, section.id),
            made_at[element] or at())
        end
        seen[element.id] = element.kind
      end
    end
    framework.sections[index] = section
  end
  if #framework.sections == 0 then framework_fail(what .. ": a framework needs at least one section", at()) end
  check_on_scales(what, body, framework, at)
  return framework
end

return language
