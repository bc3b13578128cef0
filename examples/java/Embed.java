import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.NumType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Embedding wasm4j: compile a module once, give it a host function, instantiate it, call an export and
 * read its memory. Run it from the project root after a build (./wasm4j builds it on first use):
 *
 *   java --enable-native-access=ALL-UNNAMED -cp core/target/classes examples/java/Embed.java
 */
public class Embed {
    static final String WAT = """
        (module
          (import "env" "log" (func $log (param i32 i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "Hello from Wasm!")
          (func (export "greet") (param $times i32) (result i32)
            (local $i i32)
            (loop $again
              (call $log (i32.const 16) (i32.const 16))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $i) (local.get $times))))
            (local.get $i)))
        """;

    public static void main(String[] args) {
        WasmModule module = WasmModule.parseText(WAT);          // decode + validate once; shareable
        Linker linker = new Linker().define("env", "log",
                FuncType.of(List.of(NumType.I32, NumType.I32), List.of()),
                (caller, a) -> {
                    Memory memory = caller.memory().orElseThrow();
                    byte[] bytes = memory.read(a[0].asInt(), a[1].asInt());
                    System.out.println("log: " + new String(bytes, StandardCharsets.UTF_8));
                    return null;
                });
        try (Instance instance = linker.instantiate(module)) {
            Value[] results = instance.function("greet").call(Value.i32(2));
            System.out.println("greet returned " + results[0].asInt());
            System.out.println("memory has " + instance.memory("memory").pages() + " page(s)");
        }
    }
}
