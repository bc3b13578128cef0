/**
 * The binary format (spec chapter 5): {@link dev.wasm4j.binary.WasmReader} reads its primitive values,
 * {@link dev.wasm4j.binary.CodeReader} reads instructions, and the module decoder turns a binary into a
 * {@link dev.wasm4j.model.Module}, raising {@link dev.wasm4j.MalformedException} with the spec's message and
 * the byte offset on any malformed input.
 */
package dev.wasm4j.binary;
