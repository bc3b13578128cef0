package dev.wasm4j.exec;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.gc.Freezer;
import dev.wasm4j.model.RefType;
import dev.wasm4j.valid.PhasePlan;

/**
 * Initialization phases at run time (frozen proposal, docs/proposals/frozen.md, "Execution"): running them
 * at instantiation, and the two checks both tiers make where validation cannot decide, an early call and a
 * late access to a freezable global.
 */
public final class Phases {
    /** A function of phase p entered (through a table or a reference) before phase p began. */
    public static final String EARLY_CALL = "function called before its phase";
    /** A freezable global read or written after the phase that froze it began. */
    public static final String FROZEN_GLOBAL = "freezable global accessed after it was frozen";
    public static final String NULL_GLOBAL = "null reference in a non-nullable frozen global";

    private Phases() {
    }

    /**
     * Runs the start function of phase 0, then each later phase in order: its frozen globals take the frozen
     * values of their freezable globals (which die), the instance enters the phase, its start function runs.
     */
    static void run(ModuleInstance inst) {
        PhasePlan plan = inst.module().phases();
        int start = plan.start(0);
        if (start >= 0) {
            inst.functions[start].invoke();
        }
        for (int p : plan.laterPhases()) {
            for (int g : plan.frozenGlobals(p)) {
                freezeGlobal(inst.globals[plan.frozenFrom(g)], inst.globals[g]);
            }
            inst.phase = p;
            start = plan.start(p);
            if (start >= 0) {
                inst.functions[start].invoke();
            }
        }
    }

    private static void freezeGlobal(GlobalInstance from, GlobalInstance to) {
        if (to.type().valType() instanceof RefType r) {
            to.ref = Freezer.freezeValue(from.ref, r, NULL_GLOBAL);
        } else {
            to.value = from.value;
            to.high = from.high;
        }
        from.frozen = true;
    }

    /** At the entry of a function of phase {@code phase} (only those after 0 check). */
    public static void enter(ModuleInstance inst, int phase) {
        if (inst.phase < phase) {
            throw new TrapException(EARLY_CALL);
        }
    }

    /** Before an access to a freezable global. */
    public static GlobalInstance live(GlobalInstance g) {
        if (g.frozen) {
            throw new TrapException(FROZEN_GLOBAL);
        }
        return g;
    }
}
