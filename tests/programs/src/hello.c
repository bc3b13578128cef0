#include <stdio.h>

/* The smallest WASI command: what start-up costs when the program itself costs nothing. */
int main(void) {
    printf("hello, world\n");
    return 0;
}
