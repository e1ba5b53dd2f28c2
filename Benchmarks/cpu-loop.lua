-- A loop that only computes, in a few kilobytes of memory: what a core of the machine gets done,
-- alone and with the other core busy too. Benchmarks/run times one copy, then two at once, to
-- tell how much a second core can give any program at that moment.
--   lua5.4 Benchmarks/cpu-loop.lua [ITERATIONS]     (default 12,500,000: about half a second)
local sums = {}
for i = 1, tonumber(arg[1]) or 12500000 do
  local slot = i % 1000 + 1
  sums[slot] = (sums[slot] or 0) + i * 0.5
end
if not (sums[1] > 0) then error("the loop computed nothing") end
