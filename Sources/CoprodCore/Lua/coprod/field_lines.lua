-- Where the fields of a framework file's `framework { ... }` are written, for messages about them.
-- A framework file ends `return framework { ... }`, a tail call, so the file's own line is gone
-- from the stack by the time framework() checks the table. This reads the file's source instead,
-- and only when a message needs a line: a file it cannot make out just gets no line.

local field_lines = {}

-- The index just past the long bracket (`[[ ... ]]`, `[==[ ... ]==]`) opening at `position`, or
-- nil when there is none.
local function past_long_bracket(source, position)
  local equals = source:match("^%[(=*)%[", position)
  if not equals then return nil end
  local _, finish = source:find("]" .. equals .. "]", position + #equals + 2, true)
  return (finish or #source) + 1
end

local function newlines(text)
  local _, count = text:gsub("\n", "")
  return count
end

-- The tokens that matter here, each { kind = "name" | "string" | "symbol", text =, line = }.
-- Comments and numbers are left out; a string's text is as written, escapes and all.
local function tokens(source)
  local list, position, line = {}, 1, 1
  local function add(kind, text) list[#list + 1] = { kind = kind, text = text, line = line } end
  while position <= #source do
    local char = source:sub(position, position)
    local after
    if char:match("%s") then
      after = position + 1
    elseif source:sub(position, position + 1) == "--" then
      after = past_long_bracket(source, position + 2) or source:find("\n", position, true) or #source + 1
    elseif char == "[" and past_long_bracket(source, position) then
      after = past_long_bracket(source, position)
      add("string", source:sub(position, after - 1):gsub("^%[=*%[\n?", ""):gsub("%]=*%]$", ""))
    elseif char == '"' or char == "'" then
      after = position + 1
      while after <= #source do
        local c = source:sub(after, after)
        if c == "\\" then after = after + 2
        elseif c == char or c == "\n" then break
        else after = after + 1 end
      end
      add("string", source:sub(position + 1, after - 1))
      after = after + 1
    elseif char:match("[%a_]") then
      local name = source:match("^[%a_][%w_]*", position)
      add("name", name)
      after = position + #name
    elseif char:match("%d") then
      after = position + #source:match("^[%w_%.]+", position)
    else
      local two = source:sub(position, position + 1)
      local symbol = (two == "==" or two == "~=" or two == "<=" or two == ">=" or two == "..") and two or char
      add("symbol", symbol)
      after = position + #symbol
    end
    line = line + newlines(source:sub(position, after - 1))
    position = after
  end
  return list
end

-- Blocks a `{` may hide inside (a function's body): a field only starts in the table itself.
local opens = { ["function"] = true, ["do"] = true, ["if"] = true, ["repeat"] = true }
local closes = { ["end"] = true, ["until"] = true }

-- Reads the table constructor whose `{` is list[index]. Returns its fields written as
-- `name = ...` or `["name"] = ...`, by name: { line =, text = (a string value), fields = (a
-- table value's own fields) }, and the index just past its `}`.
local function read_table(list, index)
  local fields = {}
  local at_field = true  -- just after `{`, `,` or `;`
  local blocks = 0
  index = index + 1
  while list[index] do
    local token = list[index]
    local name, value_at
    if blocks == 0 and at_field then
      if token.kind == "name" and list[index + 1] and list[index + 1].text == "=" then
        name, value_at = token.text, index + 2
      elseif token.text == "[" and list[index + 1] and list[index + 1].kind == "string"
          and list[index + 2] and list[index + 2].text == "]" and list[index + 3] and list[index + 3].text == "=" then
        name, value_at = list[index + 1].text, index + 4
      end
    end
    if name then
      local field = { line = token.line }
      fields[name] = field
      local value = list[value_at]
      if value and value.kind == "string" then field.text = value.text end
      if value and value.text == "{" then
        field.fields, index = read_table(list, value_at)
      else
        index = value_at
      end
      at_field = false
    elseif token.kind == "name" and opens[token.text] then
      blocks, index, at_field = blocks + 1, index + 1, false
    elseif token.kind == "name" and closes[token.text] then
      blocks, index, at_field = blocks - 1, index + 1, false
    elseif blocks == 0 and token.text == "}" then
      return fields, index + 1
    elseif token.text == "{" then
      local _
      _, index = read_table(list, index)
      at_field = false
    else
      at_field = blocks == 0 and (token.text == "," or token.text == ";")
      index = index + 1
    end
  end
  return fields, index
end

--- The `framework { ... }` call in `source` whose `id` is `id` (or the only one):
--- { line = (of the call), fields = (see read_table) }, or nil when there is none to be found.
function field_lines.framework(source, id)
  local list = tokens(source)
  local calls = {}
  for index, token in ipairs(list) do
    local before = list[index - 1]
    if token.kind == "name" and token.text == "framework"
        and not (before and (before.text == "." or before.text == ":" or before.text == "function" or before.text == "local")) then
      local open = list[index + 1] and list[index + 1].text == "(" and index + 2 or index + 1
      if list[open] and list[open].text == "{" then
        calls[#calls + 1] = { line = token.line, fields = (read_table(list, open)) }
      end
    end
  end
  for _, call in ipairs(calls) do
    if call.fields.id and call.fields.id.text == id then return call end
  end
  return #calls == 1 and calls[1] or nil
end

return field_lines
