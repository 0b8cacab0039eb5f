// Standard I/O: printf's formats and widths, puts, putchar, standard error, snprintf, parsing
// numbers with sscanf, strtol and strtod, and a word count of standard input read with fgets.
// The exit status is the number of lines read, modulo 64, plus 10.
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void formats(void) {
    int values[] = {0, 7, -7, 42, 1000, -12345, INT_MAX, INT_MIN};
    for (int i = 0; i < 8; i++) {
        int v = values[i];
        printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%X] [%#x] [%o] [%#o] [%u] [%.3d] [%8.4d]\n", v, v, v, v, v,
               v, v, v, v, v, v, (unsigned)v, v, v);
    }
    printf("[%*d] [%-*d] [%.*f] [%*.*s]\n", 6, 42, 6, 42, 2, 3.14159, 8, 3, "abcdef");
    const char *words[] = {"", "a", "hello", "a longer string"};
    for (int i = 0; i < 4; i++)
        printf("[%s] [%10s] [%-10s] [%.3s] [%-8.2s]\n", words[i], words[i], words[i], words[i], words[i]);
    printf("[%c] [%3c] [%-3c] [%%]\n", 'x', 'y', 'z');
    signed char sc = -3;
    short sh = -30000;
    unsigned short us = 60000;
    long long ll = -1234567890123456789LL;
    unsigned long long ull = 18446744073709551615ULL;
    size_t sz = 123456;
    ptrdiff_t pd = -9876;
    intmax_t im = INTMAX_MIN;
    printf("[%hhd] [%hhu] [%hd] [%hu] [%lld] [%llu] [%zu] [%td] [%jd]\n", sc, (unsigned char)sc, sh, us, ll, ull, sz,
           pd, im);
    printf("[%e] [%.0e] [%E] [%g] [%G] [%#g] [%#.0f] [%-12.4g|] [%+.2e]\n", 1234.5678, 0.0005, 6.02e23, 0.00001234,
           1e-10, 1.0, 3.0, 2.0 / 3, -1e-5);
    printf("[%a] [%A] [%.2a] [%a]\n", 1.0, 0.5, 3.14159, -0.1);
    int count = 0;
    printf("counted%n so far\n", &count);
    printf("%d characters before %%n\n", count);
    int width = printf("%s|%d|%.2f\n", "width", 12, 0.5);
    printf("printf returned %d\n", width);
}

static void output_functions(void) {
    puts("puts adds a newline");
    puts("");
    fputs("fputs does not\n", stdout);
    for (char c = 'a'; c <= 'z'; c += 5) putchar(c);
    putchar('\n');
    fputc('!', stdout);
    putc('\n', stdout);
    fwrite("fwrite of 12", 1, 12, stdout);
    fwrite("\n", 1, 1, stdout);
    // Every byte value but the newline, as it is: not text in any encoding.
    for (int c = 1; c < 256; c++)
        if (c != '\n') putchar(c);
    putchar('\n');
    fputs("a line on standard error\n", stderr);
    fprintf(stderr, "error number %d and a string %s\n", 42, "here");
    fflush(stdout);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s-%05d-%.3f", "snprintf", 77, 2.0 / 7);
    printf("%s (%d)\n", buf, n);
    n = snprintf(buf, 10, "%s", "truncated output that is long");
    printf("%s (%d, %zu)\n", buf, n, strlen(buf));
    n = snprintf(NULL, 0, "%d %s", 123456, "measure");
    printf("would need %d\n", n);
    char *joined = NULL;
    size_t total = 0;
    for (int i = 0; i < 5; i++) {
        char piece[16];
        int len = sprintf(piece, "<%d>", i * i);
        joined = realloc(joined, total + len + 1);
        memcpy(joined + total, piece, len + 1);
        total += len;
    }
    printf("joined %s\n", joined);
    free(joined);
}

