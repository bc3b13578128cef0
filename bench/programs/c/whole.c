/* A kernel of bench/kernels as one whole WASI program: main reads N and REPEAT, runs the kernel REPEAT times
 * and prints the sum of its checksums. The kernel is in this translation unit, so clang -O2 inlines its work
 * into main, as it does in real programs. Built by bench/programs/build.sh with
 * -DKERNEL='"../../kernels/NAME.c"'. */
#include <stdio.h>
#include <stdlib.h>
#define WHOLE_PROGRAM 1
#include KERNEL

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s N [REPEAT]\n", argv[0]);
        return 2;
    }
    /* read through a volatile, so that no repetition can be folded into another */
    volatile int n = atoi(argv[1]);
    int repeat = argc > 2 ? atoi(argv[2]) : 1;
    long long total = 0;
    for (int r = 0; r < repeat; r++) {
        total += run(n);
    }
    printf("%lld\n", total);
    return 0;
}
