package dev.wasm4j.wasi;

import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A guest whose exports call each WASI function with the arguments the test gives (as a Wasm caller, so
 * the functions see its memory), for calling WASI directly with hostile arguments.
 */
final class Harness implements AutoCloseable {
    static final int PAGES = 2;
    private static final Map<String, String> SIGNATURES = Wasi.signatures();
    private static WasmModule module;
    final Wasi wasi;
    final Instance instance;
    final Memory memory;

    Harness(WasiConfig config) {
        wasi = new Wasi(config);
        instance = wasi.define(new Linker()).instantiate(module());
        memory = instance.memory("memory");
    }

    private static synchronized WasmModule module() {
        if (module == null) {
            StringBuilder wat = new StringBuilder("(module\n");
            Map<String, String> sigs = new TreeMap<>(SIGNATURES);
            StringBuilder funcs = new StringBuilder();
            sigs.forEach((name, params) -> {
                StringBuilder ps = new StringBuilder();
                StringBuilder gets = new StringBuilder();
                for (int i = 0; i < params.length(); i++) {
                    ps.append(params.charAt(i) == 'I' ? " i64" : " i32");
                    gets.append(" local.get ").append(i);
                }
                boolean noResult = name.equals("proc_exit");
                wat.append("  (import \"wasi_snapshot_preview1\" \"").append(name).append("\" (func $").append(name)
                        .append(" (param").append(ps).append(")").append(noResult ? "" : " (result i32)").append("))\n");
                funcs.append("  (func (export \"").append(name).append("\") (param").append(ps).append(")")
                        .append(noResult ? "" : " (result i32)").append(gets).append(" call $").append(name)
                        .append(")\n");
            });
            wat.append(funcs).append("  (memory (export \"memory\") ").append(PAGES).append("))\n");
            module = WasmModule.parseText(wat.toString());
        }
        return module;
    }

    /** Calls a WASI function with i32/i64 arguments (ints or longs); returns its errno. */
    int call(String name, long... args) {
        String params = SIGNATURES.get(name);
        Value[] values = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = params.charAt(i) == 'I' ? Value.i64(args[i]) : Value.i32((int) args[i]);
        }
        Value[] r = instance.call(name, values);
        return r.length == 0 ? 0 : r[0].asInt();
    }

    Errno errno(String name, long... args) {
        return Errno.values()[call(name, args)];
    }

    /** Writes a UTF-8 string at {@code addr}; returns its length in bytes. */
    int string(long addr, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        memory.write(addr, b);
        return b.length;
    }

    /** path_open under {@code dirFd}: the new fd, or -errno. */
    int open(int dirFd, String path, int oflags, long rights, boolean follow) {
        int len = string(1024, path);
        int r = call("path_open", dirFd, follow ? 1 : 0, 1024, len, oflags, rights, rights, 0, 512);
        return r == 0 ? memory.readInt(512) : -r;
    }

    @Override
    public void close() {
        instance.close();
        wasi.close();
    }
}
