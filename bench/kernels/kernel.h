/* Shared by every kernel: fixed-width types, no libc. Each kernel defines
 *   long long run(int n)
 * which does a deterministic amount of work for n and returns a checksum; the same source is built to
 * wasm32 (clang, exported "run") and natively (gcc -O2, with main.c). */
#ifndef KERNEL_H
#define KERNEL_H
typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned char u8;

#if defined(WHOLE_PROGRAM)
/* bench/programs/c/whole.c: run is part of one program, for clang to inline into main */
#define EXPORT static
#elif defined(__wasm__)
#define EXPORT __attribute__((export_name("run")))
/* With -nostdlib the compiler may still call these; bulk memory instructions implement them. */
void *memset(void *d, int c, unsigned long n) { __builtin_memset(d, c, n); return d; }
void *memcpy(void *d, const void *s, unsigned long n) { __builtin_memcpy(d, s, n); return d; }
#else
#define EXPORT
#endif

static inline u32 xorshift32(u32 *s) {
    u32 x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}
#endif
