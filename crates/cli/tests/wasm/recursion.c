// Recursion: Ackermann, a deep recursion with a small frame, mutual recursion, a recursive
// descent parser evaluating expressions, the towers of Hanoi.
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long ackermann_calls;

static unsigned ackermann(unsigned m, unsigned n) {
    ackermann_calls++;
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

struct node {
    int value;
    struct node *next;
};

// Builds the list recursively: one frame per node.
static struct node *build(int n) {
    if (n == 0) return NULL;
    struct node *rest = build(n - 1);
    struct node *node = malloc(sizeof *node);
    node->value = n * 7 % 1000;
    node->next = rest;
    return node;
}

// A hash of the list computed on the way back up: not a tail call.
static uint32_t list_hash(const struct node *node) {
    if (!node) return 17;
    uint32_t rest = list_hash(node->next);
    return (rest * 31u) ^ (uint32_t)node->value ^ (rest >> 13);
}

static int list_length(const struct node *node) { return node ? 1 + list_length(node->next) : 0; }

static void free_list(struct node *node) {
    while (node) {
        struct node *next = node->next;
        free(node);
        node = next;
    }
}

// Hofstadter's female and male sequences.
static int male(int n);
static int female(int n) { return n == 0 ? 1 : n - male(female(n - 1)); }
static int male(int n) { return n == 0 ? 0 : n - female(male(n - 1)); }

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

// expr := term (('+' | '-') term)*; term := unary (('*' | '/' | '%') unary)*;
// unary := '-' unary | power; power := primary ('^' unary)?; primary := number | '(' expr ')' | name '(' expr ')'
struct parser {
    const char *p;
    const char *error;
};

static double expr(struct parser *ps);

static void skip_spaces(struct parser *ps) {
    while (isspace((unsigned char)*ps->p)) ps->p++;
}

static double primary(struct parser *ps) {
    skip_spaces(ps);
    if (*ps->p == '(') {
        ps->p++;
        double v = expr(ps);
        skip_spaces(ps);
        if (*ps->p != ')') {
            ps->error = "expected )";
            return 0;
        }
        ps->p++;
        return v;
    }
    if (isdigit((unsigned char)*ps->p) || *ps->p == '.') {
        char *end;
        double v = strtod(ps->p, &end);
        ps->p = end;
        return v;
    }
    if (isalpha((unsigned char)*ps->p)) {
        char name[16];
        int n = 0;
        while (isalpha((unsigned char)*ps->p) && n < 15) name[n++] = *ps->p++;
        name[n] = 0;
        double arg = primary(ps);
        if (strcmp(name, "sq") == 0) return arg * arg;
        if (strcmp(name, "half") == 0) return arg / 2;
        if (strcmp(name, "fact") == 0) {
            double f = 1;
            for (int i = 2; i <= (int)arg; i++) f *= i;
            return f;
        }
        ps->error = "unknown function";
        return 0;
    }
    ps->error = "unexpected character";
    return 0;
}

static double unary(struct parser *ps);

static double power(struct parser *ps) {
    double base = primary(ps);
    skip_spaces(ps);
    if (*ps->p == '^') {
        ps->p++;
        double exponent = unary(ps);
        double r = 1;
        for (int i = 0; i < (int)exponent; i++) r *= base;
        return r;
    }
    return base;
}

static double unary(struct parser *ps) {
    skip_spaces(ps);
    if (*ps->p == '-') {
        ps->p++;
        return -unary(ps);
    }
    return power(ps);
}

static double term(struct parser *ps) {
    double v = unary(ps);
    for (;;) {
        skip_spaces(ps);
        char op = *ps->p;
        if (op != '*' && op != '/' && op != '%') return v;
        ps->p++;
        double r = unary(ps);
        if (op == '*') v *= r;
        else if (op == '/') v /= r;
        else v = (double)((long long)v % (long long)r);
    }
}

static double expr(struct parser *ps) {
    double v = term(ps);
    for (;;) {
        skip_spaces(ps);
        char op = *ps->p;
        if (op != '+' && op != '-') return v;
        ps->p++;
        double r = term(ps);
        v = op == '+' ? v + r : v - r;
    }
}

static void evaluate(const char *text) {
    struct parser ps = {text, NULL};
    double v = expr(&ps);
    skip_spaces(&ps);
    if (!ps.error && *ps.p) ps.error = "trailing input";
    if (ps.error)
        printf("%s => error: %s at column %d\n", text, ps.error, (int)(ps.p - text));
    else
        printf("%s => %.15g\n", text, v);
}

static unsigned long long hanoi_moves;
static int pegs[3];

static void hanoi(int n, int from, int to, int via) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    pegs[from]--;
    pegs[to]++;
    hanoi_moves++;
    hanoi(n - 1, via, to, from);
}

