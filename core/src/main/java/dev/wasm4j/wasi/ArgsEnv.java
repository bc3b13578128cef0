package dev.wasm4j.wasi;

import dev.wasm4j.Memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.wasm4j.wasi.Guest.u32;

/** args_get, args_sizes_get, environ_get, environ_sizes_get: NUL-terminated UTF-8 strings. */
final class ArgsEnv {
    private final List<byte[]> args = new ArrayList<>();
    private final List<byte[]> env = new ArrayList<>();

    ArgsEnv(WasiConfig config) {
        for (String a : config.args()) {
            args.add(cString(a));
        }
        for (Map.Entry<String, String> e : config.env().entrySet()) {
            env.add(cString(e.getKey() + "=" + e.getValue()));
        }
    }

    void define(Exports e) {
        e.fn("args_get", "ii", (m, a) -> get(m, args, u32(a[0]), u32(a[1])));
        e.fn("args_sizes_get", "ii", (m, a) -> sizes(m, args, u32(a[0]), u32(a[1])));
        e.fn("environ_get", "ii", (m, a) -> get(m, env, u32(a[0]), u32(a[1])));
        e.fn("environ_sizes_get", "ii", (m, a) -> sizes(m, env, u32(a[0]), u32(a[1])));
    }

    /** Writes a pointer per string at {@code ptrs} and the strings one after the other at {@code buf}. */
    private static Errno get(Memory m, List<byte[]> strings, long ptrs, long buf) {
        long total = 0;
        for (byte[] s : strings) {
            total += s.length;
        }
        Guest.check(m, ptrs, 4L * strings.size());
        Guest.check(m, buf, total);
        long at = buf;
        for (int i = 0; i < strings.size(); i++) {
            m.writeInt(ptrs + 4L * i, (int) at);
            m.write(at, strings.get(i));
            at += strings.get(i).length;
        }
        return Errno.SUCCESS;
    }

    private static Errno sizes(Memory m, List<byte[]> strings, long countPtr, long sizePtr) {
        long total = 0;
        for (byte[] s : strings) {
            total += s.length;
        }
        Guest.check(m, countPtr, 4);
        Guest.check(m, sizePtr, 4);
        m.writeInt(countPtr, strings.size());
        m.writeInt(sizePtr, (int) total);
        return Errno.SUCCESS;
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }
}
