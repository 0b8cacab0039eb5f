// Works through a long computation, printing a line per step: the kill tests stop it with
// SIGKILL at random moments and boot it again; its output must be what a native run prints
// (a restart may repeat lines printed after the last snapshot, never skip or change one).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 200;
    int work = argc > 2 ? atoi(argv[2]) : 200000;
    size_t n = 1 << 16;
    uint32_t *table = malloc(n * sizeof *table);
    for (size_t i = 0; i < n; i++) table[i] = (uint32_t)(i * 2654435761u);
    uint64_t hash = 1469598103934665603ull;
    double acc = 0.0;
    for (int step = 1; step <= steps; step++) {
        for (int k = 0; k < work; k++) {
            uint32_t x = table[(hash >> 7) & (n - 1)];
            hash = (hash ^ x) * 1099511628211ull;
            table[k & (n - 1)] ^= (uint32_t)hash;
            acc += (double)(x & 1023) / 1024.0;
        }
        char *note = malloc(64 + step % 50);
        snprintf(note, 64, "%d", step * 7);
        printf("step %d hash %016llx acc %.3f note %s\n", step, (unsigned long long)hash, acc, note);
        free(note);
    }
    free(table);
    return 0;
}
