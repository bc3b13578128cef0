package dev.wasm4j.compiler;

import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.model.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the compiler did with a module, for people: which functions became several JVM methods and how
 * many, which were left to the interpreter and why (`wasm4j run --jit-report`, `wasm4j compile --verbose`).
 */
public final class CompilationReport {
    private CompilationReport() {
    }

    /** The report's lines for {@code compiled}. */
    public static List<String> of(CompiledModule compiled) {
        Module m = compiled.module().module();
        List<String> out = new ArrayList<>();
        SplitPlan.Budget b = SplitPlan.Budget.configured();
        int[] generated = compiled.generatedSoFar();
        out.add(compiled.compiledCount() + " functions compiled to JVM bytecode, " + compiled.interpreted().size()
                + " left to the interpreter" + (generated == null ? ""
                : " (on first call: " + generated[1] + " functions in " + generated[0] + " classes generated so far)")
                + (compiled.fromClassJar() ? " (the named classes of a class jar)" : ""));
        Map<Integer, Integer> split = compiled.split();
        if (!split.isEmpty()) {
            out.add(split.size() + " functions over the method budget (" + b.methodBytes() + " estimated bytes; "
                    + "dispatches up to " + b.hardBytes() + ", loops up to " + b.loopBytes() + ") split into regions:");
            split.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                    .forEach(e -> out.add("  " + WasmFunction.debugName(m, e.getKey()) + ": " + e.getValue()
                            + " regions"));
        }
        compiled.interpreted().forEach((f, why) -> out.add("  interpreted: " + WasmFunction.debugName(m, f) + ": " + why));
        return out;
    }
}
