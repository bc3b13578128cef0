package dev.wasm4j.memory;

import dev.wasm4j.Memory;
import dev.wasm4j.model.MemoryType;

import java.io.IOException;
import java.nio.file.Path;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A host's view of a memory without its static protection (no-access and read-only sections): bounds are
 * checked, and a virtual memory's page table outside those sections, the sections themselves are not.
 */
final class PrivilegedView implements Memory {
    private final LinearMemory memory;

    PrivilegedView(LinearMemory memory) {
        this.memory = memory;
    }

    private MemorySegment checked(long addr, long len, boolean write) {
        memory.checkPrivileged(addr, len, write);
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
        return checked(addr, 1, false).get(ValueLayout.JAVA_BYTE, addr);
    }

    @Override
    public void writeByte(long addr, byte v) {
        checked(addr, 1, true).set(ValueLayout.JAVA_BYTE, addr, v);
    }

    @Override
    public int readInt(long addr) {
        return checked(addr, 4, false).get(LinearMemory.I32, addr);
    }

    @Override
    public void writeInt(long addr, int v) {
        checked(addr, 4, true).set(LinearMemory.I32, addr, v);
    }

    @Override
    public long readLong(long addr) {
        return checked(addr, 8, false).get(LinearMemory.I64, addr);
    }

    @Override
    public void writeLong(long addr, long v) {
        checked(addr, 8, true).set(LinearMemory.I64, addr, v);
    }

    @Override
    public void read(long addr, byte[] dst, int dstOff, int len) {
        MemorySegment.copy(checked(addr, len, false), ValueLayout.JAVA_BYTE, addr, dst, dstOff, len);
    }

    @Override
    public void write(long addr, byte[] src, int srcOff, int len) {
        MemorySegment.copy(src, srcOff, checked(addr, len, true), ValueLayout.JAVA_BYTE, addr, len);
    }

    @Override
    public MemorySegment slice(long addr, long len, boolean forWrite) {
        return checked(addr, len, forWrite).asSlice(addr, len);
    }

    // Memory control operations, the type and closing are the memory's own.

    @Override
    public MemoryType type() {
        return memory.type();
    }

    @Override
    public void discard(long addr, long length) {
        memory.discard(addr, length);
    }

    @Override
    public long map(long addr, long length, Protection protection) {
        return memory.map(addr, length, protection);
    }

    @Override
    public long map(Path file, long fileOffset, long length, long addr, Protection protection) throws IOException {
        return memory.map(file, fileOffset, length, addr, protection);
    }

    @Override
    public long map(MemorySegment buffer, long addr, Protection protection) {
        return memory.map(buffer, addr, protection);
    }

    @Override
    public void unmap(long addr, long length) {
        memory.unmap(addr, length);
    }

    @Override
    public void protect(long addr, long length, Protection protection) {
        memory.protect(addr, length, protection);
    }

    @Override
    public long mappableBytes() {
        return memory.mappableBytes();
    }

    @Override
    public void close() {
        memory.close();
    }
}
