package dev.wasm4j.exec.interp;

import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.Phases;
import dev.wasm4j.exec.gc.Freezer;
import dev.wasm4j.model.DefType;

/**
 * The interpreter's {@link Ops#FROZEN} op (frozen proposal): {@code ref.freeze}, and the checks that only
 * code touching freezable types and globals, or functions of a later phase, carries. Code without them runs
 * exactly as before.
 */
final class FrozenOps {
    /** {@code ref.freeze}: argument = constant index of the target frozen type. */
    static final int FREEZE = 0;
    /** The freezable object {@code argument} slots below the top must not be frozen. */
    static final int LIVE_OBJECT = 1;
    /** Freezable global {@code argument} must not be frozen. */
    static final int LIVE_GLOBAL = 2;
    /** Function entry: the instance must be in phase {@code argument} or later. */
    static final int PHASE = 3;

    private FrozenOps() {
    }

    static void execute(int kind, int argument, ModuleInstance inst, Code code, Object[] r, int sp) {
        switch (kind) {
            case FREEZE -> Freezer.freeze(r[sp - 1], (DefType) code.constants[argument]);
            case LIVE_OBJECT -> Freezer.live(r[sp - 1 - argument]);
            case LIVE_GLOBAL -> Phases.live(inst.globals[argument]);
            case PHASE -> Phases.enter(inst, argument);
            default -> throw new IllegalStateException("frozen op " + kind);
        }
    }
}
