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
final class RefOps {
    private RefOps() {
    }

    static int isNull(Object ref) {
        return ref == null ? 1 : 0;
    }

    static int eq(Object a, Object b) {
        return a == b || a instanceof I31Ref && a.equals(b) ? 1 : 0;
    }

    static Object asNonNull(Object ref) {
        if (ref == null) {
            throw new TrapException("null reference");
        }
        return ref;
    }

    static int test(Object ref, RefType type) {
        return RefTest.matches(ref, type) ? 1 : 0;
    }

    static boolean matches(Object ref, RefType type) {
        return RefTest.matches(ref, type);
    }

    static Object cast(Object ref, RefType type) {
        if (!RefTest.matches(ref, type)) {
            throw new TrapException("cast failure");
        }
        return ref;
    }

    static Object i31(int v) {
        return I31Ref.of(v);
    }

    static int i31GetS(Object ref) {
        return i31(ref).signed();
    }

    static int i31GetU(Object ref) {
        return i31(ref).unsigned();
    }

    private static I31Ref i31(Object ref) {
        if (ref == null) {
            throw new TrapException("null i31 reference");
        }
        return (I31Ref) ref;
    }

    static Object internalize(Object extern) {
        return ExternAnyRef.internalize(extern);
    }

    static Object externalize(Object any) {
        return ExternAnyRef.externalize(any);
    }

    // ---- exceptions ----

    /** {@code throw}: a new exception of tag {@code tag} with the payload in slots. */
    static RuntimeException newException(long[] nums, Object[] refs, ModuleInstance inst, int tag) {
        return new UncaughtException(new ExceptionObject(inst.tags[tag], nums, refs));
    }

    /** {@code throw_ref}. */
    static RuntimeException rethrow(Object exn) {
        if (exn == null) {
            throw new TrapException("null exception reference");
        }
        return new UncaughtException(exn);
    }

    /** The exception object a handler caught. */
    static ExceptionObject caught(UncaughtException e) {
        return (ExceptionObject) e.exception();
    }

    /** Whether a caught exception has tag {@code tag} of {@code inst}. */
    static boolean hasTag(ExceptionObject e, ModuleInstance inst, int tag) {
        return e.tag == inst.tags[tag];
    }
}
