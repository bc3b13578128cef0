/* A large-memory workload: grows memory to n MiB and walks it with a page-sized stride and at random
 * (read-modify-write of 64-bit words): cache and TLB misses dominate. */
#include "kernel.h"
#ifdef __wasm__
static u64 *region(int mb) {
    unsigned long pages = (unsigned long) mb * 16;
    long old = __builtin_wasm_memory_grow(0, pages);
    return old < 0 ? 0 : (u64 *) (old * 65536);
}
#else
#include <stdlib.h>
static u64 *region(int mb) { return calloc((size_t) mb << 20, 1); }
#endif
static u64 *mem;
static int size_mb;
EXPORT long long run(int n) {
    if (!mem) { mem = region(n); size_mb = n; }
    if (!mem) return -1;
    if (n > size_mb) n = size_mb;
    u64 words = (u64) n << 17;
    for (u64 i = 0; i < words; i++) mem[i] = i;
    u64 sum = 0;
    for (int pass = 0; pass < 2; pass++)
        for (u64 start = 0; start < 512; start++)
            for (u64 i = start; i < words; i += 512) { mem[i] += pass; sum += mem[i]; }
    u32 seed = 99;
    for (u64 k = 0; k < words / 2; k++) {
        u64 i = xorshift32(&seed) & (words - 1);
        mem[i] ^= k;
        sum += mem[i];
    }
    return (long long) sum;
}
