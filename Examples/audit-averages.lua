-- A first coprod script: each organisation's principle averages in the Co-production &
-- Involvement Audit, with the label of the scale point each reaches and where to start. The
-- figures are coprod's own evaluation, the same as `coprod evaluate involvement-audit INPUT`.
-- Run it with:
--   coprod lua Examples/audit-averages.lua Examples/involvement-audit.csv ["Organisation name"]

local input, organisation = ...
if not input then
  error('give an input file: coprod lua Examples/audit-averages.lua INPUT.csv ["Organisation name"]', 0)
end

local framework = coprod.framework("involvement-audit")
local results = coprod.evaluate(framework, input)
if organisation then
  if not results:get(organisation) then
    error(("no organisation '%s' in %s (there are: %s)"):format(organisation, input, table.concat(results:names(), ", ")))
  end
  results = results:filter(function(result) return result.organisation == organisation end)
end

local scale = framework.scale
for _, result in ipairs(results) do
  print(("%s: %d respondent%s"):format(result.organisation, result.respondents, result.respondents == 1 and "" or "s"))
  local lowest, lowest_shown = {}, nil
  for _, section in ipairs(framework.sections) do
    -- Shown to two decimals, as `coprod evaluate` rounds; the label is that of the whole point
    -- the shown figure reaches (a mean of whole points can come out a hair off, 2.0000000000000004).
    local shown = ("%.2f"):format(result.values[section.id])
    local label = scale.labels[math.floor(tonumber(shown)) - scale.min + 1]
    print(("  %-14s %s  %s"):format(section.title, shown, label))
    if not lowest_shown or tonumber(shown) < tonumber(lowest_shown) then
      lowest, lowest_shown = { section.title }, shown
    elseif shown == lowest_shown then
      lowest[#lowest + 1] = section.title
    end
  end
  print(("  Start with %s: the lowest average%s (%s)."):format(table.concat(lowest, " and "),
    #lowest > 1 and "s" or "", lowest_shown))
end
