package dev.wasm4j.memory;

import dev.wasm4j.Memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A host's unprotected view of a {@link ProtectedMemory}: bounds are checked, protection is not. */
final class PrivilegedView implements Memory {
    private final LinearMemory memory;

    PrivilegedView(LinearMemory memory) {
        this.memory = memory;
    }

    private MemorySegment checked(long addr, long len) {
        memory.checkBounds(addr, len);
        return memory.seg;
    }

    @Override
    public long pages() {
        return memory.pages();
    }

    @Override
    public long byteSize() {
        return memory.byteSize();
    }

    @Override
    public long pageSize() {
        return memory.pageSize();
    }

    @Override
    public long grow(long deltaPages) {
        return memory.grow(deltaPages);
    }

    @Override
    public byte readByte(long addr) {
        return checked(addr, 1).get(ValueLayout.JAVA_BYTE, addr);
    }

    @Override
    public void writeByte(long addr, byte v) {
        checked(addr, 1).set(ValueLayout.JAVA_BYTE, addr, v);
    }

    @Override
    public int readInt(long addr) {
        return checked(addr, 4).get(LinearMemory.I32, addr);
    }

    @Override
    public void writeInt(long addr, int v) {
        checked(addr, 4).set(LinearMemory.I32, addr, v);
    }

    @Override
    public long readLong(long addr) {
        return checked(addr, 8).get(LinearMemory.I64, addr);
    }

    @Override
    public void writeLong(long addr, long v) {
        checked(addr, 8).set(LinearMemory.I64, addr, v);
    }

    @Override
    public void read(long addr, byte[] dst, int dstOff, int len) {
        MemorySegment.copy(checked(addr, len), ValueLayout.JAVA_BYTE, addr, dst, dstOff, len);
    }

    @Override
    public void write(long addr, byte[] src, int srcOff, int len) {
        MemorySegment.copy(src, srcOff, checked(addr, len), ValueLayout.JAVA_BYTE, addr, len);
    }

    @Override
    public MemorySegment slice(long addr, long len, boolean forWrite) {
        return checked(addr, len).asSlice(addr, len);
    }
}
