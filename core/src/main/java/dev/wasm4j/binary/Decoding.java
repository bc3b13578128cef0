package dev.wasm4j.binary;

import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.Function;
import dev.wasm4j.model.Locals;
import dev.wasm4j.model.Module;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one module's decoding, shared by the section decoders: the reader over the whole binary, the
 * module being built, and what later sections and the final checks need to know about earlier ones.
 */
final class Decoding {
    final byte[] bytes;
    final Features features;
    final WasmReader in;
    final Module.Builder module = Module.builder();
    final ExprSyntax exprs;

    /** Type indices declared by the function section. */
    int[] functionTypes = new int[0];
    /** Bodies read from the code section, paired with {@link #functionTypes} at the end. */
    final List<Body> bodies = new ArrayList<>();
    /** The data count section's value (unsigned), or -1 when absent. */
    long dataCount = -1;
    /** The number of segments of the data section. */
    int dataSegments;
    /** Whether a function body names a data segment, which requires the data count section. */
    boolean codeUsesDataIndex;
    /** Whether a name section was seen already (only the first one is read). */
    boolean namesSeen;

    /** A function body from the code section: its declared locals and its instructions. */
    record Body(List<Locals> locals, Expr expr) {
    }

    Decoding(byte[] bytes, Features features) {
        this.bytes = bytes;
        this.features = features;
        this.in = new WasmReader(bytes, 0, bytes.length, features);
        this.exprs = new ExprSyntax(in);
    }

    /** A constant expression (spec 5.4.9): instructions through their {@code end}, syntax checked. */
    Expr constExpr() {
        int start = in.pos();
        int end = exprs.check();
        return new Expr(bytes, start, end);
    }

    /** A capacity for a list of {@code n} elements that is only known to fit the remaining bytes. */
    static int capacity(int n) {
        return Math.min(n, 1024);
    }

    /** Pairs the function section's type indices with the code section's bodies (counts already checked). */
    void addFunctions() {
        for (int i = 0; i < functionTypes.length; i++) {
            Body b = bodies.get(i);
            module.addFunction(new Function(functionTypes[i], b.locals(), b.expr()));
        }
    }
}
