/*
 * Reads a big file the usual way (malloc + read, a copy of every byte) or through a zero-copy mapping made
 * by the host (`wasm4j run --map-file ADDR=PATH`), then sums one byte every STRIDE bytes.
 *
 *   ./wasm4j run --dir /data examples/c/filesum.wasm read /data/big.bin 65536
 *   ./wasm4j run --map-file 0x10000000=/data/big.bin examples/c/filesum.wasm mapped 0x10000000 SIZE 65536
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t sum_stride(const unsigned char *p, size_t n, size_t stride) {
    uint64_t s = 0;
    for (size_t i = 0; i < n; i += stride) {
        s += p[i];
    }
    return s;
}

int main(int argc, char **argv) {
    if (argc == 4 && argv[1][0] == 'r') {
        int fd = open(argv[2], O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) {
            perror(argv[2]);
            return 1;
        }
        size_t n = (size_t) st.st_size;
        unsigned char *buf = malloc(n);
        if (buf == NULL) {
            fprintf(stderr, "cannot allocate %zu bytes\n", n);
            return 1;
        }
        for (size_t done = 0; done < n;) {
            ssize_t r = read(fd, buf + done, n - done);
            if (r <= 0) {
                perror("read");
                return 1;
            }
            done += (size_t) r;
        }
        printf("read %zu bytes, sum %llu\n", n, (unsigned long long) sum_stride(buf, n, strtoul(argv[3], 0, 0)));
        return 0;
    }
    if (argc == 5 && argv[1][0] == 'm') {
        const unsigned char *p = (const unsigned char *) (uintptr_t) strtoul(argv[2], 0, 0);
        size_t n = strtoul(argv[3], 0, 0);
        printf("mapped %zu bytes, sum %llu\n", n, (unsigned long long) sum_stride(p, n, strtoul(argv[4], 0, 0)));
        return 0;
    }
    fprintf(stderr, "usage: filesum read PATH STRIDE | filesum mapped ADDR SIZE STRIDE\n");
    return 2;
}
