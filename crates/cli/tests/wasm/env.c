// Prints the environment variables it is given, sorted, and one looked up by name.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern char **environ;
static int by_text(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
int main(void) {
    int n = 0;
    while (environ[n]) n++;
    qsort(environ, n, sizeof *environ, by_text);
    for (int i = 0; i < n; i++)
        if (strncmp(environ[i], "WASM_TEST_", 10) == 0) printf("%s\n", environ[i]);
    const char *g = getenv("WASM_TEST_GREETING");
    printf("greeting: %s\n", g ? g : "(none)");
    return 0;
}
