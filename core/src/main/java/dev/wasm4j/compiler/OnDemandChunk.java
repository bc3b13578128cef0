package dev.wasm4j.compiler;

import dev.wasm4j.exec.ModuleInstance;

/**
 * A range of a module's functions whose class is generated when one of them is first called (see
 * {@link ModuleCompiler#compileOnDemand}): from the interpreter or the host through this invoker; from
 * compiled code through the class loader that resolves the call ({@link NamedClassLoader}), or for hidden
 * classes through {@link Linkage#bootstrap}.
 */
final class OnDemandChunk implements ChunkInvoker {
    private final ModuleCompiler compiler;
    /** The range's ordinal among the module's (its named class's, with named classes). */
    final int ordinal;
    final int first;
    final int end;
    /** The generated class's invoker once it is defined. */
    volatile ChunkInvoker defined;

    OnDemandChunk(ModuleCompiler compiler, int ordinal, int first, int end) {
        this.compiler = compiler;
        this.ordinal = ordinal;
        this.first = first;
        this.end = end;
    }

    @Override
    public void invoke(int func, ModuleInstance inst, long[] s, Object[] r, int base) {
        ChunkInvoker c = defined;
        if (c == null) {
            try {
                c = compiler.define(this);
            } catch (RuntimeException e) {
                if (ModuleCompiler.STRICT) {
                    throw e;
                }
                throw new dev.wasm4j.TrapException("internal error: function " + func + " not compiled: " + e);
            }
        }
        c.invoke(func, inst, s, r, base);
    }
}
