package dev.wasm4j.compiler;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/** Class descriptors of what compiled code refers to, and a shorthand for static calls by descriptor string. */
final class Descs {
    private Descs() {
    }

    static final ClassDesc INSTANCE = JvmType.CD_INSTANCE;
    static final ClassDesc MEMORY = ClassDesc.of("dev.wasm4j.memory.LinearMemory");
    static final ClassDesc GLOBAL = ClassDesc.of("dev.wasm4j.exec.GlobalInstance");
    static final ClassDesc FUNCTION = ClassDesc.of("dev.wasm4j.exec.FunctionInstance");
    static final ClassDesc EXCEPTION_OBJECT = ClassDesc.of("dev.wasm4j.exec.ExceptionObject");
    static final ClassDesc UNCAUGHT = ClassDesc.of("dev.wasm4j.UncaughtException");
    static final ClassDesc TRAP = ClassDesc.of("dev.wasm4j.TrapException");
    static final ClassDesc DEF_TYPE = ClassDesc.of("dev.wasm4j.model.DefType");
    static final ClassDesc REF_TYPE = ClassDesc.of("dev.wasm4j.model.RefType");
    static final ClassDesc STRUCT = ClassDesc.of("dev.wasm4j.exec.gc.StructObject");
    static final ClassDesc MEM_OPS = ClassDesc.of("dev.wasm4j.compiler.MemOps");
    static final ClassDesc TABLE_OPS = ClassDesc.of("dev.wasm4j.compiler.TableOps");
    static final ClassDesc CALL_OPS = ClassDesc.of("dev.wasm4j.compiler.CallOps");
    static final ClassDesc REF_OPS = ClassDesc.of("dev.wasm4j.compiler.RefOps");
    static final ClassDesc GC = ClassDesc.of("dev.wasm4j.compiler.GcRt");
    static final ClassDesc VAR_OPS = ClassDesc.of("dev.wasm4j.compiler.VarOps");
    static final ClassDesc NUMERIC = ClassDesc.of("dev.wasm4j.exec.numeric.I32Ops");
    static final ClassDesc LONG = ClassDesc.of("java.lang.Long");
    static final ClassDesc INTEGER = ClassDesc.of("java.lang.Integer");
    static final ClassDesc FLOAT = ClassDesc.of("java.lang.Float");
    static final ClassDesc DOUBLE = ClassDesc.of("java.lang.Double");

    static ClassDesc numeric(String simpleName) {
        return ClassDesc.of("dev.wasm4j.exec.numeric." + simpleName);
    }

    /**
     * The int on top as an unsigned long, spelled out ({@code i2l}, mask): a call to
     * {@code Integer.toUnsignedLong} is no longer inlined once C2 passes its node-count cutoff in a large
     * method, and it is on every memory access.
     */
    static void unsignedLong(CodeBuilder cb) {
        cb.i2l().loadConstant(0xFFFF_FFFFL).land();
    }

    /** {@code invokestatic owner.name descriptor}. */
    static void call(CodeBuilder cb, ClassDesc owner, String name, String descriptor) {
        cb.invokestatic(owner, name, method(descriptor));
    }

    /**
     * The method type of a descriptor string, parsed once: the emitters name the helpers they call by
     * descriptor at every instruction, and parsing them again each time was among the hottest code of class
     * generation (C2 compiled {@code MethodTypeDesc.ofDescriptor} in every large program's run). The strings
     * are the emitters' own constants, so the cache stays small.
     */
    static MethodTypeDesc method(String descriptor) {
        return METHOD_TYPES.computeIfAbsent(descriptor, MethodTypeDesc::ofDescriptor);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, MethodTypeDesc> METHOD_TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();
}
