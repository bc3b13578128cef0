-- A transient peak: build a lasting working set and work on it, build a much larger temporary one (about
-- ten times the lasting set), drop it and collect, then work on the lasting set again.
-- Arguments: scale (default 1), rounds of work per phase (5), peak factor (1; 0 leaves the peak out).
-- scripts/memory-peaks uses scale 10 to show memory.discard giving the peak back.
local scale = tonumber(arg[1]) or 1
local rounds = tonumber(arg[2]) or 5
local peak_factor = tonumber(arg[3]) or 1

local function work(t, r)
  local h = 0
  for k = 1, r do
    for i = 1, #t do
      local v = t[i]
      h = (h * 31 + #(type(v) == "table" and v[2] or v) + k) % 1000000007
    end
  end
  return h
end

local keep = {}
for i = 1, 20000 * scale do
  keep[i] = ("lasting %08d "):format(i) .. ("x"):rep(i % 40)
end
print("before", #keep, work(keep, rounds))

local peak = {}
for i = 1, 100000 * scale * peak_factor do
  peak[i] = { i, ("temporary %08d %s"):format(i, ("y"):rep(i % 30)), {} }
end
print("peak", #peak, work(peak, 1))
peak = nil
collectgarbage()
collectgarbage()

print("after", #keep, work(keep, rounds))
