package dev.wasm4j.model;

/**
 * Proposals and optional features, each of which the decoder and validator can switch off. Wasm 3.0's
 * standard features are on by default; see {@link Features}.
 */
public enum Feature {
    /** Fixed-width SIMD (128-bit vectors). */
    SIMD,
    /** Relaxed SIMD. */
    RELAXED_SIMD,
    /** Garbage collection: struct, array, i31, abstract heap type hierarchy, rec groups, subtyping. */
    GC,
    /** Typed function references: (ref $t), call_ref, br_on_null, ... */
    FUNCTION_REFERENCES,
    /** Exception handling with try_table and exnref. */
    EXCEPTIONS,
    /** The legacy exception handling instructions: try, catch, catch_all, rethrow, delegate. */
    LEGACY_EXCEPTIONS,
    /** Tail calls. */
    TAIL_CALL,
    /** 64-bit memories and tables. */
    MEMORY64,
    /** More than one memory. */
    MULTI_MEMORY,
    /** Extended constant expressions. */
    EXTENDED_CONST,
    /** Threads: shared memories and atomics. */
    THREADS,
    /** Custom page sizes. */
    CUSTOM_PAGE_SIZES,
    /** Wide arithmetic: i64.add128, i64.sub128, i64.mul_wide_s/u. */
    WIDE_ARITHMETIC,
    /** Memory control: memory.discard, static protection, virtual memories, memory.map/unmap/protect. */
    MEMORY_CONTROL,
    /**
     * Freezable GC values and globals (the frozen proposal): {@code freezable} and {@code (freeze $t)} types,
     * {@code ref.freeze}, freezable and frozen globals, initialization phases (docs/proposals/frozen.md).
     */
    FROZEN
}
