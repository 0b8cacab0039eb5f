// Changes the length of files in the directory "data" in place: ftruncate shortens a file
// and lengthens it with zeros, truncate does the same by name; a log keeps its last lines.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long size_of(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(void) {
    int fd = open("data/numbers.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    for (int i = 0; i < 100; i++) {
        char line[16];
        int n = snprintf(line, sizeof line, "%d\n", i);
        write(fd, line, n);
    }
    printf("written: %ld bytes\n", size_of("data/numbers.txt"));
    // Each call before the printf: the order of a call's arguments is the compiler's choice.
    int cut = ftruncate(fd, 50);
    printf("ftruncate to 50: %d, size %ld\n", cut, size_of("data/numbers.txt"));
    int grown = ftruncate(fd, 80);
    printf("ftruncate to 80: %d, size %ld\n", grown, size_of("data/numbers.txt"));
    char buf[100];
    ssize_t got = pread(fd, buf, sizeof buf, 0);
    int zeros = 0;
    for (ssize_t i = 0; i < got; i++) zeros += buf[i] == 0;
    printf("read back %zd bytes, %d of them zero\n", got, zeros);
    close(fd);
    // Keeping the tail of a log: shift it to the front, then cut the file.
    FILE *f = fopen("data/log.txt", "w+");
    for (int i = 1; i <= 40; i++) fprintf(f, "entry %02d\n", i);
    fflush(f);
    long keep = 10 * 9, size = ftell(f);
    char tail[100];
    fseek(f, size - keep, SEEK_SET);
    fread(tail, 1, keep, f);
    rewind(f);
    fwrite(tail, 1, keep, f);
    fflush(f);
    printf("ftruncate the log: %d\n", ftruncate(fileno(f), keep));
    fclose(f);
    printf("log: %ld bytes\n", size_of("data/log.txt"));
    int by_name = truncate("data/numbers.txt", 10);
    printf("truncate by name: %d, size %ld\n", by_name, size_of("data/numbers.txt"));
    return 0;
}
