/**
 * wasm4j, a WebAssembly engine for the JVM.
 *
 * <p>The API is {@link dev.wasm4j}: parse a {@link dev.wasm4j.WasmModule} once, give a
 * {@link dev.wasm4j.Linker} the host functions and other imports it needs, instantiate, call exports.
 * {@link dev.wasm4j.model} holds the types that API speaks of (function, value, memory, table and global
 * types, imports and exports, features) and {@link dev.wasm4j.wasi} runs WASI preview 1 programs. Every other
 * package is the engine and is exported only to wasm4j's own command line.
 *
 * <p>Linear memories live in native memory through the FFM API: start the JVM with
 * {@code --enable-native-access=dev.wasm4j} (module path) or {@code --enable-native-access=ALL-UNNAMED}
 * (class path), or it prints a warning on first use. Compiled code reads and writes them through
 * {@code sun.misc.Unsafe} when the JVM runs with {@code --sun-misc-unsafe-memory-access=allow} (faster to
 * compile; see {@code dev.wasm4j.memory.RawMemory}), through the JDK's internal {@code Unsafe} when
 * {@code java.base} also exports {@code jdk.internal.misc} to wasm4j, else through the FFM API as well.
 */
module dev.wasm4j {
    requires java.management;
    requires jdk.unsupported;

    exports dev.wasm4j;
    exports dev.wasm4j.model;
    exports dev.wasm4j.wasi;

    // The command line (wasm4j run, wast, inspect, compile, assemble, lower-intrinsics) is a tool of the engine,
    // not a user of the API: it may see inside.
    exports dev.wasm4j.binary to dev.wasm4j.cli;
    exports dev.wasm4j.compiler to dev.wasm4j.cli;
    exports dev.wasm4j.exec to dev.wasm4j.cli;
    exports dev.wasm4j.internal to dev.wasm4j.cli;
    exports dev.wasm4j.memory to dev.wasm4j.cli;
    exports dev.wasm4j.text to dev.wasm4j.cli;
    exports dev.wasm4j.valid to dev.wasm4j.cli;
    exports dev.wasm4j.wast to dev.wasm4j.cli;
}
