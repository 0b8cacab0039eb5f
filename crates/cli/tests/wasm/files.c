// Files in the directory "data" (a mount in Phantom, a subdirectory of the working directory
// natively): reads data/input.txt, which the test writes, then writes, appends, seeks,
// overwrites in place, lists directories, renames and removes, and prints what it finds.
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long file_size(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    return (long)st.st_size;
}

static void show_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s: cannot open\n", path);
        return;
    }
    char line[256];
    int n = 0;
    printf("%s (%ld bytes):\n", path, file_size(path));
    while (fgets(line, sizeof line, f)) printf("  %d| %s", ++n, line);
    if (n > 0 && line[strlen(line) - 1] != '\n') printf(" (no newline at the end)\n");
    fclose(f);
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

// Lists a directory, sorted, with sizes and kinds.
static void list(const char *path) {
    DIR *dir = opendir(path);
    if (!dir) {
        printf("opendir %s failed\n", path);
        return;
    }
    char *names[256];
    int n = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && n < 256) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        names[n++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof names[0], compare_names);
    printf("%s: %d entries\n", path, n);
    for (int i = 0; i < n; i++) {
        char full[512];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        struct stat st;
        stat(full, &st);
        if (S_ISDIR(st.st_mode))
            printf("  %s/\n", names[i]);
        else
            printf("  %s %ld\n", names[i], (long)st.st_size);
        free(names[i]);
    }
}

static void read_input(void) {
    FILE *f = fopen("data/input.txt", "r");
    if (!f) {
        printf("no data/input.txt\n");
        exit(2);
    }
    char line[128];
    int lines = 0;
    long total = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        char name[64];
        int qty;
        double price;
        if (sscanf(line, "%63s %d %lf", name, &qty, &price) == 3) {
            printf("item %s: %d x %.2f = %.2f\n", name, qty, price, qty * price);
            total += (long)(qty * price * 100 + 0.5);
        }
    }
    printf("input: %d lines, total %ld.%02ld, at end %d\n", lines, total / 100, total % 100, feof(f) != 0);
    fclose(f);
}

struct record {
    uint32_t id;
    int32_t value;
    char tag[8];
};

static void records(void) {
    FILE *f = fopen("data/records.bin", "wb");
    struct record r;
    for (uint32_t i = 0; i < 1000; i++) {
        memset(&r, 0, sizeof r);
        r.id = i;
        r.value = (int32_t)(i * i) - 5000;
        snprintf(r.tag, sizeof r.tag, "r%u", i % 97);
        fwrite(&r, sizeof r, 1, f);
    }
    printf("wrote 1000 records, ftell %ld\n", ftell(f));
    fclose(f);
    printf("records.bin is %ld bytes\n", file_size("data/records.bin"));
    f = fopen("data/records.bin", "rb");
    // Random access by record number.
    uint32_t wanted[] = {0, 999, 500, 1, 123, 998};
    for (int i = 0; i < 6; i++) {
        fseek(f, (long)(wanted[i] * sizeof r), SEEK_SET);
        long at = ftell(f);
        size_t got = fread(&r, sizeof r, 1, f);
        printf("record %u at %ld: got %zu, id %u value %d tag %s\n", wanted[i], at, got, r.id, r.value, r.tag);
    }
    fseek(f, -(long)sizeof r, SEEK_END);
    fread(&r, sizeof r, 1, f);
    printf("last record by SEEK_END: %u, now at %ld\n", r.id, ftell(f));
    fseek(f, -2 * (long)sizeof r, SEEK_CUR);
    fread(&r, sizeof r, 1, f);
    printf("back two by SEEK_CUR: %u\n", r.id);
    size_t got = fread(&r, sizeof r, 1, f);
    got += fread(&r, sizeof r, 1, f);
    printf("reads past the end: %zu more, eof %d\n", got, feof(f) != 0);
    rewind(f);
    uint64_t sum = 0;
    while (fread(&r, sizeof r, 1, f) == 1) sum += (uint64_t)(int64_t)r.value + r.id;
    printf("sum over all records %llu\n", (unsigned long long)sum);
    fclose(f);
    // Update in place: "r+b" changes some records without truncating.
    f = fopen("data/records.bin", "r+b");
    for (uint32_t i = 0; i < 1000; i += 250) {
        fseek(f, (long)(i * sizeof r), SEEK_SET);
        fread(&r, sizeof r, 1, f);
        r.value = -r.value;
        fseek(f, (long)(i * sizeof r), SEEK_SET);
        fwrite(&r, sizeof r, 1, f);
    }
    fclose(f);
    f = fopen("data/records.bin", "rb");
    sum = 0;
    while (fread(&r, sizeof r, 1, f) == 1) sum += (uint64_t)(int64_t)r.value + r.id;
    printf("after the update: %ld bytes, sum %llu\n", file_size("data/records.bin"), (unsigned long long)sum);
    fclose(f);
}

