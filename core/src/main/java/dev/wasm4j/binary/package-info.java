/**
 * The binary format (spec chapter 5): {@link dev.wasm4j.binary.WasmReader} reads its primitive values,
 * {@link dev.wasm4j.binary.CodeReader} reads instructions, and {@link dev.wasm4j.binary.ModuleDecoder} turns a
 * binary into a {@link dev.wasm4j.model.Module}, raising {@link dev.wasm4j.MalformedException} with the spec
 * testsuite's message and the byte offset on any malformed input (and nothing else, whatever the input). One
 * package-private decoder per section or group of sections does the work.
 */
package dev.wasm4j.binary;
