/* wasm4j: wasi-libc (Debian 2022) has no setjmp/longjmp; Lua's errors become fatal instead (see docs/wasi.md). */
