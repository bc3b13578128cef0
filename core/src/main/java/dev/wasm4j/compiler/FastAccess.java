package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Loads and stores of 32-bit memories, emitted inline where {@link FunctionCompiler#inlineAccess} says (small
 * functions when memory is reached through the segment): the effective address, one comparison with the memory's
 * {@code bufLimit} (0 for memories whose accesses need protection checks, and heap memories), and a raw
 * access ({@link dev.wasm4j.memory.RawMemory}) at the memory's {@code rawBase}, which compiles to one
 * machine load or store. Anything else, out of bounds included, calls the memory's checked method,
 * which traps exactly as the interpreter does.
 */
public final class FastAccess {
    private static final ClassDesc RAW_MEMORY = ClassDesc.of("dev.wasm4j.memory.RawMemory");
    private static final ClassDesc SELF = ClassDesc.of("dev.wasm4j.compiler.FastAccess");
    private static final ClassDesc CD_UNSAFE = ClassDesc.of("sun.misc.Unsafe");

    /**
     * {@code sun.misc.Unsafe} when {@link dev.wasm4j.memory.RawMemory} uses it, else null: the raw access
     * then calls its accessor directly. Those are annotated to be inlined always, where C2 inlines
     * RawMemory's only at call sites its profile shows hot when it compiles the method: a method compiled in
     * one phase of a program kept calling the accesses of another phase's paths out of line (in SQLite's
     * steady state, 5% of the time was spent inside such calls). Generated classes depend on this choice, so
     * a stored image ({@link CodeImage}) records it.
     */
    public static final sun.misc.Unsafe UNSAFE = dev.wasm4j.memory.RawMemory.accessor();

    private FastAccess() {
    }

    /** How one load or store is done: bytes touched, its value type, its methods' suffix (RawMemory, LinearMemory). */
    private record Shape(int width, String value, String method, String unsafeType) {
        String methodType(boolean load) {
            return load ? "(J)" + value : "(J" + value + ")V";
        }
    }

    private static Shape shape(int width) {
        return switch (width) {
            case 1 -> new Shape(1, "B", "I8", "Byte");
            case 2 -> new Shape(2, "S", "I16", "Short");
            case 4 -> new Shape(4, "I", "I32", "Int");
            default -> new Shape(8, "J", "I64", "Long");
        };
    }

    /** The raw load or store at the address on the stack (the accessor below it when {@link #UNSAFE} is set). */
    private static void rawAccess(CodeBuilder cb, Shape sh, boolean load) {
        MethodTypeDesc type = Descs.method(sh.methodType(load));
        if (UNSAFE != null) {
            cb.invokevirtual(CD_UNSAFE, (load ? "get" : "put") + sh.unsafeType(), type);
        } else {
            cb.invokestatic(RAW_MEMORY, (load ? "get" : "set") + sh.method(), type);
        }
    }

    /** Pushes the accessor that {@link #rawAccess} calls, if it calls one. */
    private static void accessor(CodeBuilder cb) {
        if (UNSAFE != null) {
            cb.getstatic(SELF, "UNSAFE", CD_UNSAFE);
        }
    }

    private static int loadWidth(String name) {
        return switch (name) {
            case "i32Load", "i64Load32S", "i64Load32U" -> 4;
            case "i64Load" -> 8;
            case "i32Load16S", "i32Load16U", "i64Load16S", "i64Load16U" -> 2;
            default -> 1;
        };
    }

    static void load(FunctionCompiler fc, Immediates imm, String name) {
        CodeBuilder cb = fc.cb;
        Shape sh = shape(loadWidth(name));
        int ea = effectiveAddress(fc, imm);
        Label slow = cb.newLabel();
        Label done = cb.newLabel();
        check(fc, imm, ea, sh.width(), slow);
        accessor(cb);
        address(fc, imm, ea);
        rawAccess(cb, sh, true);
        cb.goto_(done);
        cb.labelBinding(slow);
        cb.aload(fc.memSlot[imm.memory]).lload(ea)
                .invokevirtual(Descs.MEMORY, "load" + sh.method(), Descs.method(sh.methodType(true)));
        cb.labelBinding(done);
        // Both paths leave the loaded value as a sign-extended int (or a long); finish the instruction.
        switch (name) {
            case "i32Load8U" -> cb.loadConstant(0xFF).iand();
            case "i32Load16U" -> cb.loadConstant(0xFFFF).iand();
            case "i64Load8S", "i64Load16S", "i64Load32S" -> cb.i2l();
            case "i64Load8U" -> cb.loadConstant(0xFF).iand().i2l();
            case "i64Load16U" -> cb.loadConstant(0xFFFF).iand().i2l();
            case "i64Load32U" -> Descs.unsignedLong(cb);
            default -> { }
        }
    }

    static void store(FunctionCompiler fc, Immediates imm, String name) {
        CodeBuilder cb = fc.cb;
        boolean wide = name.startsWith("i64");
        JvmType valueType = wide ? JvmType.LONG : JvmType.INT;
        int value = fc.temp(valueType, 31);
        fc.store(valueType, value);
        int ea = effectiveAddress(fc, imm);
        Shape sh = shape(switch (name) {
            case "i32Store8", "i64Store8" -> 1;
            case "i32Store16", "i64Store16" -> 2;
            case "i32Store", "i64Store32" -> 4;
            default -> 8;
        });
        Label slow = cb.newLabel();
        Label done = cb.newLabel();
        check(fc, imm, ea, sh.width(), slow);
        accessor(cb);
        address(fc, imm, ea);
        narrowValue(fc, value, wide, sh.width());
        rawAccess(cb, sh, false);
        cb.goto_(done);
        cb.labelBinding(slow);
        cb.aload(fc.memSlot[imm.memory]).lload(ea);
        narrowValue(fc, value, wide, sh.width());
        cb.invokevirtual(Descs.MEMORY, "store" + sh.method(), Descs.method(sh.methodType(false)));
        cb.labelBinding(done);
    }

    /** Pushes the native address of the access, {@code rawBase + ea}. */
    private static void address(FunctionCompiler fc, Immediates imm, int ea) {
        fc.cb.aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "rawBase", ConstantDescs.CD_long)
                .lload(ea).ladd();
    }

    /** The i32 address on top of the stack plus the offset, unsigned, into a long temp; returns its slot. */
    private static int effectiveAddress(FunctionCompiler fc, Immediates imm) {
        CodeBuilder cb = fc.cb;
        int ea = fc.temp(JvmType.LONG, 30);
        Descs.unsignedLong(cb);
        if (imm.offset != 0) {
            cb.loadConstant(imm.offset).ladd();
        }
        cb.lstore(ea);
        return ea;
    }

    /** Jumps to {@code slow} unless {@code ea <= bufLimit - width}. */
    private static void check(FunctionCompiler fc, Immediates imm, int ea, int width, Label slow) {
        fc.cb.aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "bufLimit", java.lang.constant.ConstantDescs.CD_long)
                .loadConstant((long) width).lsub()
                .lload(ea).lcmp().iflt(slow);
    }

    /** Pushes the stored value narrowed to the access: (byte), (short), (int) or the long itself. */
    private static void narrowValue(FunctionCompiler fc, int value, boolean wide, int width) {
        CodeBuilder cb = fc.cb;
        fc.load(wide ? JvmType.LONG : JvmType.INT, value);
        if (wide && width < 8) {
            cb.l2i();
        }
        if (width == 1) {
            cb.i2b();
        } else if (width == 2) {
            cb.i2s();
        }
    }
}
