package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;

/**
 * The threads proposal's atomic instructions, on the memory's {@link dev.wasm4j.memory.Atomics} as the
 * interpreter runs them: operands as raw slots, the effective address computed by {@link MemOps#ea} from the
 * zero-extended address, results zero-extended then narrowed to an i32 where the type says so.
 */
final class AtomicEmitter {
    private static final String LM = "Ldev/wasm4j/memory/LinearMemory;";

    private AtomicEmitter() {
    }

    static boolean emit(FunctionCompiler fc, Opcode op, Immediates imm, CodeState st) {
        if (op.prefix() != Opcode.ATOMIC) {
            return false;
        }
        CodeBuilder cb = fc.cb;
        if (op == Opcode.ATOMIC_FENCE) {
            Descs.call(cb, Descs.MEM_OPS, "fence", "()V");
            return true;
        }
        int width = op.width();
        int params = op.params(AddrType.I32).size();
        Spill s = Spill.of(fc, st, params);
        s.widen(0);
        cb.loadConstant(imm.offset);
        Descs.call(cb, Descs.MEM_OPS, "ea", "(JJ)J");
        switch (op) {
            case MEMORY_ATOMIC_NOTIFY -> {
                s.widen(1);
                cb.aload(fc.memSlot[imm.memory]);
                Descs.call(cb, Descs.MEM_OPS, "atomicNotify", "(JJ" + LM + ")I");
                return true;
            }
            case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> {
                s.widen(1).reload(2);
                cb.loadConstant(width).aload(fc.memSlot[imm.memory]);
                Descs.call(cb, Descs.MEM_OPS, "atomicWait", "(JJJI" + LM + ")I");
                return true;
            }
            default -> { }
        }
        boolean hasResult = !op.results(AddrType.I32).isEmpty();
        if (!hasResult) {
            s.asSlot(1);
            cb.loadConstant(width).aload(fc.memSlot[imm.memory]);
            Descs.call(cb, Descs.MEM_OPS, "atomicStore", "(JJI" + LM + ")V");
            return true;
        }
        switch (params) {
            case 1 -> {
                cb.loadConstant(width).aload(fc.memSlot[imm.memory]);
                Descs.call(cb, Descs.MEM_OPS, "atomicLoad", "(JI" + LM + ")J");
            }
            case 2 -> {
                s.asSlot(1);
                cb.loadConstant(width).loadConstant(rmw(op)).aload(fc.memSlot[imm.memory]);
                Descs.call(cb, Descs.MEM_OPS, "atomicRmw", "(JJII" + LM + ")J");
            }
            default -> {
                s.asSlot(1).asSlot(2);
                cb.loadConstant(width).aload(fc.memSlot[imm.memory]);
                Descs.call(cb, Descs.MEM_OPS, "atomicCmpxchg", "(JJJI" + LM + ")J");
            }
        }
        if (op.results(AddrType.I32).getFirst() == NumType.I32) {
            cb.l2i();
        }
        return true;
    }

    /** The read-modify-write operator of an {@code *.atomic.rmw*} instruction ({@code Atomics.ADD} ...). */
    private static int rmw(Opcode op) {
        String m = op.mnemonic();
        String verb = m.substring(m.lastIndexOf('.') + 1).replace("_u", "");
        return switch (verb) {
            case "add" -> dev.wasm4j.memory.Atomics.ADD;
            case "sub" -> dev.wasm4j.memory.Atomics.SUB;
            case "and" -> dev.wasm4j.memory.Atomics.AND;
            case "or" -> dev.wasm4j.memory.Atomics.OR;
            case "xor" -> dev.wasm4j.memory.Atomics.XOR;
            case "xchg" -> dev.wasm4j.memory.Atomics.XCHG;
            default -> throw new IllegalArgumentException("not a read-modify-write: " + m);
        };
    }
}
