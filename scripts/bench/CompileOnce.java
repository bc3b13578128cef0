import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles a WAT program with the compiler engine and calls its {@code run(1000)} once, so that
 * {@code -Dwasm4j.compiler.dump=DIR} leaves the generated classes in DIR. scripts/bench-frozen runs it with
 * two versions of the engine and compares their code for the same program.
 */
public class CompileOnce {
    public static void main(String[] args) throws Exception {
        WasmModule m = WasmModule.parseText(Files.readString(Path.of(args[0])));
        try (Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m)) {
            System.out.println(i.function("run").call(Value.i32(1000))[0]);
        }
    }
}
