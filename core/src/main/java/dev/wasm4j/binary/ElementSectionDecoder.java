package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.ElemMode;
import dev.wasm4j.model.ElemSegment;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.RefType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The element section (spec 5.5.12). A u32 flags value selects one of eight encodings: bit 0 passive or
 * declarative (else active), bit 1 declarative (if bit 0) or an explicit table index (if active), bit 2 items
 * as constant expressions with a reference type (else function indices with an element kind byte).
 *
 * <table>
 * <tr><th>flags</th><th>encoding</th></tr>
 * <tr><td>0</td><td>offset expr, function indices; type (ref func), table 0</td></tr>
 * <tr><td>1</td><td>elemkind, function indices; passive</td></tr>
 * <tr><td>2</td><td>table index, offset expr, elemkind, function indices</td></tr>
 * <tr><td>3</td><td>elemkind, function indices; declarative</td></tr>
 * <tr><td>4</td><td>offset expr, expressions; type funcref, table 0</td></tr>
 * <tr><td>5</td><td>reftype, expressions; passive</td></tr>
 * <tr><td>6</td><td>table index, offset expr, reftype, expressions</td></tr>
 * <tr><td>7</td><td>reftype, expressions; declarative</td></tr>
 * </table>
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#element-section">spec 5.5.12</a>
 */
final class ElementSectionDecoder {
    /** What function-index segments hold: non-null function references. */
    private static final RefType REF_FUNC = new RefType(false, AbsHeapType.FUNC);

    private ElementSectionDecoder() {
    }

    static String decode(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            d.module.addElem(segment(d));
        }
        return SectionId.ELEMENT.title;
    }

    private static ElemSegment segment(Decoding d) {
        WasmReader in = d.in;
        int at = in.pos();
        int flags = in.u32();
        if (flags < 0 || flags > 7) {
            throw new MalformedException("malformed elements segment kind", at);
        }
        ElemMode mode;
        if ((flags & 1) == 0) {
            int table = (flags & 2) != 0 ? in.index() : 0;
            mode = new ElemMode.Active(table, d.constExpr());
        } else if ((flags & 2) == 0) {
            mode = new ElemMode.Passive();
        } else {
            mode = new ElemMode.Declarative();
        }
        boolean exprs = (flags & 4) != 0;
        RefType type;
        if (flags == 0) {
            type = REF_FUNC;
        } else if (flags == 4) {
            type = RefType.FUNCREF;
        } else if (exprs) {
            type = in.refType();
        } else {
            type = elemKind(in);
        }
        return new ElemSegment(type, exprs ? exprItems(d) : funcIndices(in), mode);
    }

    /** The element kind byte of the function-index encodings: {@code 0x00}, function references. */
    private static RefType elemKind(WasmReader in) {
        int at = in.pos();
        if (in.u8() != 0x00) {
            throw new MalformedException("malformed element kind", at);
        }
        return REF_FUNC;
    }

    private static ElemSegment.Items funcIndices(WasmReader in) {
        int n = in.len32();
        int[] indices = new int[Decoding.capacity(n)];
        for (int i = 0; i < n; i++) {
            if (i == indices.length) {
                indices = Arrays.copyOf(indices, (int) Math.min(n, 2L * i));
            }
            indices[i] = in.index();
        }
        return new ElemSegment.Items.FuncIndices(indices);
    }

    private static ElemSegment.Items exprItems(Decoding d) {
        int n = d.in.len32();
        List<Expr> exprs = new ArrayList<>(Decoding.capacity(n));
        for (int i = 0; i < n; i++) {
            exprs.add(d.constExpr());
        }
        return new ElemSegment.Items.Exprs(exprs);
    }
}
