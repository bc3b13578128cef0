package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIMD instructions. A v128 is two longs on the JVM stack; every operator is the numerics library's, which
 * works in place on a slot stack: the operands are stored into the function's scratch {@code long[]}, the
 * operator runs on it, and the results are loaded back ({@link #viaScratch}). The library method of an
 * instruction follows from its mnemonic ({@code i8x16.add_sat_s} is {@code I8x16Ops.addSatS}).
 */
final class VectorEmitter {
    private static final Map<Opcode, Method> METHODS = new ConcurrentHashMap<>();

    private VectorEmitter() {
    }

    static boolean emit(FunctionCompiler fc, Opcode op, Immediates imm, CodeState st) {
        if (op.prefix() != Opcode.SIMD) {
            return false;
        }
        CodeBuilder cb = fc.cb;
        switch (op.imm()) {
            case V128 -> {
                cb.loadConstant(imm.v128Low).loadConstant(imm.v128High);
                return true;
            }
            case MEMARG, MEMARG_LANE -> {
                memory(fc, op, imm, st);
                return true;
            }
            default -> { }
        }
        Method m = library(op);
        long lo = imm.v128Low;
        long hi = imm.v128High;
        int lane = imm.lane;
        viaScratch(fc, st, op.params(AddrType.I32), op.results(AddrType.I32), () -> {
            if (op == Opcode.I8X16_SHUFFLE) {
                cb.loadConstant(lo).loadConstant(hi);
            } else if (op.imm() == dev.wasm4j.model.Imm.LANE) {
                cb.loadConstant(lane);
            }
            invoke(cb, m);
        });
        return true;
    }

    private static void invoke(CodeBuilder cb, Method m) {
        cb.invokestatic(ClassDesc.of(m.getDeclaringClass().getName()), m.getName(),
                Descs.method(descriptor(m)));
    }

    private static String descriptor(Method m) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            d.append(p.descriptorString());
        }
        return d.append(')').append(m.getReturnType().descriptorString()).toString();
    }

    /** The library method of a vector instruction, found by its mnemonic. */
    static Method library(Opcode op) {
        return METHODS.computeIfAbsent(op, o -> {
            String mn = o.mnemonic();
            String shape = mn.substring(0, mn.indexOf('.'));
            String cls = "dev.wasm4j.exec.numeric." + Character.toUpperCase(shape.charAt(0)) + shape.substring(1) + "Ops";
            String name = NumericEmitter.method(o);
            try {
                for (Method m : Class.forName(cls).getMethods()) {
                    if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())
                            && m.getParameterCount() >= 2 && m.getParameterTypes()[0] == long[].class) {
                        return m;
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no numerics class for " + mn, e);
            }
            throw new IllegalStateException("no numerics method for " + mn + " (" + cls + "." + name + ")");
        });
    }

    /**
     * Runs a slot-stack library operator on the top operands: they go into the scratch array (as slots: an
     * i32 sign-extended, a v128 as two), {@code call} is emitted with the array and the stack pointer pushed
     * (it pushes any immediates and invokes), and the results come back onto the JVM stack.
     */
    static void viaScratch(FunctionCompiler fc, CodeState st, List<ValType> params, List<ValType> results,
                           Runnable call) {
        CodeBuilder cb = fc.cb;
        int slots = JvmType.slots(params);
        int at = slots;
        for (int i = params.size() - 1; i >= 0; i--) {
            JvmType t = JvmType.of(params.get(i));
            switch (t) {
                case INT -> {
                    cb.i2l();
                    storeTop(fc, --at);
                }
                case LONG -> storeTop(fc, --at);
                case V128 -> {
                    storeTop(fc, --at);
                    storeTop(fc, --at);
                }
                case REF -> throw new IllegalStateException("reference operand for a vector operator");
            }
        }
        cb.aload(fc.scratchSlot).loadConstant(slots);
        call.run();
        at = 0;
        for (ValType r : results) {
            switch (JvmType.of(r)) {
                case INT -> cb.aload(fc.scratchSlot).loadConstant(at++).laload().l2i();
                case LONG -> cb.aload(fc.scratchSlot).loadConstant(at++).laload();
                case V128 -> {
                    cb.aload(fc.scratchSlot).loadConstant(at++).laload();
                    cb.aload(fc.scratchSlot).loadConstant(at++).laload();
                }
                case REF -> throw new IllegalStateException("reference result of a vector operator");
            }
        }
    }

    /** Stores the long on top of the stack into {@code scratch[index]}. */
    private static void storeTop(FunctionCompiler fc, int index) {
        fc.cb.aload(fc.scratchSlot).dup_x2().pop().loadConstant(index).dup_x2().pop().lastore();
    }

    private static void memory(FunctionCompiler fc, Opcode op, Immediates imm, CodeState st) {
        CodeBuilder cb = fc.cb;
        int mem = fc.memSlot[imm.memory];
        long off = imm.offset;
        String lm = "Ldev/wasm4j/memory/LinearMemory;";
        switch (op) {
            case V128_STORE -> {
                Spill s = Spill.of(fc, st, 2);
                s.widen(0).reload(1);
                cb.aload(mem).loadConstant(off);
                Descs.call(cb, Descs.MEM_OPS, "v128Store", "(JJJ" + lm + "J)V");
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                Spill s = Spill.of(fc, st, 2);
                s.widen(0);
                int bits = 8 * op.width();
                int word = imm.lane * bits < 64 ? s.slots[1] : s.slots[1] + 2;
                cb.lload(word).loadConstant(imm.lane * bits % 64).lushr();
                cb.aload(mem).loadConstant(off).loadConstant(op.width());
                Descs.call(cb, Descs.MEM_OPS, "storeBits", "(JJ" + lm + "JI)V");
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                Spill s = Spill.of(fc, st, 2);
                s.widen(0);
                cb.aload(mem).loadConstant(off).loadConstant(op.width());
                Descs.call(cb, Descs.MEM_OPS, "loadBits", "(J" + lm + "JI)J");
                int x = fc.temp(JvmType.LONG, 20);
                cb.lstore(x);
                s.reload(1);
                cb.lload(x);
                ValType scalar = op.width() == 8 ? NumType.I64 : NumType.I32;
                if (scalar == NumType.I32) {
                    cb.l2i();
                }
                Opcode replace = switch (op.width()) {
                    case 1 -> Opcode.I8X16_REPLACE_LANE;
                    case 2 -> Opcode.I16X8_REPLACE_LANE;
                    case 4 -> Opcode.I32X4_REPLACE_LANE;
                    default -> Opcode.I64X2_REPLACE_LANE;
                };
                Method m = library(replace);
                int lane = imm.lane;
                viaScratch(fc, st, List.of(VecType.V128, scalar), List.of(VecType.V128), () -> {
                    cb.loadConstant(lane);
                    invoke(cb, m);
                });
            }
            default -> {
                // Loads with one address operand.
                if (!MemoryEmitter.is64(fc, imm.memory)) {
                    Descs.unsignedLong(cb);
                }
                switch (op) {
                    case V128_LOAD -> {
                        int a = fc.temp(JvmType.LONG, 20);
                        cb.lstore(a);
                        cb.lload(a).aload(mem).loadConstant(off);
                        Descs.call(cb, Descs.MEM_OPS, "v128LoadLo", "(J" + lm + "J)J");
                        cb.lload(a).aload(mem).loadConstant(off);
                        Descs.call(cb, Descs.MEM_OPS, "v128LoadHi", "(J" + lm + "J)J");
                    }
                    case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                         V128_LOAD32X2_U -> {
                        loadBits(fc, mem, off, 8);
                        cb.lconst_0();
                        Opcode extend = switch (op) {
                            case V128_LOAD8X8_S -> Opcode.I16X8_EXTEND_LOW_I8X16_S;
                            case V128_LOAD8X8_U -> Opcode.I16X8_EXTEND_LOW_I8X16_U;
                            case V128_LOAD16X4_S -> Opcode.I32X4_EXTEND_LOW_I16X8_S;
                            case V128_LOAD16X4_U -> Opcode.I32X4_EXTEND_LOW_I16X8_U;
                            case V128_LOAD32X2_S -> Opcode.I64X2_EXTEND_LOW_I32X4_S;
                            default -> Opcode.I64X2_EXTEND_LOW_I32X4_U;
                        };
                        Method m = library(extend);
                        viaScratch(fc, st, List.of(VecType.V128), List.of(VecType.V128), () -> invoke(cb, m));
                    }
                    case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                        loadBits(fc, mem, off, op.width());
                        ValType scalar = op.width() == 8 ? NumType.I64 : NumType.I32;
                        if (scalar == NumType.I32) {
                            cb.l2i();
                        }
                        Opcode splat = switch (op.width()) {
                            case 1 -> Opcode.I8X16_SPLAT;
                            case 2 -> Opcode.I16X8_SPLAT;
                            case 4 -> Opcode.I32X4_SPLAT;
                            default -> Opcode.I64X2_SPLAT;
                        };
                        Method m = library(splat);
                        viaScratch(fc, st, List.of(scalar), List.of(VecType.V128), () -> invoke(cb, m));
                    }
                    case V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                        loadBits(fc, mem, off, op.width());
                        cb.lconst_0();
                    }
                    default -> throw new UnsupportedOperationException("no translation for " + op);
                }
            }
        }
    }

    private static void loadBits(FunctionCompiler fc, int mem, long off, int width) {
        fc.cb.aload(mem).loadConstant(off).loadConstant(width);
        Descs.call(fc.cb, Descs.MEM_OPS, "loadBits", "(JLdev/wasm4j/memory/LinearMemory;JI)J");
    }
}
