package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;

/**
 * Memory and table instructions. Loads and stores call {@link MemOps}'s helpers, or for 32-bit memories
 * where {@link FunctionCompiler#inlineAccess} says, are emitted inline by {@link FastAccess}; bulk and table
 * operations call {@link MemOps} and {@link TableOps} with every operand widened to a long (i32 addresses
 * zero-extended), as the interpreter computes them.
 */
final class MemoryEmitter {
    private MemoryEmitter() {
    }

    static boolean emit(FunctionCompiler fc, Opcode op, Immediates imm, CodeState st) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case I32_LOAD, F32_LOAD -> load(fc, imm, "i32Load", "I");
            case I64_LOAD, F64_LOAD -> load(fc, imm, "i64Load", "J");
            case I32_LOAD8_S -> load(fc, imm, "i32Load8S", "I");
            case I32_LOAD8_U -> load(fc, imm, "i32Load8U", "I");
            case I32_LOAD16_S -> load(fc, imm, "i32Load16S", "I");
            case I32_LOAD16_U -> load(fc, imm, "i32Load16U", "I");
            case I64_LOAD8_S -> load(fc, imm, "i64Load8S", "J");
            case I64_LOAD8_U -> load(fc, imm, "i64Load8U", "J");
            case I64_LOAD16_S -> load(fc, imm, "i64Load16S", "J");
            case I64_LOAD16_U -> load(fc, imm, "i64Load16U", "J");
            case I64_LOAD32_S -> load(fc, imm, "i64Load32S", "J");
            case I64_LOAD32_U -> load(fc, imm, "i64Load32U", "J");
            case I32_STORE, F32_STORE -> store(fc, imm, "i32Store", "I");
            case I32_STORE8 -> store(fc, imm, "i32Store8", "I");
            case I32_STORE16 -> store(fc, imm, "i32Store16", "I");
            case I64_STORE, F64_STORE -> store(fc, imm, "i64Store", "J");
            case I64_STORE8 -> store(fc, imm, "i64Store8", "J");
            case I64_STORE16 -> store(fc, imm, "i64Store16", "J");
            case I64_STORE32 -> store(fc, imm, "i64Store32", "J");
            case MEMORY_SIZE -> {
                cb.aload(fc.memSlot[imm.index]);
                cb.invokevirtual(Descs.MEMORY, "pages", Descs.method("()J"));
                narrow(fc, is64(fc, imm.index));
            }
            case MEMORY_GROW -> {
                boolean is64 = is64(fc, imm.index);
                if (!is64) {
                    Descs.unsignedLong(cb);
                }
                cb.aload(fc.memSlot[imm.index]);
                Descs.call(cb, Descs.MEM_OPS, "grow", "(JLdev/wasm4j/memory/LinearMemory;)J");
                narrow(fc, is64);
            }
            case MEMORY_FILL -> {
                Spill s = Spill.of(fc, st, 3);
                s.widen(0).reload(1).widen(2);
                cb.aload(fc.memSlot[imm.index]);
                Descs.call(cb, Descs.MEM_OPS, "fill", "(JIJLdev/wasm4j/memory/LinearMemory;)V");
            }
            case MEMORY_COPY -> {
                Spill s = Spill.of(fc, st, 3);
                s.widen(0).widen(1).widen(2);
                cb.aload(fc.memSlot[imm.index]).aload(fc.memSlot[imm.index2]);
                Descs.call(cb, Descs.MEM_OPS, "copy",
                        "(JJJLdev/wasm4j/memory/LinearMemory;Ldev/wasm4j/memory/LinearMemory;)V");
            }
            case MEMORY_INIT -> {
                Spill s = Spill.of(fc, st, 3);
                s.widen(0).widen(1).widen(2);
                cb.aload(fc.instSlot).loadConstant(imm.index).loadConstant(imm.index2);
                Descs.call(cb, Descs.MEM_OPS, "init", "(JJJLdev/wasm4j/exec/ModuleInstance;II)V");
            }
            case MEMORY_DISCARD, MEMORY_UNMAP -> {
                Spill.of(fc, st, 2).widen(0).widen(1);
                cb.aload(fc.memSlot[imm.index]);
                Descs.call(cb, Descs.MEM_OPS, op == Opcode.MEMORY_DISCARD ? "discard" : "unmap",
                        "(JJLdev/wasm4j/memory/LinearMemory;)V");
            }
            case MEMORY_MAP, MEMORY_PROTECT -> {
                Spill.of(fc, st, 2).widen(0).widen(1);
                cb.loadConstant(imm.prot).aload(fc.memSlot[imm.index]);
                if (op == Opcode.MEMORY_MAP) {
                    Descs.call(cb, Descs.MEM_OPS, "map", "(JJILdev/wasm4j/memory/LinearMemory;)J");
                    narrow(fc, is64(fc, imm.index));
                } else {
                    Descs.call(cb, Descs.MEM_OPS, "protect", "(JJILdev/wasm4j/memory/LinearMemory;)V");
                }
            }
            case DATA_DROP -> {
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.MEM_OPS, "dataDrop", "(Ldev/wasm4j/exec/ModuleInstance;I)V");
            }
            case TABLE_GET -> {
                widenTop(fc, tableIs64(fc, imm.index));
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "get", "(JLdev/wasm4j/exec/ModuleInstance;I)Ljava/lang/Object;");
            }
            case TABLE_SET -> {
                Spill s = Spill.of(fc, st, 2);
                s.widen(0).reload(1);
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "set", "(JLjava/lang/Object;Ldev/wasm4j/exec/ModuleInstance;I)V");
            }
            case TABLE_SIZE -> {
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "size", "(Ldev/wasm4j/exec/ModuleInstance;I)J");
                narrow(fc, tableIs64(fc, imm.index));
            }
            case TABLE_GROW -> {
                boolean is64 = tableIs64(fc, imm.index);
                widenTop(fc, is64);
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "grow", "(Ljava/lang/Object;JLdev/wasm4j/exec/ModuleInstance;I)J");
                narrow(fc, is64);
            }
            case TABLE_FILL -> {
                Spill s = Spill.of(fc, st, 3);
                s.widen(0).reload(1).widen(2);
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "fill", "(JLjava/lang/Object;JLdev/wasm4j/exec/ModuleInstance;I)V");
            }
            case TABLE_COPY -> {
                Spill s = Spill.of(fc, st, 3);
                s.widen(0).widen(1).widen(2);
                cb.aload(fc.instSlot).loadConstant(imm.index).loadConstant(imm.index2);
                Descs.call(cb, Descs.TABLE_OPS, "copy", "(JJJLdev/wasm4j/exec/ModuleInstance;II)V");
            }
            case TABLE_INIT -> {
                Spill s = Spill.of(fc, st, 3);
                s.widen(0).widen(1).widen(2);
                cb.aload(fc.instSlot).loadConstant(imm.index).loadConstant(imm.index2);
                Descs.call(cb, Descs.TABLE_OPS, "init", "(JJJLdev/wasm4j/exec/ModuleInstance;II)V");
            }
            case ELEM_DROP -> {
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "elemDrop", "(Ldev/wasm4j/exec/ModuleInstance;I)V");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    static boolean is64(FunctionCompiler fc, int memory) {
        return fc.chunk.valid().memoryType(memory).addrType() == AddrType.I64;
    }

    private static boolean tableIs64(FunctionCompiler fc, int table) {
        return fc.chunk.valid().tableType(table).addrType() == AddrType.I64;
    }

    /** An i32 index on top becomes an unsigned long; an i64 stays. */
    private static void widenTop(FunctionCompiler fc, boolean is64) {
        if (!is64) {
            Descs.unsignedLong(fc.cb);
        }
    }

    /** A long result becomes an int for 32-bit memories and tables (-1 stays -1). */
    private static void narrow(FunctionCompiler fc, boolean is64) {
        if (!is64) {
            fc.cb.l2i();
        }
    }

    private static void load(FunctionCompiler fc, Immediates imm, String name, String result) {
        if (!is64(fc, imm.memory) && fc.inlineAccess()) {
            FastAccess.load(fc, imm, name);
            return;
        }
        fc.cb.aload(fc.memSlot[imm.memory]).loadConstant(imm.offset);
        Descs.call(fc.cb, Descs.MEM_OPS, name, "(" + (is64(fc, imm.memory) ? "J" : "I")
                + "Ldev/wasm4j/memory/LinearMemory;J)" + result);
    }

    private static void store(FunctionCompiler fc, Immediates imm, String name, String value) {
        if (!is64(fc, imm.memory) && fc.inlineAccess()) {
            FastAccess.store(fc, imm, name);
            return;
        }
        fc.cb.aload(fc.memSlot[imm.memory]).loadConstant(imm.offset);
        Descs.call(fc.cb, Descs.MEM_OPS, name, "(" + (is64(fc, imm.memory) ? "J" : "I") + value
                + "Ldev/wasm4j/memory/LinearMemory;J)V");
    }
}
