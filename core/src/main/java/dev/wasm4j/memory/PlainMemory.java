package dev.wasm4j.memory;

import dev.wasm4j.model.MemoryType;

/** An ordinary memory: every byte in bounds may be read and written. The checks are the bounds, nothing more. */
public final class PlainMemory extends LinearMemory {

    PlainMemory(MemoryType type, boolean heapOnly) {
        super(type, type.limits().min(), true, heapOnly);
    }

    @Override
    void checkRead(long ea, int n) {
        if (ea < 0 || ea > byteSize - n) {
            throw outOfBounds();
        }
    }

    @Override
    void checkWrite(long ea, int n) {
        if (ea < 0 || ea > byteSize - n) {
            throw outOfBounds();
        }
    }

    @Override
    void checkReadRange(long ea, long len) {
        checkBounds(ea, len);
    }

    @Override
    void checkWriteRange(long ea, long len) {
        checkBounds(ea, len);
    }
}
