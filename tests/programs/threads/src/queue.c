/* Producer/consumer: queue [PRODUCERS [CONSUMERS [ITEMS]]]. Producers put ITEMS numbers each into a bounded
 * queue guarded by a mutex and two condition variables; consumers take them until every producer is done.
 * Prints how many items were consumed and their sum, which do not depend on the interleaving, and checks
 * that each item was taken exactly once. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CAPACITY 16
#define MAX_THREADS 16

static int queue[CAPACITY];
static int head, size;
static int producers_left;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int items;
static unsigned char *seen;

struct consumer {
    pthread_t thread;
    long count;
    int64_t sum;
};

static void *produce(void *arg) {
    int first = (int) (intptr_t) arg * items;
    for (int i = 0; i < items; i++) {
        pthread_mutex_lock(&lock);
        while (size == CAPACITY) {
            pthread_cond_wait(&not_full, &lock);
        }
        queue[(head + size) % CAPACITY] = first + i;
        size++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    producers_left--;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void *consume(void *arg) {
    struct consumer *c = arg;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (size == 0 && producers_left > 0) {
            pthread_cond_wait(&not_empty, &lock);
        }
        if (size == 0) {
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        int item = queue[head];
        head = (head + 1) % CAPACITY;
        size--;
        seen[item]++;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
        c->count++;
        c->sum += item;
    }
}

int main(int argc, char **argv) {
    int producers = argc > 1 ? atoi(argv[1]) : 3;
    int consumers = argc > 2 ? atoi(argv[2]) : 2;
    items = argc > 3 ? atoi(argv[3]) : 20000;
    if (producers < 1 || producers > MAX_THREADS || consumers < 1 || consumers > MAX_THREADS || items < 1) {
        fprintf(stderr, "usage: queue [PRODUCERS [CONSUMERS [ITEMS]]] (threads 1-%d)\n", MAX_THREADS);
        return 2;
    }
    seen = calloc((size_t) producers * items, 1);
    producers_left = producers;
    pthread_t made[MAX_THREADS];
    struct consumer taken[MAX_THREADS] = {0};
    for (int c = 0; c < consumers; c++) {
        pthread_create(&taken[c].thread, NULL, consume, &taken[c]);
    }
    for (int p = 0; p < producers; p++) {
        pthread_create(&made[p], NULL, produce, (void *) (intptr_t) p);
    }
    for (int p = 0; p < producers; p++) {
        pthread_join(made[p], NULL);
    }
    long count = 0;
    int64_t sum = 0;
    for (int c = 0; c < consumers; c++) {
        pthread_join(taken[c].thread, NULL);
        count += taken[c].count;
        sum += taken[c].sum;
    }
    long wrong = 0;
    for (long i = 0; i < (long) producers * items; i++) {
        wrong += seen[i] != 1;
    }
    printf("%d producers, %d consumers: %ld items consumed, sum %lld, %ld taken other than once\n",
           producers, consumers, count, (long long) sum, wrong);
    return wrong == 0 ? 0 : 1;
}
