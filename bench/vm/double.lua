local n = 10000000
local h = 1.0 / n
local sum = 0.0
for i = 0, n - 1 do
  local x = (i + 0.5) * h
  sum = sum + 4.0 / (1.0 + x * x)
end
print(string.format("%.6f", sum))
