package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Locals;
import dev.wasm4j.model.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * The code section (spec 5.5.13): for each function, its size, its locals as runs of (count, type), and its
 * body, whose syntax is checked here. A function's size is checked after its body has been read
 * ({@code section size mismatch}), as the reference interpreter does.
 *
 * <p>The declared locals may total at most 2^32 - 1 (the spec's bound) and at most {@link #MAX_LOCALS}, the
 * limit engines share (the JS API's), so that no later stage allocates for an absurd count; both are
 * {@code too many locals}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#code-section">spec 5.5.13</a>
 */
final class CodeSectionDecoder {
    /** The most locals a function may declare. */
    static final long MAX_LOCALS = 50_000;

    private CodeSectionDecoder() {
    }

    static String decode(Decoding d) {
        WasmReader in = d.in;
        d.exprs.resetDataIndexUse();
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            int size = in.len32();
            int start = in.pos();
            List<Locals> locals = locals(in);
            int bodyStart = in.pos();
            int end = d.exprs.check();
            if (end != start + size) {
                throw new MalformedException("section size mismatch", start);
            }
            d.bodies.add(new Decoding.Body(locals, new Expr(d.bytes, bodyStart, end)));
        }
        d.codeUsesDataIndex = d.exprs.usesDataIndex();
        return SectionId.CODE.title;
    }

    private static List<Locals> locals(WasmReader in) {
        int at = in.pos();
        int runs = in.len32();
        List<Locals> locals = new ArrayList<>(Decoding.capacity(runs));
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long count = Integer.toUnsignedLong(in.u32());
            ValType type = in.valType();
            total += count;
            locals.add(new Locals(count, type));
        }
        if (total > MAX_LOCALS) {
            throw new MalformedException("too many locals", at);
        }
        return locals;
    }
}
