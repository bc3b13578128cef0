-- CPU-bound Lua: recursive calls, table sorting with a comparator, string building.
-- Usage: lua cpu.lua [scale]   (scale 1 = fib(27), 300k numbers sorted, ~590 KB string)
local scale = tonumber(arg and arg[1]) or 1

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end

local function sort_numbers(n)
  local t, seed = {}, 42
  for i = 1, n do
    seed = (seed * 1103515245 + 12345) % 2147483648
    t[i] = seed % 1000000
  end
  table.sort(t, function(a, b) return a > b end)
  local sum = 0
  for i = 1, n, 1000 do sum = sum + t[i] end
  return sum
end

local function build_string(n)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = string.format("%d:%s;", i, string.rep("x", i % 7)) end
  local s = table.concat(parts)
  local count = 0
  for _ in s:gmatch("x+;") do count = count + 1 end
  return #s, count
end

for _ = 1, scale do
  print("fib", fib(27))
  print("sort", sort_numbers(300000))
  print("string", build_string(50000))
end
