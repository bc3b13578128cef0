package dev.wasm4j.binary;

import dev.wasm4j.model.BlockType;
import dev.wasm4j.model.Catch;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the instructions of an {@link Expr} one at a time (spec 5.4): {@link #next()} returns the opcode
 * and fills {@link #imm()}. Only syntax is checked here (known opcodes, well-formed immediates); typing is
 * the validator's work. The same reader serves the decoder's syntax pass, the validator and the tiers.
 *
 * <p>Opcodes of features that the underlying {@link WasmReader}'s {@link dev.wasm4j.model.Features} leave out
 * are illegal. A reader made from an {@link Expr} enables every feature: its code has been decoded already.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/instructions.html">spec 5.4 Instructions</a>
 */
public final class CodeReader {
    private final WasmReader in;
    private final Immediates imm = new Immediates();
    private int instrOffset;

    public CodeReader(Expr expr) {
        this.in = new WasmReader(expr.bytes(), expr.start(), expr.end());
    }

    /** A reader over an arbitrary range, e.g. a function body during decoding. */
    public CodeReader(WasmReader in) {
        this.in = in;
    }

    public Immediates imm() {
        return imm;
    }

    /** Offset of the opcode last returned by {@link #next()}. */
    public int instrOffset() {
        return instrOffset;
    }

    /** Offset of the next byte. */
    public int pos() {
        return in.pos();
    }

    public boolean atEnd() {
        return in.atEnd();
    }

    public WasmReader reader() {
        return in;
    }

    /**
     * Reads the next instruction: returns its opcode and fills {@link #imm()}. An unknown opcode, or one of a
     * feature the reader's {@link WasmReader#features()} leave out, is {@code illegal opcode} followed by its
     * bytes in hex, as the reference interpreter reports it.
     */
    public Opcode next() {
        instrOffset = in.pos();
        int b = in.u8();
        Opcode op;
        if (Opcode.isPrefix(b)) {
            int code = in.u32();
            op = Opcode.of(b, code);
            if (op == null || !enabled(op)) {
                throw in.malformed(String.format("illegal opcode %02x %02x", b, Integer.toUnsignedLong(code)),
                        instrOffset);
            }
        } else {
            op = Opcode.of(Opcode.SINGLE, b);
            if (op == null || !enabled(op)) {
                throw in.malformed(String.format("illegal opcode %02x", b), instrOffset);
            }
        }
        readImmediates(op);
        return op;
    }

    private boolean enabled(Opcode op) {
        Feature f = OpcodeFeatures.required(op);
        return f == null || in.has(f);
    }

    private void readImmediates(Opcode op) {
        Immediates m = imm;
        switch (op.imm()) {
            case NONE -> { }
            case BLOCK -> m.blockType = blockType();
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, MEMORY, DATA, ELEM -> m.index = in.index();
            case MEMORY_PROT -> {
                m.index = in.index();
                int at = in.pos();
                m.prot = in.u8();
                if (m.prot > 2) {
                    throw in.malformed("malformed memory protection", at);
                }
            }
            case BR_TABLE -> {
                int n = in.len32();
                // Grow as labels are read: n is only known to be at most the bytes left.
                int[] labels = new int[Math.min(n, 64)];
                for (int i = 0; i < n; i++) {
                    if (i == labels.length) {
                        labels = Arrays.copyOf(labels, (int) Math.min(n, 2L * i));
                    }
                    labels[i] = in.index();
                }
                m.labels = labels;
                m.index = in.index();
            }
            case CALL_INDIRECT, TYPE_FIELD, TYPE_TYPE, TYPE_DATA, TYPE_ELEM, TYPE_COUNT,
                 MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> {
                m.index = in.index();
                m.index2 = in.index();
            }
            case MEMARG -> memArg();
            case MEMARG_LANE -> {
                memArg();
                m.lane = in.u8();
            }
            case I32 -> m.value = in.s32();
            case I64 -> m.value = in.s64();
            case F32 -> m.value = in.f32Bits() & 0xFFFFFFFFL;
            case F64 -> m.value = in.f64Bits();
            case V128, SHUFFLE -> {
                // A constant, or sixteen lane indices of one byte each.
                int at = in.skip(16);
                System.arraycopy(in.bytes(), at, m.bytes16, 0, 16);
                m.v128Low = littleEndianLong(m.bytes16, 0);
                m.v128High = littleEndianLong(m.bytes16, 8);
            }
            case LANE -> m.lane = in.u8();
            case SELECT_TYPES -> {
                int n = in.len32();
                List<ValType> types = new ArrayList<>(Math.min(n, 16));
                for (int i = 0; i < n; i++) {
                    types.add(in.valType());
                }
                m.selectTypes = List.copyOf(types);
            }
            case HEAP_TYPE -> m.heapType = in.heapType();
            case BR_ON_CAST -> {
                int at = in.pos();
                m.castFlags = in.u8();
                if (m.castFlags > 3) {
                    throw in.malformed("malformed br_on_cast flags", at);
                }
                m.index = in.index();
                m.heapType = in.heapType();
                m.heapType2 = in.heapType();
            }
            case TRY_TABLE -> {
                m.blockType = blockType();
                int n = in.len32();
                List<Catch> catches = new ArrayList<>(Math.min(n, 16));
                for (int i = 0; i < n; i++) {
                    int at = in.pos();
                    int kind = in.u8();
                    if (kind > 3) {
                        throw in.malformed("malformed catch clause", at);
                    }
                    Catch.Kind k = Catch.Kind.values()[kind];
                    int tag = k.hasTag() ? in.index() : -1;
                    catches.add(new Catch(k, tag, in.index()));
                }
                m.catches = List.copyOf(catches);
            }
            case ZERO_BYTE -> {
                if (in.u8() != 0) {
                    throw in.malformed("zero byte expected", in.pos() - 1);
                }
            }
        }
    }

    private void memArg() {
        int at = in.pos();
        int flags = in.u32();
        if (Integer.compareUnsigned(flags, 0x80) >= 0 || (flags & 0x40) != 0 && !in.has(Feature.MULTI_MEMORY)) {
            throw in.malformed("malformed memop flags", at);
        }
        imm.memory = (flags & 0x40) != 0 ? in.index() : 0;
        imm.align = flags & 0x3F;
        imm.offset = in.u64();
    }

    private BlockType blockType() {
        int b = in.peekU8();
        if (b == 0x40) {
            in.u8();
            return BlockType.EMPTY;
        }
        if (b >= 0x40 && b < 0x80) {
            // A one-byte negative s33 is a value type (including 0x63/0x64, a reference type).
            return new BlockType.Value(in.valType());
        }
        int at = in.pos();
        long idx = in.s33();
        if (idx < 0 || idx > Integer.MAX_VALUE) {
            throw in.malformed("malformed block type", at);
        }
        return new BlockType.TypeIndex((int) idx);
    }

    private static long littleEndianLong(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

}
