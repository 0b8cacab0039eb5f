-- An ordinary Lua program, run by Lua 5.4 built for wasm32-wasi (crates/cli/tests/wasm_lua.rs):
-- tables, string building, string.format with floats, closures, a small class, sorting. It
-- prints one line per step; the state carried from step to step (an inventory, a running
-- checksum, a journal) makes any step that was lost or done twice show in the lines after it.
--   lua work.lua [STEPS] [ITEMS]
-- Nothing here depends on what differs between builds: no pairs() over string keys, no
-- addresses, no clocks, no transcendental functions.

local steps = tonumber(arg[1]) or 40
local items = tonumber(arg[2]) or 300

-- A small class: a 2-D vector with operators.
local Vec = {}
Vec.__index = Vec

function Vec.new(x, y)
  return setmetatable({ x = x, y = y }, Vec)
end

function Vec.__add(a, b)
  return Vec.new(a.x + b.x, a.y + b.y)
end

function Vec.__mul(a, k)
  return Vec.new(a.x * k, a.y * k)
end

function Vec.__eq(a, b)
  return a.x == b.x and a.y == b.y
end

function Vec.__tostring(v)
  return string.format("(%.2f, %.2f)", v.x, v.y)
end

function Vec:len2()
  return self.x * self.x + self.y * self.y
end

-- A deterministic generator (a closure over its state), the same in every build.
local function lcg(seed)
  local s = seed
  return function(n)
    s = (s * 1103515245 + 12345) % 2147483648
    return (s // 65536) % n
  end
end

-- Counters made by closures: each remembers its own count.
local function counter()
  local n = 0
  return function(by)
    n = n + (by or 1)
    return n
  end
end

local rand = lcg(20240601)
local words = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet" }
local inventory = {}
for i = 1, items do
  inventory[i] = {
    id = i,
    name = words[rand(#words) + 1] .. "-" .. i,
    pos = Vec.new(rand(1000) / 10, rand(1000) / 10),
    weight = rand(10000) / 100,
    tags = {},
  }
end

local counts = {}
for i = 1, #words do
  counts[i] = counter()
end

local checksum = 0
local journal = {}

local function hash_string(s, h)
  for k = 1, #s do
    h = (h * 31 + s:byte(k)) % 4294967296
  end
  return h
end

for step = 1, steps do
  -- Move everything a little; some items gain a tag.
  local drift = Vec.new((step % 7) / 4, -(step % 5) / 8)
  local total = Vec.new(0, 0)
  for i = 1, #inventory do
    local it = inventory[i]
    it.pos = it.pos + drift * ((i % 3) + 1)
    it.weight = it.weight * 1.0009765625 + (i % 11) / 64
    if rand(17) == 0 then
      it.tags[#it.tags + 1] = words[rand(#words) + 1]:upper():sub(1, 3)
    end
    total = total + it.pos
  end

  -- Sort by distance from the centre of mass, then by id, and take the nearest few.
  local centre = total * (1 / #inventory)
  local order = {}
  for i = 1, #inventory do
    local it = inventory[i]
    local d = Vec.new(it.pos.x - centre.x, it.pos.y - centre.y)
    order[i] = { dist = d:len2(), it = it }
  end
  table.sort(order, function(a, b)
    if a.dist ~= b.dist then
      return a.dist < b.dist
    end
    return a.it.id < b.it.id
  end)

  -- Build a report string piece by piece, and count the words of the nearest names.
  local parts = {}
  for k = 1, 5 do
    local it = order[k].it
    parts[#parts + 1] = string.format("%s@%.1f", it.name, math.sqrt(order[k].dist))
    for w = 1, #words do
      if it.name:find(words[w], 1, true) == 1 then
        counts[w]()
      end
    end
  end
  local report = table.concat(parts, ",")

  -- Heavier string work: a line of text per item, its words counted with gsub and gmatch.
  local text = {}
  for i = 1, #inventory, 3 do
    local it = inventory[i]
    text[#text + 1] = it.name .. " weighs " .. string.format("%.3f", it.weight) .. " tags " .. table.concat(it.tags, "+")
  end
  local joined = table.concat(text, "\n")
  local _, lines = joined:gsub("\n", "\n")
  local digits = 0
  for num in joined:gmatch("%d+") do
    digits = digits + #num
  end
  checksum = hash_string(report, checksum)
  checksum = hash_string(string.format("%d %d %.6f", lines, digits, centre.x + centre.y), checksum)

  -- The journal keeps a bounded window; its sum depends on every step so far.
  journal[#journal + 1] = checksum % 1000
  if #journal > 10 then
    table.remove(journal, 1)
  end
  local jsum = 0
  for _, v in ipairs(journal) do
    jsum = jsum + v
  end

  local heaviest = 0
  for i = 1, #inventory do
    heaviest = math.max(heaviest, inventory[i].weight)
  end
  local wordcounts = {}
  for w = 1, #words do
    wordcounts[w] = counts[w](0)
  end

  print(string.format(
    "step %d sum %08x journal %d centre %s heaviest %.4f first %s words %s",
    step, checksum, jsum, tostring(centre), heaviest, report:sub(1, 24), table.concat(wordcounts, ".")
  ))
end
print("done " .. steps)
