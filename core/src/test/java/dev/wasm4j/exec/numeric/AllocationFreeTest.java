package dev.wasm4j.exec.numeric;

import dev.wasm4j.model.Opcode;
import org.junit.jupiter.api.Test;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No numerics method allocates on its non-trapping paths: each one is called many times through an exact
 * functional interface of its shape (no boxing), and the thread's allocation counter must not move.
 */
class AllocationFreeTest {
    private static final int CALLS = 20_000;

    /** The shapes of the numerics methods, as interfaces so that calls are plain and never box. */
    interface StackOp {
        void apply(long[] s, int sp);
    }

    interface LaneOp {
        void apply(long[] s, int sp, int lane);
    }

    interface ShuffleOp {
        void apply(long[] s, int sp, long lanesLo, long lanesHi);
    }

    interface LongLongToInt {
        int apply(long a, long b);
    }

    private static final List<Class<?>> SHAPES = List.of(StackOp.class, LaneOp.class, ShuffleOp.class,
            IntUnaryOperator.class, IntBinaryOperator.class, LongUnaryOperator.class, LongBinaryOperator.class,
            LongToIntFunction.class, LongLongToInt.class, IntToLongFunction.class);

    @Test
    void numericsDoNotAllocate() throws Throwable {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        var threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        List<String> allocating = new ArrayList<>();
        long[] s = new long[16];
        for (Opcode op : OpDispatch.numericOpcodes()) {
            Object f = implement(OpDispatch.method(op));
            run(f, s, 1); // load and link everything before measuring
            long before = threads.getCurrentThreadAllocatedBytes();
            run(f, s, CALLS);
            long after = threads.getCurrentThreadAllocatedBytes();
            if (after - before > 1024) { // the measurement itself is allowed a little noise
                allocating.add(op + ": " + (after - before) + " bytes");
            }
        }
        assertTrue(allocating.isEmpty(), String.join("\n", allocating));
    }

    /** The method as an instance of the functional interface of its shape. */
    private static Object implement(Method m) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle target = lookup.unreflect(m);
        for (Class<?> shape : SHAPES) {
            Method sam = Arrays.stream(shape.getMethods()).filter(x -> x.isDefault() == false
                    && !java.lang.reflect.Modifier.isStatic(x.getModifiers())).findFirst().orElseThrow();
            MethodType samType = MethodType.methodType(sam.getReturnType(), sam.getParameterTypes());
            if (samType.equals(target.type())) {
                return LambdaMetafactory.metafactory(lookup, sam.getName(), MethodType.methodType(shape),
                        samType, target, samType).getTarget().invoke();
            }
        }
        throw new AssertionError("no shape for " + m);
    }

    /** Calls {@code f} on harmless operands (no zero divisor, floats inside every integer range). */
    private static void run(Object f, long[] s, int calls) {
        int f32 = Float.floatToRawIntBits(1.5f);
        long f64 = Double.doubleToRawLongBits(1.5);
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            for (int k = 0; k < s.length; k++) {
                s[k] = (k % 2 == 0 ? f64 : f32) + (i & 7);
            }
            int x = f32 + (i & 7);
            long y = f64 + (i & 7);
            switch (f) {
                case StackOp o -> o.apply(s, 8);
                case LaneOp o -> o.apply(s, 8, 1);
                case ShuffleOp o -> o.apply(s, 8, 0x0706050403020100L, 0x1F1E1D1C1B1A1918L);
                case IntUnaryOperator o -> sink += o.applyAsInt(x);
                case IntBinaryOperator o -> sink += o.applyAsInt(x, f32);
                case LongUnaryOperator o -> sink += o.applyAsLong(y);
                case LongBinaryOperator o -> sink += o.applyAsLong(y, f64);
                case LongToIntFunction o -> sink += o.applyAsInt(y);
                case LongLongToInt o -> sink += o.apply(y, f64);
                case IntToLongFunction o -> sink += o.applyAsLong(x);
                default -> throw new AssertionError(f);
            }
        }
        s[0] += sink;
    }
}
