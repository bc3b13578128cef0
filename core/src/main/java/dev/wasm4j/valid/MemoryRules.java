package dev.wasm4j.valid;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Imm;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.ValType;

/**
 * The generic arm for instructions with a fixed signature in {@link Opcode} (numeric, vector, memory
 * accesses, atomics, bulk memory), with the checks their immediates need: memory, data and element
 * indices, alignment, offset range, lane indices. Also the table instructions and {@code memory.copy},
 * whose types depend on two address types (spec 3.3.5 - 3.3.7).
 */
final class MemoryRules {
    private static final int[] LANES = new int[Opcode.values().length];
    /**
     * Fixed signatures as arrays, by opcode ordinal, made on first use (a module uses few of the instructions,
     * and reading all the signatures would be part of every run's start-up). A racing thread makes an equal one.
     */
    private static final Signature[] SIGNATURES = new Signature[Opcode.values().length];

    private record Signature(ValType[] params32, ValType[] results32, ValType[] params64, ValType[] results64) {
        static Signature of(Opcode op) {
            return new Signature(op.params(AddrType.I32).toArray(new ValType[0]),
                    op.results(AddrType.I32).toArray(new ValType[0]),
                    op.params(AddrType.I64).toArray(new ValType[0]),
                    op.results(AddrType.I64).toArray(new ValType[0]));
        }
    }

    static {
        for (Opcode op : Opcode.values()) {
            if (op.imm() == Imm.LANE) {
                String shape = op.mnemonic().substring(0, op.mnemonic().indexOf('.'));
                LANES[op.ordinal()] = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
            } else if (op.imm() == Imm.MEMARG_LANE) {
                LANES[op.ordinal()] = 16 / op.width();
            }
        }
    }

    private final CodeValidator v;

    MemoryRules(CodeValidator v) {
        this.v = v;
    }

    /** Instructions whose operand and result types the opcode table gives. */
    void fixed(Opcode op, Immediates imm) {
        AddrType at = AddrType.I32;
        switch (op.imm()) {
            case MEMARG -> at = memArg(op, imm).addrType();
            case MEMARG_LANE -> {
                at = memArg(op, imm).addrType();
                lane(op, imm.lane);
            }
            case MEMORY, MEMORY_PROT -> {
                MemoryType m = v.ctx.memory(imm.index, v.offset);
                if ((op == Opcode.MEMORY_MAP || op == Opcode.MEMORY_UNMAP || op == Opcode.MEMORY_PROTECT)
                        && !m.virtual()) {
                    throw v.error(op + " requires a virtual memory");
                }
                at = m.addrType();
            }
            case MEMORY_INIT -> {
                at = v.ctx.memory(imm.index2, v.offset).addrType();
                v.ctx.data(imm.index, v.offset);
            }
            case DATA -> v.ctx.data(imm.index, v.offset);
            case ELEM -> v.ctx.elem(imm.index, v.offset);
            case LANE -> lane(op, imm.lane);
            case SHUFFLE -> {
                for (byte b : imm.bytes16) {
                    if ((b & 0xFF) >= 32) {
                        throw v.error("invalid lane index");
                    }
                }
            }
            default -> { }
        }
        Signature sig = SIGNATURES[op.ordinal()];
        if (sig == null) {
            sig = Signature.of(op);
            SIGNATURES[op.ordinal()] = sig;
        }
        if (at == AddrType.I32) {
            v.popAll(sig.params32);
            v.pushAll(sig.results32);
        } else {
            v.popAll(sig.params64);
            v.pushAll(sig.results64);
        }
    }

    private MemoryType memArg(Opcode op, Immediates imm) {
        MemoryType m = v.ctx.memory(imm.memory, v.offset);
        if (op.prefix() == Opcode.ATOMIC) {
            if (imm.align != op.naturalAlignment()) {
                throw v.error("atomic alignment must be natural");
            }
        } else if (imm.align > op.naturalAlignment()) {
            throw v.error("alignment must not be larger than natural");
        }
        if (m.addrType() == AddrType.I32 && Long.compareUnsigned(imm.offset, 0xFFFF_FFFFL) > 0) {
            throw v.error("offset out of range");
        }
        return m;
    }

    private void lane(Opcode op, int lane) {
        if (lane >= LANES[op.ordinal()]) {
            throw v.error("invalid lane index");
        }
    }

    private static NumType addr(AddrType at) {
        return at == AddrType.I64 ? NumType.I64 : NumType.I32;
    }

    private static NumType min(AddrType a, AddrType b) {
        return a == AddrType.I64 && b == AddrType.I64 ? NumType.I64 : NumType.I32;
    }

    /** Table instructions and memory.copy; false for other opcodes. */
    boolean handles(Opcode op, Immediates imm) {
        switch (op) {
            case TABLE_GET -> {
                TableType t = v.ctx.table(imm.index, v.offset);
                v.pop(addr(t.addrType()));
                v.push(t.elemType());
            }
            case TABLE_SET -> {
                TableType t = v.ctx.table(imm.index, v.offset);
                v.pop(t.elemType());
                v.pop(addr(t.addrType()));
            }
            case TABLE_SIZE -> v.push(addr(v.ctx.table(imm.index, v.offset).addrType()));
            case TABLE_GROW -> {
                TableType t = v.ctx.table(imm.index, v.offset);
                v.pop(addr(t.addrType()));
                v.pop(t.elemType());
                v.push(addr(t.addrType()));
            }
            case TABLE_FILL -> {
                TableType t = v.ctx.table(imm.index, v.offset);
                v.pop(addr(t.addrType()));
                v.pop(t.elemType());
                v.pop(addr(t.addrType()));
            }
            case TABLE_COPY -> {
                TableType dst = v.ctx.table(imm.index, v.offset);
                TableType src = v.ctx.table(imm.index2, v.offset);
                if (!Types.isSubtype(src.elemType(), dst.elemType())) {
                    throw v.error("type mismatch: source element type " + Types.format(src.elemType())
                            + " does not match destination element type " + Types.format(dst.elemType()));
                }
                v.pop(min(dst.addrType(), src.addrType()));
                v.pop(addr(src.addrType()));
                v.pop(addr(dst.addrType()));
            }
            case TABLE_INIT -> {
                TableType t = v.ctx.table(imm.index2, v.offset);
                RefType et = v.ctx.elem(imm.index, v.offset);
                if (!Types.isSubtype(et, t.elemType())) {
                    throw v.error("type mismatch: element segment's type " + Types.format(et)
                            + " does not match table's element type " + Types.format(t.elemType()));
                }
                v.pop(NumType.I32);
                v.pop(NumType.I32);
                v.pop(addr(t.addrType()));
            }
            case MEMORY_COPY -> {
                MemoryType dst = v.ctx.memory(imm.index, v.offset);
                MemoryType src = v.ctx.memory(imm.index2, v.offset);
                v.pop(min(dst.addrType(), src.addrType()));
                v.pop(addr(src.addrType()));
                v.pop(addr(dst.addrType()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The value type of an address type. */
    static ValType valType(AddrType at) {
        return addr(at);
    }
}
