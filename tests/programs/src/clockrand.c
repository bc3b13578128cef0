/* clockrand: checks clocks and randomness, printing only what does not vary between runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>

static long long ns(clockid_t c) {
    struct timespec t;
    if (clock_gettime(c, &t) != 0) return -1;
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
    long long real = ns(CLOCK_REALTIME);
    printf("realtime after 2024: %s\n", real > 1704067200LL * 1000000000LL ? "yes" : "no");
    long long m0 = ns(CLOCK_MONOTONIC);
    struct timespec req = {0, 20 * 1000000};
    nanosleep(&req, NULL);
    long long m1 = ns(CLOCK_MONOTONIC);
    printf("monotonic advanced >= 20ms over nanosleep: %s\n", m1 - m0 >= 20000000LL ? "yes" : "no");
    usleep(1000);
    printf("monotonic non-decreasing: %s\n", ns(CLOCK_MONOTONIC) >= m1 ? "yes" : "no");
    volatile double x = 0;
    for (int i = 0; i < 200000; i++) x += i * 0.5;
    printf("process cputime positive: %s\n", ns(CLOCK_PROCESS_CPUTIME_ID) > 0 ? "yes" : "no");
    struct timespec res;
    printf("monotonic resolution <= 1ms: %s\n",
           clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec <= 1000000 ? "yes" : "no");
    time_t t = time(NULL);
    printf("time() agrees with realtime: %s\n", llabs((long long)t - real / 1000000000LL) <= 2 ? "yes" : "no");
    unsigned char a[64], b[64];
    getentropy(a, sizeof a);
    getentropy(b, sizeof b);
    int zero = 1;
    for (size_t i = 0; i < sizeof a; i++) zero &= a[i] == 0;
    printf("random bytes not all zero: %s\n", zero ? "no" : "yes");
    printf("two random draws differ: %s\n", memcmp(a, b, sizeof a) != 0 ? "yes" : "no");
    srand((unsigned)(a[0] | a[1] << 8));
    int r = rand();
    printf("rand() in range: %s\n", r >= 0 && r <= RAND_MAX ? "yes" : "no");
    return 0;
}
