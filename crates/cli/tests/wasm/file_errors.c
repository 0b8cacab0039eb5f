// File operations in the directory "data" that fail, and the errno each sets (what a program
// tells its user, "No such file or directory" or "Not a directory", comes from it).
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *errno_name(int e) {
    switch (e) {
    case 0: return "no error";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EIO: return "EIO";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    default: return "another errno";
    }
}

static void report(const char *what, int result) {
    printf("%-44s %2d %s\n", what, result, result < 0 ? errno_name(errno) : "");
}

static void open_for(const char *what, const char *path, const char *mode) {
    errno = 0;
    FILE *f = fopen(path, mode);
    report(what, f ? 0 : -1);
    if (f) fclose(f);
}

static void touch(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

int main(void) {
    mkdir("data/dir", 0755);
    mkdir("data/empty", 0755);
    touch("data/dir/inside.txt", "inside\n");
    touch("data/file.txt", "a file\n");
    touch("data/other.txt", "another file\n");
    struct stat st;
    open_for("fopen r of a missing file", "data/missing.txt", "r");
    open_for("fopen w in a missing directory", "data/nodir/x.txt", "w");
    open_for("fopen w under a regular file", "data/file.txt/x.txt", "w");
    open_for("fopen wx of an existing file", "data/file.txt", "wx");
    errno = 0;
    report("mkdir of an existing directory", mkdir("data/dir", 0755));
    errno = 0;
    report("mkdir in a missing directory", mkdir("data/nodir/sub", 0755));
    errno = 0;
    report("rmdir of a directory with a file", rmdir("data/dir"));
    errno = 0;
    report("rmdir of a missing directory", rmdir("data/nodir"));
    errno = 0;
    report("rmdir of a file", rmdir("data/file.txt"));
    errno = 0;
    report("unlink of a directory", unlink("data/dir"));
    errno = 0;
    report("remove of a missing file", remove("data/missing.txt"));
    errno = 0;
    report("rename of a missing file", rename("data/missing.txt", "data/y.txt"));
    errno = 0;
    report("rename into a missing directory", rename("data/file.txt", "data/nodir/file.txt"));
    errno = 0;
    report("rename of a directory onto a file", rename("data/empty", "data/file.txt"));
    errno = 0;
    report("rename of a file onto a directory", rename("data/file.txt", "data/empty"));
    errno = 0;
    report("rename of a file onto another file", rename("data/other.txt", "data/file.txt"));
    errno = 0;
    report("stat of a missing file", stat("data/missing.txt", &st));
    errno = 0;
    report("stat through a file", stat("data/file.txt/x", &st));
    errno = 0;
    DIR *d = opendir("data/nodir");
    report("opendir of a missing directory", d ? 0 : -1);
    errno = 0;
    d = opendir("data/file.txt");
    report("opendir of a file", d ? 0 : -1);
    FILE *f = fopen("data/file.txt", "r");
    char line[64] = "";
    fgets(line, sizeof line, f);
    fclose(f);
    printf("data/file.txt now holds: %s", line);
    return 0;
}
