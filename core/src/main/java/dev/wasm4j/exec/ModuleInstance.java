package dev.wasm4j.exec;

import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.DefType;
import dev.wasm4j.valid.ValidModule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module instance (spec 4.2.5): the module's index spaces resolved to store objects, plus its segments'
 * run-time state. The arrays are public for the execution tiers and must not be modified by anyone else.
 */
public final class ModuleInstance {
    private final ValidModule module;
    public final DefType[] types;
    public final FunctionInstance[] functions;
    public final TableInstance[] tables;
    public final LinearMemory[] memories;
    /**
     * {@code memories[0]}, or null: compiled code reads its first memory here at each function's entry, one
     * load instead of two (the array, then its element).
     */
    public LinearMemory memory0;
    public final GlobalInstance[] globals;
    public final TagInstance[] tags;
    /** Element segments' references; a dropped segment is an empty array. */
    public final Object[][] elems;
    /** Data segments' bytes: {@code dataBytes[i][dataStart[i] .. dataStart[i] + dataLength[i])}; dropped = length 0. */
    public final byte[][] dataBytes;
    public final int[] dataStart;
    public final int[] dataLength;
    private final Map<String, ExternVal> exports = new LinkedHashMap<>();
    /**
     * Non-zero when the code running in this instance must stop at its next check (function entry, loop
     * iteration): set from any thread by {@link Interrupts#request}, cleared by the trap ({@link Interrupts#poll}).
     */
    public volatile int interrupt;
    /** A plain copy of {@link #interrupt}, for checks where a plain read suffices. */
    public int interruptAtEntry;
    /** The thread running a call that came in from the host, or null (see {@link Interrupts#enter}). */
    public Thread runningThread;
    /** Whether the interrupt watchdog knows this instance ({@link Interrupts#enter}). */
    public boolean watched;
    /** Set when the instance is closed: calls into it from the host are refused. */
    public volatile boolean closed;
    /** The fuel budget execution draws on, or null when it is not metered (set before any code runs). */
    public Fuel fuel;
    /** The tier that can move long-running interpreted calls into compiled code, or null (set before any code runs). */
    public LoopTier loopTier;
    /**
     * The initialization phase the instance is in (frozen proposal): 0 while instantiation runs phase 0, the
     * module's last phase once it is instantiated. A function of a later phase traps when entered.
     */
    public int phase;
    /**
     * Engine-internal: the compiler's frame stack (split functions' frames) of the thread that last called a
     * split function of this instance, so that the next call finds it with one comparison instead of a
     * thread-local lookup (see {@code FrameStack.of}).
     */
    public Object frameStack;

    ModuleInstance(ValidModule module) {
        this.module = module;
        var m = module.module();
        this.types = new DefType[m.types().size()];
        this.functions = new FunctionInstance[m.functionCount()];
        this.tables = new TableInstance[m.tableTypes().size()];
        this.memories = new LinearMemory[m.memoryTypes().size()];
        this.globals = new GlobalInstance[m.globalTypes().size()];
        this.tags = new TagInstance[m.tagTypes().size()];
        this.elems = new Object[m.elems().size()][];
        int n = m.datas().size();
        this.dataBytes = new byte[n][];
        this.dataStart = new int[n];
        this.dataLength = new int[n];
    }

    public ValidModule module() {
        return module;
    }

    public LinearMemory[] memories() {
        return memories;
    }

    /**
     * True while a memory of this instance lives on the heap until native memory is set up
     * ({@link LinearMemory#settle}). Compiled code reaches memory at full speed only in native memory, so the
     * guest's thread settles them before it first enters compiled code ({@link #settleMemories}).
     */
    public boolean provisionalMemories;

    /**
     * Settles this instance's provisional memories, if it has any; on the guest's thread, between two
     * accesses. Called before every entry into compiled code: one read of a flag when there is nothing to do.
     */
    public void settleMemories() {
        if (provisionalMemories) {
            for (LinearMemory m : memories) {
                m.settle();
            }
            provisionalMemories = false;
        }
    }

    /** The export with this name, or null. */
    public ExternVal export(String name) {
        return exports.get(name);
    }

    /** Every export, in the module's order. */
    public Map<String, ExternVal> exports() {
        return Collections.unmodifiableMap(exports);
    }

    void addExport(String name, ExternVal value) {
        exports.put(name, value);
    }

    public void dropElem(int index) {
        elems[index] = EMPTY;
    }

    public void dropData(int index) {
        dataLength[index] = 0;
    }

    private static final Object[] EMPTY = new Object[0];
}
