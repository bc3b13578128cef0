/* Recursive Fibonacci: calls and integer adds. */
#include "kernel.h"
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
EXPORT long long run(int n) { return fib(n); }
