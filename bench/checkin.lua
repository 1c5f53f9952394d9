-- Check-in POSTs for `make bench`. Arguments: one "unit" each, a goal and a day, written as
-- "undo path|undo body|check-in path|check-in body". Each wrk thread takes its own share of
-- the units (so no two threads touch the same goal and day) and goes through them all with
-- one action, then all with the other: every request changes something in the database.

dofile(os.getenv("BENCH_DIR") .. "/report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local mine, at, phase = {}, 0, 0

local function split(s)
   local parts, start = {}, 1
   while true do
      local i = string.find(s, "|", start, true)
      if not i then
         table.insert(parts, string.sub(s, start))
         return parts
      end
      table.insert(parts, string.sub(s, start, i - 1))
      start = i + 1
   end
end

function init(args)
   local count = tonumber(args[1])
   for i = 2, #args do
      if (i - 2) % count == id then table.insert(mine, split(args[i])) end
   end
end

function request()
   at = at + 1
   if at > #mine then at, phase = 1, 1 - phase end
   local unit = mine[at]
   local path, body = unit[1 + phase * 2], unit[2 + phase * 2]
   return wrk.format(nil, path, nil, body)
end
