// Ends abnormally in the way its argument names, after printing (and flushing) a line:
// "unreachable" (__builtin_trap), "divide" (integer division by zero), "overflow" (the
// smallest 64-bit integer divided by -1), "memory" (a load far outside memory), "stack"
// (unbounded recursion with a frame in memory, which runs the stack pointer off the bottom of
// memory), "frames" (a recursion too deep, with its frame in wasm locals only), "indirect" (a
// call through a null function pointer). Natively these are signals; in wasm, traps.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int depth(volatile int *counter) {
    volatile char frame[64];
    frame[0] = (char)*counter;
    (*counter)++;
    return depth(counter) + frame[0];
}

// Uses its callee's result twice: neither compiler turns it into a loop.
static unsigned down(unsigned n) {
    if (n == 0) return 1;
    unsigned r = down(n - 1);
    return r * r + n;
}

static int divide(int a, int b) { return a / b; }

int main(int argc, char **argv) {
    const char *how = argc > 1 ? argv[1] : "unreachable";
    printf("before the trap: %s\n", how);
    fflush(stdout);
    volatile int zero = 0;
    if (strcmp(how, "unreachable") == 0) __builtin_trap();
    if (strcmp(how, "divide") == 0) printf("%d\n", divide(argc, zero));
    if (strcmp(how, "overflow") == 0) {
        volatile int64_t smallest = INT64_MIN, minus_one = -1;
        printf("%lld\n", (long long)(smallest / minus_one));
    }
    if (strcmp(how, "memory") == 0) {
        volatile uint32_t *far = (volatile uint32_t *)(uintptr_t)0xfffffff0u;
        printf("%u\n", *far);
    }
    if (strcmp(how, "stack") == 0) {
        volatile int counter = 0;
        printf("%d\n", depth(&counter));
    }
    if (strcmp(how, "frames") == 0) printf("%u\n", down(1u << 30));
    if (strcmp(how, "indirect") == 0) {
        void (*volatile function)(void) = NULL;
        function();
    }
    printf("not reached\n");
    return 0;
}
