-- File operations through Lua's io and os libraries.
local f = assert(io.open("notes.txt", "w"))
for i = 1, 100 do f:write("line ", i, "\n") end
f:close()
f = assert(io.open("notes.txt", "a")); f:write("appended\n"); f:close()
f = assert(io.open("notes.txt", "r"))
print("size", f:seek("end"))
f:seek("set", 5)
print("read", f:read("l"), f:read("n"), f:read(3))
f:close()
local n = 0
for _ in io.lines("notes.txt") do n = n + 1 end
print("lines", n)
print("rename", os.rename("notes.txt", "renamed.txt"))
print("open old", (select(2, io.open("notes.txt", "r"))))  -- errno numbers differ between libcs
print("remove", os.remove("renamed.txt"))
print("remove again", (select(2, os.remove("renamed.txt"))))
local out = assert(io.open("binary.bin", "wb"))
for i = 0, 255 do out:write(string.char(i)) end
out:close()
local b = assert(io.open("binary.bin", "rb")):read("a")
print("binary", #b, b:byte(1), b:byte(256))
io.write("via io.write ", 1, " ", 2.5, "\n")
io.stderr:write("to stderr\n")
print("getenv", os.getenv("GREETING"), os.getenv("NOPE"))
os.exit(3)
