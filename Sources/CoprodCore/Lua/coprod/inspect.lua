-- Turns any value into readable text for the REPL: keys sorted, nesting cut at a depth, cycles
-- marked, long lists cut with a count. Values with a __name in their metatable and a summary
-- method (frameworks, results, collections) print as that summary. Raw access only, so printing
-- never runs a script's metamethods.

local inspect = {}

local function is_identifier(key)
  return type(key) == "string" and key:match("^[%a_][%w_]*$") ~= nil
end

local type_order = { boolean = 1, number = 2, string = 3 }

local function sort_keys(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (type_order[ta] or 9) < (type_order[tb] or 9) end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return (not a) and b end
  return tostring(a) < tostring(b)
end

local function scalar(value)
  if type(value) == "string" then return string.format("%q", value):gsub("\\\n", "\\n") end
  if math.type(value) == "float" and value == math.floor(value) and math.abs(value) < 1e15 then
    return string.format("%.1f", value)
  end
  return tostring(value)
end

local function render(value, options, depth, seen, indent)
  if type(value) ~= "table" then return scalar(value) end
  local meta = getmetatable(value)
  if type(meta) == "table" and rawget(meta, "__summary") and not (options.full and depth == 0) then
    return rawget(meta, "__summary")(value)
  end
  if seen[value] then return "<cycle>" end
  if depth >= options.depth then return "{...}" end
  seen[value] = true
  local keys, count = {}, 0
  for key in next, value do
    count = count + 1
    keys[count] = key
  end
  table.sort(keys, sort_keys)
  local length = rawlen(value)
  local parts, shown = {}, 0
  for _, key in ipairs(keys) do
    if shown >= options.items then
      parts[#parts + 1] = ("... (%d more)"):format(count - shown)
      break
    end
    local text
    if math.type(key) == "integer" and key >= 1 and key <= length then
      text = render(rawget(value, key), options, depth + 1, seen, indent .. "  ")
    elseif is_identifier(key) then
      text = key .. " = " .. render(rawget(value, key), options, depth + 1, seen, indent .. "  ")
    else
      text = "[" .. scalar(key) .. "] = " .. render(rawget(value, key), options, depth + 1, seen, indent .. "  ")
    end
    parts[#parts + 1] = text
    shown = shown + 1
  end
  seen[value] = nil
  if #parts == 0 then return "{}" end
  local flat = "{ " .. table.concat(parts, ", ") .. " }"
  if #flat <= options.width and not flat:find("\n") then return flat end
  return "{\n" .. indent .. "  " .. table.concat(parts, ",\n" .. indent .. "  ") .. "\n" .. indent .. "}"
end

--- Text for `value`. Options: depth (default 4), items per table (default 20), width (default 80),
--- full (true: show a framework, result or collection's own fields instead of its summary).
function inspect.text(value, options)
  options = options or {}
  -- Checked here, so that a mistake is named at the caller's line rather than deep in render.
  if type(options) ~= "table" then error("inspect's options are a table: {depth =, items =, width =, full = true}", 2) end
  for _, name in ipairs({ "depth", "items", "width" }) do
    if options[name] ~= nil and type(options[name]) ~= "number" then
      error(("inspect's option %s is a number, got %s"):format(name, type(options[name])), 2)
    end
  end
  local settings = { depth = options.depth or 4, items = options.items or 20, width = options.width or 80,
    full = options.full }
  return render(value, settings, 0, {}, "")
end

return inspect
