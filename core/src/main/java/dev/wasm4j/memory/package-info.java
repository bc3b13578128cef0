/**
 * Linear memories (spec 4.2.8, 4.4.7 "Memory Instructions"): bounds-checked loads, stores, bulk operations
 * and growth, on the Java heap or on native memory reserved from the OS, with the memory control
 * proposal's discard, static protection and virtual mappings.
 */
package dev.wasm4j.memory;
