acc = 0
for i in range(10000000):
    acc = (acc + i) % 1000003
print(acc)
