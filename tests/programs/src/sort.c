/* sort [-r] [-n] [-o OUT] [FILE]: sorts lines (bytewise, or numerically with -n); writes to OUT or stdout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reverse, numeric;

static int cmp(const void *a, const void *b) {
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    int r;
    if (numeric) {
        double dx = strtod(x, NULL), dy = strtod(y, NULL);
        r = dx < dy ? -1 : dx > dy ? 1 : strcmp(x, y);
    } else {
        r = strcmp(x, y);
    }
    return reverse ? -r : r;
}

int main(int argc, char **argv) {
    const char *out = NULL, *in = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0) reverse = 1;
        else if (strcmp(argv[i], "-n") == 0) numeric = 1;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) out = argv[++i];
        else in = argv[i];
    }
    FILE *f = in ? fopen(in, "r") : stdin;
    if (!f) {
        fprintf(stderr, "sort: %s: %s\n", in, strerror(errno));
        return 2;
    }
    size_t cap = 16, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    char *line = NULL;
    size_t len = 0;
    ssize_t got;
    while ((got = getline(&line, &len, f)) >= 0) {
        if (got > 0 && line[got - 1] == '\n') line[got - 1] = 0;
        if (n == cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = strdup(line);
    }
    free(line);
    qsort(lines, n, sizeof *lines, cmp);
    FILE *o = out ? fopen(out, "w") : stdout;
    if (!o) {
        fprintf(stderr, "sort: %s: %s\n", out, strerror(errno));
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        fprintf(o, "%s\n", lines[i]);
        free(lines[i]);
    }
    free(lines);
    if (o != stdout) fclose(o);
    return 0;
}
