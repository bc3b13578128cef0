/* walk [DIR...]: walks directory trees (opendir/readdir/lstat), printing each entry's type, size and
   path in sorted order, then a summary. Symbolic links are shown with their target, not followed. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long files, dirs, links, bytes;

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path, int depth) {
    DIR *d = opendir(path);
    if (!d) { fprintf(stderr, "walk: %s: %s\n", path, strerror(errno)); return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) names = realloc(names, (cap = cap ? cap * 2 : 8) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, names[i]);
        struct stat st;
        if (lstat(child, &st) != 0) { fprintf(stderr, "walk: %s: %s\n", child, strerror(errno)); continue; }
        printf("%*s", depth * 2, "");
        if (S_ISDIR(st.st_mode)) {
            dirs++;
            printf("d %s/\n", names[i]);
            walk(child, depth + 1);
        } else if (S_ISLNK(st.st_mode)) {
            char target[4096];
            ssize_t l = readlink(child, target, sizeof target - 1);
            target[l < 0 ? 0 : l] = 0;
            links++;
            printf("l %s -> %s\n", names[i], target);
        } else {
            files++;
            bytes += st.st_size;
            printf("f %s %lld\n", names[i], (long long)st.st_size);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    if (argc < 2) walk(".", 0);
    for (int i = 1; i < argc; i++) {
        printf("%s:\n", argv[i]);
        walk(argv[i], 1);
    }
    printf("%ld directories, %ld files, %ld links, %ld bytes\n", dirs, files, links, bytes);
    return 0;
}
