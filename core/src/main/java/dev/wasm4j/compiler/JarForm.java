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
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.function.IntFunction;

/**
 * What a class jar's classes change from the classes a run generated, so that a run from the code cache links
 * fewer call sites as it goes. Such a run compiles methods early, from the method profiles of the ahead-of-time
 * cache, before all their code has run in this JVM; HotSpot links each {@code invokedynamic} only when it first
 * runs, and C2 makes each one not linked yet an uncommon trap: the method is deoptimised and compiled again when
 * the site is reached (SQLite's {@code free} four times, at its loops' interruption checks; docs/performance.md).
 *
 * <ul>
 * <li><b>Interruption checks</b> ({@link InterruptEmitter}): each loop head calls a static method of its class,
 *     {@value #CHECK_METHOD}, that holds the class's one {@code invokedynamic} of the check and is linked by
 *     the class's initialiser. C1 and C2 inline it, so compiled code is as before. The classes a run generates
 *     keep one site per check: in HotSpot's interpreter the call costs a frame per iteration, which a first run,
 *     interpreting longer, would pay (stop 38 measured it).</li>
 * <li><b>Inline caches</b> of indirect calls ({@link ChunkCompiler#emitCacheCheck}): each entry the run filled
 *     is filled by the class's initialiser too, and its call ({@code invokedynamic}, linked to the entry's
 *     function) becomes a plain {@code invokestatic} of that function's method. A later run that calls another
 *     function there goes on as before: the other entry, or the dispatcher.</li>
 * </ul>
 */
final class JarForm {
    private JarForm() {
    }

    /** The static method of a jar's class that holds its check's call site. */
    static final String CHECK_METHOD = "interruptCheck";
    private static final MethodTypeDesc CHECK_TYPE = MethodTypeDesc.of(ConstantDescs.CD_void, Descs.INSTANCE);
    private static final ClassDesc NPE = ClassDesc.of("java.lang.NullPointerException");

    /** Where function {@code func}'s method is: its class and descriptor. */
    record Callee(ClassDesc owner, MethodTypeDesc type) {
    }

