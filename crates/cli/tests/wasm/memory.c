// The heap of a C program: many blocks growing to tens of megabytes, realloc, free and reuse,
// calloc, the mem* functions on overlapping ranges, and a large array of structs sorted with
// qsort (its comparison called through a function pointer).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 12345;

static uint32_t next_random(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static uint32_t hash_bytes(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

struct block {
    unsigned char *data;
    size_t size;
    unsigned char fill;
};

// A block holds its fill byte, a stamp of its offset every 4 KiB and the fill inverted in its
// last byte.
static int check_block(const struct block *b) {
    for (size_t i = 0; i + 128 <= b->size; i += 4096) {
        uint32_t stamp;
        memcpy(&stamp, b->data + i, sizeof stamp);
        if (stamp != (uint32_t)i + b->fill) return 0;
        if (b->data[i + 100] != b->fill) return 0;
    }
    return b->data[b->size - 1] == (unsigned char)~b->fill;
}

static void fill_block(struct block *b) {
    memset(b->data, b->fill, b->size);
    for (size_t i = 0; i + 128 <= b->size; i += 4096) {
        uint32_t stamp = (uint32_t)i + b->fill;
        memcpy(b->data + i, &stamp, sizeof stamp);
    }
    b->data[b->size - 1] = (unsigned char)~b->fill;
}

static void many_blocks(void) {
    enum { COUNT = 3000 };
    static struct block blocks[COUNT];
    size_t total = 0, peak = 0;
    int allocated = 0;
    for (int i = 0; i < COUNT; i++) {
        // Mostly small blocks, some large ones.
        size_t size = (i % 50 == 0) ? 256 * 1024 + next_random() % 65536 : 16 + next_random() % 16000;
        blocks[i].data = malloc(size);
        if (!blocks[i].data) {
            printf("malloc(%zu) failed at block %d\n", size, i);
            exit(1);
        }
        blocks[i].size = size;
        blocks[i].fill = (unsigned char)i;
        fill_block(&blocks[i]);
        total += size;
        allocated++;
    }
    peak = total;
    printf("allocated %d blocks, %zu bytes\n", allocated, total);
    int bad = 0;
    for (int i = 0; i < COUNT; i++) bad += !check_block(&blocks[i]);
    printf("blocks intact: %d bad\n", bad);
    // Free every other block, then allocate into the holes with different sizes.
    for (int i = 0; i < COUNT; i += 2) {
        total -= blocks[i].size;
        free(blocks[i].data);
        blocks[i].data = NULL;
    }
    for (int i = 0; i < COUNT; i += 2) {
        size_t size = 8 + next_random() % 24000;
        blocks[i].data = malloc(size);
        blocks[i].size = size;
        blocks[i].fill = (unsigned char)(i * 7);
        fill_block(&blocks[i]);
        total += size;
    }
    if (total > peak) peak = total;
    bad = 0;
    for (int i = 0; i < COUNT; i++) bad += !check_block(&blocks[i]);
    printf("after reuse: %zu bytes, %d bad\n", total, bad);
    // A second wave on top: the heap reaches tens of megabytes.
    unsigned char *big[24];
    for (int i = 0; i < 24; i++) {
        big[i] = malloc(1 << 20);
        memset(big[i], i + 1, 1 << 20);
        total += 1 << 20;
    }
    if (total > peak) peak = total;
    int wrong = 0;
    for (int i = 0; i < 24; i++)
        for (size_t k = 0; k < 1 << 20; k += 509) wrong += big[i][k] != i + 1;
    printf("peak %zu MB, %d wrong bytes in the big blocks\n", peak >> 20, wrong);
    for (int i = 0; i < 24; i++) free(big[i]);
    for (int i = 0; i < COUNT; i++) free(blocks[i].data);
}

static void growing_array(void) {
    size_t capacity = 1, length = 0;
    int64_t *values = malloc(capacity * sizeof *values);
    for (int64_t i = 0; i < 2000000; i++) {
        if (length == capacity) {
            capacity *= 2;
            int64_t *grown = realloc(values, capacity * sizeof *values);
            if (!grown) {
                printf("realloc to %zu failed\n", capacity);
                exit(1);
            }
            values = grown;
        }
        values[length++] = i * i - 3 * i;
    }
    int64_t sum = 0;
    int ok = 1;
    for (size_t i = 0; i < length; i++) {
        sum += values[i];
        if (values[i] != (int64_t)i * (int64_t)i - 3 * (int64_t)i) ok = 0;
    }
    printf("grown array: %zu values (capacity %zu), sum %lld, %s\n", length, capacity, (long long)sum,
           ok ? "intact" : "DAMAGED");
    // Shrinking keeps the prefix.
    values = realloc(values, 1000 * sizeof *values);
    printf("shrunk: values[999] = %lld\n", (long long)values[999]);
    free(values);
    // A string grown a piece at a time.
    char *text = NULL;
    size_t text_len = 0;
    for (int i = 0; i < 5000; i++) {
        char piece[32];
        int n = snprintf(piece, sizeof piece, "%d,", i * 37 % 1000);
        text = realloc(text, text_len + n + 1);
        memcpy(text + text_len, piece, n + 1);
        text_len += n;
    }
    printf("text of %zu chars, hash %08x, starts %.20s\n", strlen(text), hash_bytes((unsigned char *)text, text_len),
           text);
    free(text);
}

static void zeroing(void) {
    // Dirty memory, freed, must come back zeroed from calloc.
    for (int round = 0; round < 5; round++) {
        size_t n = 100000 + round * 50000;
        unsigned char *dirty = malloc(n);
        memset(dirty, 0xAB, n);
        free(dirty);
        int *zeros = calloc(n / sizeof(int), sizeof(int));
        size_t nonzero = 0;
        for (size_t i = 0; i < n / sizeof(int); i++) nonzero += zeros[i] != 0;
        printf("calloc %zu ints: %zu nonzero\n", n / sizeof(int), nonzero);
        free(zeros);
    }
    // Many small callocs reusing small freed blocks.
    size_t nonzero = 0;
    for (int i = 0; i < 2000; i++) {
        char *p = malloc(40 + i % 64);
        memset(p, 0x5A, 40 + i % 64);
        free(p);
        char *q = calloc(1, 40 + i % 64);
        for (int k = 0; k < 40 + i % 64; k++) nonzero += q[k] != 0;
        free(q);
    }
    printf("small callocs: %zu nonzero bytes\n", nonzero);
}

static void mem_functions(void) {
    char buf[256];
    for (int i = 0; i < 256; i++) buf[i] = (char)('A' + i % 26);
    // Overlapping moves in both directions, at odd offsets and lengths.
    memmove(buf + 3, buf, 100);
    printf("memmove up:   %.40s\n", buf);
    memmove(buf, buf + 7, 150);
    printf("memmove down: %.40s\n", buf);
    memmove(buf + 1, buf, 0);
    memset(buf + 10, '-', 13);
    printf("memset:       %.40s\n", buf);
    char copy[256];
    memcpy(copy, buf, sizeof copy);
    int equal = memcmp(copy, buf, 256) == 0;
    copy[50] = 'z';
    printf("memcmp equal %d, after change %d %d\n", equal, memcmp(copy, buf, 256) > 0, memcmp(buf, copy, 256) < 0);
    // Larger overlapping moves, as a buffer shifts its contents.
    size_t n = 1 << 20;
    unsigned char *big = malloc(n + 4096);
    for (size_t i = 0; i < n + 4096; i++) big[i] = (unsigned char)(i * 131 + (i >> 8));
    uint32_t before = hash_bytes(big, n);
    memmove(big + 4093, big, n);
    uint32_t moved = hash_bytes(big + 4093, n);
    memmove(big + 1, big + 4093, n);
    uint32_t back = hash_bytes(big + 1, n);
    printf("big memmove: %s %s\n", before == moved ? "same" : "CHANGED", moved == back ? "same" : "CHANGED");
    memset(big, 0, n);
    size_t zero = 0;
    for (size_t i = 0; i < n; i++) zero += big[i] == 0;
    printf("memset big: %zu zero\n", zero);
    const char *hay = "the quick brown fox jumps over the lazy dog";
    printf("memchr %td strstr %td strrchr %td strspn %zu strcspn %zu\n", (char *)memchr(hay, 'q', 43) - hay,
           strstr(hay, "lazy") - hay, strrchr(hay, 'o') - hay, strspn(hay, "the "), strcspn(hay, "xyz"));
    free(big);
}

struct person {
    char name[24];
    int age;
    double score;
    unsigned id;
};

static int by_age_then_score(const void *a, const void *b) {
    const struct person *p = a, *q = b;
    if (p->age != q->age) return p->age < q->age ? -1 : 1;
    if (p->score != q->score) return p->score > q->score ? -1 : 1;
    return p->id < q->id ? -1 : p->id > q->id;
}

static int by_name(const void *a, const void *b) {
    const struct person *p = a, *q = b;
    int c = strcmp(p->name, q->name);
    return c ? c : (p->id < q->id ? -1 : p->id > q->id);
}

static int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void sorting(void) {
    enum { N = 8000 };
    struct person *people = malloc(N * sizeof *people);
    static const char *syllables[] = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "ze", "hu"};
    for (unsigned i = 0; i < N; i++) {
        struct person *p = &people[i];
        int len = 0;
        for (int s = 0; s < 3; s++) {
            const char *syl = syllables[next_random() % 10];
            len += snprintf(p->name + len, sizeof p->name - len, "%s", syl);
        }
        p->age = 18 + next_random() % 60;
        p->score = (next_random() % 100000) / 100.0;
        p->id = i;
    }
    int (*orders[])(const void *, const void *) = {by_age_then_score, by_name};
    const char *names[] = {"age", "name"};
    for (int o = 0; o < 2; o++) {
        qsort(people, N, sizeof *people, orders[o]);
        int sorted = 1;
        for (unsigned i = 1; i < N; i++)
            if (orders[o](&people[i - 1], &people[i]) > 0) sorted = 0;
        uint32_t h = 0;
        for (unsigned i = 0; i < N; i++) h = h * 33 + people[i].id;
        printf("by %s: %s, ids hash %08x; first %s %d %.2f, last %s %d %.2f\n", names[o],
               sorted ? "sorted" : "NOT SORTED", h, people[0].name, people[0].age, people[0].score, people[N - 1].name,
               people[N - 1].age, people[N - 1].score);
    }
    // bsearch in a sorted int array.
    int *numbers = malloc(10000 * sizeof *numbers);
    for (int i = 0; i < 10000; i++) numbers[i] = (int)(next_random() % 1000000);
    qsort(numbers, 10000, sizeof *numbers, compare_ints);
    int found = 0, keys = 0;
    for (int k = 0; k < 1000000; k += 997, keys++)
        found += bsearch(&k, numbers, 10000, sizeof *numbers, compare_ints) != NULL;
    printf("ints: min %d median %d max %d, found %d of %d keys\n", numbers[0], numbers[5000], numbers[9999], found,
           keys);
    free(numbers);
    free(people);
}

int main(void) {
    many_blocks();
    growing_array();
    zeroing();
    mem_functions();
    sorting();
    printf("done\n");
    return 0;
}
