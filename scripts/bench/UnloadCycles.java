import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Instantiates and closes a compiled module CYCLES times in one JVM and prints, every REPORT cycles (after a
 * full collection), metaspace used and committed, resident memory, and classes loaded and unloaded.
 * Mode "fresh" parses the module anew every cycle, so every cycle generates new classes, which must be
 * unloaded once its instance is closed; mode "shared" parses it once and instantiates it CYCLES times.
 * Ends with the growth after the first REPORT cycles, and exit code 1 when it passes 10%.
 *
 *   java -cp cli/target/wasm4j.jar scripts/bench/UnloadCycles.java fresh 10000 1000
 */
public class UnloadCycles {
    private static final String WAT = """
            (module
              (memory 1)
              (global $g (mut i32) (i32.const 0))
              (func $step (param i32) (result i32)
                (i32.store (i32.const 16) (i32.add (i32.load (i32.const 16)) (local.get 0)))
                (global.set $g (i32.add (global.get $g) (i32.const 1)))
                (i32.load (i32.const 16)))
              (func (export "run") (param $n i32) (result i32) (local $i i32) (local $s i32)
                (loop $l
                  (local.set $s (call $step (local.get $i)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                (local.get $s)))
            """;

    public static void main(String[] args) throws Exception {
        boolean fresh = !args[0].equals("shared");
        int cycles = Integer.parseInt(args[1]);
        int report = Integer.parseInt(args[2]);
        Linker linker = new Linker(EngineConfig.of(Engine.COMPILER));
        WasmModule shared = WasmModule.parseText(WAT);
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        MemoryPoolMXBean metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace")).findFirst().orElseThrow();
        System.out.println("| cycles | metaspace used (KiB) | metaspace committed (KiB) | RSS (KiB) | classes loaded | classes unloaded |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        long[] first = null;
        long[] last = null;
        for (int c = 1; c <= cycles; c++) {
            WasmModule module = fresh ? WasmModule.parseText(WAT) : shared;
            try (Instance instance = linker.instantiate(module)) {
                int r = instance.call("run", Value.i32(10))[0].asInt();
                if (r != 45) {
                    throw new AssertionError("run(10) = " + r);
                }
            }
            if (c % report == 0) {
                System.gc();
                long[] now = {metaspace.getUsage().getUsed() >> 10, metaspace.getUsage().getCommitted() >> 10, rss()};
                System.out.printf("| %d | %d | %d | %d | %d | %d |%n", c, now[0], now[1], now[2],
                        classes.getTotalLoadedClassCount(), classes.getUnloadedClassCount());
                if (first == null) {
                    first = now;
                }
                last = now;
            }
        }
        double meta = 100.0 * (last[0] - first[0]) / first[0];
        double rss = 100.0 * (last[2] - first[2]) / first[2];
        System.out.printf("growth after the first %d cycles (%s): metaspace used %+.1f%%, RSS %+.1f%%%n", report,
                fresh ? "a new module each cycle" : "one module", meta, rss);
        System.exit(meta > 10 || rss > 10 ? 1 : 0);
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
