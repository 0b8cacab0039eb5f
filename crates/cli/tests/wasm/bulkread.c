// Reads all of standard input with read() into a buffer that grows, and prints its length
// and a checksum; how many reads it took goes to standard error.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    size_t capacity = 1 << 16, length = 0;
    unsigned char *data = malloc(capacity);
    int reads = 0;
    for (;;) {
        if (capacity - length < 1 << 16) {
            capacity *= 2;
            data = realloc(data, capacity);
        }
        ssize_t n = read(0, data + length, capacity - length);
        if (n < 0) {
            perror("read");
            return 1;
        }
        if (n == 0) break;
        length += (size_t)n;
        reads++;
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < length; i++) h = (h ^ data[i]) * 16777619u;
    printf("%zu bytes, hash %08x\n", length, h);
    fprintf(stderr, "%d reads\n", reads);
    free(data);
    return 0;
}
