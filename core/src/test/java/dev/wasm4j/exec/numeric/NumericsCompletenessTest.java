package dev.wasm4j.exec.numeric;

import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Imm;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every numeric and vector instruction of the opcode table has its method, found by the naming rule, with a
 * signature that fits the instruction: scalars take and return {@code int} for i32/f32 and {@code long} for
 * i64/f64; vector and multi-result instructions are {@code void (long[] s, int sp, immediates...)}.
 */
class NumericsCompletenessTest {
    @Test
    void everyNumericInstructionHasAMethodOfTheRightShape() {
        List<String> problems = new ArrayList<>();
        List<Opcode> ops = OpDispatch.numericOpcodes();
        for (Opcode op : ops) {
            Method m = OpDispatch.method(op);
            String where = op + " -> " + OpDispatch.className(op) + "." + OpDispatch.methodName(op);
            if (m == null) {
                problems.add(where + ": missing");
                continue;
            }
            List<Class<?>> want = new ArrayList<>();
            Class<?> result;
            List<ValType> params = op.params(AddrType.I32);
            List<ValType> results = op.results(AddrType.I32);
            boolean onStack = params.contains(VecType.V128) || results.contains(VecType.V128) || results.size() > 1;
            if (onStack) {
                want.add(long[].class);
                want.add(int.class);
                if (op.imm() == Imm.LANE) {
                    want.add(int.class);
                } else if (op.imm() == Imm.SHUFFLE) {
                    want.add(long.class);
                    want.add(long.class);
                }
                result = void.class;
            } else {
                for (ValType t : params) {
                    want.add(javaType(t));
                }
                result = javaType(results.get(0));
            }
            if (!List.of(m.getParameterTypes()).equals(want) || m.getReturnType() != result) {
                problems.add(where + ": signature " + m + ", want " + result + " " + want);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(ops.size() >= 373, "numeric opcodes found: " + ops.size());
    }

    private static Class<?> javaType(ValType t) {
        return t == NumType.I32 || t == NumType.F32 ? int.class : long.class;
    }
}
