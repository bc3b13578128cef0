/* Table-driven CRC-32 over an n KiB buffer, 16 passes: byte loads and table lookups. */
#include "kernel.h"
#define MAX_KB 4096
static u8 buf[MAX_KB * 1024];
static u32 table[256];
EXPORT long long run(int n) {
    if (n > MAX_KB) n = MAX_KB;
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    u32 seed = 777;
    for (int i = 0; i < n * 1024; i++) buf[i] = (u8) xorshift32(&seed);
    u32 acc = 0;
    for (int pass = 0; pass < 16; pass++) {
        u32 crc = 0xFFFFFFFFu;
        for (int i = 0; i < n * 1024; i++) crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
        acc = acc * 31u + crc + (u32) pass;
    }
    return acc;
}
