/* cat: copies files (or stdin when none, or for "-") to stdout. Exit 1 if a file cannot be opened. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int copy(FILE *in) {
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (fwrite(buf, 1, n, stdout) != n) return 1;
    }
    return ferror(in) ? 1 : 0;
}

int main(int argc, char **argv) {
    int status = 0;
    if (argc < 2) return copy(stdin);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            status |= copy(stdin);
            continue;
        }
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        status |= copy(f);
        fclose(f);
    }
    return status;
}
