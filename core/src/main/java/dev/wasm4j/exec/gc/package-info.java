/**
 * GC heap objects (spec 4.2 "structures", "arrays", i31 and external references) as Java objects, and the
 * run-time test of a reference against a closed reference type that casts and {@code call_indirect} use,
 * and the frozen proposal's in-place freezing of a graph of objects ({@link dev.wasm4j.exec.gc.Freezer}).
 */
package dev.wasm4j.exec.gc;
