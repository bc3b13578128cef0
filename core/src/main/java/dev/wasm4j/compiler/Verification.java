package dev.wasm4j.compiler;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;

/**
 * Whether this JVM verifies the classes wasm4j generates, and so whether they need stack maps.
 *
 * <p>A class of version 50 or later carries a {@code StackMapTable} for the verifier, and making it is a
 * large part of generating a class (the class-file API's {@code StackMapGenerator} runs a type flow over
 * every method). A JVM started with {@code -XX:-BytecodeVerificationRemote}, as the {@code wasm4j} launcher
 * starts it, verifies no class outside the JDK and never reads them: there the compiler leaves them out.
 * Whether this JVM verifies is found by trying it: a tiny class with a branch and no stack map is defined
 * once; a verifying JVM rejects it with a {@code VerifyError}, and then every class gets its maps as usual.
 * Generated code is never trusted on the strength of this: the tests run it in verifying JVMs.
 *
 * <p>Classes stored in a {@code .w4j} image may be loaded by a verifying JVM later, so an image's classes have
 * their maps: generated with them ({@link ModuleCompiler#hiddenImage}), or generated again with them when a
 * run made them here without ({@link ModuleCompiler#withStackMaps}).
 */
final class Verification {
    private Verification() {
    }

    /** True when this JVM does not verify generated classes (found on first use). */
    static boolean skipped() {
        return Probe.SKIPPED;
    }

    /** The class-file options of generated classes: {@code cf} itself, or without stack maps where they are not read. */
    static ClassFile forGenerated(ClassFile cf) {
        return skipped() ? cf.withOptions(ClassFile.StackMapsOption.DROP_STACK_MAPS) : cf;
    }

    private static final class Probe {
        static final boolean SKIPPED = !verifies();

        /** Defines a class whose branch has no stack map: only a JVM that does not verify accepts it. */
        private static boolean verifies() {
            byte[] probe = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS).build(
                    ClassDesc.of(Verification.class.getPackageName() + ".VerifierProbe"),
                    cb -> cb.withMethodBody("p", MethodTypeDesc.ofDescriptor("(I)I"),
                            ClassFile.ACC_STATIC | ClassFile.ACC_PUBLIC, code -> {
                                var zero = code.newLabel();
                                code.iload(0).ifeq(zero).iconst_1().ireturn()
                                        .labelBinding(zero).iconst_0().ireturn();
                            }));
            try {
                MethodHandles.lookup().defineHiddenClass(probe, false);
                return false;
            } catch (LinkageError | IllegalAccessException e) {
                return true;   // VerifyError: the JVM verifies (anything else: keep the maps to be safe)
            }
        }
    }
}
