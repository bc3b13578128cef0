-- Closures, metatables, string library, integer/float arithmetic.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter(); c(); c()
print("counter", c())

-- (no coroutines: Lua yields with longjmp, which this wasi-libc lacks; see docs/wasi.md)
local squares = {}
for i = 1, 5 do squares[#squares + 1] = i * i end
print("squares", table.concat(squares, ","))

local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Vec) end
Vec.__tostring = function(v) return string.format("(%g, %g)", v.x, v.y) end
local v = setmetatable({x = 1, y = 2}, Vec) + setmetatable({x = 0.5, y = -4}, Vec)
print("vector", tostring(v))

print("integers", 7 // 2, 7 % -3, 2^10, math.maxinteger, math.mininteger // -1)
print("floats", 1 / 3, math.sqrt(2), math.floor(-2.5), string.format("%.3f", math.pi))
print("strings", ("hello world"):upper(), ("a,b,,c"):gsub(",", ";"), ("%d items"):format(42))
print("pattern", string.match("key = value", "(%w+)%s*=%s*(%w+)"))
print("utf8", utf8.char(72, 228, 8364, 128512), utf8.len("häll€"))

local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print("sorted", table.concat(words, " "))

local ok, err = pcall(function() return "no error" end)
print("pcall", ok, err)

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("fib(22)", fib(22))
local t = {}
for i = 1, 20000 do t[i] = (i * 7919) % 10007 end
table.sort(t)
print("sort", t[1], t[10000], t[20000])
print("args", #arg, arg[1], arg[2])
