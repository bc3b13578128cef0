-- wordfreq IN OUT: counts words of IN, writes the 15 most frequent to OUT and prints a summary.
local input, output = arg[1], arg[2]
local counts, total = {}, 0
for line in io.lines(input) do
  for w in line:lower():gmatch("%a+") do
    counts[w] = (counts[w] or 0) + 1
    total = total + 1
  end
end
local list = {}
for w, n in pairs(counts) do list[#list + 1] = {w = w, n = n} end
table.sort(list, function(a, b) return a.n > b.n or (a.n == b.n and a.w < b.w) end)
local f = assert(io.open(output, "w"))
for i = 1, math.min(15, #list) do f:write(string.format("%-10s %6d\n", list[i].w, list[i].n)) end
f:close()
print(string.format("%d words, %d distinct, top: %s", total, #list, list[1].w))
