package dev.wasm4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark kernel: a module exporting {@code run(i32) -> i64} and the work size every engine runs it
 * with. C kernels are in bench/kernels (sizes in sizes.txt); the WAT kernels are the examples.
 */
public record Kernel(String name, Path file, int n) {

    /** The project root (where bench/ is), from -Dwasm4j.root or the working directory upwards. */
    public static Path root() {
        String r = System.getProperty("wasm4j.root");
        if (r != null) {
            return Path.of(r);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("bench/kernels"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the project root (set -Dwasm4j.root)");
    }

    /** Every kernel by name: the C kernels, then the WAT examples (fib, loop, sort) as wat-*. */
    public static Map<String, Kernel> all() {
        Map<String, Kernel> out = new LinkedHashMap<>();
        Path root = root();
        try {
            for (String line : Files.readAllLines(root.resolve("bench/kernels/sizes.txt"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.trim().split("\\s+");
                out.put(p[0], new Kernel(p[0], root.resolve("bench/kernels/wasm/" + p[0] + ".wasm"), Integer.parseInt(p[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("wat-fib", new Kernel("wat-fib", root.resolve("examples/fib.wat"), 32));
        out.put("wat-loop", new Kernel("wat-loop", root.resolve("examples/loop.wat"), 100_000_000));
        out.put("wat-sort", new Kernel("wat-sort", root.resolve("examples/sort.wat"), 1_000_000));
        return out;
    }

    public static Kernel named(String name) {
        Kernel k = all().get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown kernel " + name + "; known: " + all().keySet());
        }
        return k;
    }

    /**
     * The binary module. A WAT example gets a {@code run(i32) -> i64} export that calls its exported
     * function (converting the argument and result), and is assembled by wasm4j's text assembler.
     */
    public byte[] bytes() {
        try {
            if (!file.toString().endsWith(".wat")) {
                return Files.readAllBytes(file);
            }
            String wat = Files.readString(file);
            dev.wasm4j.WasmModule m = dev.wasm4j.WasmModule.parseText(wat);
            var export = m.exports().stream().filter(e -> e.kind() == dev.wasm4j.model.ExternKind.FUNC)
                    .findFirst().orElseThrow();
            var type = dev.wasm4j.internal.Internals.valid(m).module().functionType(export.index());
            String arg = type.params().getFirst() == dev.wasm4j.model.NumType.I64
                    ? "(i64.extend_i32_u (local.get 0))" : "(local.get 0)";
            String call = "(call " + export.index() + " " + arg + ")";
            String body = type.results().getFirst() == dev.wasm4j.model.NumType.I64 ? call
                    : "(i64.extend_i32_s " + call + ")";
            String wrapped = wat.substring(0, wat.lastIndexOf(')'))
                    + "\n  (func (export \"run\") (param i32) (result i64) " + body + "))\n";
            return dev.wasm4j.text.Wat.assemble(wrapped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
