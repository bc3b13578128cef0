package dev.wasm4j.model;

/**
 * The immediate operands an instruction carries in the binary format, in encoding order. Every tier reads
 * them the same way, so one enum value describes one encoding.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public enum Imm {
    /** No immediates. */
    NONE,
    /** A block type: 0x40, a value type, or a type index as s33. */
    BLOCK,
    /** A label index. */
    LABEL,
    /** {@code br_table}: a vector of label indices, then the default label. */
    BR_TABLE,
    /** A function index. */
    FUNC,
    /** {@code call_indirect}: type index, then table index. */
    CALL_INDIRECT,
    /** A type index (call_ref, struct.new, array.get, ...). */
    TYPE,
    /** A local index. */
    LOCAL,
    /** A global index. */
    GLOBAL,
    /** A table index. */
    TABLE,
    /** A tag index. */
    TAG,
    /** A memory index (memory.size, memory.grow, memory.fill, memory.discard, memory.unmap). */
    MEMORY,
    /** A memory index then a protection byte (memory.map, memory.protect; memory control). */
    MEMORY_PROT,
    /** A memarg: alignment (bit 6 flags a memory index), [memory index], offset. */
    MEMARG,
    /** A memarg then a lane index byte (v128.load8_lane ...). */
    MEMARG_LANE,
    /** A signed LEB128 i32. */
    I32,
    /** A signed LEB128 i64. */
    I64,
    /** 4 bytes of an IEEE 754 single, little endian. */
    F32,
    /** 8 bytes of an IEEE 754 double, little endian. */
    F64,
    /** 16 bytes of a v128 constant. */
    V128,
    /** 16 lane index bytes of {@code i8x16.shuffle}. */
    SHUFFLE,
    /** One lane index byte. */
    LANE,
    /** {@code select t*}: a vector of value types. */
    SELECT_TYPES,
    /** A heap type (ref.null, ref.test, ref.cast). */
    HEAP_TYPE,
    /** A type index then a field index (struct.get, struct.set). */
    TYPE_FIELD,
    /** Two type indices (array.copy). */
    TYPE_TYPE,
    /** A type index then a data index (array.new_data, array.init_data). */
    TYPE_DATA,
    /** A type index then an element index (array.new_elem, array.init_elem). */
    TYPE_ELEM,
    /** A type index then a count (array.new_fixed). */
    TYPE_COUNT,
    /** {@code br_on_cast}: flags byte, label, two heap types. */
    BR_ON_CAST,
    /** {@code try_table}: block type, then a vector of catch clauses. */
    TRY_TABLE,
    /** A data index (data.drop). */
    DATA,
    /** An element index (elem.drop). */
    ELEM,
    /** {@code memory.init}: data index, then memory index. */
    MEMORY_INIT,
    /** {@code memory.copy}: destination memory index, then source memory index. */
    MEMORY_COPY,
    /** {@code table.init}: element index, then table index. */
    TABLE_INIT,
    /** {@code table.copy}: destination table index, then source table index. */
    TABLE_COPY,
    /** A single reserved zero byte (atomic.fence). */
    ZERO_BYTE
}
