/* Exit from a worker: exit-worker [CODE]. The main thread starts a worker and waits for it to finish, which it
 * never does: the worker calls exit(CODE), which ends the whole program, main thread included. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int code;

static void *worker(void *arg) {
    (void) arg;
    printf("worker: exiting with %d\n", code);
    exit(code);
}

int main(int argc, char **argv) {
    code = argc > 1 ? atoi(argv[1]) : 3;
    printf("main: starting the worker\n");
    fflush(stdout);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    printf("main: not reached\n");
    return 0;
}
