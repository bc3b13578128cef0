package dev.wasm4j.compiler;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * A class jar's interruption checks, one call site per class. Compiled code checks for interrupts at each loop
 * head with an {@code invokedynamic} ({@link InterruptEmitter}), and HotSpot links each such instruction when
 * it first runs. A run from the code cache compiles methods early, from the method profiles of the
 * ahead-of-time cache, before all their loops have run in this JVM; C2 makes each check not linked yet an
 * uncommon trap, and the method is deoptimised and compiled again when the loop is reached (SQLite's
 * {@code free} four times, docs/performance.md). In a jar's classes each check therefore calls a static method
 * of its class, {@value #METHOD}, that holds the class's one {@code invokedynamic} of the check and is linked
 * when the class is initialised. C1 and C2 inline it, so compiled code is as before.
 *
 * <p>Only jars get this form: in HotSpot's interpreter the call costs a frame per loop iteration, which a first
 * run, interpreting longer, would pay (10% of SQLite's first run in stop 38's trial). The classes a run generates
 * keep one site per check, and are rewritten here when they are written into the jar.
 */
final class JarChecks {
    private JarChecks() {
    }

    /** The static method of a jar's class that holds its check's call site. */
    static final String METHOD = "interruptCheck";
    private static final MethodTypeDesc TYPE = MethodTypeDesc.of(ConstantDescs.CD_void, Descs.INSTANCE);
    private static final ClassDesc NPE = ClassDesc.of("java.lang.NullPointerException");

    /**
     * {@code bytes} (a generated class with stack maps) with its checks calling {@link #METHOD}; {@code bytes}
     * itself when it has none, or calls it already.
     */
    static byte[] shareSite(byte[] bytes) {
        ClassFile cf = ModuleCompiler.newClassFile();
        ClassModel model = cf.parse(bytes);
        if (model.methods().stream().noneMatch(JarChecks::checks)
                || model.methods().stream().anyMatch(m -> m.methodName().equalsString(METHOD))) {
            return bytes;   // no check, or rewritten already
        }
        ClassDesc self = model.thisClass().asSymbol();
        CodeTransform calls = (code, element) -> {
            if (element instanceof InvokeDynamicInstruction indy && isCheck(indy)) {
                code.invokestatic(self, METHOD, TYPE);
            } else {
                code.with(element);
            }
        };
        // A class initialiser there already links the site first thing; else one is added that only does that.
        CodeTransform linkFirst = new CodeTransform() {
            @Override
            public void accept(CodeBuilder code, CodeElement element) {
                calls.accept(code, element);
            }

            @Override
            public void atStart(CodeBuilder code) {
                link(code, self);
            }
        };
        boolean initialiser = model.methods().stream().anyMatch(JarChecks::isInitialiser);
        ClassTransform rewrite = (cb, element) -> {
            if (element instanceof MethodModel m && isInitialiser(m)) {
                cb.transformMethod(m, MethodTransform.transformingCode(linkFirst));
            } else if (element instanceof MethodModel m && checks(m)) {
                cb.transformMethod(m, MethodTransform.transformingCode(calls));
            } else {
                cb.with(element);
            }
        };
        return cf.transformClass(model, rewrite.andThen(ClassTransform.endHandler(cb -> {
            cb.withMethodBody(METHOD, TYPE, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_SYNTHETIC,
                    code -> code.aload(0).invokedynamic(InterruptEmitter.CHECK).return_());
            if (!initialiser) {
                cb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC,
                        code -> link(code, self).return_());
            }
        })));
    }

    /**
     * Runs the class's check once, which links its site. With no instance, a pending interrupt's check throws
     * the NullPointerException caught here; without one the check does nothing.
     */
    private static CodeBuilder link(CodeBuilder code, ClassDesc self) {
        Label start = code.newLabel();
        Label end = code.newLabel();
        Label caught = code.newLabel();
        Label done = code.newLabel();
        code.labelBinding(start).aconst_null().invokestatic(self, METHOD, TYPE).labelBinding(end).goto_(done);
        code.labelBinding(caught).pop().labelBinding(done);
        return code.exceptionCatch(start, end, caught, NPE);
    }

    private static boolean isInitialiser(MethodModel method) {
        return method.methodName().equalsString(ConstantDescs.CLASS_INIT_NAME);
    }

    private static boolean checks(MethodModel method) {
        return method.code().map(JarChecks::checks).orElse(false);
    }

    private static boolean checks(CodeModel code) {
        for (var element : code) {
            if (element instanceof InvokeDynamicInstruction indy && isCheck(indy)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCheck(InvokeDynamicInstruction indy) {
        return indy.bootstrapMethod().equals(InterruptEmitter.CHECK.bootstrapMethod())
                && indy.name().equalsString(InterruptEmitter.CHECK.invocationName());
    }
}
