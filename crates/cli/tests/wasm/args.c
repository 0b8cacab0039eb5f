// Arguments and exit statuses: prints its arguments (after the program's name, which differs
// between runs), then ends as they say: "--exit=N" calls exit(N) with output still buffered,
// "--return=N" returns N from main; either way the atexit handlers run, last registered first.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void first_handler(void) { printf("atexit: first registered, last run\n"); }
static void second_handler(void) { printf("atexit: second registered, first run\n"); }

int main(int argc, char **argv) {
    atexit(first_handler);
    atexit(second_handler);
    printf("%d arguments\n", argc - 1);
    if (argv[argc] != NULL) printf("argv is not NULL-terminated\n");
    unsigned sum = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = strlen(argv[i]);
        for (size_t k = 0; k < len; k++) sum = sum * 31 + (unsigned char)argv[i][k];
        printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], len);
    }
    printf("bytes checksum %u\n", sum);
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--exit=", 7) == 0) {
            printf("calling exit(%d)\n", atoi(argv[i] + 7));
            exit(atoi(argv[i] + 7));
        }
        if (strncmp(argv[i], "--return=", 9) == 0) status = atoi(argv[i] + 9);
    }
    printf("returning %d from main\n", status);
    return status;
}
