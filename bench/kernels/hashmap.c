/* String keys in an open-addressing hash map: formats n keys, inserts, looks each up twice and counts
 * misses: byte-wise string work, hashing, unpredictable memory accesses. */
#include "kernel.h"
#define CAP (1 << 20)
#define MAX_KEYS (CAP / 2)
static char pool[MAX_KEYS * 16];
static int keyAt[CAP];
static int valueAt[CAP];
static int fmt(char *out, const char *prefix, u32 v) {
    int n = 0;
    while (*prefix) out[n++] = *prefix++;
    char tmp[12];
    int k = 0;
    do { tmp[k++] = (char) ('0' + v % 10); v /= 10; } while (v);
    while (k) out[n++] = tmp[--k];
    out[n] = 0;
    return n;
}
static u32 hash(const char *s) {
    u32 h = 2166136261u;
    while (*s) { h ^= (u8) *s++; h *= 16777619u; }
    return h;
}
static int eq(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}
EXPORT long long run(int n) {
    if (n > MAX_KEYS) n = MAX_KEYS;
    for (int i = 0; i < CAP; i++) keyAt[i] = -1;
    for (int i = 0; i < n; i++) {
        char *k = pool + i * 16;
        fmt(k, "key", (u32) i * 2654435761u);
        u32 h = hash(k) & (CAP - 1);
        while (keyAt[h] >= 0 && !eq(pool + keyAt[h] * 16, k)) h = (h + 1) & (CAP - 1);
        keyAt[h] = i;
        valueAt[h] = i;
    }
    long long sum = 0;
    char probe[24];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < n; i++) {
            fmt(probe, round ? "key" : "kez", (u32) i * 2654435761u);
            u32 h = hash(probe) & (CAP - 1);
            while (keyAt[h] >= 0) {
                if (eq(pool + keyAt[h] * 16, probe)) { sum += valueAt[h]; break; }
                h = (h + 1) & (CAP - 1);
            }
        }
    return sum;
}