static void text_files(void) {
    FILE *f = fopen("data/log.txt", "w");
    for (int i = 1; i <= 3; i++) fprintf(f, "first run, line %d\n", i);
    fclose(f);
    for (int run = 2; run <= 3; run++) {
        f = fopen("data/log.txt", "a");
        fprintf(f, "appended by run %d\n", run);
        fclose(f);
    }
    // "a+": reads from the start, writes still go to the end.
    f = fopen("data/log.txt", "a+");
    char line[128];
    fgets(line, sizeof line, f);
    printf("a+ first line: %s", line);
    fprintf(f, "written after a read in a+\n");
    fclose(f);
    show_file("data/log.txt");
    // "w" truncates a longer file.
    f = fopen("data/short.txt", "w");
    for (int i = 0; i < 100; i++) fputs("0123456789", f);
    fclose(f);
    printf("short.txt before: %ld\n", file_size("data/short.txt"));
    f = fopen("data/short.txt", "w");
    fputs("short now\n", f);
    fclose(f);
    show_file("data/short.txt");
    // A large file written in pieces and read back in other pieces.
    f = fopen("data/big.txt", "w");
    for (int i = 0; i < 20000; i++) fprintf(f, "%05d:%08x\n", i, (unsigned)(i * 2654435761u));
    fclose(f);
    f = fopen("data/big.txt", "r");
    char chunk[1000];
    size_t n, total = 0;
    uint32_t h = 2166136261u;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)chunk[i]) * 16777619u;
        total += n;
    }
    fclose(f);
    printf("big.txt: %zu bytes read, hash %08x, stat %ld\n", total, h, file_size("data/big.txt"));
    // fscanf reads it back as numbers.
    f = fopen("data/big.txt", "r");
    int index;
    unsigned value, last_value = 0;
    int count = 0;
    while (fscanf(f, "%d:%x", &index, &value) == 2) {
        count++;
        last_value = value;
    }
    fclose(f);
    printf("fscanf read %d pairs, last %d:%08x\n", count, index, last_value);
}

static void directories(void) {
    printf("mkdir data/sub: %d\n", mkdir("data/sub", 0755));
    int again = mkdir("data/sub", 0755);
    printf("mkdir again: %d, EEXIST %d\n", again, errno == EEXIST);
    mkdir("data/sub/deeper", 0755);
    for (int i = 0; i < 5; i++) {
        char path[64];
        snprintf(path, sizeof path, "data/sub/file%d.txt", (i * 3) % 5);
        FILE *f = fopen(path, "w");
        for (int k = 0; k <= i; k++) fprintf(f, "line %d of %s\n", k, path);
        fclose(f);
    }
    FILE *f = fopen("data/sub/deeper/note.txt", "w");
    fputs("a note in a nested directory\n", f);
    fclose(f);
    list("data/sub");
    list("data/sub/deeper");
    printf("rename file0 -> renamed: %d\n", rename("data/sub/file0.txt", "data/sub/renamed.txt"));
    printf("rename into another directory: %d\n", rename("data/sub/file1.txt", "data/moved.txt"));
    printf("rename of a missing file: %d\n", rename("data/sub/nothing.txt", "data/x.txt"));
    printf("remove file2: %d\n", remove("data/sub/file2.txt"));
    printf("remove again: %d, ENOENT %d\n", remove("data/sub/file2.txt"), errno == ENOENT);
    printf("fopen of the removed file: %s, ENOENT %d\n", fopen("data/sub/file2.txt", "r") ? "opened" : "failed",
           errno == ENOENT);
    printf("rmdir of a non-empty directory: %d\n", rmdir("data/sub/deeper"));
    remove("data/sub/deeper/note.txt");
    printf("rmdir once empty: %d\n", rmdir("data/sub/deeper"));
    printf("access: %d %d\n", access("data/moved.txt", F_OK), access("data/nothing", F_OK));
    struct stat st;
    int result = stat("data/sub", &st);
    printf("stat data/sub: %d, directory %d\n", result, S_ISDIR(st.st_mode) != 0);
    result = stat("data/moved.txt", &st);
    printf("stat data/moved.txt: %d, regular %d, %ld bytes\n", result, S_ISREG(st.st_mode) != 0, (long)st.st_size);
    show_file("data/moved.txt");
    list("data");
    list("data/sub");
}

int main(void) {
    read_input();
    records();
    text_files();
    directories();
    printf("done\n");
    return 0;
}
