package dev.wasm4j;

import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Java signatures as Wasm function types, both ways: exports as functional interfaces
 * ({@link Instance#function(String, Class)}), and lambdas or annotated methods as host functions
 * ({@link Linker#define(String, String, Class, Object)}, {@link Linker#define(String, Object)}).
 * {@code int} is i32, {@code long} i64, {@code float} f32, {@code double} f64, {@link Object} externref;
 * {@link Value} stands for any one value and {@code Value[]} for any results (exports only).
 */
final class HostBinding {
    private HostBinding() {
    }

    /** A host function made from Java code, with the Wasm type its signature gives. */
    record Bound(String name, FuncType type, HostFunction function) {
    }

    // -------------------------------------------------------------------------------- exports as interfaces

    static <T> T typed(Function f, String name, Class<T> iface) {
        Method m = singleAbstractMethod(iface);
        FuncType ft = f.type();
        Class<?>[] ps = m.getParameterTypes();
        boolean ok = ps.length == ft.params().size();
        for (int i = 0; ok && i < ps.length; i++) {
            ok = ps[i] == Value.class || matches(ps[i], ft.params().get(i));
        }
        Class<?> r = m.getReturnType();
        ok &= r == Value[].class
                || (r == void.class && ft.results().isEmpty())
                || (ft.results().size() == 1 && (r == Value.class || matches(r, ft.results().getFirst())));
        if (!ok) {
            throw new LinkException("incompatible export type: \"" + name + "\" is " + ft + ", "
                    + iface.getSimpleName() + "." + m.getName() + " is " + signature(m));
        }
        MethodHandle call = MethodHandles.insertArguments(CALL, 0, f, r)
                .asCollector(Object[].class, ps.length)
                .asType(MethodType.methodType(r, ps));
        return MethodHandleProxies.asInterfaceInstance(iface, call);
    }

    private static final MethodHandle CALL;

    static {
        try {
            CALL = MethodHandles.lookup().findStatic(HostBinding.class, "call",
                    MethodType.methodType(Object.class, Function.class, Class.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through CALL
    private static Object call(Function f, Class<?> returns, Object[] args) {
        FuncType ft = f.type();
        Value[] values = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = toValue(args[i], ft.params().get(i));
        }
        Value[] results = f.call(values);
        if (returns == Value[].class) {
            return results;
        }
        if (returns == void.class) {
            return null;
        }
        return returns == Value.class ? results[0] : fromValue(results[0]);
    }

    // -------------------------------------------------------------------------------- host functions

    static Bound lambda(String name, Class<?> iface, Object impl) {
        if (!iface.isInstance(impl)) {
            throw new IllegalArgumentException(impl + " does not implement " + iface.getName());
        }
        return bind(name, singleAbstractMethod(iface), impl);
    }

    static List<Bound> annotated(Object host) {
        List<Bound> out = new ArrayList<>();
        for (Method m : host.getClass().getMethods()) {
            WasmExport export = m.getAnnotation(WasmExport.class);
            if (export != null && !Modifier.isStatic(m.getModifiers())) {
                out.add(bind(export.value().isEmpty() ? m.getName() : export.value(), m, host));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(host.getClass().getName()
                    + " has no public method annotated @WasmExport");
        }
        return out;
    }

    private static Bound bind(String name, Method m, Object target) {
        Class<?>[] ps = m.getParameterTypes();
        boolean withCaller = ps.length > 0 && ps[0] == Caller.class;
        List<ValType> params = new ArrayList<>();
        for (int i = withCaller ? 1 : 0; i < ps.length; i++) {
            params.add(valType(ps[i], m));
        }
        Class<?> r = m.getReturnType();
        List<ValType> results = r == void.class ? List.of() : List.of(valType(r, m));
        MethodHandle mh = handle(m).bindTo(target);
        int offset = withCaller ? 1 : 0;
        int arity = ps.length;
        HostFunction code = (caller, args) -> {
            Object[] javaArgs = new Object[arity];
            if (withCaller) {
                javaArgs[0] = caller;
            }
            for (int i = 0; i < args.length; i++) {
                javaArgs[i + offset] = fromValue(args[i]);
            }
            Object result;
            try {
                result = mh.invokeWithArguments(javaArgs);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return results.isEmpty() ? null : new Value[] {toValue(result, results.getFirst())};
        };
        return new Bound(name, FuncType.of(params, results), code);
    }

    private static MethodHandle handle(Method m) {
        try {
            return MethodHandles.publicLookup().unreflect(m);
        } catch (IllegalAccessException e) {
            // a public method of a class that is not public, or not exported to wasm4j
            if (m.trySetAccessible()) {
                try {
                    return MethodHandles.lookup().unreflect(m);
                } catch (IllegalAccessException again) {
                    // fall through
                }
            }
            throw new IllegalArgumentException("cannot call " + m + ": make its class public (and its package "
                    + "exported or open to dev.wasm4j)", e);
        }
    }

    // -------------------------------------------------------------------------------- conversions

    private static boolean matches(Class<?> c, ValType t) {
        return switch (t) {
            case NumType n -> switch (n) {
                case I32 -> c == int.class;
                case I64 -> c == long.class;
                case F32 -> c == float.class;
                case F64 -> c == double.class;
            };
            case RefType r -> c == Object.class && r.equals(RefType.EXTERNREF);
            default -> false;
        };
    }

    private static ValType valType(Class<?> c, Method m) {
        if (c == int.class) {
            return NumType.I32;
        } else if (c == long.class) {
            return NumType.I64;
        } else if (c == float.class) {
            return NumType.F32;
        } else if (c == double.class) {
            return NumType.F64;
        } else if (c == Object.class) {
            return RefType.EXTERNREF;
        }
        throw new IllegalArgumentException("no Wasm type for " + c.getSimpleName() + " in " + m
                + " (use int, long, float, double or Object, and a leading Caller)");
    }

    private static Value toValue(Object o, ValType t) {
        if (o instanceof Value v) {
            return v;
        }
        return switch (t) {
            case NumType n -> switch (n) {
                case I32 -> Value.i32((Integer) o);
                case I64 -> Value.i64((Long) o);
                case F32 -> Value.f32((Float) o);
                case F64 -> Value.f64((Double) o);
            };
            case RefType r -> Value.externRef(o);
            default -> throw new IllegalArgumentException("cannot pass " + o + " as " + t);
        };
    }

    private static Object fromValue(Value v) {
        return switch (v) {
            case Value.I32 i -> i.value();
            case Value.I64 i -> i.value();
            case Value.F32 f -> f.value();
            case Value.F64 f -> f.value();
            case Value.Ref r -> r.ref();
            case Value.V128 x -> x;
        };
    }

    private static Method singleAbstractMethod(Class<?> iface) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + " is not an interface");
        }
        Method found = null;
        for (Method m : iface.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                if (found != null) {
                    throw new IllegalArgumentException(iface.getName() + " is not a functional interface");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(iface.getName() + " has no abstract method");
        }
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String signature(Method m) {
        StringBuilder b = new StringBuilder("(");
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            b.append(i > 0 ? ", " : "").append(ps[i].getSimpleName());
        }
        return b.append(") -> ").append(m.getReturnType().getSimpleName()).toString();
    }

    /** {@code " (did you mean \"x\"?)"} for the closest of {@code names}, or nothing. */
    static String nearest(String name, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(name, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean \"" + best + "\"?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
