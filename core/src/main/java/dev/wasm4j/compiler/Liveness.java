package dev.wasm4j.compiler;

import dev.wasm4j.compiler.FunctionShape.Body;
import dev.wasm4j.compiler.FunctionShape.Item;
import dev.wasm4j.compiler.FunctionShape.Node;
import dev.wasm4j.compiler.SplitPlan.Region;
import dev.wasm4j.model.Opcode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Wasm locals are live (read later, before any write) where a split function's regions start and
 * where they leave ({@link SplitPlan}): a backward pass over the function's {@link FunctionShape}, repeated
 * until the heads of its loops no longer change.
 *
 * <p>A region then loads from the frame only the locals live where it starts, and stores at each way out
 * only those live where that way leads. A local that is live at neither end is the region's own (a
 * temporary of one case of an interpreter's dispatch, in a local that the C compiler gave other uses
 * elsewhere): it lives in a JVM local, with no copy in or out, where C2 can keep it in a register.
 *
 * <p>Functions with exception handlers get none: a handler in a caller sees the locals as the throw left
 * them, which the branches alone do not say.
 */
final class Liveness {
    private final Set<Integer> starts = new HashSet<>();
    private final Set<Integer> ends = new HashSet<>();
    private final Map<Integer, BitSet> atStart = new HashMap<>();
    private final Map<Integer, BitSet> atEnd = new HashMap<>();
    /** At each region start: what is live at the label of each level around it (0: the function's return). */
    private final Map<Integer, BitSet[]> labelsAt = new HashMap<>();
    private final Map<Node, BitSet> loopHeads = new IdentityHashMap<>();
    /** While walking: the live set at the label of each open level. */
    private final List<BitSet> labels = new ArrayList<>();
    private final BitSet all;
    private boolean changed;

    private Liveness(int locals) {
        all = new BitSet();
        all.set(0, locals);
    }

    /** The liveness at the starts and ends of {@code regions}, or null for a function with exception handlers. */
    static Liveness of(FunctionShape shape, List<Region> regions) {
        if (shape.catches) {
            return null;
        }
        Liveness l = new Liveness(shape.locals.size());
        for (Region r : regions) {
            l.starts.add(r.start());
            l.ends.add(r.end());
        }
        do {
            l.changed = false;
            l.labels.clear();
            l.labels.add(new BitSet());   // the function's return: nothing is read after it
            l.body(shape.root.bodies.getFirst(), new BitSet());
        } while (l.changed);
        return l;
    }

    /** Live where {@code r} starts. */
    BitSet in(Region r) {
        return atStart.get(r.start());
    }

    /** Live where {@code r} falls through to. */
    BitSet after(Region r) {
        return atEnd.get(r.end());
    }

    /** Live at the label of {@code level} that {@code r} branches to (0: the function's return). */
    BitSet out(Region r, int level) {
        return labelsAt.get(r.start())[level];
    }

    /** Everything live at some way out of {@code r}. */
    BitSet anyOut(Region r) {
        if (r.restarts()) {
            return (BitSet) all.clone();
        }
        BitSet live = (BitSet) after(r).clone();
        for (int level : r.exits()) {
            live.or(out(r, level));
        }
        return live;
    }

    /** The locals {@code r} uses that are live at neither end of it: its own. */
    BitSet own(Region r) {
        BitSet own = (BitSet) r.touched().clone();
        own.andNot(in(r));
        own.andNot(anyOut(r));
        return own;
    }

    /** Walks {@code b} backwards from {@code out}, live at its end; returns what is live at its start. */
    private BitSet body(Body b, BitSet out) {
        BitSet live = (BitSet) out.clone();
        for (int k = b.items.size() - 1; k >= 0; k--) {
            Item item = b.items.get(k);
            if (ends.contains(item.end)) {
                atEnd.put(item.end, (BitSet) live.clone());
            }
            live = item.node == null ? instruction(item, live) : node(item.node, live);
            if (starts.contains(item.start)) {
                atStart.put(item.start, (BitSet) live.clone());
                labelsAt.put(item.start, labels.toArray(new BitSet[0]));
            }
        }
        return live;
    }

    /** One plain instruction, with {@code after} live after it (which it may change). */
    private BitSet instruction(Item item, BitSet after) {
        BitSet live = item.restarts ? (BitSet) all.clone() : item.stops ? new BitSet() : after;
        for (int level = item.exits.nextSetBit(0); level >= 0; level = item.exits.nextSetBit(level + 1)) {
            live.or(labels.get(level));
        }
        live.andNot(item.writes);
        live.or(item.reads);
        return live;
    }

    /** A structured instruction, with {@code after} live after its end. */
    private BitSet node(Node n, BitSet after) {
        BitSet label = n.kind == Opcode.LOOP ? loopHeads.getOrDefault(n, new BitSet()) : (BitSet) after.clone();
        labels.add(label);
        BitSet live = body(n.bodies.getFirst(), after);
        if (n.kind == Opcode.IF) {
            live.or(n.bodies.size() > 1 ? body(n.bodies.get(1), after) : after);
        }
        labels.removeLast();
        if (n.kind == Opcode.LOOP && !live.equals(loopHeads.get(n))) {
            loopHeads.put(n, (BitSet) live.clone());
            changed = true;
        }
        return live;
    }
}
