-- Standard Lua 5.4 behaviour that the sandbox must leave intact. Runs through `coprod lua` and
-- through LuaState in the tests; every check is an assert, so the first difference fails loudly.
-- (The official Lua test suite cannot be fetched on the build machines; this covers the same
-- ground for the libraries the sandbox keeps.)

local checks = 0
local function check(condition, what)
  checks = checks + 1
  assert(condition, what)
end

-- Integers and floats
check(math.type(1) == "integer" and math.type(1.0) == "float", "number subtypes")
check(7 // 2 == 3 and 7 / 2 == 3.5 and -7 // 2 == -4 and 7 % -3 == -2, "division and modulo")
check(math.maxinteger + 1 == math.mininteger, "integer wrap-around")
check(math.tointeger(3.0) == 3 and math.tointeger(3.5) == nil, "math.tointeger")
check(1 == 1.0 and "10" + 1 == 11 and "0x10" + 0 == 16, "coercions")
check(tostring(1e15) == "1e+15" and tostring(2^53) == "9.007199254741e+15" and tostring(3.0) == "3.0", "number formatting")
check(string.format("%5.2f|%d|%s|%q", 3.14159, 42, "x", "a\nb") == " 3.14|42|x|\"a\\\nb\"", "string.format")
check(3 & 5 == 1 and 3 | 5 == 7 and 3 ~ 5 == 6 and ~0 == -1 and 1 << 62 == 4611686018427387904, "bitwise operators")

-- Strings and patterns
check(("hello world"):find("o w") == 5, "plain find through the string metatable")
check(select(2, ("a,b,,c"):gsub(",", ";")) == 3, "gsub count")
check(("key = value"):match("^(%w+)%s*=%s*(%w+)$") == "key", "captures")
check(("THE (quick) fox"):find("%((%a+)%)") == 5, "escaped parentheses")
check(("f(a(b)c)d"):match("%b()") == "(a(b)c)", "balanced match")
check(("THE (quick) fox"):gsub("%f[%a]%a+", function(w) return w:lower() end) == "the (quick) fox", "frontier and function replacement")
check(("$name is $age"):gsub("%$(%w+)", {name = "Ann", age = 42}) == "Ann is 42", "table replacement")
check(("abc"):rep(3, "-") == "abc-abc-abc", "rep with separator")
check(#("\0\1\2") == 3 and ("\0x"):byte(1, 2) == 0, "embedded zeros")
check(string.pack(">I2", 258) == "\1\2" and string.unpack("<i4", "\1\0\0\0") == 1, "pack and unpack")
local words = {}
for word in ("one two  three"):gmatch("%a+") do words[#words + 1] = word end
check(#words == 3 and words[3] == "three", "gmatch")
check(utf8.char(72, 228, 8364) == "Hä€" and utf8.len("Hä€") == 3 and utf8.codepoint("€") == 8364, "utf8")
local malformed = select(2, pcall(string.find, "x", "%"))
check(malformed:find("malformed pattern"), "malformed pattern error")

-- Tables
local t = {5, 2, 8, 1}
table.sort(t)
check(table.concat(t, ",") == "1,2,5,8", "sort")
table.sort(t, function(a, b) return a > b end)
check(t[1] == 8, "sort with comparator")
table.insert(t, 1, 0)
check(t[1] == 0 and #t == 5 and table.remove(t) == 1, "insert and remove")
check(select("#", table.unpack({1, 2, nil, 4}, 1, 4)) == 4, "unpack with explicit range")
check(table.move({1, 2, 3}, 1, 3, 3, {})[5] == 3, "move into another table")
check(#table.pack(1, nil, 3) == 3 or table.pack(1, nil, 3).n == 3, "pack")
check(next({}) == nil and rawlen({1, 2}) == 2 and rawequal(t, t), "raw functions")

-- Metatables
local vector = {}
vector.__index = vector
vector.__add = function(a, b) return setmetatable({x = a.x + b.x}, vector) end
vector.__eq = function(a, b) return a.x == b.x end
vector.__lt = function(a, b) return a.x < b.x end
vector.__le = function(a, b) return a.x <= b.x end
vector.__len = function() return 99 end
vector.__call = function(self, k) return self.x * k end
vector.__tostring = function(v) return "v(" .. v.x .. ")" end
vector.__concat = function(a, b) return tostring(a) .. tostring(b) end
function vector.double(v) return v.x * 2 end
local a, b = setmetatable({x = 1}, vector), setmetatable({x = 2}, vector)
check((a + b).x == 3 and a ~= b and a < b and a <= b and #a == 99 and a(5) == 5, "arithmetic metamethods")
check(tostring(a) == "v(1)" and a .. b == "v(1)v(2)" and a:double() == 2, "__tostring, __concat, methods")
local proxy = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
proxy.y = 4
check(proxy.y == 8, "__newindex")
check(getmetatable(setmetatable({}, {__metatable = "mine"})) == "mine", "__metatable")

-- Closures, varargs, goto, integer for loops
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c = counter()
c()
check(c() == 2, "closures")
local function count(...) return select("#", ...) end
check(count(nil, nil) == 2 and count() == 0, "varargs")
local i = 1
::again::
i = i + 1
if i < 5 then goto again end
check(i == 5, "goto")
local sum = 0
for k = 10, 1, -3 do sum = sum + k end
check(sum == 22, "numeric for with a negative step")

-- Errors
local ok, err = pcall(error, {code = 7})
check(not ok and err.code == 7, "error with a table")
ok, err = pcall(error, "plain", 0)
check(err == "plain", "error level 0")
ok, err = pcall(function() local x = nil; return x.field end)
check(err:find("attempt to index a nil value"), "runtime error message")
check(select(2, xpcall(function() error("inner") end, function(m) return "handled: " .. m end)):find("handled: .*inner"), "xpcall handler")

-- Coroutines, including yields across pcall
local producer = coroutine.wrap(function(start)
  local x = start
  while true do
    local okay, received = pcall(coroutine.yield, x)
    x = x + received
  end
end)
check(producer(1) == 1 and producer(10) == 11 and producer(5) == 16, "coroutine yield across pcall")
local co = coroutine.create(function() coroutine.yield(1) error("fail in coroutine") end)
check(select(2, coroutine.resume(co)) == 1, "resume")
local resumed, message = coroutine.resume(co)
check(not resumed and message:find("fail in coroutine") and coroutine.status(co) == "dead", "error in coroutine")
check(coroutine.isyieldable() == false and coroutine.running() ~= nil, "main thread")
local closable = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() end}) coroutine.yield() end)
coroutine.resume(closable)
check(coroutine.close(closable) == true, "coroutine.close")

-- To-be-closed variables and constants
local log = {}
do
  local first <close> = setmetatable({}, {__close = function() log[#log + 1] = "first" end})
  local second <close> = setmetatable({}, {__close = function() log[#log + 1] = "second" end})
  local constant <const> = 10
  check(constant == 10, "const")
end
check(log[1] == "second" and log[2] == "first", "__close order")

-- load with text and environments
check(load("return 1 + 1")() == 2, "load")
local env = {value = 3}
check(load("return value", "chunk", "t", env)() == 3, "load with env")
local parts = {"return ", "4", " * 2"}
local index = 0
check(load(function() index = index + 1 return parts[index] end)() == 8, "load with a reader")
check(select(2, load("x = ")):find("unexpected symbol near <eof>"), "syntax error from load")

-- os, kept for time and date
check(type(os.time()) == "number" and os.date("!%Y-%m-%d", 0) == "1970-01-01", "os.time and os.date")
check(os.difftime(10, 4) == 6.0 and type(os.clock()) == "number", "os.difftime and os.clock")

print("standard semantics: " .. checks .. " checks passed")
