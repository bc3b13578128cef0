import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;

import java.util.ArrayList;
import java.util.List;

/**
 * Running one module's exports on several Java threads over one shared memory: the module is compiled
 * once, the host allocates a shared memory and defines it for the module's import, and each Java thread
 * makes its own instance (instances hold globals and tables, which are not shared; the memory is). The
 * threads count with atomic increments; the last to finish wakes a thread that waits in
 * memory.atomic.wait32. Run it from the project root after a build (./wasm4j builds it on first use):
 *
 *   java --enable-native-access=ALL-UNNAMED -cp core/target/classes examples/java/SharedThreads.java
 */
public class SharedThreads {
    static final String WAT = """
        (module
          (import "env" "memory" (memory 1 1 shared))
          ;; adds 1 to the counter at address 0, n times
          (func (export "count") (param $n i32)
            (loop $next
              (if (local.get $n)
                (then
                  (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next)))))
          ;; one more worker finished (the number is at address 4): wake whoever waits for it
          (func (export "finish")
            (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
            (drop (memory.atomic.notify (i32.const 4) (i32.const -1))))
          ;; sleeps until `workers` have finished
          (func (export "await") (param $workers i32)
            (local $finished i32)
            (loop $again
              (local.set $finished (i32.atomic.load (i32.const 4)))
              (if (i32.lt_u (local.get $finished) (local.get $workers))
                (then
                  (drop (memory.atomic.wait32 (i32.const 4) (local.get $finished) (i64.const -1)))
                  (br $again))))))
        """;

    public static void main(String[] args) throws InterruptedException {
        int workers = 4;
        int increments = 250_000;
        WasmModule module = WasmModule.parseText(WAT);                   // compile once
        Memory shared = Memory.allocate(MemoryType.of(AddrType.I32, Limits.of(1, 1), true));
        Linker linker = new Linker().define("env", "memory", shared);   // every instance gets this memory

        Thread waiter = Thread.ofPlatform().start(() -> {
            try (Instance instance = linker.instantiate(module)) {
                instance.call("await", Value.i32(workers));
                System.out.println("waiter: all " + workers + " workers finished");
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Instance instance = linker.instantiate(module)) {   // one instance per thread
                    instance.call("count", Value.i32(increments));
                    instance.call("finish");
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        waiter.join();
        System.out.println("counter: " + shared.readInt(0) + " (expected " + workers * increments + ")");
        shared.close();
    }
}
