/**
 * The script format of the spec testsuite (.wast, spec interpreter/README "Scripts"): its model
 * ({@link dev.wasm4j.wast.Script}, {@link dev.wasm4j.wast.Command}), its parser, the {@code spectest} host
 * module, and the runner that executes a script against an engine and reports every command's outcome.
 */
package dev.wasm4j.wast;
