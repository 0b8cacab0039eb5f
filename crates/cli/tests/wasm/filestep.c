// Works through a computation in steps and keeps its progress in files of the mount "data":
// each step rewrites data/state.txt as a whole (the step, the hash so far and a table),
// appends a line to data/log.txt (opened and closed each time), and writes a line to
// data/kept.txt, which stays open from start to end. The kill tests stop it with SIGKILL and
// boot it again; the files it leaves at the end must be what a native run leaves.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 100;
    int work = argc > 2 ? atoi(argv[2]) : 100000;
    uint64_t hash = 14695981039346656037ull;
    uint32_t counts[16] = {0};
    FILE *kept = fopen("data/kept.txt", "w");
    if (!kept) {
        perror("data/kept.txt");
        return 1;
    }
    for (int step = 1; step <= steps; step++) {
        for (int k = 0; k < work; k++) {
            hash = (hash ^ (uint64_t)(k + step)) * 1099511628211ull;
            counts[hash >> 60]++;
        }
        FILE *state = fopen("data/state.txt", "w");
        if (!state) {
            perror("data/state.txt");
            return 1;
        }
        fprintf(state, "step %d of %d\nhash %016llx\n", step, steps, (unsigned long long)hash);
        for (int i = 0; i < 16; i++) fprintf(state, "%x: %u\n", i, counts[i]);
        fclose(state);
        FILE *log = fopen("data/log.txt", "a");
        fprintf(log, "step %d hash %016llx\n", step, (unsigned long long)hash);
        fclose(log);
        fprintf(kept, "%d:%016llx\n", step, (unsigned long long)hash);
        fflush(kept);
        printf("step %d\n", step);
    }
    fclose(kept);
    printf("done\n");
    return 0;
}
