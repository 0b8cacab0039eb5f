local n = 2000000
local a = {}
for i = 0, n - 1 do a[i + 1] = { value = i } end
local sum = 0
for k = 0, n - 1, 1000 do sum = sum + a[k + 1].value end
print(sum)
