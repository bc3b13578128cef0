package dev.wasm4j.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

import java.util.List;

/** One engine with one kernel instantiated: {@link #run} calls the kernel's {@code run(n)}. */
public interface Runner extends AutoCloseable {

    long run(int n);

    @Override
    default void close() {
    }

    /** Engines measured: wasm4j's three, Chicory's interpreter and compiler, GraalWasm. */
    List<String> ENGINES = List.of("wasm4j-interpreter", "wasm4j-compiler", "wasm4j-auto",
            "chicory-interpreter", "chicory-compiler", "graalwasm");

    static Runner create(String engine, byte[] wasm) {
        return switch (engine) {
            case "wasm4j-interpreter" -> wasm4j(Engine.INTERPRETER, wasm);
            case "wasm4j-compiler" -> wasm4j(Engine.COMPILER, wasm);
            case "wasm4j-auto" -> wasm4j(Engine.AUTO, wasm);
            case "chicory-interpreter" -> chicory(false, wasm);
            case "chicory-compiler" -> chicory(true, wasm);
            case "graalwasm" -> graal(wasm);
            default -> throw new IllegalArgumentException("unknown engine " + engine + "; known: " + ENGINES);
        };
    }

    private static Runner wasm4j(Engine engine, byte[] wasm) {
        dev.wasm4j.Instance inst = new Linker(EngineConfig.of(engine)).instantiate(dev.wasm4j.WasmModule.parse(wasm));
        dev.wasm4j.Function f = inst.function("run");
        return n -> ((Value.I64) f.call(Value.i32(n))[0]).value();
    }

    private static Runner chicory(boolean compiled, byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Instance.Builder b = Instance.builder(module);
        if (compiled) {
            b.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        Instance inst = b.build();
        ExportFunction f = inst.export("run");
        return n -> f.apply(n)[0];
    }

    private static Runner graal(byte[] wasm) {
        Context ctx = Context.newBuilder("wasm").option("engine.WarnInterpreterOnly", "false").build();
        Source src = Source.newBuilder("wasm", ByteSequence.create(wasm), "kernel").buildLiteral();
        org.graalvm.polyglot.Value module = ctx.eval(src);
        // Newer GraalWasm returns a module to instantiate; older ones the instance's exports.
        org.graalvm.polyglot.Value exports = module.canInstantiate()
                ? module.newInstance().getMember("exports") : module;
        org.graalvm.polyglot.Value f = exports.hasMember("run") ? exports.getMember("run")
                : ctx.getBindings("wasm").getMember("kernel").getMember("run");
        return new Runner() {
            @Override
            public long run(int n) {
                return f.execute(n).asLong();
            }

            @Override
            public void close() {
                ctx.close();
            }
        };
    }
}
