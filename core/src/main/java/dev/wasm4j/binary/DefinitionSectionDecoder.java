package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.Global;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Table;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.Tag;
import dev.wasm4j.model.ValType;

import java.util.Arrays;

/**
 * The sections that define functions, tables, memories, tags and globals (spec 5.5.6 to 5.5.9, and the tag
 * section of exception handling).
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html">spec 5.5 Modules</a>
 */
final class DefinitionSectionDecoder {
    private DefinitionSectionDecoder() {
    }

    /** The function section (spec 5.5.6): the type index of each function the code section defines. */
    static String functions(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        int[] types = new int[Decoding.capacity(n)];
        for (int i = 0; i < n; i++) {
            if (i == types.length) {
                types = Arrays.copyOf(types, (int) Math.min(n, 2L * i));
            }
            types[i] = in.index();
        }
        d.functionTypes = types.length == n ? types : Arrays.copyOf(types, n);
        return SectionId.FUNCTION.title;
    }

    /**
     * The table section (spec 5.5.7): a table type, or {@code 0x40 0x00}, a table type and a constant
     * expression that initializes the elements.
     */
    static String tables(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            if (in.peekU8() == 0x40 && (in.has(Feature.FUNCTION_REFERENCES) || in.has(Feature.GC))) {
                in.u8();
                int at = in.pos();
                if (in.u8() != 0x00) {
                    throw new MalformedException("zero byte expected", at);
                }
                TableType type = ExternTypeDecoder.tableType(in);
                Expr init = d.constExpr();
                d.module.addTable(new Table(type, init));
            } else {
                d.module.addTable(new Table(ExternTypeDecoder.tableType(in), null));
            }
        }
        return SectionId.TABLE.title;
    }

    /** The memory section (spec 5.5.8). */
    static String memories(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            d.module.addMemory(ExternTypeDecoder.memoryType(in));
        }
        return SectionId.MEMORY.title;
    }

    /** The tag section (exception handling). */
    static String tags(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            d.module.addTag(new Tag(ExternTypeDecoder.tagType(in)));
        }
        return SectionId.TAG.title;
    }

    /**
     * The global section (spec 5.5.9): a global type and a constant initializer. With {@link Feature#FROZEN}
     * the mutability byte may also be {@code 0x05} (mutable and freezable) or {@code 0x08} (frozen: a global
     * index follows instead of the initializer, the freezable global it freezes); see docs/proposals/frozen.md.
     */
    static String globals(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            ValType t = in.valType();
            int at = in.pos();
            int flags = in.u8();
            boolean frozen = in.has(Feature.FROZEN);
            switch (flags) {
                case 0x00, 0x01 -> d.module.addGlobal(new Global(new GlobalType(t, flags == 1), d.constExpr()));
                case FREEZABLE_VAR -> {
                    if (!frozen) {
                        throw new MalformedException("malformed mutability", at);
                    }
                    d.module.addGlobal(new Global(new GlobalType(t, true), d.constExpr(), FreezeClause.FREEZABLE));
                }
                case FROZEN_CONST -> {
                    if (!frozen) {
                        throw new MalformedException("malformed mutability", at);
                    }
                    int source = in.index();
                    d.module.addGlobal(new Global(new GlobalType(t, false), null, new FreezeClause.FreezeOf(source)));
                }
                default -> throw new MalformedException("malformed mutability", at);
            }
        }
        return SectionId.GLOBAL.title;
    }

    /** Mutability byte of a freezable global: mutable ({@code 0x01}) and freezable ({@code 0x04}). */
    static final int FREEZABLE_VAR = 0x05;
    /** Mutability byte of a frozen global: immutable, frozen ({@code 0x08}); a global index follows. */
    static final int FROZEN_CONST = 0x08;
}
