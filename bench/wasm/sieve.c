// Integer loops over a large array: the sieve of Eratosthenes, then a hash of the primes.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    const int n = 20000000;
    uint8_t *composite = calloc(n + 1, 1);
    for (int i = 2; (long)i * i <= n; i++)
        if (!composite[i])
            for (int j = i * i; j <= n; j += i) composite[j] = 1;
    int count = 0;
    uint32_t hash = 2166136261u;
    for (int i = 2; i <= n; i++)
        if (!composite[i]) {
            count++;
            hash = (hash ^ (uint32_t)i) * 16777619u;
        }
    printf("%d primes below %d, hash %08x\n", count, n, hash);
    free(composite);
    return 0;
}
