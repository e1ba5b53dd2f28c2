-- Loading framework files: each runs with the framework language in scope, and what it returns is
-- checked to be a framework. The host reads the data through `data`, which leaves out functions
-- (rules) so that everything else can cross into Swift.

local language = require "coprod.language"

local frameworks = {}

--- Runs a framework file's source and returns the framework it builds; with `expected_id`, the
--- file's name, its id must be that. `in_folder` says the file was found at the top of a
--- framework folder, where a module left beside the frameworks is read as one too.
function frameworks.load(source, chunkname, expected_id, in_folder)
  local environment = setmetatable({}, {
    __index = function(_, name)
      local value = language[name]
      if value ~= nil then return value end
      return _G[name]
    end,
  })
  local chunk, message = load(source, chunkname, "t", environment)
  if not chunk then error(message, 0) end
  language.current_file = chunkname:gsub("^[@=]", "")
  language.current_source = source
  language.expected_id = expected_id
  local framework = chunk()
  language.current_file, language.current_source, language.expected_id = nil, nil, nil
  if type(framework) ~= "table" or framework.kind ~= "framework" then
    local name = chunkname:gsub("^[@=]", "")
    local hint = in_folder and type(framework) == "table"
      and "; a module that frameworks require belongs in a subfolder, as every .lua file at the top of a framework folder is read as a framework"
      or ""
    error(name .. ": a framework file must return framework { ... } (it returned " .. type(framework) .. hint .. ")", 0)
  end
  return framework
end

local function copy_data(value, seen)
  if type(value) == "function" then return true end
  if type(value) ~= "table" then return value end
  if seen[value] then return seen[value] end
  local copy = {}
  seen[value] = copy
  for key, item in pairs(value) do copy[key] = copy_data(item, seen) end
  return copy
end

--- The framework as plain data: rules (functions) become `true`, shared tables are copied.
function frameworks.data(framework)
  local seen = {}
  local copy = copy_data(framework, seen)
  return copy
end

return frameworks
