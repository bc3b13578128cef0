package dev.wasm4j.compiler;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.internal.Internals;
import org.junit.jupiter.api.Test;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated classes without stack maps where the JVM does not verify them ({@link Verification}). These run in
 * both kinds of JVM: the usual test run verifies, the surefire execution {@code unverified} does not.
 */
class VerificationTest {

    private static final String LOOP = """
            (module (func (export "sum") (param i32) (result i32) (local i32)
              (block (loop
                (br_if 1 (i32.eqz (local.get 0)))
                (local.set 1 (i32.add (local.get 1) (local.get 0)))
                (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                (br 0)))
              (local.get 1)))
            """;

    @Test
    void theProbeFindsWhetherThisJvmVerifies() {
        boolean off = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:-BytecodeVerificationRemote");
        assertEquals(off, Verification.skipped());
    }

    @Test
    void classesRunWithOrWithoutStackMaps() {
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(WasmModule.parseText(LOOP));
        assertEquals(Value.i32(5050), i.call("sum", Value.i32(100))[0]);
    }

    @Test
    void anImageHasStackMapsWhateverTheJvm() {
        // A .w4j may be loaded by a verifying JVM later, so its classes have stack maps even when made here
        // without: the method with the loop has a frame at the loop's head.
        byte[] bytes = dev.wasm4j.text.Wat.assemble(LOOP);
        CompiledModule cm = Internals.compiled(WasmModule.parse(bytes));
        boolean anyMaps = false;
        for (CodeImage.Chunk c : cm.image().chunks()) {
            for (MethodModel m : ClassFile.of().parse(c.bytes()).methods()) {
                anyMaps |= m.code().flatMap(code -> code.findAttribute(Attributes.stackMapTable())).isPresent();
            }
            // and they pass the class-file API's verifier, as a verifying JVM would have them
            assertEquals(java.util.List.of(), ClassFile.of().verify(c.bytes()));
        }
        assertTrue(anyMaps, "the image's classes have stack maps");
    }
}
