package dev.wasm4j.compiler;

import dev.wasm4j.model.ValType;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The second stage of compiling a function: where to cut it so that every JVM method stays inside the
 * {@link Budget} that HotSpot compiles quickly and fully. A function within the budget stays one method.
 * A larger one becomes a <em>driver</em> method plus <em>regions</em>: runs of whole instructions of one
 * block body, each moved into a method of its own, nested where a region is itself too large.
 *
 * <p>Where to cut is {@link SplitPlanner}'s choice.
 *
 * <p>A region talks to its caller through a frame shared by all methods of one call of the function
 * ({@link #frameSlots}): a {@code long[]} for numbers and an {@code Object[]} for references, holding the
 * locals that regions use, a scratch area for vector operators, and a transfer area for the values a
 * region's exits carry. A region returns an exit code: 0 when it falls through, otherwise which label
 * outside it to branch to ({@link #exitCode}, the same code for a label in all of the function's regions).
 */
final class SplitPlan {

    /**
     * How large a generated method should be, in estimated bytes of bytecode ({@link Estimates}); how large
     * one may be when only nesting regions would make it smaller (an interpreter's dispatch, whose every
     * case is one call, is worth one method up to this: nested regions cost a call and a switch per level on
     * every dispatch); how large a loop may be and still stay whole in one method (a loop cut into regions
     * pays calls and frame traffic on every iteration, and C2 compiles a whole loop well, on-stack when it
     * runs long); how small a region may be, so that the call is worth it; and how large a function may be
     * and still stay one method (a hot function of a few KiB, such as {@code malloc} and {@code free} of
     * wasi-libc, paid the split's frame and region calls on every call; loop entries are cut as before).
     */
    record Budget(int methodBytes, int hardBytes, int loopBytes, int minRegionBytes, int wholeBytes) {
        /** Found by experiment on Lua, SQLite, QuickJS and whole C programs: see docs/performance.md. */
        static final Budget DEFAULT = new Budget(Integer.getInteger("wasm4j.compiler.methodBytes", 3000),
                Integer.getInteger("wasm4j.compiler.hardBytes", 6500),
                Integer.getInteger("wasm4j.compiler.loopBytes", 6500),
                Integer.getInteger("wasm4j.compiler.minRegionBytes", 120),
                Integer.getInteger("wasm4j.compiler.wholeBytes", 6000));
        /** Every cut that can be made is made: the test mode that exercises splitting on every function. */
        static final Budget FORCED = new Budget(0, 0, 0, 0, 0);

        static Budget configured() {
            return Boolean.getBoolean("wasm4j.compiler.splitAll") ? FORCED : DEFAULT;
        }

        boolean forced() {
            return methodBytes == 0;
        }
    }

    /**
     * Instructions {@code [start, end)} of one body at {@code level} (the level of the block whose body it
     * is), moved into method {@code id}.
     *
     * @param parent the region this one is inside, or null when the driver calls it
     * @param touched locals read or written, which the caller stores into the frame before the call
     * @param writes locals written, which the caller reloads after it
     * @param exits levels of the labels outside the region that it branches to, ascending (0: return)
     * @param restarts it makes a {@code return_call} of the function itself
     * @param looped locals it uses inside a loop of its own: those it keeps in JVM locals while it runs; it
     *               reads and writes every other local in the frame, where it is
     */
    record Region(int id, int start, int end, int level, Region parent, BitSet touched, BitSet writes,
                  BitSet memories, BitSet globals, int[] exits, boolean restarts, BitSet looped) {

        /**
         * The exit code for a branch to the label at {@code level}: the same in every region of the function
         * ({@link #exitCode}), so that a caller whose label is outside it too returns the code as it came.
         */
        int code(int level) {
            for (int exit : exits) {
                if (exit == level) {
                    return exitCode(level);
                }
            }
            throw new IllegalStateException("region " + id + " has no exit to level " + level);
        }

        /** The exit code of a {@code return_call} of the function itself. */
        int restartCode() {
            return RESTART;
        }

        /** True when a branch to {@code level} leaves this region. */
        boolean outside(int level) {
            return level <= this.level;
        }
    }

    /** A region's exit code when it falls through. */
    static final int FALL_THROUGH = 0;
    /** A region's exit code when it makes a {@code return_call} of the function itself. */
    static final int RESTART = -1;

    /**
     * The exit code of a branch to the label at {@code level} (0: the function's return), in every region of
     * the function alike. With codes numbered per region, a region whose exit also left its caller made the
     * caller map the code with a {@code tableswitch}; C2 compiled its cases never taken yet as uncommon traps,
     * and an interpreter's dispatch region (SQLite's {@code sqlite3VdbeExec}) was recompiled for each opcode
     * case that first left by another way (docs/performance.md, stop 30).
     */
    static int exitCode(int level) {
        return level + 1;
    }

    /** The label level of exit code {@code code} (not {@link #FALL_THROUGH} or {@link #RESTART}). */
    static int exitLevel(int code) {
        return code - 1;
    }

    final FunctionShape shape;
    final Budget budget;
    /** Regions by id: sorted by start, an enclosing region before the regions inside it. */
    final List<Region> regions;
    /** Per local: its index in the frame's {@code long[]} or {@code Object[]}, or -1 when no region uses it. */
    final int[] frameIndex;
    /** Size of the frame's {@code long[]}; the scratch area is at 0, the transfer area at {@link #transfer}. */
    final int frameSlots;
    /** Size of the frame's {@code Object[]}; 0 when the function has no references. */
    final int frameRefs;
    /** Where the transfer area starts, in both arrays. */
    final int transfer;
    final int transferRefs;

    /** Regions by the instruction they start at. */
    private final java.util.Map<Integer, List<Region>> byStart = new java.util.HashMap<>();

    /** The plan of a loop entry: its driver is entered at the head of one of its loops. */
    final boolean entered;

    private SplitPlan(FunctionShape shape, Budget budget, List<Region> regions, boolean scratch, boolean entered) {
        this.shape = shape;
        this.entered = entered;
        this.budget = budget;
        this.regions = regions;
        for (Region r : regions) {
            byStart.computeIfAbsent(r.start, k -> new ArrayList<>()).add(r);
        }
        if (shape == null) {
            frameIndex = new int[0];
            frameSlots = frameRefs = transfer = transferRefs = 0;
            return;
        }
        this.frameIndex = new int[shape.locals.size()];
        java.util.Arrays.fill(frameIndex, -1);
        BitSet used = new BitSet();
        for (Region r : regions) {
            used.or(r.touched());
        }
        int nums = scratch ? 16 : 0;
        int refs = 0;
        for (int l = used.nextSetBit(0); l >= 0; l = used.nextSetBit(l + 1)) {
            ValType t = shape.locals.get(l);
            if (t.isRef()) {
                frameIndex[l] = refs++;
            } else {
                frameIndex[l] = nums;
                nums += t.slots();
            }
        }
        this.transfer = nums;
        this.transferRefs = refs;
        this.frameSlots = regions.isEmpty() ? 0 : nums + shape.maxOperandSlots;
        this.frameRefs = regions.isEmpty() || !shape.usesRefs ? 0 : refs + shape.maxOperandSlots;
    }

    /**
     * Plans {@code shape} within {@code budget}; {@code pinnedLoop} (or -1) is a loop that must stay in the
     * driver, because the driver is entered at its head (on-stack replacement). {@code scratch}: the
     * function uses the scratch area of vector operators.
     */
    static SplitPlan of(FunctionShape shape, Budget budget, int pinnedLoop, BitSet busyLoops, boolean scratch) {
        List<Region> regions = new ArrayList<>();
        if (budget.forced() || shape.size > Math.max(budget.methodBytes(), budget.wholeBytes())
                || (pinnedLoop >= 0 && shape.loops.size() > 1)) {
            regions.addAll(new SplitPlanner(shape, budget, pinnedLoop, busyLoops).plan());
        }
        return new SplitPlan(shape, budget, regions, scratch, pinnedLoop >= 0);
    }

    /** A function compiled as one method, without looking at its shape. */
    static SplitPlan none() {
        return new SplitPlan(null, Budget.DEFAULT, List.of(), false, false);
    }

    boolean split() {
        return !regions.isEmpty();
    }

    /**
     * {@code -Dwasm4j.compiler.cacheAcrossCalls=false} turns {@link #cachedAcrossCalls} off (for comparison).
     */
    static final boolean CACHE_ACROSS_CALLS = !"false".equals(System.getProperty("wasm4j.compiler.cacheAcrossCalls"));

    /**
     * The locals that the method of {@code owner} (null: the driver) keeps in JVM locals although regions it
     * calls use them too. It stores them into the frame before such a call and reloads what the region wrote
     * after it, instead of reading and writing them in the frame at every use, where C2 cannot keep them in
     * registers across the loop's memory accesses. Only in the driver of a loop entry: it keeps the loop nest
     * it is entered in, while the loops after it are outlined (a C program's main entered in a nest, whose
     * next phases are regions). There a local is cached when a loop of the driver that calls no region uses
     * it and the calls that use it run far less often: outside every loop, or at least two loops further out.
     * (In other methods, and in an interpreter's dispatch, a region call runs about as often as the loops
     * around it, and syncing there cost more than it saved: SQLite 6 s -> 55 s.) With every cut forced (the
     * test mode), every method caches so, to exercise the stores and reloads. None where the function has
     * exception handlers, whose code in the caller would see stale copies.
     */
    BitSet cachedAcrossCalls(Region owner) {
        BitSet cached = new BitSet();
        if (shape == null || shape.catches || !CACHE_ACROSS_CALLS
                || !budget.forced() && (!entered || owner != null)) {
            return cached;
        }
        List<FunctionShape.Item> own = new ArrayList<>();
        for (FunctionShape.Item loop : shape.loops) {
            if (within(loop.start, loop.end, owner) && !insideRegionOf(loop, owner)) {
                own.add(loop);
            }
        }
        List<Region> calls = new ArrayList<>();
        for (Region r : regions) {
            if (r.parent() == owner) {
                calls.add(r);
            }
        }
        int[] benefit = new int[shape.locals.size()];
        for (FunctionShape.Item loop : own) {
            boolean callFree = calls.stream().noneMatch(r -> loop.start <= r.start() && r.end() <= loop.end);
            if (callFree) {
                int depth = depth(own, loop.start, loop.end);
                BitSet t = loop.touched();
                for (int l = t.nextSetBit(0); l >= 0; l = t.nextSetBit(l + 1)) {
                    benefit[l] = Math.max(benefit[l], depth);
                }
            }
        }
        int[] cost = new int[shape.locals.size()];
        for (Region r : calls) {
            int depth = depth(own, r.start(), r.end());
            BitSet t = r.touched();
            for (int l = t.nextSetBit(0); l >= 0; l = t.nextSetBit(l + 1)) {
                cost[l] = Math.max(cost[l], depth);
            }
        }
        for (int l = 0; l < benefit.length; l++) {
            if (benefit[l] > 0 && (cost[l] == 0 || benefit[l] >= cost[l] + 2)) {
                cached.set(l);
            }
        }
        return cached;
    }

    private static boolean within(int start, int end, Region owner) {
        return owner == null || owner.start() <= start && end <= owner.end();
    }

    /** How many of {@code loops} enclose the instructions {@code [start, end)}. */
    private static int depth(List<FunctionShape.Item> loops, int start, int end) {
        int d = 0;
        for (FunctionShape.Item loop : loops) {
            if (loop.start <= start && end <= loop.end) {
                d++;
            }
        }
        return d;
    }

    /** Whether {@code loop} lies inside a region other than {@code owner} that is inside {@code owner}. */
    private boolean insideRegionOf(FunctionShape.Item loop, Region owner) {
        for (Region r : regions) {
            if (r != owner && r.start() <= loop.start && loop.end <= r.end() && within(r.start(), r.end(), owner)) {
                return true;
            }
        }
        return false;
    }

    /** The region that starts at instruction {@code index} directly inside {@code parent} (null: the driver), or null. */
    Region regionAt(int index, Region parent) {
        List<Region> here = byStart.get(index);
        if (here != null) {
            for (Region r : here) {
                if (r.parent == parent) {
                    return r;
                }
            }
        }
        return null;
    }
}
