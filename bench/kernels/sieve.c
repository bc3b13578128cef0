/* Sieve of Eratosthenes over n bytes of memory, repeated: byte loads and stores in tight loops. */
#include "kernel.h"
#define MAX (8 * 1024 * 1024)
static u8 flags[MAX];
EXPORT long long run(int n) {
    if (n > MAX) n = MAX;
    long long total = 0;
    for (int rep = 0; rep < 4; rep++) {
        for (int i = 0; i < n; i++) flags[i] = 1;
        flags[0] = flags[1] = 0;
        for (int i = 2; (long long) i * i < n; i++)
            if (flags[i])
                for (int j = i * i; j < n; j += i) flags[j] = 0;
        for (int i = 0; i < n; i++) total += flags[i];
    }
    return total;
}
