/* args: prints its arguments (not argv[0], whose form differs between hosts) and chosen variables. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d] = [%s]\n", i, argv[i]);
    const char *names[] = {"GREETING", "EMPTY", "UNSET_VARIABLE"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        printf("%s %s%s%s\n", names[i], v ? "= [" : "unset", v ? v : "", v ? "]" : "");
    }
    return 0;
}
