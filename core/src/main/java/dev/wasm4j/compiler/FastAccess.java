package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Loads and stores of 32-bit memories, emitted inline. A compiled Wasm function is often a large JVM
 * method, and HotSpot stops inlining ordinary methods once a method's graph is large; only methods the JDK
 * marks force-inline still are. So the common case is spelled out in the bytecode: the effective address,
 * one comparison with the memory's {@code bufLimit} (0 for memories whose accesses need protection
 * checks), and a byte-buffer var handle access, whose JDK code is all force-inline. Anything else, out of
 * bounds included, calls the memory's checked method, which traps exactly as the interpreter does.
 */
final class FastAccess {
    private static final ClassDesc VAR_HANDLE = ClassDesc.of("java.lang.invoke.VarHandle");
    private static final ClassDesc BYTE_BUFFER = ClassDesc.of("java.nio.ByteBuffer");

    private FastAccess() {
    }

    /** How one load or store is done: bytes touched, var handle, its value type, the memory's method. */
    private record Shape(int width, String handle, String vhType, String method, String methodType) {
    }

    private static Shape loadShape(String name) {
        return switch (name) {
            case "i32Load", "i64Load32S", "i64Load32U" -> new Shape(4, "BUF_I32", "I", "loadI32", "(J)I");
            case "i64Load" -> new Shape(8, "BUF_I64", "J", "loadI64", "(J)J");
            case "i32Load16S", "i32Load16U", "i64Load16S", "i64Load16U" -> new Shape(2, "BUF_I16", "S", "loadI16", "(J)S");
            // Bytes are read as the 16-bit word they start (when it is in bounds too) and narrowed.
            default -> new Shape(2, "BUF_I16", "S", "loadI8", "(J)B");
        };
    }

    static void load(FunctionCompiler fc, Immediates imm, String name) {
        CodeBuilder cb = fc.cb;
        Shape sh = loadShape(name);
        int ea = effectiveAddress(fc, imm);
        Label slow = cb.newLabel();
        Label done = cb.newLabel();
        check(fc, imm, ea, sh.width(), slow);
        cb.getstatic(Descs.MEMORY, sh.handle(), VAR_HANDLE)
                .aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "buf", BYTE_BUFFER)
                .lload(ea).l2i()
                .invokevirtual(VAR_HANDLE, "get", MethodTypeDesc.ofDescriptor(
                        "(Ljava/nio/ByteBuffer;I)" + sh.vhType()));
        if (sh.method().equals("loadI8")) {
            cb.i2b();
        }
        cb.goto_(done);
        cb.labelBinding(slow);
        cb.aload(fc.memSlot[imm.memory]).lload(ea)
                .invokevirtual(Descs.MEMORY, sh.method(), MethodTypeDesc.ofDescriptor(sh.methodType()));
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
        int width = switch (name) {
            case "i32Store8", "i64Store8" -> 1;
            case "i32Store16", "i64Store16" -> 2;
            case "i32Store", "i64Store32" -> 4;
            default -> 8;
        };
        Label slow = cb.newLabel();
        Label done = cb.newLabel();
        boolean shared = fc.chunk.valid().memoryType(imm.memory).shared();
        if (width == 1 && !shared) {
            // A byte is stored as the 16-bit word it starts, its other byte kept (little-endian): the word's
            // var handle inlines where ByteBuffer.put may not. Only for unshared memories, where no other
            // thread can write the neighbouring byte meanwhile; the last byte of memory takes the slow path.
            check(fc, imm, ea, 2, slow);
            cb.getstatic(Descs.MEMORY, "BUF_I16", VAR_HANDLE)
                    .aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "buf", BYTE_BUFFER)
                    .lload(ea).l2i();
            cb.getstatic(Descs.MEMORY, "BUF_I16", VAR_HANDLE)
                    .aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "buf", BYTE_BUFFER)
                    .lload(ea).l2i()
                    .invokevirtual(VAR_HANDLE, "get", MethodTypeDesc.ofDescriptor("(Ljava/nio/ByteBuffer;I)S"))
                    .loadConstant(0xFF00).iand();
            narrowValue(fc, value, wide, 1);
            cb.loadConstant(0xFF).iand().ior().i2s();
            cb.invokevirtual(VAR_HANDLE, "set", MethodTypeDesc.ofDescriptor("(Ljava/nio/ByteBuffer;IS)V"));
        } else if (width == 1) {
            check(fc, imm, ea, width, slow);
            cb.aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "buf", BYTE_BUFFER).lload(ea).l2i();
            narrowValue(fc, value, wide, 1);
            cb.invokevirtual(BYTE_BUFFER, "put", MethodTypeDesc.ofDescriptor("(IB)Ljava/nio/ByteBuffer;")).pop();
        } else {
            check(fc, imm, ea, width, slow);
            String handle = width == 2 ? "BUF_I16" : width == 4 ? "BUF_I32" : "BUF_I64";
            String vhType = width == 2 ? "S" : width == 4 ? "I" : "J";
            cb.getstatic(Descs.MEMORY, handle, VAR_HANDLE)
                    .aload(fc.memSlot[imm.memory]).getfield(Descs.MEMORY, "buf", BYTE_BUFFER)
                    .lload(ea).l2i();
            narrowValue(fc, value, wide, width);
            cb.invokevirtual(VAR_HANDLE, "set", MethodTypeDesc.ofDescriptor(
                    "(Ljava/nio/ByteBuffer;I" + vhType + ")V"));
        }
        cb.goto_(done);
        cb.labelBinding(slow);
        cb.aload(fc.memSlot[imm.memory]).lload(ea);
        narrowValue(fc, value, wide, width);
        String method = width == 1 ? "storeI8" : width == 2 ? "storeI16" : width == 4 ? "storeI32" : "storeI64";
        String type = width == 1 ? "(JB)V" : width == 2 ? "(JS)V" : width == 4 ? "(JI)V" : "(JJ)V";
        cb.invokevirtual(Descs.MEMORY, method, MethodTypeDesc.ofDescriptor(type));
        cb.labelBinding(done);
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
