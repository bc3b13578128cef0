/* Dense matrix multiply, n x n doubles (n <= 256), i-k-j order: memory-bound floating point. */
#include "kernel.h"
#define MAX 256
static double A[MAX * MAX], B[MAX * MAX], C[MAX * MAX];
EXPORT long long run(int n) {
    if (n > MAX) n = MAX;
    for (int i = 0; i < n * n; i++) {
        A[i] = (double) (i % 17) * 0.5;
        B[i] = (double) (i % 13) * 0.25;
        C[i] = 0;
    }
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double a = A[i * n + k];
            for (int j = 0; j < n; j++) C[i * n + j] += a * B[k * n + j];
        }
    double s = 0;
    for (int i = 0; i < n * n; i++) s += C[i];
    return (long long) s;
}
