package dev.wasm4j.valid;

import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.ValType;

/**
 * A module that passed validation, with its types canonicalized: what instantiation and the execution
 * tiers start from. Immutable and thread-safe; {@link #replayFunction} may run concurrently.
 *
 * <p>"Closed" types name defined types by their canonical {@link DefType} ({@link HeapType.Defined})
 * instead of module-relative type indices, so they mean the same in every module and at run time.
 */
public final class ValidModule {
    private final ModuleContext c;

    ValidModule(ModuleContext c) {
        this.c = c;
    }

    public Module module() {
        return c.module;
    }

    public Features features() {
        return c.features;
    }

    /** The canonical, closed type at {@code typeIndex}. */
    public DefType defType(int typeIndex) {
        return c.types[typeIndex];
    }

    /** Number of types in the type index space. */
    public int typeCount() {
        return c.types.length;
    }

    /** A module-relative value type with its type indices replaced by canonical types. */
    public ValType close(ValType t) {
        return c.close(t, -1);
    }

    public RefType close(RefType t) {
        return c.close(t, -1);
    }

    public HeapType close(HeapType t) {
        return c.close(t, -1);
    }

    /**
     * Whether function {@code funcIndex} may become a reference (spec: C.refs): it is exported, in an element
     * segment, or named by {@code ref.func} in a global's, table's or data offset's expression. Every
     * {@code ref.func} in a function body names one of these.
     */
    public boolean declaredRef(int funcIndex) {
        return c.refs[funcIndex];
    }

    /** The canonical function type of function {@code funcIndex} (imports included). */
    public DefType functionType(int funcIndex) {
        return c.funcs[funcIndex];
    }

    /** Table {@code tableIndex} (imports included) with its element type closed. */
    public TableType tableType(int tableIndex) {
        return c.tables[tableIndex];
    }

    public MemoryType memoryType(int memoryIndex) {
        return c.memories[memoryIndex];
    }

    /** Global {@code globalIndex} (imports included) with its value type closed. */
    public GlobalType globalType(int globalIndex) {
        return c.globals[globalIndex];
    }

    /** The canonical function type of tag {@code tagIndex} (imports included). */
    public DefType tagType(int tagIndex) {
        return c.tags[tagIndex];
    }

    /** The module's initialization phases, freezable and frozen globals (frozen proposal). */
    public PhasePlan phases() {
        return c.phases;
    }

    /** The closed reference type of element segment {@code elemIndex}. */
    public RefType elemType(int elemIndex) {
        return c.elems[elemIndex];
    }

    /**
     * Walks the body of defined function {@code funcIndex} through {@code sink}, exactly as validation
     * typed it (see {@link CodeSink} and {@link CodeState}).
     */
    public void replayFunction(int funcIndex, CodeSink sink) {
        if (funcIndex < c.module.importedFunctionCount() || funcIndex >= c.funcs.length) {
            throw new IllegalArgumentException("not a defined function: " + funcIndex);
        }
        new CodeValidator(c).function(funcIndex, sink);
    }

    /**
     * Walks the body of defined function {@code funcIndex} one instruction at a time (see {@link CodeWalk});
     * the same walk as {@link #replayFunction}, pulled instead of pushed.
     */
    public CodeWalk walkFunction(int funcIndex) {
        if (funcIndex < c.module.importedFunctionCount() || funcIndex >= c.funcs.length) {
            throw new IllegalArgumentException("not a defined function: " + funcIndex);
        }
        return new CodeValidator(c).walk(funcIndex);
    }

    /**
     * Walks a constant expression of this module (a global or table initializer, an element item, a
     * segment offset) of type {@code expected} through {@code sink}; it is reported as a function with
     * index -1 and type {@code [] -> [expected]} (closed).
     */
    public void replayConst(Expr expr, ValType expected, CodeSink sink) {
        new CodeValidator(c).constant(expr, c.close(expected, -1), c.globals.length, sink);
    }
}
