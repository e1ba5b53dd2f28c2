-- Tab completion for the REPL: globals, table fields and method names. It reads tables with raw
-- access and follows only `__index` tables (never functions), so completing runs no user code.

local rawget, next, getmetatable, type, tostring = rawget, next, getmetatable, type, tostring
local sort, concat = table.sort, table.concat

local complete = {}

local function add_keys(table_value, prefix, seen, names, methods_only, depth)
  if type(table_value) ~= "table" or depth > 8 or seen[table_value] then return end
  seen[table_value] = true
  for key, value in next, table_value do
    if type(key) == "string" and key:match("^[%a_][%w_]*$") and key:sub(1, #prefix) == prefix
        and not key:match("^__") and (not methods_only or type(value) == "function") then
      names[key] = true
    end
  end
  local meta = getmetatable(table_value)
  if type(meta) == "table" then
    local index = rawget(meta, "__index")
    if type(index) == "table" then add_keys(index, prefix, seen, names, methods_only, depth + 1) end
  end
end

local function string_methods(prefix, names)
  for key, value in next, string do
    if type(key) == "string" and type(value) == "function" and key:sub(1, #prefix) == prefix then names[key] = true end
  end
end

--- Candidates completing the end of `line` (the text before the cursor), given the globals.
--- `word` is the part libedit will replace.
function complete.candidates(line, globals)
  local path = line:match("[%a_][%w_%.:]*$") or ""
  local base, separator, prefix = path:match("^(.-)([%.:])([%w_]*)$")
  local names = {}
  if not base then
    add_keys(globals, path, {}, names, false, 0)
    for _, keyword in ipairs({ "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
        "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }) do
      if keyword:sub(1, #path) == path then names[keyword] = true end
    end
    prefix = path
  else
    local value = globals
    for part in base:gmatch("[^%.:]+") do
      if type(value) ~= "table" then value = nil break end
      local found = rawget(value, part)
      if found == nil then
        local meta = getmetatable(value)
        local index = type(meta) == "table" and rawget(meta, "__index") or nil
        found = type(index) == "table" and rawget(index, part) or nil
      end
      value = found
    end
    if type(value) == "string" and separator == ":" then
      string_methods(prefix, names)
    else
      add_keys(value, prefix, {}, names, separator == ":", 0)
    end
  end
  local list = {}
  for name in next, names do list[#list + 1] = name end
  sort(list)
  -- libedit replaces the word after the last break character; "." and ":" are not break
  -- characters, so each candidate carries the path before it.
  local head = base and (base .. separator) or ""
  for index, name in ipairs(list) do list[index] = head .. name end
  return list
end

return complete
