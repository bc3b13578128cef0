package dev.wasm4j.exec;

import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.binary.Immediates;
import dev.wasm4j.exec.gc.ArrayObject;
import dev.wasm4j.exec.gc.ExternAnyRef;
import dev.wasm4j.exec.gc.I31Ref;
import dev.wasm4j.exec.gc.StorageKind;
import dev.wasm4j.exec.gc.StructLayout;
import dev.wasm4j.exec.gc.StructObject;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Opcode;

import java.util.Arrays;

/**
 * Evaluates constant expressions (spec 3.3.x "Constant Expressions", 4.5.x) during instantiation: global,
 * table, element and offset initializers. The expression is valid, so only the constant instructions occur.
 * Values are raw slots like the interpreter's: a v128 takes two.
 */
final class ConstEval {
    private static final long MASK32 = 0xFFFF_FFFFL;

    private long[] nums = new long[8];
    private Object[] refs = new Object[8];
    private int sp;
    private final ModuleInstance inst;

    private ConstEval(ModuleInstance inst) {
        this.inst = inst;
    }

    /** The result of a constant expression in raw form. */
    record Result(long value, long high, Object ref) {
    }

    static Result eval(ModuleInstance inst, Expr expr) {
        ConstEval e = new ConstEval(inst);
        e.run(expr);
        return new Result(e.nums[0], e.sp > 1 ? e.nums[1] : 0, e.refs[0]);
    }

    private void push(long v, Object r) {
        if (sp + 2 >= nums.length) {
            nums = Arrays.copyOf(nums, nums.length * 2);
            refs = Arrays.copyOf(refs, refs.length * 2);
        }
        nums[sp] = v;
        refs[sp] = r;
        sp++;
    }

    private void run(Expr expr) {
        CodeReader in = new CodeReader(expr);
        while (true) {
            Opcode op = in.next();
            Immediates m = in.imm();
            switch (op) {
                case END -> {
                    return;
                }
                case I32_CONST, F32_CONST -> push((int) m.value, null);
                case I64_CONST, F64_CONST -> push(m.value, null);
                case V128_CONST -> {
                    push(m.v128Low, null);
                    push(m.v128High, null);
                }
                case I32_ADD -> binary((a, b) -> (int) (a + b));
                case I32_SUB -> binary((a, b) -> (int) (a - b));
                case I32_MUL -> binary((a, b) -> (int) a * (int) b);
                case I64_ADD -> binary(Long::sum);
                case I64_SUB -> binary((a, b) -> a - b);
                case I64_MUL -> binary((a, b) -> a * b);
                case GLOBAL_GET -> {
                    GlobalInstance g = inst.globals[m.index];
                    push(g.value, g.ref);
                    if (g.type().valType().slots() == 2) {
                        push(g.high, null);
                    }
                }
                case REF_NULL -> push(0, null);
                case REF_FUNC -> push(0, inst.functions[m.index]);
                case REF_I31 -> {
                    sp--;
                    push(0, I31Ref.of((int) nums[sp]));
                }
                case ANY_CONVERT_EXTERN -> refs[sp - 1] = ExternAnyRef.internalize(refs[sp - 1]);
                case EXTERN_CONVERT_ANY -> refs[sp - 1] = ExternAnyRef.externalize(refs[sp - 1]);
                case STRUCT_NEW, STRUCT_NEW_DEFAULT -> structNew(inst.types[m.index], op == Opcode.STRUCT_NEW);
                case ARRAY_NEW, ARRAY_NEW_DEFAULT -> {
                    DefType t = inst.types[m.index];
                    int n = (int) Math.min(nums[--sp] & MASK32, Integer.MAX_VALUE);
                    ArrayObject a = new ArrayObject(t, n);
                    if (op == Opcode.ARRAY_NEW) {
                        if (a.kind == StorageKind.V128) {
                            sp -= 2;
                            a.fill(0, n, nums[sp], nums[sp + 1], null);
                        } else {
                            sp--;
                            a.fill(0, n, nums[sp], 0, refs[sp]);
                        }
                    }
                    push(0, a);
                }
                case ARRAY_NEW_FIXED -> {
                    DefType t = inst.types[m.index];
                    int n = m.index2;
                    ArrayObject a = new ArrayObject(t, n);
                    int slots = a.kind == StorageKind.V128 ? 2 : 1;
                    sp -= n * slots;
                    for (int i = 0; i < n; i++) {
                        int at = sp + i * slots;
                        switch (a.kind) {
                            case StorageKind.REF -> a.setRef(i, refs[at]);
                            case StorageKind.V128 -> a.setV128(i, nums[at], nums[at + 1]);
                            default -> a.setNum(i, nums[at]);
                        }
                    }
                    push(0, a);
                }
                default -> throw new IllegalStateException("not a constant instruction: " + op);
            }
        }
    }

    private void binary(java.util.function.LongBinaryOperator f) {
        sp--;
        nums[sp - 1] = f.applyAsLong(nums[sp - 1], nums[sp]);
    }

    private void structNew(DefType t, boolean withValues) {
        StructLayout layout = StructLayout.of(t);
        StructObject o = new StructObject(t, layout);
        if (withValues) {
            int slots = 0;
            for (int f = 0; f < layout.fieldCount(); f++) {
                slots += layout.kind(f) == StorageKind.V128 ? 2 : 1;
            }
            sp -= slots;
            int at = sp;
            for (int f = 0; f < layout.fieldCount(); f++) {
                int kind = layout.kind(f);
                int slot = layout.slot(f);
                switch (kind) {
                    case StorageKind.REF -> o.refs[slot] = refs[at++];
                    case StorageKind.V128 -> {
                        o.nums[slot] = nums[at];
                        o.nums[slot + 1] = nums[at + 1];
                        at += 2;
                    }
                    default -> o.nums[slot] = StorageKind.wrap(kind, nums[at++]);
                }
            }
        }
        push(0, o);
    }
}
