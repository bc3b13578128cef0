/* grep [-v] [-i] [-c] [-n] PATTERN [FILE...]: prints lines containing PATTERN (a plain string).
   Exit 0 when a line matched, 1 when none did, 2 on errors, like grep. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int invert, icase, count_only, numbers;

static int contains(const char *line, const char *pat) {
    if (!icase) return strstr(line, pat) != NULL;
    size_t n = strlen(pat);
    for (const char *p = line; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)pat[i])) i++;
        if (i == n) return 1;
    }
    return n == 0;
}

static long scan(FILE *f, const char *name, const char *pat, int show_name) {
    char *line = NULL;
    size_t cap = 0;
    long matches = 0, lineno = 0;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        if (contains(line, pat) != invert) {
            matches++;
            if (count_only) continue;
            if (show_name) printf("%s:", name);
            if (numbers) printf("%ld:", lineno);
            fputs(line, stdout);
            size_t l = strlen(line);
            if (l == 0 || line[l - 1] != '\n') putchar('\n');
        }
    }
    free(line);
    if (count_only) {
        if (show_name) printf("%s:", name);
        printf("%ld\n", matches);
    }
    return matches;
}

int main(int argc, char **argv) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            switch (*o) {
                case 'v': invert = 1; break;
                case 'i': icase = 1; break;
                case 'c': count_only = 1; break;
                case 'n': numbers = 1; break;
                default: fprintf(stderr, "grep: unknown option -%c\n", *o); return 2;
            }
        }
    }
    if (i >= argc) { fprintf(stderr, "usage: grep [-vicn] PATTERN [FILE...]\n"); return 2; }
    const char *pat = argv[i++];
    long total = 0;
    int status = 0;
    if (i == argc) total = scan(stdin, "-", pat, 0);
    for (int j = i; j < argc; j++) {
        FILE *f = fopen(argv[j], "r");
        if (!f) { fprintf(stderr, "grep: %s: %s\n", argv[j], strerror(errno)); status = 2; continue; }
        total += scan(f, argv[j], pat, argc - i > 1);
        fclose(f);
    }
    return status ? status : total > 0 ? 0 : 1;
}
