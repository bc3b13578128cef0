package dev.wasm4j.exec.interp;

import dev.wasm4j.memory.Atomics;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;

import java.lang.invoke.VarHandle;

/** The threads proposal's atomic instructions, on {@link Atomics}. */
final class AtomicOps {
    private static final long MASK32 = 0xFFFF_FFFFL;
    /** Read-modify-write operator of each opcode ordinal ({@link Atomics#ADD} ...), -1 for others. */
    private static final int[] RMW = new int[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            String m = op.mnemonic();
            int dot = m.lastIndexOf('.');
            String verb = m.substring(dot + 1).replace("_u", "");
            RMW[op.ordinal()] = op.prefix() != Opcode.ATOMIC || !m.contains(".rmw") ? -1 : switch (verb) {
                case "add" -> Atomics.ADD;
                case "sub" -> Atomics.SUB;
                case "and" -> Atomics.AND;
                case "or" -> Atomics.OR;
                case "xor" -> Atomics.XOR;
                case "xchg" -> Atomics.XCHG;
                default -> -1;
            };
        }
    }

    private AtomicOps() {
    }

    static int execute(Opcode op, LinearMemory m, long offset, long[] s, int sp) {
        if (op == Opcode.ATOMIC_FENCE) {
            VarHandle.fullFence();
            return sp;
        }
        Atomics a = m.atomics();
        int width = op.width();
        switch (op) {
            case MEMORY_ATOMIC_NOTIFY -> {
                sp -= 1;
                s[sp - 1] = a.notify(SlowOps.effective(m, s[sp - 1], offset), s[sp] & MASK32);
                return sp;
            }
            case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> {
                sp -= 2;
                long expected = width == 4 ? s[sp] & MASK32 : s[sp];
                s[sp - 1] = a.await(SlowOps.effective(m, s[sp - 1], offset), width, expected, s[sp + 1]);
                return sp;
            }
            default -> { }
        }
        boolean i32Result = !op.results(AddrType.I32).isEmpty() && op.results(AddrType.I32).getFirst() == NumType.I32;
        int params = op.params(AddrType.I32).size();
        if (op.results(AddrType.I32).isEmpty()) {
            sp -= 2;
            a.store(SlowOps.effective(m, s[sp], offset), width, s[sp + 1]);
            return sp;
        }
        long old;
        if (params == 1) {
            old = a.load(SlowOps.effective(m, s[sp - 1], offset), width);
        } else if (params == 2) {
            sp -= 1;
            old = a.rmw(RMW[op.ordinal()], SlowOps.effective(m, s[sp - 1], offset), width, s[sp]);
        } else {
            sp -= 2;
            long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
            old = a.cmpxchg(SlowOps.effective(m, s[sp - 1], offset), width, s[sp] & mask, s[sp + 1]);
        }
        s[sp - 1] = i32Result ? (int) old : old;
        return sp;
    }
}
