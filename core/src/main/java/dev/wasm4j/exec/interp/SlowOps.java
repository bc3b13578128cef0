package dev.wasm4j.exec.interp;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.exec.gc.ExternAnyRef;
import dev.wasm4j.exec.gc.I31Ref;
import dev.wasm4j.exec.gc.RefTest;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;

/**
 * Ops executed outside the interpreter's main loop: float ops that need care, conversions, memories other
 * than a plain memory 0, bulk memory, tables and references. Each takes the stack pointer and returns the
 * new one; immediates are at {@code ins[pc..]} and the caller skips them.
 */
final class SlowOps {
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final Opcode[] OPCODES = Opcode.values();

    private SlowOps() {
    }

    static int execute(int op, ExecContext ctx, ModuleInstance inst, Code code, int[] ins, int pc, int sp) {
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        switch (op) {
            case Ops.F32_CEIL, Ops.F32_FLOOR, Ops.F32_TRUNC, Ops.F32_NEAREST, Ops.F32_SQRT,
                 Ops.F64_CEIL, Ops.F64_FLOOR, Ops.F64_TRUNC, Ops.F64_NEAREST, Ops.F64_SQRT ->
                    s[sp - 1] = Numerics.unary(op, s[sp - 1]);
            case Ops.F32_MIN, Ops.F32_MAX, Ops.F32_COPYSIGN, Ops.F64_MIN, Ops.F64_MAX, Ops.F64_COPYSIGN -> {
                sp--;
                s[sp - 1] = Numerics.binary(op, s[sp - 1], s[sp]);
            }
            case Ops.CONVERT -> s[sp - 1] = Numerics.convert(OPCODES[ins[pc]], s[sp - 1]);
            case Ops.WIDE -> sp = Numerics.wide(OPCODES[ins[pc]], s, sp);
            case Ops.MEM_GENERIC -> sp = memoryAccess(OPCODES[ins[pc]], inst.memories[ins[pc + 1]],
                    (ins[pc + 2] & MASK32) | (long) ins[pc + 3] << 32, s, sp);
            case Ops.MEMORY_SIZE -> s[sp++] = inst.memories[ins[pc]].pages();
            case Ops.MEMORY_GROW -> {
                LinearMemory m = inst.memories[ins[pc]];
                s[sp - 1] = m.grow(addr(m, s[sp - 1]));
            }
            case Ops.MEMORY_FILL -> {
                LinearMemory m = inst.memories[ins[pc]];
                sp -= 3;
                m.fill(addr(m, s[sp]), (byte) s[sp + 1], addr(m, s[sp + 2]));
            }
            case Ops.MEMORY_COPY -> {
                LinearMemory dst = inst.memories[ins[pc]];
                LinearMemory src = inst.memories[ins[pc + 1]];
                sp -= 3;
                boolean len64 = dst.type().addrType() == AddrType.I64 && src.type().addrType() == AddrType.I64;
                long n = len64 ? s[sp + 2] : s[sp + 2] & MASK32;
                dst.copyFrom(src, addr(src, s[sp + 1]), addr(dst, s[sp]), n);
            }
            case Ops.MEMORY_INIT -> {
                int d = ins[pc];
                LinearMemory m = inst.memories[ins[pc + 1]];
                sp -= 3;
                long from = s[sp + 1] & MASK32;
                long n = s[sp + 2] & MASK32;
                if (from + n > inst.dataLength[d]) {
                    throw LinearMemory.outOfBounds();
                }
                m.init(addr(m, s[sp]), inst.dataBytes[d], inst.dataStart[d] + (int) from, n);
            }
            case Ops.DATA_DROP -> inst.dropData(ins[pc]);
            case Ops.MEMORY_DISCARD -> {
                LinearMemory m = inst.memories[ins[pc]];
                sp -= 2;
                m.discard(addr(m, s[sp]), addr(m, s[sp + 1]));
            }
            case Ops.MEMORY_MAP -> {
                LinearMemory m = inst.memories[ins[pc]];
                sp -= 1;
                s[sp - 1] = m.map(addr(m, s[sp - 1]), addr(m, s[sp]), ins[pc + 1]);
            }
            case Ops.MEMORY_UNMAP -> {
                LinearMemory m = inst.memories[ins[pc]];
                sp -= 2;
                m.unmap(addr(m, s[sp]), addr(m, s[sp + 1]));
            }
            case Ops.MEMORY_PROTECT -> {
                LinearMemory m = inst.memories[ins[pc]];
                sp -= 2;
                m.protect(addr(m, s[sp]), addr(m, s[sp + 1]), ins[pc + 1]);
            }
            case Ops.TABLE_GET -> {
                TableInstance t = inst.tables[ins[pc]];
                r[sp - 1] = t.getRef(index(t, s[sp - 1]));
            }
            case Ops.TABLE_SET -> {
                TableInstance t = inst.tables[ins[pc]];
                sp -= 2;
                t.setRef(index(t, s[sp]), r[sp + 1]);
            }
            case Ops.TABLE_SIZE -> s[sp++] = inst.tables[ins[pc]].size();
            case Ops.TABLE_GROW -> {
                TableInstance t = inst.tables[ins[pc]];
                sp--;
                s[sp - 1] = t.grow(index(t, s[sp]), r[sp - 1]);
                r[sp - 1] = null;
            }
            case Ops.TABLE_FILL -> {
                TableInstance t = inst.tables[ins[pc]];
                sp -= 3;
                t.fill(index(t, s[sp]), r[sp + 1], index(t, s[sp + 2]));
            }
            case Ops.TABLE_COPY -> {
                TableInstance dst = inst.tables[ins[pc]];
                TableInstance src = inst.tables[ins[pc + 1]];
                sp -= 3;
                boolean len64 = dst.type().addrType() == AddrType.I64 && src.type().addrType() == AddrType.I64;
                long n = len64 ? s[sp + 2] : s[sp + 2] & MASK32;
                dst.copyFrom(src, index(src, s[sp + 1]), index(dst, s[sp]), n);
            }
            case Ops.TABLE_INIT -> {
                Object[] segment = inst.elems[ins[pc]];
                TableInstance t = inst.tables[ins[pc + 1]];
                sp -= 3;
                t.init(index(t, s[sp]), segment, s[sp + 1] & MASK32, s[sp + 2] & MASK32);
            }
            case Ops.ELEM_DROP -> inst.dropElem(ins[pc]);
            case Ops.REF_TEST -> {
                s[sp - 1] = RefTest.matches(r[sp - 1], (RefType) code.constants[ins[pc]]) ? 1 : 0;
                r[sp - 1] = null;
            }
            case Ops.REF_CAST -> {
                if (!RefTest.matches(r[sp - 1], (RefType) code.constants[ins[pc]])) {
                    throw new TrapException("cast failure");
                }
            }
            case Ops.REF_I31 -> r[sp - 1] = I31Ref.of((int) s[sp - 1]);
            case Ops.I31_GET_S, Ops.I31_GET_U -> {
                Object ref = r[sp - 1];
                if (ref == null) {
                    throw new TrapException("null i31 reference");
                }
                I31Ref i = (I31Ref) ref;
                s[sp - 1] = op == Ops.I31_GET_S ? i.signed() : i.unsigned();
                r[sp - 1] = null;
            }
            case Ops.ANY_CONVERT_EXTERN -> r[sp - 1] = ExternAnyRef.internalize(r[sp - 1]);
            case Ops.EXTERN_CONVERT_ANY -> r[sp - 1] = ExternAnyRef.externalize(r[sp - 1]);
            case Ops.SIMD -> sp = VectorOps.execute(OPCODES[ins[pc]], inst, ins, pc + 1, s, sp);
            // atomic.fence names no memory (a module may have none)
            case Ops.ATOMIC -> sp = AtomicOps.execute(OPCODES[ins[pc]],
                    inst.memories.length == 0 ? null : inst.memories[ins[pc + 1]],
                    (ins[pc + 2] & MASK32) | (long) ins[pc + 3] << 32, s, sp);
            case Ops.FROZEN -> FrozenOps.execute(ins[pc], ins[pc + 1], inst, code, r, sp);
            default -> sp = GcOps.execute(op, ctx, inst, ins, pc, sp);
        }
        return sp;
    }

