// Memory-heavy: 3 million pseudo-random records allocated, sorted with qsort (a call through
// a function pointer per comparison), then a linked list of a million nodes built, walked
// and freed.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
struct record { uint32_t key; uint32_t payload[3]; };
struct node { struct node *next; uint64_t value; };
static int by_key(const void *a, const void *b) {
    uint32_t x = ((const struct record *)a)->key, y = ((const struct record *)b)->key;
    return (x > y) - (x < y);
}
int main(void) {
    const size_t n = 3000000;
    struct record *r = malloc(n * sizeof *r);
    uint32_t s = 12345;
    for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        r[i].key = s;
        r[i].payload[0] = (uint32_t)i;
    }
    qsort(r, n, sizeof *r, by_key);
    uint64_t check = 0;
    for (size_t i = 0; i < n; i += 1000) check = check * 31 + r[i].key + r[i].payload[0];
    struct node *head = NULL;
    for (uint64_t i = 0; i < 1000000; i++) {
        struct node *p = malloc(sizeof *p);
        p->value = i * i;
        p->next = head;
        head = p;
    }
    uint64_t sum = 0;
    while (head) {
        struct node *next = head->next;
        sum += head->value;
        free(head);
        head = next;
    }
    printf("check %llu sum %llu\n", (unsigned long long)check, (unsigned long long)sum);
    free(r);
    return 0;
}
