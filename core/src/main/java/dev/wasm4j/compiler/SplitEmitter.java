package dev.wasm4j.compiler;

import dev.wasm4j.compiler.SplitPlan.Region;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeState;
import dev.wasm4j.valid.CodeWalk;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The last stage of compiling a function: one walk over its body (see {@link CodeWalk}) that feeds each
 * instruction to the {@link FunctionCompiler} of the method it belongs to. Where the {@link SplitPlan}
 * starts a region, a method for it is built on the spot, nested in the building of its caller: the walk
 * goes on inside it up to the region's end, then the caller emits the call.
 */
final class SplitEmitter {
    /**
     * With {@code -Dwasm4j.compiler.lines=true} the generated methods carry line numbers: the index of the
     * Wasm instruction in its function, for profilers.
     */
    static final boolean LINES = Boolean.getBoolean("wasm4j.compiler.lines");

    private final ChunkCompiler chunk;
    private final ClassBuilder clb;
    private final int func;
    private final FuncInfo info;
    private final SplitPlan plan;
    private final CodeWalk walk;
    private boolean more;
    /** Loops seen so far, reachable or not, in every method (the translator counts them the same way). */
    private int loops;

    SplitEmitter(ChunkCompiler chunk, ClassBuilder clb, int func, FuncInfo info, SplitPlan plan) {
        this.chunk = chunk;
        this.clb = clb;
        this.func = func;
        this.info = info;
        this.plan = plan;
        this.walk = chunk.valid().walkFunction(func);
    }

    /** Emits the function's own method into {@code cb}, and every region's method into the class. */
    void emit(CodeBuilder cb) {
        FunctionCompiler fc = new FunctionCompiler(chunk, cb, func, info, plan, null);
        fc.beginFunction(func, walk.type(), walk.locals());
        more = walk.advance();
        run(fc, Integer.MAX_VALUE);
        fc.endFunction(walk.state());
    }

    /** Feeds instructions to {@code fc} up to instruction {@code end} (exclusive) or the end of the body. */
    private void run(FunctionCompiler fc, int end) {
        while (more && walk.index() < end) {
            Region r = plan.split() && fc.reachable() ? plan.regionAt(walk.index(), fc.region) : null;
            if (r != null) {
                outline(fc, r);
                continue;
            }
            if (walk.op() == Opcode.LOOP) {
                fc.loopOrdinal = loops++;
            }
            if (LINES && fc.reachable() && walk.op() != Opcode.END) {
                fc.cb.lineNumber(walk.index());
            }
            fc.instruction(walk.op(), walk.imm(), walk.state());
            more = walk.advance();
        }
    }

    /** Builds region {@code r}'s method from the walk, then the call in {@code caller}. */
    private void outline(FunctionCompiler caller, Region r) {
        int startCount = walk.state().operandCount();
        RegionFrame.Site site = caller.regionSite(r, walk.state());
        boolean[] fallsThrough = new boolean[1];
        clb.withMethodBody(RegionFrame.methodName(func, r), RegionFrame.type(chunk),
                ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb -> {
                    FunctionCompiler rc = new FunctionCompiler(chunk, cb, func, info, plan, r);
                    rc.beginRegion(walk.state(), walk.type(), walk.locals());
                    run(rc, r.end());
                    fallsThrough[0] = rc.endRegion(walk.state());
                });
        List<ValType> fallthrough = new ArrayList<>();
        if (fallsThrough[0]) {
            CodeState after = walk.state();
            for (int k = after.operandCount() - startCount - 1; k >= 0; k--) {
                fallthrough.add(after.operandType(k));
            }
        }
        caller.callRegion(r, site, fallthrough, fallsThrough[0]);
    }
}
