package dev.wasm4j.compiler;

import dev.wasm4j.compiler.FunctionShape.Body;
import dev.wasm4j.compiler.FunctionShape.Item;
import dev.wasm4j.compiler.SplitPlan.Budget;
import dev.wasm4j.compiler.SplitPlan.Region;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Chooses the regions of a {@link SplitPlan}, in two steps.
 *
 * <ol>
 * <li><b>Bottom-up</b>: each block's arms are planned before the block. An arm whose items add up to more
 * than the budget is cut, greedily, into runs of at most the budget that start where the block's operand
 * stack is empty; items that branch to many labels outside them (a {@code br_table} dispatch) or that
 * contain cuts themselves are left to the caller, so that a dispatch keeps its structure and each of its
 * cases becomes a region. A block that fits stays whole: a loop then runs inside one method.</li>
 * <li><b>Per method</b>: arms that fit one by one can still add up, through a deep nest of blocks, to a
 * method over the budget (an interpreter's dispatch: a hundred nested blocks, the code of a case after
 * each). While a method is over the budget, the arm inside it with the most code that can still be cut is
 * cut into small runs; only when nothing like that is left are blocks that contain cuts put into runs
 * themselves, which nests regions. Arms that run on every dispatch ({@link #spine}) are left whole unless
 * their plain code is over the budget by itself, or the method is over its hard limit.</li>
 * </ol>
 *
 * Sizes are estimated bytes of bytecode ({@link Estimates}); a method's size counts what is left in it
 * after its regions are cut out, plus the calls of those regions.
 */
final class SplitPlanner {
    /** Items that branch to more labels outside them than this stay in their caller while anything else can go. */
    static final int FEW_EXITS = 2;
    /** Runs smaller than this are never worth a call: about what the call itself takes. */
    static final int SMALLEST_REGION_BYTES = 24;

    private final FunctionShape shape;
    private final Budget budget;
    private final int pinnedLoop;
    /** A loop entry's plan (not the forced test mode): loops other than the entry's go into regions of their own. */
    private final boolean outlineLoops;
    /** Loops the interpreter saw iterate many times: their bodies stay as they are (see {@link #outlineLoops}). */
    private final BitSet busyLoops;
    private final List<Run> runs = new ArrayList<>();
    /** Arms a cut of step 2 left as they were, without and with structural items: nothing more to take there. */
    private final List<java.util.Set<PBody>> exhausted = List.of(
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()),
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    SplitPlanner(FunctionShape shape, Budget budget, int pinnedLoop, BitSet busyLoops) {
        this.shape = shape;
        this.budget = budget;
        this.pinnedLoop = pinnedLoop;
        this.busyLoops = busyLoops;
        this.outlineLoops = pinnedLoop >= 0 && !budget.forced();
    }

    /** The plan state of one item. */
    private static final class PItem {
        final Item item;
        final PBody parent;
        final List<PBody> bodies = new ArrayList<>();
        /** Bytes this item leaves in the method that holds it. */
        int residual;
        /** Something inside was cut out. */
        boolean structural;
        /** Contains the loop a loop entry starts at. */
        boolean pinned;
        /** Inside a loop (or is one) that stays whole: the budget cuts nothing in it. */
        boolean whole;
        /**
         * Inside a whole loop (or is one) that a loop entry does not start in: not even a loop entry's own
         * cuts ({@link #outlineLoops}) are made in it. A whole loop the entry starts in keeps the loops around
         * that point inline and gives the others their regions.
         */
        boolean sealed;
        /** The run this item is in, or null. */
        Run run;

        PItem(Item item, PBody parent) {
            this.item = item;
            this.parent = parent;
        }
    }

    /** The plan state of one arm. */
    private static final class PBody {
        final Body body;
        final PItem owner;
        final List<PItem> items = new ArrayList<>();
        final List<Run> runs = new ArrayList<>();
        /** Bytes left of this arm after its runs are cut out, their calls included. */
        int total;

        PBody(Body body, PItem owner) {
            this.body = body;
            this.owner = owner;
        }
    }

    /** Items {@code [from, to)} of one arm, becoming one region. */
    private static final class Run {
        final PBody body;
        final int from;
        final int to;
        /** Bytes of the region's method. */
        int size;

        Run(PBody body, int from, int to, int size) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.size = size;
        }
    }

    List<Region> plan() {
        Item rootItem = new Item(0, shape.root, false);
        rootItem.end = shape.instructions;
        PItem root = new PItem(rootItem, null);
        List<PItem> order = tree(root);
        for (int i = order.size() - 1; i >= 0; i--) {
            PItem it = order.get(i);
            it.pinned = it.item.node.loop >= 0 && it.item.node.loop == pinnedLoop;
            for (PBody b : it.bodies) {
                for (PItem child : b.items) {
                    it.pinned |= child.pinned;
                }
            }
        }
        for (PItem it : order) {
            boolean outer = it.parent != null && it.parent.owner.whole;
            it.whole = !budget.forced() && (outer || (isLoop(it) && it.item.node.size <= budget.loopBytes()));
            it.sealed = (it.parent != null && it.parent.owner.sealed) || (it.whole && isLoop(it) && !it.pinned);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            planItem(order.get(i));
        }
        Deque<Object> methods = new ArrayDeque<>();
        methods.add(root);
        methods.addAll(runs);
        while (!methods.isEmpty()) {
            fit(methods.removeFirst(), methods);
        }
        return regions();
    }

    /** Builds the plan tree; returns its node items in pre-order. */
    private List<PItem> tree(PItem root) {
        List<PItem> order = new ArrayList<>();
        Deque<PItem> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PItem it = stack.pop();
            order.add(it);
            for (Body b : it.item.node.bodies) {
                PBody pb = new PBody(b, it);
                it.bodies.add(pb);
                for (Item child : b.items) {
                    PItem pc = new PItem(child, pb);
                    pb.items.add(pc);
                    if (child.node != null) {
                        stack.push(pc);
                    }
                }
            }
        }
        return order;
    }

    /** Step 1 for one node item, whose children are planned: its arms, then its own size. */
    private void planItem(PItem it) {
        int inner = 0;
        for (PBody b : it.bodies) {
            for (PItem child : b.items) {
                inner += child.item.size;
                it.structural |= child.structural;
                if (child.item.node == null) {
                    child.residual = child.item.size;
                }
            }
        }
        int size = Math.max(0, it.item.node.size - inner);
        for (PBody b : it.bodies) {
            if (outlineLoops && !it.sealed && !insideBusyLoop(it)) {
                outlineLoops(b);
            }
            b.total = totalOf(b);
            if (!it.whole && (budget.forced() || b.total > budget.methodBytes() && !spine(b))) {
                cut(b, false, budget.minRegionBytes());
                if (b.total > budget.methodBytes()) {
                    cut(b, false, SMALLEST_REGION_BYTES);
                }
                if (budget.forced()) {
                    cut(b, true, 0);
                }
            }
            it.structural |= !b.runs.isEmpty();
            size += b.total;
        }
        it.residual = size;
    }

    /**
     * A loop entry's own step: each loop of arm {@code b} that the entry does not start in becomes a region of
     * its own, with the loops inside it. A loop entry runs a call that stayed in one loop for long, typically
     * a program's {@code main} with one loop after another; kept in the entry's method, each later loop would
     * be new code to C2's on-stack compilation of that method, which deoptimises at every first exit into
     * code it has no profile for and compiles the method again. As a region, each loop is a method that C2
     * compiles for itself and that returns when the loop ends. Not done inside a loop the interpreter saw
     * iterate many times (the caller checks): the loops in its body run once per iteration of a hot loop,
     * where a call each time would cost more than it saves.
     */
    private void outlineLoops(PBody b) {
        List<PItem> items = b.items;
        for (int i = 0; i < items.size(); i++) {
            PItem it = items.get(i);
            if (it.item.node != null && isLoop(it) && !it.pinned
                    && it.item.cut && it.item.node.empty && usable(it, b, false)
                    && it.residual >= budget.minRegionBytes()) {
                close(b, i, i + 1, it.residual, 0);
            }
        }
    }

    /** Whether the innermost loop around or at {@code it} iterated many times before the entry was asked for. */
    private boolean insideBusyLoop(PItem it) {
        for (PItem p = it; p != null; p = p.parent == null ? null : p.parent.owner) {
            if (isLoop(p)) {
                return busyLoops.get(p.item.node.loop);
            }
        }
        return false;
    }

    /**
     * Whether {@code b} is on the path of every dispatch of an interpreter: the body of a loop around a
     * dispatch that was cut (a block holding regions), or the arm of the dispatch's {@code br_table} (an item
     * with many exits). Its own plain items (fetch and decode) run on every dispatch, one region call each
     * time if cut out, where each case runs on a few. Step 1 leaves such an arm whole unless its own plain
     * items are over the budget themselves, and step 2 cuts it only among the blocks that contain cuts.
     */
    private boolean spine(PBody b) {
        if (budget.forced()) {
            return false;
        }
        boolean dispatch = false;
        int plain = 0;
        for (PItem it : b.items) {
            dispatch |= it.structural && isLoop(b.owner)
                    || it.item.node == null && it.item.exits.cardinality() > FEW_EXITS;
            plain += it.structural ? 0 : it.residual;
        }
        return dispatch && plain <= budget.methodBytes();
    }

    private static boolean isLoop(PItem it) {
        return it.item.node.kind == dev.wasm4j.model.Opcode.LOOP;
    }

    /** Step 2 for one method (the root item, or a run): cuts inside it until it fits the budget. */
    private void fit(Object method, Deque<Object> methods) {
        while (sizeOf(method) > budget.methodBytes()) {
            PBody b = densest(method, false, Integer.MAX_VALUE);
            boolean withStructural = b == null;
            if (withStructural) {
                if (sizeOf(method) <= budget.hardBytes()) {
                    return;
                }
                // the arm whose cut takes the most that still fits one method, so that few levels nest
                b = densest(method, true, budget.hardBytes());
                if (b == null) {
                    b = densest(method, true, Integer.MAX_VALUE);
                }
                if (b == null) {
                    return;
                }
            }
            change(b, withStructural, methods);
        }
    }

    private int sizeOf(Object method) {
        return method instanceof Run r ? r.size : ((PItem) method).residual;
    }

    /**
     * Cuts {@code b} again (small runs; or runs of blocks that contain cuts, {@code withStructural}) and
     * carries the change of its size up to the method that holds it; new regions join {@code methods}.
     */
    private void change(PBody b, boolean withStructural, Deque<Object> methods) {
        int before = b.total;
        int runsBefore = runs.size();
        if (withStructural) {
            cut(b, true, budget.minRegionBytes());
        } else {
            cut(b, false, SMALLEST_REGION_BYTES);
        }
        if (runs.size() == runsBefore) {
            exhausted.get(withStructural ? 1 : 0).add(b);
            return;
        }
        methods.addAll(runs.subList(runsBefore, runs.size()));
        int delta = b.total - before;
        boolean structural = !b.runs.isEmpty();
        PItem it = b.owner;
        while (it != null) {
            it.residual += delta;
            it.structural |= structural;
            if (it.run != null) {
                it.run.size += delta;
                return;
            }
            PBody pb = it.parent;
            if (pb == null) {
                return;
            }
            pb.total += delta;
            it = pb.owner;
        }
    }

    /**
     * The arm inside {@code method} (not inside its regions) with the most bytes, at most {@code most}, in
     * items that a cut could take, or null; {@code withStructural}: counting items that contain cuts
     * themselves.
     */
    private PBody densest(Object method, boolean withStructural, int most) {
        Deque<PBody> todo = new ArrayDeque<>();
        if (method instanceof Run r) {
            for (int i = r.from; i < r.to; i++) {
                if (!r.body.items.get(i).whole) {
                    todo.addAll(r.body.items.get(i).bodies);
                }
            }
        } else {
            todo.addAll(((PItem) method).bodies);
        }
        PBody best = null;
        int bestMass = 0;
        while (!todo.isEmpty()) {
            PBody b = todo.pop();
            // an arm on every dispatch's path is searched through, but cut only with the structural items
            boolean candidate = withStructural || !spine(b);
            int mass = 0;
            boolean cutPoint = false;
            for (PItem it : b.items) {
                if (it.run != null) {
                    continue;
                }
                if (candidate && usable(it, b, withStructural)) {
                    cutPoint |= it.item.cut;
                    if (cutPoint) {
                        mass += it.residual;
                    }
                }
                if (!it.whole) {
                    todo.addAll(it.bodies);
                }
            }
            if (mass > bestMass && mass <= most && mass >= SMALLEST_REGION_BYTES
                    && !exhausted.get(withStructural ? 1 : 0).contains(b)) {
                best = b;
                bestMass = mass;
            }
        }
        return best;
    }

    private int totalOf(PBody b) {
        int total = 0;
        for (PItem it : b.items) {
            total += it.run == null ? it.residual : 0;
        }
        for (Run r : b.runs) {
            total += stubSize(r);
        }
        return total;
    }

    /** Whether {@code it} may go into a run of arm {@code b}. */
    private boolean usable(PItem it, PBody b, boolean withStructural) {
        if (it.run != null || it.pinned || it.item.exceptionRefLevel <= b.body.owner.level) {
            return false;
        }
        return withStructural || (!it.structural && it.item.exits.cardinality() <= FEW_EXITS);
    }

    /**
     * One greedy pass over an arm's items not yet in a run, making runs of at most the budget and at least
     * {@code minRegion}; updates the arm's total.
     */
    private void cut(PBody b, boolean withStructural, int minRegion) {
        List<PItem> items = b.items;
        int runStart = -1;
        int runSize = 0;
        for (int i = 0; i <= items.size(); i++) {
            PItem it = i < items.size() ? items.get(i) : null;
            boolean usable = it != null && usable(it, b, withStructural);
            boolean startsHere = usable && it.item.cut;
            if (runStart >= 0 && (!usable || (startsHere && runSize + it.residual > budget.methodBytes()))) {
                close(b, runStart, i, runSize, minRegion);
                runStart = -1;
            }
            if (it == null) {
                break;
            }
            if (runStart < 0 && startsHere) {
                runStart = i;
                runSize = 0;
            }
            if (runStart >= 0) {
                runSize += it.residual;
            }
        }
        b.total = totalOf(b);
    }

    private void close(PBody b, int from, int to, int size, int minRegion) {
        if (!budget.forced() && size < minRegion) {
            return;
        }
        Run run = new Run(b, from, to, size);
        for (int i = from; i < to; i++) {
            b.items.get(i).run = run;
        }
        b.runs.add(run);
        runs.add(run);
    }

    /** Bytes the caller spends on a region: the call and the exit switch. */
    private static int stubSize(Run r) {
        Item all = merged(r);
        int exits = all.exits.cardinality() + (all.restarts ? 1 : 0);
        return 10 + (exits <= 1 ? 4 : 12 * exits);
    }

    private static Item merged(Run r) {
        List<PItem> items = r.body.items;
        Item all = new Item(items.get(r.from).item.start, null, true);
        for (int i = r.from; i < r.to; i++) {
            all.absorb(items.get(i).item, r.body.body.owner.level + 1);
        }
        all.end = items.get(r.to - 1).item.end;
        return all;
    }

    /** The runs as regions: ids in order of their start (an enclosing region first), parents by containment. */
    private List<Region> regions() {
        List<Region> flat = new ArrayList<>();
        for (Run r : runs) {
            Item all = merged(r);
            BitSet looped = new BitSet();
            for (Item loop : shape.loops) {
                if (loop.start >= all.start && loop.end <= all.end) {
                    looped.or(loop.touched());
                }
            }
            looped.and(all.touched());
            flat.add(new Region(-1, all.start, all.end, r.body.body.owner.level, null, all.touched(), all.writes,
                    all.memories, all.globals, all.exits.stream().toArray(), all.restarts, looped));
        }
        flat.sort(Comparator.comparingInt(Region::start).thenComparing(Comparator.comparingInt(Region::end).reversed()));
        List<Region> out = new ArrayList<>();
        for (Region r : flat) {
            Region parent = null;
            for (int k = out.size() - 1; k >= 0; k--) {
                Region p = out.get(k);
                if (p.start() <= r.start() && r.end() <= p.end()) {
                    parent = p;
                    break;
                }
            }
            out.add(new Region(out.size(), r.start(), r.end(), r.level(), parent, r.touched(), r.writes(),
                    r.memories(), r.globals(), r.exits(), r.restarts(), r.looped()));
        }
        return out;
    }
}
