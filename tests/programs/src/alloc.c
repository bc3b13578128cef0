/* alloc [ROUNDS]: mallocs, reallocs and frees many blocks of varied sizes (a deterministic PRNG), checking
   their contents, and prints a checksum. Exercises memory.grow and the allocator. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t state = 12345;
static uint32_t next(void) {
    state ^= state << 13; state ^= state >> 17; state ^= state << 5;
    return state;
}

#define SLOTS 512

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20000;
    unsigned char *slot[SLOTS] = {0};
    size_t size[SLOTS] = {0};
    uint64_t checksum = 0;
    long allocs = 0, frees = 0, reallocs = 0, peak = 0, live = 0;
    for (int r = 0; r < rounds; r++) {
        uint32_t i = next() % SLOTS;
        if (slot[i]) {
            for (size_t k = 0; k < size[i]; k += 61) {
                if (slot[i][k] != (unsigned char)(i + k)) { printf("corrupt block %u\n", i); return 3; }
                checksum = checksum * 31 + slot[i][k];
            }
            if (next() % 3 == 0) {
                size_t ns = 1 + next() % (next() % 8 == 0 ? 200000 : 2000);
                unsigned char *p = realloc(slot[i], ns);
                if (!p) { printf("realloc failed\n"); return 4; }
                for (size_t k = 0; k < ns; k++) p[k] = (unsigned char)(i + k);
                live += (long)ns - (long)size[i];
                slot[i] = p; size[i] = ns; reallocs++;
            } else {
                free(slot[i]); live -= size[i]; slot[i] = NULL; size[i] = 0; frees++;
            }
        } else {
            size_t ns = 1 + next() % (next() % 16 == 0 ? 100000 : 1000);
            slot[i] = malloc(ns);
            if (!slot[i]) { printf("malloc failed\n"); return 4; }
            for (size_t k = 0; k < ns; k++) slot[i][k] = (unsigned char)(i + k);
            size[i] = ns; live += ns; allocs++;
        }
        if (live > peak) peak = live;
    }
    for (int i = 0; i < SLOTS; i++) free(slot[i]);
    printf("allocs %ld reallocs %ld frees %ld peak %ld bytes\n", allocs, reallocs, frees, peak);
    printf("checksum %llu\n", (unsigned long long)checksum);
    return 0;
}
