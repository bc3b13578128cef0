package dev.wasm4j.exec;

import dev.wasm4j.Value;
import dev.wasm4j.exec.interp.Code;
import dev.wasm4j.exec.interp.Interpreter;
import dev.wasm4j.exec.interp.Translator;
import dev.wasm4j.model.DefType;

/**
 * A function defined by a module instance. Its body is translated for the interpreter on first call, once
 * (thread-safe), so that instantiating a large module costs nothing per function. A compiling tier may
 * install a {@link CompiledCode} body, which then takes every call.
 */
public final class WasmFunction extends FunctionInstance {
    private final ModuleInstance instance;
    private final int index;
    private volatile Code code;
    /** Set when a compiling tier has a body for this function; calls then go there. */
    private volatile CompiledCode compiled;

    public WasmFunction(DefType type, ModuleInstance instance, int index) {
        super(type);
        this.instance = instance;
        this.index = index;
    }

    public ModuleInstance instance() {
        return instance;
    }

    /** Index in the module's function index space. */
    public int index() {
        return index;
    }

    /** The translated body, translating it on first use. */
    public Code code() {
        Code c = code;
        if (c == null) {
            synchronized (this) {
                c = code;
                if (c == null) {
                    c = Translator.translate(this);
                    code = c;
                }
            }
        }
        return c;
    }

    /** The compiled body, or null while the function runs in the interpreter. */
    public CompiledCode compiled() {
        return compiled;
    }

    /** Installs (or, with null, removes) a compiled body; later calls use it. */
    public void setCompiled(CompiledCode c) {
        compiled = c;
    }

    @Override
    public Value[] invoke(Value... args) {
        if (instance.closed) {
            throw new IllegalStateException("instance is closed");
        }
        CompiledCode c = compiled;
        if (c != null) {
            instance.settleMemories();
        }
        Thread outer = Interrupts.enter(instance);
        try {
            return c != null ? c.invoke(this, args) : Interpreter.invoke(this, args);
        } finally {
            Interrupts.exit(instance, outer);
        }
    }

    /** The name section's name, else the name it is exported under, else {@code func N}. */
    @Override
    public String debugName() {
        return debugName(instance.module().module(), index);
    }

    /** The name traces show for function {@code index} of module {@code m} (the compiler uses it too). */
    public static String debugName(dev.wasm4j.model.Module m, int index) {
        String name = m.names().functionName(index);
        if (name != null) {
            return name;
        }
        for (var e : m.exports()) {
            if (e.kind() == dev.wasm4j.model.ExternKind.FUNC && e.index() == index) {
                return e.name() + " (func " + index + ")";
            }
        }
        return "func " + index;
    }
}
