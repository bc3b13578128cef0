package dev.wasm4j.compiler;

import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Opcode;

import java.util.BitSet;

/**
 * What a quick scan of a function body tells the compiler before it generates code: the memories and
 * globals it uses (cached in locals at entry), whether it needs a scratch array (vector and wide
 * arithmetic operators), and whether it makes tail calls to other functions (its callers then check for a
 * pending tail call).
 */
record FuncInfo(BitSet memories, BitSet globals, boolean usesScratch, boolean tailCaller) {

    boolean usesMemory(int m) {
        return memories.get(m);
    }

    boolean usesGlobal(int g) {
        return globals.get(g);
    }

    static FuncInfo scan(int funcIndex, Expr body) {
        BitSet memories = new BitSet();
        BitSet globals = new BitSet();
        boolean scratch = false;
        boolean tail = false;
        CodeReader in = new CodeReader(body);
        while (!in.atEnd()) {
            Opcode op = in.next();
            Immediates imm = in.imm();
            switch (op.imm()) {
                case MEMARG, MEMARG_LANE -> memories.set(imm.memory);
                default -> { }
            }
            switch (op) {
                case MEMORY_SIZE, MEMORY_GROW, MEMORY_FILL, MEMORY_DISCARD, MEMORY_MAP, MEMORY_UNMAP, MEMORY_PROTECT ->
                        memories.set(imm.index);
                case MEMORY_COPY -> {
                    memories.set(imm.index);
                    memories.set(imm.index2);
                }
                case GLOBAL_GET, GLOBAL_SET -> globals.set(imm.index);
                case RETURN_CALL -> tail |= imm.index != funcIndex;
                case RETURN_CALL_INDIRECT, RETURN_CALL_REF -> tail = true;
                case I64_ADD128, I64_SUB128, I64_MUL_WIDE_S, I64_MUL_WIDE_U -> scratch = true;
                default -> { }
            }
            if (op.prefix() == Opcode.SIMD) {
                scratch = true;
            }
        }
        return new FuncInfo(memories, globals, scratch, tail);
    }
}
