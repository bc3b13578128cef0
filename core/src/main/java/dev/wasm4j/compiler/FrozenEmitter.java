package dev.wasm4j.compiler;

import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.binary.Immediates;
import dev.wasm4j.exec.gc.Freezer;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeState;
import dev.wasm4j.valid.PhasePlan;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the frozen proposal adds to a compiled function (docs/proposals/frozen.md, "Compiled code"), apart
 * from {@link FunctionCompiler}'s own code:
 * <ul>
 * <li>{@code ref.freeze} calls {@link Freezer#freeze};
 * <li>an access through a freezable type checks that the object is not frozen, an access to a freezable
 *     global that a phase freezes checks the global: nothing else pays for either;
 * <li>a function of a phase after 0 checks the instance's phase at entry; then the frozen globals it reads
 *     cannot change any more, so they are read once, at entry, into locals: every {@code global.get} of them
 *     is a local, with nothing to reload in a loop;
 * <li>fields of frozen types read from a non-null parameter that the function never assigns are constants
 *     for the whole call: they are read once at entry too (the closure environment and vtable pattern).
 * </ul>
 */
final class FrozenEmitter {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final ClassDesc PHASES = ClassDesc.of("dev.wasm4j.exec.Phases");
    private static final ClassDesc FREEZER = ClassDesc.of("dev.wasm4j.exec.gc.Freezer");

    private final FunctionCompiler fc;
    /** The module's phases; set at the prologue (the function compiler is still being built before). */
    private PhasePlan plan;
    /** JVM local holding frozen global {@code g}'s value, read at entry; -1 when it is not cached. */
    private int[] globalCache = new int[0];
    /** For a {@code struct.get} (by offset) that reads a frozen field of a constant parameter: its local. */
    private final Map<Integer, Integer> fieldCache = new HashMap<>();

    FrozenEmitter(FunctionCompiler fc) {
        this.fc = fc;
    }

    /** After the memories and globals are loaded at entry, before the body (and any loop entry). */
    void prologue(FuncType type) {
        plan = fc.chunk.valid().phases();
        CodeBuilder cb = fc.cb;
        int phase = plan.functionPhase(fc.funcIndex);
        if (phase > 0) {
            cb.aload(fc.instSlot).loadConstant(phase);
            Descs.call(cb, PHASES, "enter", "(Ldev/wasm4j/exec/ModuleInstance;I)V");
        }
        globalCache = new int[fc.globalSlot.length];
        Arrays.fill(globalCache, -1);
        for (int g = 0; g < globalCache.length; g++) {
            if (fc.globalSlot[g] >= 0 && plan.isFrozenGlobal(g)) {
                JvmType t = JvmType.of(fc.chunk.valid().globalType(g).valType());
                fc.globalGet(g);
                int slot = fc.allocate(t);
                fc.store(t, slot);
                globalCache[g] = slot;
            }
        }
        cacheParameterFields(type);
    }

    /**
     * The prologue of a region of a split function: its values come from the function's own method, so a
     * region reads frozen globals and fields where it uses them, uncached.
     */
    void regionPrologue() {
        plan = fc.chunk.valid().phases();
    }

    /** {@code global.get g} of a frozen global read at entry: the local; false for other globals. */
    boolean globalGet(int g) {
        if (g < globalCache.length && globalCache[g] >= 0) {
            fc.load(JvmType.of(fc.chunk.valid().globalType(g).valType()), globalCache[g]);
            return true;
        }
        return false;
    }

    /** Before {@code global.get/set g}: the check of a freezable global that some phase freezes. */
    void beforeGlobal(int g) {
        if (plan.frozenAt(g) >= 0) {
            fc.cb.aload(fc.globalSlot[g]);
            Descs.call(fc.cb, PHASES, "live", "(Ldev/wasm4j/exec/GlobalInstance;)Ldev/wasm4j/exec/GlobalInstance;");
            fc.cb.pop();
        }
    }

    /**
     * Before an aggregate instruction: checks the operands of freezable types ({@link Freezer#liveOperands}),
     * or serves a cached parameter field. True when the instruction is done (served from a local).
     */
    boolean before(Opcode op, Immediates imm, CodeState st) {
        Integer cached = fieldCache.get(st.offset());
        if (cached != null) {
            fc.cb.pop();  // the parameter that local.get pushed
            fc.load(JvmType.of(valueType(imm.index, imm.index2)), cached);
            return true;
        }
        int[] operands = Freezer.liveOperands(op, imm.index, imm.index2, fc.chunk.valid()::defType);
        for (int operand : operands) {
            Spill above = Spill.of(fc, st, operand);
            Descs.call(fc.cb, FREEZER, "live", "(" + OBJ + ")" + OBJ);
            for (int i = 0; i < operand; i++) {
                above.reload(i);
            }
        }
        return false;
    }

    /** {@code ref.freeze x y}: the operand is not null (its type is {@code (ref y)}). */
    void refFreeze(int frozenType) {
        fc.cb.ldc(fc.chunk.typeConstant(frozenType));
        Descs.call(fc.cb, FREEZER, "freeze", "(" + OBJ + "Ldev/wasm4j/model/DefType;)" + OBJ);
    }

    /** The type {@code struct.get} of field {@code field} of type {@code typeIndex} pushes. */
    private ValType valueType(int typeIndex, int field) {
        DefType t = fc.chunk.valid().defType(typeIndex);
        StorageType s = ((StructType) t.composite()).fields().get(field).storage();
        return s instanceof ValType v ? v : NumType.I32;
    }

    /**
     * Finds {@code local.get p; struct.get $T i} where parameter p is non-null, of a frozen type, and never
     * assigned (nor replaced by a tail call to the function itself), and reads each such field once here.
     */
    private void cacheParameterFields(FuncType type) {
        Module m = fc.chunk.valid().module();
        int defined = fc.funcIndex - m.importedFunctionCount();
        int params = type.params().size();
        BitSet constant = new BitSet();
        for (int p = 0; p < params; p++) {
            if (type.params().get(p) instanceof RefType r && !r.nullable()
                    && r.heapType() instanceof HeapType.Defined d && d.type().isFrozen()) {
                constant.set(p);
            }
        }
        if (constant.isEmpty()) {
            return;
        }
        Map<Integer, int[]> uses = new TreeMap<>();  // by offset, so that the code comes out the same each time
        CodeReader in = new CodeReader(m.functions().get(defined).body());
        int lastGet = -1;
        while (!in.atEnd()) {
            Opcode op = in.next();
            Immediates imm = in.imm();
            switch (op) {
                case LOCAL_SET, LOCAL_TEE -> constant.clear(imm.index);
                case RETURN_CALL -> {
                    if (imm.index == fc.funcIndex) {
                        return;
                    }
                }
                case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                    if (lastGet >= 0 && fc.chunk.valid().defType(imm.index).isFrozen()) {
                        uses.put(in.instrOffset(), new int[] {lastGet, op.ordinal(), imm.index, imm.index2});
                    }
                }
                default -> { }
            }
            lastGet = op == Opcode.LOCAL_GET && imm.index < params ? imm.index : -1;
        }
        Map<String, Integer> slots = new LinkedHashMap<>();
        uses.forEach((offset, use) -> {
            if (!constant.get(use[0])) {
                return;
            }
            Integer slot = slots.computeIfAbsent(Arrays.toString(use), k -> loadField(type, use));
            fieldCache.put(offset, slot);
        });
    }

    /** Reads field {@code use = {param, opcode, type, field}} into a new local; returns the local. */
    private int loadField(FuncType type, int[] use) {
        Opcode op = Opcode.values()[use[1]];
        int jvmSlot = 0;
        for (int p = 0; p < use[0]; p++) {
            jvmSlot += JvmType.of(type.params().get(p)).jvmSlots();
        }
        fc.cb.aload(jvmSlot);
        GcEmitter.structGet(fc, op, use[2], use[3], true);
        JvmType t = JvmType.of(valueType(use[2], use[3]));
        int slot = fc.allocate(t);
        fc.store(t, slot);
        return slot;
    }

}
