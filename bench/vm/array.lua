local n = 2000000
local sieve = {}
for k = 1, n - 1 do sieve[k] = 1 end
sieve[1] = 0
local i = 2
while i * i < n do
  if sieve[i] == 1 then
    for j = i * i, n - 1, i do sieve[j] = 0 end
  end
  i = i + 1
end
local count = 0
for k = 1, n - 1 do count = count + sieve[k] end
print(count)
