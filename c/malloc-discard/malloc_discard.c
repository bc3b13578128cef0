/*
 * malloc-discard: a trim step for wasi-libc's malloc that gives freed memory back with memory.discard.
 *
 * wasi-libc's allocator is dlmalloc. It never returns memory: a WebAssembly memory cannot shrink, so freed
 * pages stay resident until the program exits. This library wraps free() and realloc() (link with
 * -Wl,--wrap=free,--wrap=realloc) and, after each call that frees memory, looks at the free chunk it left
 * (dlmalloc's boundary tags say where it starts and ends) and discards the whole 64 KiB pages inside it,
 * those it has not discarded before. The allocator itself is unchanged: same placement, same fragmentation;
 * the discarded pages read as zero and become resident again when malloc hands them out and they are
 * written.
 *
 * memory.discard is reached through an intrinsic: __wasm4j_memory_discard's body is replaced by the
 * instruction with `wasm4j lower-intrinsics` (docs/proposals/memory-control.md). Unlowered, the stub does
 * nothing and the program runs as with plain wasi-libc, on any engine.
 *
 * Two thresholds keep the cost down (both are compile-time settings):
 *  - MALLOC_DISCARD_MIN_CHUNK: free chunks smaller than this are left alone (a chunk of a few pages that is
 *    freed and reused again and again would be faulted back in each time);
 *  - MALLOC_DISCARD_TOP_PAD: the first bytes of the top chunk (the free end of the heap, where dlmalloc
 *    allocates when no bin fits) stay resident, like dlmalloc's own trim threshold on systems that can trim.
 *
 * The layout read here is dlmalloc 2.8's on wasm32 (a 4-byte prev_foot and head before each chunk's
 * memory; PINUSE and CINUSE flag bits; free chunks keep their links in their first 32 bytes, their size
 * after their end). A self-check on first use turns the trim step off if the layout is not what it expects.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <malloc.h>

#ifndef MALLOC_DISCARD_MIN_CHUNK
#define MALLOC_DISCARD_MIN_CHUNK (256u << 10)
#endif
#ifndef MALLOC_DISCARD_TOP_PAD
#define MALLOC_DISCARD_TOP_PAD (256u << 10)
#endif

#define WASM_PAGE ((uintptr_t) 65536)
#define PINUSE ((size_t) 1)
#define CINUSE ((size_t) 2)
#define FLAGS ((size_t) 7)
/* A free chunk's own bookkeeping (prev_foot, head, list or tree links) lies in its first 32 bytes. */
#define FREE_CHUNK_HEADER 64u

void __real_free(void *p);
void *__real_realloc(void *p, size_t n);

static volatile uintptr_t discard_sink;

/* memory.discard, once `wasm4j lower-intrinsics` has replaced this body; a no-op before. */
__attribute__((noinline, export_name("__wasm4j_memory_discard")))
void __wasm4j_memory_discard(void *addr, size_t size) {
    discard_sink = (uintptr_t) addr + size;
}

struct chunk {
    size_t prev_foot; /* the previous chunk's size, while that chunk is free */
    size_t head;      /* this chunk's size | CINUSE | PINUSE */
};

static struct chunk *chunk_at(uintptr_t a) {
    return (struct chunk *) a;
}

static uintptr_t chunk_of(void *mem) {
    return (uintptr_t) mem - 2 * sizeof(size_t);
}

static uintptr_t page_down(uintptr_t a) {
    return a & ~(WASM_PAGE - 1);
}

static uintptr_t page_up(uintptr_t a) {
    return (a + WASM_PAGE - 1) & ~(WASM_PAGE - 1);
}

static size_t size_of(uintptr_t c) {
    return chunk_at(c)->head & ~FLAGS;
}

/* 1 when dlmalloc's boundary tags look as expected, -1 when not, 0 before the check. */
static int layout_ok;

static int check_layout(void) {
    void *p = malloc(100);
    if (p == NULL) {
        return 0;
    }
    uintptr_t c = chunk_of(p);
    size_t size = size_of(c);
    int ok = (chunk_at(c)->head & CINUSE) && size >= 104 && size <= 128 && malloc_usable_size(p) + 4 == size
            && (chunk_at(c + size)->head & PINUSE);
    __real_free(p);
    return ok ? 1 : -1;
}

/*
 * The chunk [c, c + size) has just been freed (or split off and freed); dlmalloc merged it with its free
 * neighbours. Discards the whole pages of the merged free chunk that were not discarded before: those that
 * overlap the freed chunk, its neighbours' former headers, and whole neighbours too small to have been
 * discarded on their own.
 */
static void released(uintptr_t c, size_t size) {
    if (layout_ok <= 0 && (layout_ok != 0 || (layout_ok = check_layout()) <= 0)) {
        return;
    }
    /* Merged backwards, c's head is stale but still says the previous chunk was free. */
    uintptr_t start = (chunk_at(c)->head & PINUSE) ? c : c - chunk_at(c)->prev_foot;
    uintptr_t end = start + size_of(start);
    /* After a free chunk comes a chunk in use; after the top chunk, a head without CINUSE. */
    int top = !(chunk_at(end)->head & CINUSE);
    uintptr_t left = c - start;
    uintptr_t right = end - (c + size);
    /* The pages overlapping the freed chunk and the headers next to it, or whole neighbours too small before. */
    uintptr_t lo = left < MALLOC_DISCARD_MIN_CHUNK ? start : page_down(c - FREE_CHUNK_HEADER);
    uintptr_t hi;
    if (top) {
        /* Beyond its pad the top was discarded before; the part of the old pad past the new pad was not. */
        hi = page_up(c + size + MALLOC_DISCARD_TOP_PAD);
        if (lo < start + MALLOC_DISCARD_TOP_PAD) {
            lo = start + MALLOC_DISCARD_TOP_PAD;
        }
    } else {
        if (end - start < MALLOC_DISCARD_MIN_CHUNK) {
            return;
        }
        hi = right < MALLOC_DISCARD_MIN_CHUNK ? end : page_up(c + size + FREE_CHUNK_HEADER);
    }
    /* Only whole pages inside the free chunk, past its own bookkeeping. */
    lo = page_up(lo < start + FREE_CHUNK_HEADER ? start + FREE_CHUNK_HEADER : lo);
    hi = page_down(hi > end ? end : hi);
    if (hi > lo) {
        __wasm4j_memory_discard((void *) lo, hi - lo);
    }
}

void __wrap_free(void *p) {
    if (p == NULL) {
        return;
    }
    uintptr_t c = chunk_of(p);
    size_t size = size_of(c);
    __real_free(p);
    released(c, size);
}

void *__wrap_realloc(void *p, size_t n) {
    if (p == NULL) {
        return __real_realloc(p, n);
    }
    uintptr_t c = chunk_of(p);
    size_t size = size_of(c);
    void *q = __real_realloc(p, n);
    if (q != p && (q != NULL || n == 0)) {
        released(c, size); /* moved (or freed by realloc(p, 0)): the old chunk is free */
    } else if (q == p && size_of(c) < size) {
        released(c + size_of(c), size - size_of(c)); /* shrunk in place: the tail was split off */
    }
    return q;
}
