package dev.wasm4j.binary;

import dev.wasm4j.model.BlockType;
import dev.wasm4j.model.Catch;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * The immediates of the instruction a {@link CodeReader} read last. One instance is reused for every
 * instruction, so a consumer copies what it keeps. Which fields are set depends on the opcode's
 * {@link dev.wasm4j.model.Imm}. Indices are u32 in the binary; one of 2^31 or more, which can name nothing,
 * reads as {@code Integer.MAX_VALUE}, so every index here is non-negative. Lane indices are single bytes
 * (spec 5.4.8 {@code laneidx ::= byte}).
 *
 * <table>
 * <tr><th>Imm</th><th>fields</th></tr>
 * <tr><td>BLOCK</td><td>blockType</td></tr>
 * <tr><td>LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, MEMORY, DATA, ELEM</td><td>index</td></tr>
 * <tr><td>MEMORY_PROT</td><td>index = memory, prot (0 none, 1 read, 2 read-write)</td></tr>
 * <tr><td>BR_TABLE</td><td>labels (targets), index = default label</td></tr>
 * <tr><td>CALL_INDIRECT</td><td>index = type, index2 = table</td></tr>
 * <tr><td>MEMARG</td><td>memory, align (exponent), offset</td></tr>
 * <tr><td>MEMARG_LANE</td><td>memory, align, offset, lane</td></tr>
 * <tr><td>I32, I64</td><td>value (sign-extended)</td></tr>
 * <tr><td>F32, F64</td><td>value (raw IEEE bits)</td></tr>
 * <tr><td>V128, SHUFFLE</td><td>v128Low, v128High (little endian: byte 0 is the low byte of v128Low), bytes16</td></tr>
 * <tr><td>LANE</td><td>lane</td></tr>
 * <tr><td>SELECT_TYPES</td><td>selectTypes</td></tr>
 * <tr><td>HEAP_TYPE</td><td>heapType</td></tr>
 * <tr><td>TYPE_FIELD, TYPE_TYPE, TYPE_DATA, TYPE_ELEM, TYPE_COUNT</td><td>index = type, index2 = field / source type / data / elem / count</td></tr>
 * <tr><td>BR_ON_CAST</td><td>index = label, castFlags (bit 0: source nullable, bit 1: target nullable), heapType = source, heapType2 = target</td></tr>
 * <tr><td>TRY_TABLE</td><td>blockType, catches</td></tr>
 * <tr><td>MEMORY_INIT</td><td>index = data, index2 = memory</td></tr>
 * <tr><td>MEMORY_COPY</td><td>index = destination memory, index2 = source memory</td></tr>
 * <tr><td>TABLE_INIT</td><td>index = elem, index2 = table</td></tr>
 * <tr><td>TABLE_COPY</td><td>index = destination table, index2 = source table</td></tr>
 * </table>
 */
public final class Immediates {
    public int index;
    public int index2;
    public int memory;
    public int align;
    public long offset;
    public int lane;
    public int prot;
    public long value;
    public long v128Low;
    public long v128High;
    public final byte[] bytes16 = new byte[16];
    public BlockType blockType;
    public int[] labels;
    public List<ValType> selectTypes;
    public HeapType heapType;
    public HeapType heapType2;
    public int castFlags;
    public List<Catch> catches;
}
