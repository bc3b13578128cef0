package dev.wasm4j.exec.numeric;

import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Imm;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: finds the numerics method of an instruction by the package's naming rule (see
 * {@code package-info.java}) and runs it on a slot stack, the way the interpreter's switch arm would.
 */
final class OpDispatch {
    private static final List<String> SHAPES =
            List.of("i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2");
    private static final Map<Opcode, Method> METHODS = new ConcurrentHashMap<>();

    private OpDispatch() {
    }

    /** The numeric and vector instructions: a value-type prefix, no memory access, not a constant. */
    static boolean isNumeric(Opcode op) {
        String m = op.mnemonic();
        int dot = m.indexOf('.');
        return op.prefix() != Opcode.ATOMIC
                && dot > 0
                && SHAPES.contains(m.substring(0, dot))
                && (op.imm() == Imm.NONE || op.imm() == Imm.LANE || op.imm() == Imm.SHUFFLE);
    }

    static List<Opcode> numericOpcodes() {
        return Arrays.stream(Opcode.values()).filter(OpDispatch::isNumeric).toList();
    }

    /** {@code i32.trunc_f32_s} -> Conversions, {@code i32.div_s} -> I32Ops, {@code i8x16.add} -> I8x16Ops. */
    static String className(Opcode op) {
        String m = op.mnemonic();
        String shape = m.substring(0, m.indexOf('.'));
        String rest = m.substring(m.indexOf('.') + 1);
        if (shape.length() == 3 && rest.matches(".*_[if](32|64)(_[su])?")) {
            return "Conversions";
        }
        return Character.toUpperCase(shape.charAt(0)) + shape.substring(1) + "Ops";
    }

    static String methodName(Opcode op) {
        String m = op.mnemonic();
        String rest = className(op).equals("Conversions") ? m.replace('.', '_') : m.substring(m.indexOf('.') + 1);
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : rest.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** The method implementing {@code op}, or null when there is none. */
    static Method method(Opcode op) {
        return METHODS.computeIfAbsent(op, OpDispatch::find);
    }

    private static Method find(Opcode op) {
        Class<?> type;
        try {
            type = Class.forName(OpDispatch.class.getPackageName() + "." + className(op));
        } catch (ClassNotFoundException e) {
            return null;
        }
        String name = methodName(op);
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                if (found != null) {
                    throw new AssertionError("ambiguous: " + type.getSimpleName() + "." + name);
                }
                found = m;
            }
        }
        return found;
    }

    static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t == VecType.V128 ? 2 : 1;
        }
        return n;
    }

    /**
     * Runs {@code op} on {@code s} below {@code sp} and returns the new {@code sp}. Immediates: the lane index
     * for LANE, the 16 lane bytes as two longs for SHUFFLE.
     */
    static int execute(Opcode op, long[] s, int sp, long imm0, long imm1) throws Throwable {
        Method m = method(op);
        if (m == null) {
            throw new AssertionError("no method for " + op + ": " + className(op) + "." + methodName(op));
        }
        Class<?>[] params = m.getParameterTypes();
        try {
            if (params.length > 0 && params[0] == long[].class) {
                Object[] args = switch (op.imm()) {
                    case LANE -> new Object[] {s, sp, (int) imm0};
                    case SHUFFLE -> new Object[] {s, sp, imm0, imm1};
                    default -> new Object[] {s, sp};
                };
                m.invoke(null, args);
                return sp + slots(op.results(AddrType.I32)) - slots(op.params(AddrType.I32));
            }
            int n = params.length;
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                long slot = s[sp - n + i];
                args[i] = params[i] == int.class ? (Object) (int) slot : (Object) slot;
            }
            Object r = m.invoke(null, args);
            s[sp - n] = r instanceof Integer i ? (long) i : (Long) r;
            return sp - n + 1;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
