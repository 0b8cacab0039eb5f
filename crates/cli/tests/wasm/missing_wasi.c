// Calls a WASI function that does not exist, after printing a line: the run must end with an
// error naming it. `env_import` instead links a function from a module other than WASI.
#include <stdio.h>
#ifdef FOREIGN
__attribute__((import_module("env"), import_name("host_magic"))) int host_magic(int);
#define CALL host_magic(1)
#else
__attribute__((import_module("wasi_snapshot_preview1"), import_name("no_such_function"))) int no_such_function(int);
#define CALL no_such_function(1)
#endif
int main(void) {
    printf("before\n");
    fflush(stdout);
    return CALL;
}