static void parsing(void) {
    int a, b;
    char word[32];
    double d;
    int got = sscanf("12 34 apples 5.5", "%d %d %31s %lf", &a, &b, word, &d);
    printf("sscanf got %d: %d %d %s %g\n", got, a, b, word, d);
    got = sscanf("x=10,y=-20", "x=%d,y=%d", &a, &b);
    printf("sscanf got %d: %d %d\n", got, a, b);
    got = sscanf("abc", "%d", &a);
    printf("sscanf of abc got %d\n", got);
    unsigned hex;
    char rest[16];
    got = sscanf("ff:tail", "%x:%15s", &hex, rest);
    printf("sscanf hex got %d: %u %s\n", got, hex, rest);
    int day, month, year;
    got = sscanf("2024-03-15", "%4d-%2d-%2d", &year, &month, &day);
    printf("date %d: %02d/%02d/%04d\n", got, day, month, year);

    const char *numbers[] = {"42", "-17", "0x1F", "0755", "  +99xyz", "9223372036854775807", "9223372036854775808",
                             "-9223372036854775809", "zzz", "0b101", "123456789012"};
    for (int i = 0; i < 11; i++) {
        char *end;
        errno = 0;
        long long v = strtoll(numbers[i], &end, 0);
        int overflow = errno == ERANGE;
        errno = 0;
        unsigned long long u = strtoull(numbers[i], NULL, 10);
        int overflow_u = errno == ERANGE;
        long long l16 = strtoll(numbers[i], NULL, 16);
        printf("%-22s strtoll %lld (rest \"%s\"%s) strtoull %llu%s base 16 %lld\n", numbers[i], v, end,
               overflow ? ", range" : "", u, overflow_u ? " range" : "", l16);
    }
    printf("strtol base 36 %ld, base 2 %ld, atoi %d, atol %ld\n", strtol("zz", NULL, 36), strtol("101101", NULL, 2),
           atoi("  -321abc"), atol("77"));
    const char *reals[] = {"3.14159", "-2.5e-3", "1e300", "1e400", "0x1.8p3", "inf", "-Infinity", "nan", ".5",
                           "1.7976931348623157e308", "1e-400", "2.2250738585072011e-308", "12abc", "  \t 8.25"};
    for (int i = 0; i < 14; i++) {
        char *end;
        errno = 0;
        double v = strtod(reals[i], &end);
        int range = errno == ERANGE;
        float f = strtof(reals[i], NULL);
        printf("strtod(\"%s\") = %.17g rest \"%s\"%s; strtof %.9g; atof %g\n", reals[i], v, end,
               range ? " (range)" : "", f, atof(reals[i]));
    }
}

static int count_input(void) {
    char line[80];
    int lines = 0, words = 0, chars = 0, longest = 0, pieces = 0;
    int in_word = 0;
    long long number_sum = 0;
    int letters[26] = {0};
    // Lines longer than the buffer come in pieces; a piece without '\n' continues a line.
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        pieces++;
        chars += (int)len;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)line[i];
            if (isalpha(c)) letters[tolower(c) - 'a']++;
            if (isspace(c)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                words++;
                char *end;
                long v = strtol(line + i, &end, 10);
                if (end != line + i && (*end == 0 || isspace((unsigned char)*end))) number_sum += v;
            }
        }
        if (len > 0 && line[len - 1] == '\n') {
            lines++;
            in_word = 0;
        }
        if ((int)len > longest) longest = (int)len;
    }
    printf("input: %d lines, %d words, %d chars, %d pieces, longest piece %d, numbers sum %lld, eof %d error %d\n",
           lines, words, chars, pieces, longest, number_sum, feof(stdin) != 0, ferror(stdin) != 0);
    printf("letters:");
    for (int i = 0; i < 26; i++)
        if (letters[i]) printf(" %c%d", 'a' + i, letters[i]);
    printf("\n");
    return lines;
}

int main(void) {
    formats();
    output_functions();
    parsing();
    int lines = count_input();
    fprintf(stderr, "done after %d lines\n", lines);
    return 10 + lines % 64;
}
