/* Parallel sum: psum [THREADS [ROUNDS [THOUSANDS]]]. Fills an array of THOUSANDS thousand 32-bit words from a
 * fixed generator, then THREADS threads each sum a contiguous slice of it ROUNDS times, mixing every word, and
 * the main thread adds their sums up. The result does not depend on the number of threads. With -t first,
 * prints the time the summing took to stderr (for bench/threads). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_THREADS 64

static uint32_t *words;
static size_t count;
static int rounds;

struct slice {
    pthread_t thread;
    size_t from, to;
    uint64_t sum;
};

static uint64_t mix(uint32_t w, int round) {
    uint64_t x = w ^ (uint64_t) round * 0x9E3779B97F4A7C15ull;
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 32;
    return x & 0xFFFFFF;
}

static void *sum_slice(void *arg) {
    struct slice *s = arg;
    uint64_t sum = 0;
    for (int r = 0; r < rounds; r++) {
        for (size_t i = s->from; i < s->to; i++) {
            sum += mix(words[i], r);
        }
    }
    s->sum = sum;
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int timed = argc > 1 && strcmp(argv[1], "-t") == 0;
    if (timed) {
        argc--;
        argv++;
    }
    int threads = argc > 1 ? atoi(argv[1]) : 4;
    rounds = argc > 2 ? atoi(argv[2]) : 2;
    count = (size_t) (argc > 3 ? atoi(argv[3]) : 4000) * 1000;
    if (threads < 1 || threads > MAX_THREADS || rounds < 1 || count == 0) {
        fprintf(stderr, "usage: psum [-t] [THREADS (1-%d) [ROUNDS [THOUSANDS]]]\n", MAX_THREADS);
        return 2;
    }
    words = malloc(count * sizeof *words);
    if (words == NULL) {
        fprintf(stderr, "psum: out of memory\n");
        return 1;
    }
    uint32_t g = 2463534242u;
    for (size_t i = 0; i < count; i++) {
        g ^= g << 13;
        g ^= g >> 17;
        g ^= g << 5;
        words[i] = g;
    }
    struct slice slices[MAX_THREADS];
    double start = now();
    for (int t = 0; t < threads; t++) {
        slices[t].from = count * t / threads;
        slices[t].to = count * (t + 1) / threads;
        int err = pthread_create(&slices[t].thread, NULL, sum_slice, &slices[t]);
        if (err != 0) {
            fprintf(stderr, "psum: cannot start thread %d: %s\n", t, strerror(err));
            return 1;
        }
    }
    uint64_t total = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(slices[t].thread, NULL);
        total += slices[t].sum;
    }
    double seconds = now() - start;
    printf("threads %d, rounds %d, words %zu: sum %llu\n", threads, rounds, count, (unsigned long long) total);
    if (timed) {
        fprintf(stderr, "sum took %.3f s\n", seconds);
    }
    free(words);
    return 0;
}