// Permutations by recursive swapping, counting those with no fixed point.
static int derangements(int *a, int k, int n) {
    if (k == n) {
        for (int i = 0; i < n; i++)
            if (a[i] == i) return 0;
        return 1;
    }
    int count = 0;
    for (int i = k; i < n; i++) {
        int t = a[k];
        a[k] = a[i];
        a[i] = t;
        count += derangements(a, k + 1, n);
        a[i] = a[k];
        a[k] = t;
    }
    return count;
}

int main(void) {
    for (unsigned n = 0; n <= 5; n++) {
        ackermann_calls = 0;
        unsigned a2 = ackermann(2, n);
        unsigned long long c2 = ackermann_calls;
        ackermann_calls = 0;
        unsigned a3 = ackermann(3, n);
        printf("ackermann(2,%u) = %u (%llu calls), ackermann(3,%u) = %u (%llu calls)\n", n, a2, c2, n, a3,
               ackermann_calls);
    }
    int depths[] = {10, 1000, 50000};
    for (int i = 0; i < 3; i++) {
        struct node *list = build(depths[i]);
        printf("list of %d: length %d, hash %08x\n", depths[i], list_length(list), list_hash(list));
        free_list(list);
    }
    printf("female:");
    for (int n = 0; n < 20; n++) printf(" %d", female(n));
    printf("\nmale:");
    for (int n = 0; n < 20; n++) printf(" %d", male(n));
    printf("\nfemale(60) = %d, male(60) = %d\n", female(60), male(60));
    printf("is_even(10001) = %d, is_odd(20001) = %d\n", is_even(10001), is_odd(20001));
    const char *expressions[] = {
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "2 ^ 10 - 1",
        "-(4 - 6) * -3",
        "100 / 7",
        "100 % 7 + fact(10) / fact(8)",
        "sq(half(9)) + 0.25",
        "((((((1.5))))))*((2))",
        "2 * (3 + 4) * (5 - (6 - 7)) / 3",
        "1 +",
        "2 * (3 + 4",
        "foo(3)",
        "3 3",
    };
    for (unsigned i = 0; i < sizeof expressions / sizeof expressions[0]; i++) evaluate(expressions[i]);
    // A deeply nested expression, built here.
    char nested[4200];
    int len = 0;
    for (int i = 0; i < 1000; i++) nested[len++] = '(';
    len += sprintf(nested + len, "1+1");
    for (int i = 0; i < 1000; i++) nested[len++] = ')';
    nested[len] = 0;
    struct parser ps = {nested, NULL};
    printf("1000 nested parentheses => %g%s\n", expr(&ps), ps.error ? " (error)" : "");
    for (int n = 1; n <= 20; n += 19) {
        hanoi_moves = 0;
        pegs[0] = n;
        pegs[1] = pegs[2] = 0;
        hanoi(n, 0, 2, 1);
        printf("hanoi(%d): %llu moves, pegs %d %d %d\n", n, hanoi_moves, pegs[0], pegs[1], pegs[2]);
    }
    int a[9];
    for (int i = 0; i < 9; i++) a[i] = i;
    printf("derangements of 9: %d\n", derangements(a, 0, 9));
    return 0;
}
