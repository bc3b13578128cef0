import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What memory control costs on 512 MiB: discard, map, protect and unmap (instructions; the host API where no
 * instruction exists for the kind) on each memory kind, with the 512 MiB resident before each operation
 * (except map, which needs unmapped pages). Each operation is timed alone, REPS times; the table gives the
 * median and its ratio to the plain memory's discard. Run by scripts/bench-memory-control; the last row maps
 * 256 GiB of a 64-bit virtual memory sparsely.
 */
public class MemoryControlCost {
    static final long MIB = 1 << 20;
    static final long SIZE = 512 * MIB;
    static final int REPS = Integer.getInteger("reps", 7);

    static final String MODULE = """
        (module
          (memory (export "memory") %1$s)
          (func (export "touch") (param $a %2$s) (param $n %2$s) (memory.fill (local.get $a) (i32.const 1) (local.get $n)))
          (func (export "discard") (param $a %2$s) (param $n %2$s) (memory.discard (local.get $a) (local.get $n)))
          %3$s)
        """;
    static final String VIRTUAL_OPS = """
          (func (export "map") (param $a %1$s) (param $n %1$s) (drop (memory.map readwrite (local.get $a) (local.get $n))))
          (func (export "protect") (param $a %1$s) (param $n %1$s) (memory.protect read (local.get $a) (local.get $n)))
          (func (export "unmap") (param $a %1$s) (param $n %1$s) (memory.unmap (local.get $a) (local.get $n)))
        """;

    record Kind(String name, String memory, boolean is64, boolean virtual, long base) {
    }

    static final long PAGES = SIZE / 65536 + 2;
    static final Kind[] KINDS = {
        new Kind("plain", PAGES + " " + PAGES, false, false, 0),
        new Kind("static protection", (PAGES - 2) + " " + (PAGES - 2) + " (no-access 1) (read-only 1)", false, false,
                2 * 65536),
        new Kind("shared", PAGES + " " + PAGES + " shared", false, false, 0),
        new Kind("memory64", "i64 " + PAGES + " " + PAGES, true, false, 0),
        new Kind("virtual", "virtual " + PAGES + " " + PAGES, false, true, 0),
        new Kind("virtual memory64", "virtual i64 " + PAGES + " " + PAGES, true, true, 0),
        new Kind("virtual + static protection",
                "virtual " + (PAGES - 2) + " " + (PAGES - 2) + " (no-access 1) (read-only 1)", false, true, 2 * 65536),
    };

