/**
 * The abstract syntax of WebAssembly modules (spec chapter 2, "Structure"): types, imports, exports,
 * definitions and the {@link dev.wasm4j.model.Module} that holds them.
 *
 * <p>Instruction sequences are kept in their binary form ({@link dev.wasm4j.model.Expr}): the decoder
 * checks their syntax once, the validator types them, and each execution tier translates them once.
 * {@link dev.wasm4j.model.Opcode} is the single table of every instruction.
 */
package dev.wasm4j.model;
