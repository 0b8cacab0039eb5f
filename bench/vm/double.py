n = 10000000
h = 1.0 / n
sum = 0.0
for i in range(n):
    x = (i + 0.5) * h
    sum = sum + 4.0 / (1.0 + x * x)
print("%.6f" % sum)
