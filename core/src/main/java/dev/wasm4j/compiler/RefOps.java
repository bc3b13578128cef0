package dev.wasm4j.compiler;

import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.exec.ExceptionObject;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.gc.ExternAnyRef;
import dev.wasm4j.exec.gc.I31Ref;
import dev.wasm4j.exec.gc.RefTest;
import dev.wasm4j.model.RefType;

/**
 * Reference, i31 and exception instructions for compiled code, with the interpreter's traps. Wasm
 * exceptions travel as {@link UncaughtException} (which carries the {@link ExceptionObject}), the same
 * Java exception the interpreter throws across tier boundaries, so both tiers catch each other's throws.
 */
public final class RefOps {
    private RefOps() {
    }

    public static int isNull(Object ref) {
        return ref == null ? 1 : 0;
    }

    public static int eq(Object a, Object b) {
        return a == b || a instanceof I31Ref && a.equals(b) ? 1 : 0;
    }

    public static Object asNonNull(Object ref) {
        if (ref == null) {
            throw new TrapException("null reference");
        }
        return ref;
    }

    public static int test(Object ref, RefType type) {
        return RefTest.matches(ref, type) ? 1 : 0;
    }

    public static boolean matches(Object ref, RefType type) {
        return RefTest.matches(ref, type);
    }

    public static Object cast(Object ref, RefType type) {
        if (!RefTest.matches(ref, type)) {
            throw new TrapException("cast failure");
        }
        return ref;
    }

    public static Object i31(int v) {
        return I31Ref.of(v);
    }

    public static int i31GetS(Object ref) {
        return i31(ref).signed();
    }

    public static int i31GetU(Object ref) {
        return i31(ref).unsigned();
    }

    private static I31Ref i31(Object ref) {
        if (ref == null) {
            throw new TrapException("null i31 reference");
        }
        return (I31Ref) ref;
    }

    public static Object internalize(Object extern) {
        return ExternAnyRef.internalize(extern);
    }

    public static Object externalize(Object any) {
        return ExternAnyRef.externalize(any);
    }

    // ---- exceptions ----

    /** {@code throw}: a new exception of tag {@code tag} with the payload in slots. */
    public static RuntimeException newException(long[] nums, Object[] refs, ModuleInstance inst, int tag) {
        return new UncaughtException(new ExceptionObject(inst.tags[tag], nums, refs));
    }

    /** {@code throw_ref}. */
    public static RuntimeException rethrow(Object exn) {
        if (exn == null) {
            throw new TrapException("null exception reference");
        }
        return new UncaughtException(exn);
    }

    /** The exception object a handler caught. */
    public static ExceptionObject caught(UncaughtException e) {
        return (ExceptionObject) e.exception();
    }

    /** Whether a caught exception has tag {@code tag} of {@code inst}. */
    public static boolean hasTag(ExceptionObject e, ModuleInstance inst, int tag) {
        return e.tag == inst.tags[tag];
    }
}
