/*
 * An allocator that gives freed large blocks back to the OS with memory.discard, and a workload that
 * allocates, uses and frees big buffers in rounds. Under wasm4j the resident memory falls after each free;
 * with --no-discard (what plain wasi-libc does) it stays at its peak.
 *
 *   examples/c/build.sh                       # clang + wasi-libc, then wasm4j lower-intrinsics
 *   ./wasm4j run --memory-trace with.svg examples/c/discard_alloc.wasm
 *   ./wasm4j run --memory-trace without.svg examples/c/discard_alloc.wasm --no-discard
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WASM_PAGE 65536u

/*
 * memory.discard as an intrinsic: `wasm4j lower-intrinsics` replaces this function's body with the
 * instruction (it finds the function by its name). The volatile store keeps the compiler from treating
 * calls to it as removable.
 */
static volatile uintptr_t discard_sink;
__attribute__((noinline, export_name("__wasm4j_memory_discard")))
void __wasm4j_memory_discard(void *addr, size_t size) {
    discard_sink = (uintptr_t) addr + size;
}

static int use_discard = 1;

/* Gives the whole pages inside [p, p + n) back, keeping malloc's bookkeeping at the block's start. */
static void release_pages(void *p, size_t n) {
    uintptr_t start = ((uintptr_t) p + 64 + WASM_PAGE - 1) & ~(uintptr_t) (WASM_PAGE - 1);
    uintptr_t end = ((uintptr_t) p + n) & ~(uintptr_t) (WASM_PAGE - 1);
    if (end > start) {
        __wasm4j_memory_discard((void *) start, end - start);
    }
}

static void *big_alloc(size_t n) {
    void *p = malloc(n);
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static void big_free(void *p, size_t n) {
    if (use_discard && n >= 4 * WASM_PAGE) {
        release_pages(p, n);
    }
    free(p);
}

/* Some work on a buffer, so that each phase lasts a little. */
static uint64_t churn(unsigned char *b, size_t n, int passes) {
    uint64_t h = 1469598103934665603ull;
    for (int k = 0; k < passes; k++) {
        for (size_t i = 0; i < n; i += 4096) {
            b[i] = (unsigned char) (b[i] + k + i);
            h = (h ^ b[i]) * 1099511628211ull;
        }
    }
    return h;
}

int main(int argc, char **argv) {
    use_discard = !(argc > 1 && strcmp(argv[1], "--no-discard") == 0);
    enum { BLOCKS = 12, BLOCK = 16 << 20, ROUNDS = 3 };
    unsigned char *blocks[BLOCKS];
    uint64_t check = 0;
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = big_alloc(BLOCK);
            memset(blocks[i], i + 1, BLOCK);
        }
        for (int i = 0; i < BLOCKS; i++) {
            check += churn(blocks[i], BLOCK, 4);
        }
        printf("round %d: %d MiB in use\n", round, BLOCKS * (BLOCK >> 20));
        for (int i = 1; i < BLOCKS; i++) {
            big_free(blocks[i], BLOCK);
        }
        check += churn(blocks[0], BLOCK, 200);
        printf("round %d: %d MiB in use\n", round, BLOCK >> 20);
        big_free(blocks[0], BLOCK);
        for (int i = 0; i < 2000000; i++) {
            check = check * 31 + (uint64_t) i;
        }
    }
    printf("done (%s), checksum %llu\n", use_discard ? "with memory.discard" : "without discard",
           (unsigned long long) check);
    return 0;
}