    /** An address operand of memory {@code m}: zero-extended for i32 memories. */
    static long addr(LinearMemory m, long slot) {
        return m.type().addrType() == AddrType.I64 ? slot : slot & MASK32;
    }

    /** An index operand of table {@code t}: zero-extended for i32 tables. */
    static long index(TableInstance t, long slot) {
        return t.type().addrType() == AddrType.I64 ? slot : slot & MASK32;
    }

    /** Effective address of a load or store: -1 (out of bounds) when {@code addr + offset} overflows. */
    static long effective(LinearMemory m, long slot, long offset) {
        long a = addr(m, slot);
        return (a | offset) < 0 ? -1 : a + offset;
    }

    /** Any load or store on any memory. */
    static int memoryAccess(Opcode op, LinearMemory m, long offset, long[] s, int sp) {
        if (op.results(AddrType.I32).isEmpty()) {
            sp -= 2;
            long ea = effective(m, s[sp], offset);
            long v = s[sp + 1];
            switch (op) {
                case I32_STORE8, I64_STORE8 -> m.storeI8(ea, (byte) v);
                case I32_STORE16, I64_STORE16 -> m.storeI16(ea, (short) v);
                case I32_STORE, F32_STORE, I64_STORE32 -> m.storeI32(ea, (int) v);
                case I64_STORE, F64_STORE -> m.storeI64(ea, v);
                default -> throw new IllegalStateException("not a store: " + op);
            }
            return sp;
        }
        long ea = effective(m, s[sp - 1], offset);
        s[sp - 1] = switch (op) {
            case I32_LOAD8_S, I64_LOAD8_S -> m.loadI8(ea);
            case I32_LOAD8_U, I64_LOAD8_U -> m.loadI8(ea) & 0xFF;
            case I32_LOAD16_S, I64_LOAD16_S -> m.loadI16(ea);
            case I32_LOAD16_U, I64_LOAD16_U -> m.loadI16(ea) & 0xFFFF;
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> m.loadI32(ea);
            case I64_LOAD32_U -> m.loadI32(ea) & MASK32;
            case I64_LOAD, F64_LOAD -> m.loadI64(ea);
            default -> throw new IllegalStateException("not a load: " + op);
        };
        return sp;
    }
}
