/* exitcode N [MSG]: prints MSG (buffered, so the engine must flush it at exit) and exits with N. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int code = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d", code);
    if (argc > 2) printf(": %s", argv[2]);
    putchar('\n');
    fprintf(stderr, "to stderr before exit\n");
    exit(code);
}
