import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;

/**
 * Steady-state cost of memory protection: the same load/store kernel on a plain memory, on a memory with
 * static protection (a no-access and a read-only page before the data) and on a virtual memory (pages
 * mapped read-write). Run by scripts/bench-memory-kinds, one JVM per kind (a process normally uses one kind,
 * and the JIT specializes the interpreter's memory accesses for the kinds it has seen); prints a table row.
 */
public class MemoryKinds {
    static final String KERNEL = """
        (module
          (memory (export "memory") %s)
          %s
          ;; 20 passes over 4 MiB at base: read, add, write back every i32.
          (func (export "run") (param $base i32) (result i32)
            (local $i i32) (local $end i32) (local $pass i32) (local $acc i32)
            (local.set $end (i32.add (local.get $base) (i32.const 4194304)))
            (loop $passes
              (local.set $i (local.get $base))
              (loop $words
                (local.set $acc (i32.add (local.get $acc) (i32.load (local.get $i))))
                (i32.store (local.get $i) (i32.add (local.get $acc) (local.get $i)))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (br_if $words (i32.lt_u (local.get $i) (local.get $end))))
              (local.set $pass (i32.add (local.get $pass) (i32.const 1)))
              (br_if $passes (i32.lt_u (local.get $pass) (i32.const 20))))
            (local.get $acc)))
        """;

    public static void main(String[] args) {
        String[][] kinds = {
            {"plain", "66", "", "131072"},
            {"static protection (1 no-access + 1 read-only page)", "64 (no-access 1) (read-only 1)", "", "131072"},
            {"virtual (pages mapped read-write)", "virtual 66",
                "(func (export \"map\") (drop (memory.map readwrite (i32.const 131072) (i32.const 4194304))))", "131072"},
        };
        for (String[] k : new String[][] {kinds[Integer.parseInt(args[0])]}) {
            WasmModule m = WasmModule.parseText(KERNEL.formatted(k[1], k[2]));
            try (Instance inst = new Linker().instantiate(m)) {
                if (!k[2].isEmpty()) {
                    inst.function("map").call();
                }
                var run = inst.function("run");
                Value base = Value.i32(Integer.parseInt(k[3]));
                for (int i = 0; i < 5; i++) {
                    run.call(base);
                }
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 10; i++) {
                    long t0 = System.nanoTime();
                    run.call(base);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("%s|%.1f%n", k[0], best / 1e6);
            }
        }
    }
}
