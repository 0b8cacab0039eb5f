n = 2000000
sieve = [0] * n
for i in range(n):
    sieve[i] = 1
sieve[0] = 0
sieve[1] = 0
i = 2
while i * i < n:
    if sieve[i] == 1:
        for j in range(i * i, n, i):
            sieve[j] = 0
    i += 1
count = 0
for k in range(n):
    count += sieve[k]
print(count)
