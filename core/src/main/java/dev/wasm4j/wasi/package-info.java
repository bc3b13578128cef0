/**
 * WASI preview 1 ({@code wasi_snapshot_preview1}): the system interface C programs built with wasi-libc
 * import. {@link dev.wasm4j.wasi.Wasi} defines every function of the snapshot on a
 * {@link dev.wasm4j.Linker}; {@link dev.wasm4j.wasi.WasiConfig} says what the guest may see (arguments,
 * environment, preopened directories, standard streams). One file per group of functions, as in the
 * snapshot's documentation: {@code ArgsEnv}, {@code Clocks}, {@code RandomGet}, {@code FdFunctions},
 * {@code PathFunctions}, {@code Poll}, {@code Proc}, {@code Sockets}. The status of each function and the
 * sandbox rules are in {@code docs/wasi.md}.
 */
package dev.wasm4j.wasi;
