package dev.wasm4j.memory;

import dev.wasm4j.Memory;
import dev.wasm4j.model.MemoryType;

/**
 * A memory with static protection (memory control proposal, static-protection.md): its first
 * {@code no-access} pages can be neither read nor written, the next {@code read-only} pages only read, and
 * the rest, which alone grows, read and written. A violation traps like an out-of-bounds access, since it
 * is one more bound: reads need {@code ea >= read-only-base}, writes {@code ea >= read-write-base}.
 * Until {@link #lock()} (the end of instantiation) active data segments may write the read-only section.
 */
public final class ProtectedMemory extends LinearMemory {
    private final long readBase;
    private final long writeBase;
    private long currentWriteBase;

    ProtectedMemory(MemoryType type, boolean heapOnly) {
        super(type, type.protection().readWriteBase() + type.limits().min(), true, heapOnly);
        this.readBase = type.protection().readOnlyBase() << type.pageSizeLog2();
        this.writeBase = type.protection().readWriteBase() << type.pageSizeLog2();
        this.currentWriteBase = readBase;
    }

    /** First byte that may be read. */
    public long readOnlyBase() {
        return readBase;
    }

    /** First byte that may be written (after instantiation). */
    public long readWriteBase() {
        return writeBase;
    }

    @Override
    public void lock() {
        currentWriteBase = writeBase;
    }

    @Override
    void checkRead(long ea, int n) {
        if (ea < readBase || ea > byteSize - n) {
            throw outOfBounds();
        }
    }

    @Override
    void checkWrite(long ea, int n) {
        if (ea < currentWriteBase || ea > byteSize - n) {
            throw outOfBounds();
        }
    }

    @Override
    void checkReadRange(long ea, long len) {
        checkBounds(ea, len);
        if (len > 0 && ea < readBase) {
            throw outOfBounds();
        }
    }

    @Override
    void checkWriteRange(long ea, long len) {
        checkBounds(ea, len);
        if (len > 0 && ea < currentWriteBase) {
            throw outOfBounds();
        }
    }

    /** A view that reads and writes every byte in bounds, for a host that asks for it explicitly. */
    @Override
    public Memory privileged() {
        return new PrivilegedView(this);
    }
}
