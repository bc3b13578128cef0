/* Quicksort of n pseudo-random ints (recursive, median of three): compares, swaps, calls. */
#include "kernel.h"
#define MAX (4 * 1024 * 1024)
static int a[MAX];
static void sort(int *v, int lo, int hi) {
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        int x = v[lo], y = v[mid], z = v[hi];
        int p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) { int t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { sort(v, lo, j); lo = i; } else { sort(v, i, hi); hi = j; }
    }
    for (int i = lo + 1; i <= hi; i++) {
        int t = v[i], k = i - 1;
        while (k >= lo && v[k] > t) { v[k + 1] = v[k]; k--; }
        v[k + 1] = t;
    }
}
EXPORT long long run(int n) {
    if (n > MAX) n = MAX;
    u32 seed = 2463534242u;
    for (int i = 0; i < n; i++) a[i] = (int) xorshift32(&seed);
    sort(a, 0, n - 1);
    long long s = 0;
    for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) return -1;
    for (int i = 0; i < n; i += 997) s += a[i];
    return s;
}