    public static void main(String[] args) throws IOException {
        try {
            report();
        } catch (dev.wasm4j.WasmException e) {
            // wasm4j's exceptions carry no Java stack trace, which the source launcher cannot print
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static void report() throws IOException {
        Path file = Files.createTempFile("wasm4j-bench", ".bin");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(SIZE);
        }
        try {
            List<String[]> rows = new ArrayList<>();
            double plainDiscard = 0;
            for (Kind k : KINDS) {
                System.err.println(k.name());
                for (String[] r : measure(k, file)) {
                    if (k.name().equals("plain") && r[0].equals("discard")) {
                        plainDiscard = Double.parseDouble(r[1]);
                    }
                    rows.add(new String[] {k.name(), r[0], r[1], r[2]});
                }
            }
            System.out.println("| memory | operation on 512 MiB | median ms | relative to plain discard | how |");
            System.out.println("|---|---|---:|---:|---|");
            for (String[] r : rows) {
                System.out.printf("| %s | %s | %s | %.2f | %s |%n", r[0], r[1], r[2],
                        Double.parseDouble(r[2]) / plainDiscard, r[3]);
            }
            System.out.println();
            System.out.println(sparse());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Value addr(Kind k, long v) {
        return k.is64() ? Value.i64(v) : Value.i32((int) v);
    }

    static List<String[]> measure(Kind k, Path file) throws IOException {
        String at = k.is64() ? "i64" : "i32";
        String ops = k.virtual() ? VIRTUAL_OPS.formatted(at) : "";
        WasmModule module = WasmModule.parseText(MODULE.formatted(k.memory(), at, ops));
        List<String[]> out = new ArrayList<>();
        try (Instance inst = new Linker().instantiate(module)) {
            Memory memory = inst.memory("memory");
            Value a = addr(k, k.base());
            Value n = addr(k, SIZE);
            Runnable touch = () -> inst.function("touch").call(a, n);
            Runnable mapRw = k.virtual() ? () -> inst.function("map").call(a, n) : () -> { };
            Runnable unmapAll = k.virtual() ? () -> inst.function("unmap").call(a, n) : () -> { };
            mapRw.run();
            out.add(row("discard", "memory.discard", time(touch, () -> inst.function("discard").call(a, n))));
            if (k.virtual()) {
                Runnable mappedAndTouched = () -> {
                    unmapAll.run();
                    mapRw.run();
                    touch.run();
                };
                out.add(row("unmap", "memory.unmap", time(mappedAndTouched, () -> inst.function("unmap").call(a, n))));
                out.add(row("map", "memory.map readwrite (pages unmapped before)", time(unmapAll,
                        () -> inst.function("map").call(a, n))));
                out.add(row("protect", "memory.protect read", time(mappedAndTouched,
                        () -> inst.function("protect").call(a, n))));
                out.add(row("map a file", "Memory.map(Path) (pages unmapped before)", time(unmapAll, () -> {
                    try {
                        memory.map(file, 0, SIZE, k.base(), Memory.Protection.READ_WRITE);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                })));
            } else {
                out.add(row("unmap", "Memory.unmap (fresh zero pages)", time(touch, () -> memory.unmap(k.base(), SIZE))));
                if (!k.name().equals("shared") && !k.is64()) {
                    out.add(row("map a file", "Memory.map(Path)", time(() -> {
                        memory.unmap(k.base(), SIZE);
                        touch.run();
                    }, () -> {
                        try {
                            memory.map(file, 0, SIZE, k.base(), Memory.Protection.READ_WRITE);
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    })));
                }
            }
        }
        return out;
    }

    static String[] row(String op, String how, double ms) {
        System.err.printf("  %s: %.1f ms%n", op, ms);
        return new String[] {op, String.format("%.1f", ms), how};
    }

    /** Median of REPS timings of {@code op}, each after {@code prepare} (untimed), after a warm-up round. */
    static double time(Runnable prepare, Runnable op) {
        double[] ms = new double[REPS];
        for (int i = -1; i < REPS; i++) {
            prepare.run();
            long t0 = System.nanoTime();
            op.run();
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[REPS / 2];
    }

    /** 256 GiB of a virtual memory64, one page mapped and written every GiB, then all unmapped in one call. */
    static String sparse() {
        String wat = """
            (module
              (memory (export "memory") virtual i64 4194304)
              (func (export "run") (result i64)
                (local $a i64) (local $sum i64)
                (loop $next
                  (drop (memory.map readwrite (local.get $a) (i64.const 65536)))
                  (i64.store (local.get $a) (local.get $a))
                  (local.set $sum (i64.add (local.get $sum) (i64.load (local.get $a))))
                  (local.set $a (i64.add (local.get $a) (i64.const 0x4000_0000)))
                  (br_if $next (i64.lt_u (local.get $a) (i64.const 0x40_0000_0000))))
                (memory.unmap (i64.const 0) (i64.const 0x40_0000_0000))
                (local.get $sum)))
            """;
        try (Instance inst = new Linker().instantiate(WasmModule.parseText(wat))) {
            LongSupplier run = () -> inst.function("run").call()[0].asLong();
            long t0 = System.nanoTime();
            long sum = run.getAsLong();
            double ms = (System.nanoTime() - t0) / 1e6;
            var m = (dev.wasm4j.memory.LinearMemory) inst.memory("memory");
            return String.format("virtual memory64 of %d GiB (%d GiB reserved): 256 pages mapped and written, "
                    + "one every GiB, then one memory.unmap of the whole: %.1f ms (checksum %d)",
                    m.byteSize() >> 30, m.reservedBytes() >> 30, ms, sum);
        }
    }
}
