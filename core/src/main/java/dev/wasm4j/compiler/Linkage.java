package dev.wasm4j.compiler;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Links calls between the generated classes of one module (a hidden class cannot name another): each class
 * has this object as class data element 0, and a direct call to a function of another class is an
 * {@code invokedynamic} whose bootstrap returns a constant call site to that function's method.
 */
final class Linkage {
    final MethodHandle[] handles;

    Linkage(int functions) {
        this.handles = new MethodHandle[functions];
    }

    /** Bootstrap of cross-class calls: {@code name} is the method name, {@code func} the function index. */
    static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, int func)
            throws IllegalAccessException {
        Linkage linkage = MethodHandles.classDataAt(caller, "_", Linkage.class, 0);
        MethodHandle h = linkage.handles[func];
        if (h == null) {
            throw new IllegalStateException("function " + func + " is not linked");
        }
        return new ConstantCallSite(h.asType(type));
    }
}
