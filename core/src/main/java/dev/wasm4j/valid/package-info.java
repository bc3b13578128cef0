/**
 * Validation (spec chapter 3): the type system of Wasm 3.0 with its proposals. The validator checks a
 * decoded {@link dev.wasm4j.model.Module} once, canonicalizes its types ({@link dev.wasm4j.valid.DefType}),
 * and can replay a function body through a {@link dev.wasm4j.valid.CodeSink} so that an execution tier
 * translates it with full type information and no searching at run time.
 */
package dev.wasm4j.valid;
