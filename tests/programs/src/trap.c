/* trap: prints a line, then reaches `unreachable` three calls deep (for the backtrace). */
#include <stdio.h>

#pragma GCC diagnostic ignored "-Winfinite-recursion"

__attribute__((noinline)) static void crash(int depth) {
    if (depth > 0) crash(depth - 1);
    else __builtin_trap();
    printf("back at depth %d\n", depth);
}

__attribute__((noinline)) void start_work(void) {
    crash(2);
}

int main(void) {
    printf("before the trap\n");
    fflush(stdout);
    start_work();
    return 0;
}