    /**
     * {@code bytes} (a generated class with stack maps) in a jar's form: checks through {@link #CHECK_METHOD},
     * and the inline-cache entries in {@code caches} (the class's, as a run left them; null or empty if none)
     * filled; {@code callee} tells where a function's method is. {@code bytes} itself when nothing changes, or
     * when it is in that form already.
     */
    static byte[] of(byte[] bytes, int[] caches, IntFunction<Callee> callee) {
        ClassFile cf = ModuleCompiler.newClassFile();
        ClassModel model = cf.parse(bytes);
        if (model.methods().stream().anyMatch(m -> m.methodName().equalsString(CHECK_METHOD))) {
            return bytes;
        }
        boolean checks = model.methods().stream().anyMatch(m -> has(m, JarForm::isCheck));
        int[] fills = fills(caches, callee);
        boolean filled = java.util.Arrays.stream(fills).anyMatch(e -> e != 0);
        if (!checks && !filled) {
            return bytes;
        }
        ClassDesc self = model.thisClass().asSymbol();
        CodeTransform calls = (code, element) -> {
            if (element instanceof InvokeDynamicInstruction indy && isCheck(indy)) {
                code.invokestatic(self, CHECK_METHOD, CHECK_TYPE);
            } else if (element instanceof InvokeDynamicInstruction indy
                    && cachedCall(indy, fills, callee) instanceof Callee c) {
                code.invokestatic(c.owner(), ChunkCompiler.methodName(fills[entry(indy)] - 1), c.type());
            } else {
                code.with(element);
            }
        };
        // The class initialiser links the check's site first thing, and fills the caches last (after it made
        // the array); a class without one gets one that does that.
        CodeTransform initialise = new CodeTransform() {
            @Override
            public void accept(CodeBuilder code, CodeElement element) {
                if (element instanceof ReturnInstruction && filled) {
                    fill(code, self, fills);
                }
                calls.accept(code, element);
            }

            @Override
            public void atStart(CodeBuilder code) {
                if (checks) {
                    link(code, self);
                }
            }
        };
        boolean initialiser = model.methods().stream().anyMatch(JarForm::isInitialiser);
        ClassTransform rewrite = (cb, element) -> {
            if (element instanceof MethodModel m && isInitialiser(m)) {
                cb.transformMethod(m, MethodTransform.transformingCode(initialise));
            } else if (element instanceof MethodModel m
                    && has(m, indy -> isCheck(indy) || cachedCall(indy, fills, callee) != null)) {
                cb.transformMethod(m, MethodTransform.transformingCode(calls));
            } else {
                cb.with(element);
            }
        };
        return cf.transformClass(model, rewrite.andThen(ClassTransform.endHandler(cb -> {
            if (checks) {
                cb.withMethodBody(CHECK_METHOD, CHECK_TYPE,
                        ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_SYNTHETIC,
                        code -> code.aload(0).invokedynamic(InterruptEmitter.CHECK).return_());
                if (!initialiser) {
                    cb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC,
                            code -> link(code, self).return_());
                }
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
        code.labelBinding(start).aconst_null().invokestatic(self, CHECK_METHOD, CHECK_TYPE).labelBinding(end)
                .goto_(done);
        code.labelBinding(caught).pop().labelBinding(done);
        return code.exceptionCatch(start, end, caught, NPE);
    }

    /**
     * The entries to fill: those of {@code caches} that name a function with a method, and those marked as
     * never to be filled (-1); none for a function without one (the entry would send calls to nothing).
     */
    private static int[] fills(int[] caches, IntFunction<Callee> callee) {
        if (caches == null) {
            return new int[0];
        }
        int[] fills = caches.clone();
        for (int i = 0; i < fills.length; i++) {
            if (fills[i] > 0 && callee.apply(fills[i] - 1) == null) {
                fills[i] = 0;
            }
        }
        return fills;
    }

    /** Stores the filled entries of {@code caches} into the class's array (made by the initialiser before). */
    private static void fill(CodeBuilder code, ClassDesc self, int[] caches) {
        for (int i = 0; i < caches.length; i++) {
            if (caches[i] != 0) {
                code.getstatic(self, ChunkCompiler.CACHES, ConstantDescs.CD_int.arrayType())
                        .loadConstant(i).loadConstant(caches[i]).iastore();
            }
        }
    }

    /**
     * The method an inline cache's call {@code indy} can call directly: that of the function its entry holds,
     * when the entry is filled with one whose method has the call's type; else null.
     */
    private static Callee cachedCall(InvokeDynamicInstruction indy, int[] caches, IntFunction<Callee> callee) {
        if (!indy.bootstrapMethod().equals(ChunkCompiler.CACHED_BOOTSTRAP)) {
            return null;
        }
        int entry = entry(indy);
        if (entry < 0 || entry >= caches.length || caches[entry] <= 0) {
            return null;
        }
        Callee c = callee.apply(caches[entry] - 1);
        return c != null && c.type().equals(indy.typeSymbol()) ? c : null;
    }

    /** The cache entry of an inline cache's call: its last bootstrap argument. */
    private static int entry(InvokeDynamicInstruction indy) {
        var args = indy.bootstrapArgs();
        return !args.isEmpty() && args.getLast() instanceof Integer e ? e : -1;
    }

    private static boolean has(MethodModel method, java.util.function.Predicate<InvokeDynamicInstruction> which) {
        return method.code().map(code -> has(code, which)).orElse(false);
    }

    private static boolean has(CodeModel code, java.util.function.Predicate<InvokeDynamicInstruction> which) {
        for (var element : code) {
            if (element instanceof InvokeDynamicInstruction indy && which.test(indy)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCheck(InvokeDynamicInstruction indy) {
        return indy.bootstrapMethod().equals(InterruptEmitter.CHECK.bootstrapMethod())
                && indy.name().equalsString(InterruptEmitter.CHECK.invocationName());
    }

    private static boolean isInitialiser(MethodModel method) {
        return method.methodName().equalsString(ConstantDescs.CLASS_INIT_NAME);
    }
}
