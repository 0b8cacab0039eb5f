local acc = 0
for i = 0, 10000000 - 1 do acc = (acc + i) % 1000003 end
print(acc)
