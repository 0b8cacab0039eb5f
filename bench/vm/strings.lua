local total = 0
for i = 0, 1000000 - 1 do total = total + #("x" .. i) end
print(total)
