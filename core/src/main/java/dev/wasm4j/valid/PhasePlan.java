package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Global;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.PhaseEntry;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The initialization phases of a module (frozen proposal, docs/proposals/frozen.md): the phase of every
 * function and global, the start function of each phase, and which globals are freezable or frozen.
 *
 * <p>Instantiation runs the phases in order. Phase 0 is what a module without phases has (initializers,
 * segments, the start function); when a later phase p begins, every frozen global of phase p takes the frozen
 * value of its freezable global, which is dead from then on, and then p's start function runs. Validation
 * makes code of phase p name only functions and globals of phase p or earlier, and never a freezable global
 * frozen by phase p; calls that arrive early anyway (through a table) trap at the callee's entry.
 */
public final class PhasePlan {
    private final Module m;
    private final int[] functionPhase;
    private final int[] globalPhase;
    /** For a frozen global, the index of the freezable global it freezes; -1 for the others. */
    private final int[] frozenFrom;
    /** For a freezable global, the phase its frozen global has; -1 when none freezes it. */
    private final int[] frozenAt;
    private final boolean[] freezable;
    private final TreeMap<Integer, Integer> starts = new TreeMap<>();
    private final int[] laterPhases;

    /** The plan as the module's syntax states it; {@link #validate} checks it once the globals are typed. */
    PhasePlan(Module m) {
        this.m = m;
        functionPhase = new int[m.functionCount()];
        int globals = m.globalTypes().size();
        globalPhase = new int[globals];
        frozenFrom = new int[globals];
        frozenAt = new int[globals];
        freezable = new boolean[globals];
        Arrays.fill(frozenFrom, -1);
        Arrays.fill(frozenAt, -1);
        boolean[] explicit = new boolean[globals];
        for (PhaseEntry e : m.phases()) {
            switch (e.kind()) {
                case FUNCTION -> {
                    if (e.index() < functionPhase.length) {
                        functionPhase[e.index()] = e.phase();
                    }
                }
                case GLOBAL -> {
                    if (e.index() < globals) {
                        globalPhase[e.index()] = e.phase();
                        explicit[e.index()] = true;
                    }
                }
                case START -> starts.putIfAbsent(e.phase(), e.index());
            }
        }
        if (m.start() >= 0) {
            starts.put(0, m.start());
        }
        int base = m.importedGlobalCount();
        for (int i = 0; i < m.globals().size(); i++) {
            FreezeClause freeze = m.globals().get(i).freeze(); // no pattern switch: start-up (see Module)
            if (freeze instanceof FreezeClause.Freezable) {
                freezable[base + i] = true;
            } else if (freeze instanceof FreezeClause.FreezeOf(int x)) {
                frozenFrom[base + i] = x;
            }
        }
        for (int g = 0; g < globals; g++) {
            int x = frozenFrom[g];
            if (x >= 0 && x < globals && !explicit[g]) {
                globalPhase[g] = globalPhase[x] + 1;
            }
            if (x >= 0 && x < globals && freezable[x] && frozenAt[x] < 0) {
                frozenAt[x] = globalPhase[g];
            }
        }
        TreeSet<Integer> later = new TreeSet<>(starts.keySet());
        Arrays.stream(functionPhase).forEach(later::add);
        Arrays.stream(globalPhase).forEach(later::add);
        later.remove(0);
        laterPhases = later.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Checks the plan (spec-style rules in docs/proposals/frozen.md, "Phases"): phases of defined functions
     * and globals only, once each; one start function per phase, of no later phase, without parameters or
     * results; each frozen global freezes a defined freezable global (no other frozen global freezes it), in
     * a later phase, and its type is a frozen form of that global's type.
     */
    void validate(ModuleContext c) {
        boolean[] seenFunction = new boolean[functionPhase.length];
        boolean[] seenGlobal = new boolean[globalPhase.length];
        TreeSet<Integer> startPhases = new TreeSet<>();
        if (m.start() >= 0) {
            startPhases.add(0);
        }
        for (PhaseEntry e : m.phases()) {
            int i = e.index();
            switch (e.kind()) {
                case FUNCTION -> {
                    c.func(i, -1);
                    definedOnce(seenFunction, i, m.importedFunctionCount(), "function");
                }
                case GLOBAL -> {
                    c.global(i, globalPhase.length, -1);
                    definedOnce(seenGlobal, i, m.importedGlobalCount(), "global");
                }
                case START -> {
                    if (!startPhases.add(e.phase())) {
                        throw new InvalidException("multiple start functions for phase " + e.phase(), -1);
                    }
                }
            }
        }
        int base = m.importedGlobalCount();
        for (int i = 0; i < m.globals().size(); i++) {
            Global def = m.globals().get(i);
            if (def.freeze() instanceof FreezeClause.FreezeOf(int x)) {
                frozenGlobal(c, base + i, x);
            }
        }
    }

    /** A phase entry for definition {@code i}: not an import, and the only entry for it. */
    private static void definedOnce(boolean[] seen, int i, int imported, String what) {
        if (i < imported) {
            throw new InvalidException("imported " + what + " " + i + " cannot have a phase", -1);
        }
        if (seen[i]) {
            throw new InvalidException("duplicate phase for " + what + " " + i, -1);
        }
        seen[i] = true;
    }

    /**
     * Checks the start functions of the phases after 0 like the start section's (the validator checks that
     * one), and that no start function is of a later phase than the phase it starts.
     */
    void validateStarts(ModuleContext c) {
        starts.forEach((phase, f) -> {
            FuncType ft = c.func(f, -1).funcType();
            if (phase > 0 && (!ft.params().isEmpty() || !ft.results().isEmpty())) {
                throw new InvalidException("start function must not have parameters or results", -1);
            }
            if (functionPhase[f] > phase) {
                throw new InvalidException("start function " + f + " of phase " + phase + " is in phase "
                        + functionPhase[f], -1);
            }
        });
    }

    private void frozenGlobal(ModuleContext c, int g, int x) {
        c.global(x, globalPhase.length, -1);
        if (!freezable[x]) {
            throw new InvalidException("global " + g + " freezes global " + x + ", which is not freezable", -1);
        }
        for (int other = 0; other < g; other++) {
            if (frozenFrom[other] == x) {
                throw new InvalidException("global " + x + " is frozen by globals " + other + " and " + g, -1);
            }
        }
        if (globalPhase[g] <= globalPhase[x]) {
            throw new InvalidException("frozen global " + g + " must be in a later phase than global " + x, -1);
        }
        // Either a frozen form of the freezable global's type (its value is frozen), or that type itself, a
        // super type, possibly without null (the value is kept, checked for null).
        ValType from = c.globals[x].valType();
        ValType to = c.globals[g].valType();
        String reason = FreezeRules.frozenStorage(from, to);
        if (reason != null && !Types.isSubtype(from instanceof RefType r ? r.asNonNull() : from, to)) {
            throw new InvalidException("type mismatch: global " + g + " is not a frozen form of global " + x
                    + " (its type " + reason + ")", -1);
        }
    }

    /** Whether the module uses phases or frozen globals at all (else every check here passes). */
    public boolean isTrivial() {
        return laterPhases.length == 0;
    }

    public int functionPhase(int funcIndex) {
        return functionPhase[funcIndex];
    }

    public int globalPhase(int globalIndex) {
        return globalPhase[globalIndex];
    }

    public boolean isFreezableGlobal(int globalIndex) {
        return freezable[globalIndex];
    }

    public boolean isFrozenGlobal(int globalIndex) {
        return frozenFrom[globalIndex] >= 0;
    }

    /** The freezable global that frozen global {@code globalIndex} freezes. */
    public int frozenFrom(int globalIndex) {
        return frozenFrom[globalIndex];
    }

    /** The phase at whose beginning freezable global {@code globalIndex} is frozen, or -1 when it never is. */
    public int frozenAt(int globalIndex) {
        return frozenAt[globalIndex];
    }

    /** The start function of {@code phase}, or -1. */
    public int start(int phase) {
        return starts.getOrDefault(phase, -1);
    }

    /** The phases after 0 that the module uses, in order: those instantiation goes through. */
    public int[] laterPhases() {
        return laterPhases.clone();
    }

    /** The frozen globals of {@code phase}, in index order. */
    public int[] frozenGlobals(int phase) {
        int[] out = new int[frozenFrom.length];
        int n = 0;
        for (int g = 0; g < frozenFrom.length; g++) {
            if (frozenFrom[g] >= 0 && globalPhase[g] == phase) {
                out[n++] = g;
            }
        }
        return Arrays.copyOf(out, n);
    }

    // ---- the rules for code (CodeValidator) ----

    /** Code of phase {@code phase} names function {@code f} (call, return_call, ref.func). */
    void checkFunction(CodeValidator v, int f, int phase) {
        if (functionPhase[f] > phase) {
            throw v.error("function " + f + " of phase " + functionPhase[f] + " used in phase " + phase);
        }
    }

    /** Code of phase {@code phase} names global {@code g} (global.get, global.set). */
    void checkGlobal(CodeValidator v, int g, int phase) {
        if (globalPhase[g] > phase) {
            throw v.error("global " + g + " of phase " + globalPhase[g] + " used in phase " + phase);
        }
        if (frozenAt[g] >= 0 && frozenAt[g] <= phase) {
            throw v.error("global " + g + " is frozen before phase " + phase);
        }
    }
}
