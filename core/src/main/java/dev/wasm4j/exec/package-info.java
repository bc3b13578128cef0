/**
 * Execution (spec chapter 4): the store's objects (function, table, memory, global, tag instances, GC
 * objects), instantiation and linking (with the frozen proposal's initialization phases,
 * {@link dev.wasm4j.exec.Phases}), and the interpreter with its translator and numerics.
 */
package dev.wasm4j.exec;
