package dev.wasm4j.memory;

import dev.wasm4j.TrapException;
import dev.wasm4j.model.MemoryType;

import java.util.Arrays;

/**
 * A {@code virtual} memory (memory control proposal, virtual.md): every page starts unmapped, and
 * {@code memory.map}, {@code memory.unmap} and {@code memory.protect} map pages with a protection (none,
 * read, read-write). A page table, kept only by virtual memories, decides every access in software; the OS
 * protections (mprotect) follow the table, so the reservation's pages are committed only while mapped.
 */
public final class VirtualMemory extends LinearMemory {
    /** Page states in the table. */
    public static final byte UNMAPPED = 0;
    public static final byte NONE = 1;
    public static final byte READ = 2;
    public static final byte READ_WRITE = 3;

    public static final String INVALID_SIZE = "invalid mapping size";
    public static final String OVERLAP = "overlapping mapping";
    public static final String UNMAPPED_PAGE = "unmapped memory";

    private byte[] table;
    /** True when OS protections track the table (native storage, Wasm pages of whole OS pages). */
    private final boolean osProtection;

    VirtualMemory(MemoryType type, boolean heapOnly) {
        super(type, type.limits().min(), false, heapOnly);
        this.osProtection = storage.isNative() && pageSize() >= Posix.OS_PAGE;
        if (storage.isNative() && !osProtection) {
            storage.commit(0, byteSize);
        }
        this.table = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(pages(), 16))];
    }

    @Override
    boolean commitGrowth(long oldBytes, long newBytes) {
        return osProtection || storage.commit(oldBytes, newBytes);
    }

    @Override
    void grown(long oldBytes, long newBytes) {
        long pages = newBytes >>> pageShift;
        if (pages > table.length) {
            table = Arrays.copyOf(table, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(pages, 2L * table.length)));
        }
    }

    /** The state of page {@code page}: {@link #UNMAPPED}, {@link #NONE}, {@link #READ} or {@link #READ_WRITE}. */
    public byte pageState(long page) {
        return page < table.length ? table[(int) page] : UNMAPPED;
    }

    private void checkPages(long ea, long len, byte need) {
        checkBounds(ea, len);
        if (len == 0) {
            return;
        }
        long first = ea >>> pageShift;
        long last = (ea + len - 1) >>> pageShift;
        for (long p = first; p <= last; p++) {
            if (table[(int) p] < need) {
                throw outOfBounds();
            }
        }
    }

    @Override
    void checkRead(long ea, int n) {
        checkPages(ea, n, READ);
    }

    @Override
    void checkWrite(long ea, int n) {
        checkPages(ea, n, READ_WRITE);
    }

    @Override
    void checkReadRange(long ea, long len) {
        checkPages(ea, len, READ);
    }

    @Override
    void checkWriteRange(long ea, long len) {
        checkPages(ea, len, READ_WRITE);
    }

    /** The whole-page range {@code [start, end)} covering {@code [addr, addr + len)}, checked. */
    private long[] pageRange(long addr, long len) {
        if (len == 0) {
            throw new TrapException(INVALID_SIZE);
        }
        checkBounds(addr, len);
        long mask = pageSize() - 1;
        return new long[] {addr & ~mask, (addr + len + mask) & ~mask};
    }

    private static int osProt(byte state) {
        return switch (state) {
            case READ -> Posix.PROT_READ;
            case READ_WRITE -> Posix.PROT_READ | Posix.PROT_WRITE;
            default -> Posix.PROT_NONE;
        };
    }

    private static byte state(int prot) {
        return switch (prot) {
            case 0 -> NONE;
            case 1 -> READ;
            default -> READ_WRITE;
        };
    }

    /** {@code memory.map}: maps fresh zero pages with {@code prot} (0 none, 1 read, 2 read-write). */
    @Override
    public synchronized long map(long addr, long len, int prot) {
        long[] r = pageRange(addr, len);
        for (long p = r[0] >>> pageShift; p < r[1] >>> pageShift; p++) {
            if (table[(int) p] != UNMAPPED) {
                throw new TrapException(OVERLAP);
            }
        }
        setPages(r[0], r[1], state(prot), true);
        return r[0];
    }

    /** {@code memory.unmap}: pages become unmapped (and zero); unmapping unmapped pages is allowed. */
    @Override
    public synchronized void unmap(long addr, long len) {
        long[] r = pageRange(addr, len);
        setPages(r[0], r[1], UNMAPPED, true);
    }

    /** {@code memory.protect}: changes the protection of mapped pages; traps if any page is unmapped. */
    @Override
    public synchronized void protect(long addr, long len, int prot) {
        long[] r = pageRange(addr, len);
        for (long p = r[0] >>> pageShift; p < r[1] >>> pageShift; p++) {
            if (table[(int) p] == UNMAPPED) {
                throw new TrapException(UNMAPPED_PAGE);
            }
        }
        setPages(r[0], r[1], state(prot), false);
    }

    /**
     * Maps pages for an active data segment during instantiation: pages not yet mapped become readable
     * (the proposal's implicit {@code memory.map read}); already mapped pages keep their state.
     */
    public synchronized void mapForData(long addr, long len) {
        if (len == 0) {
            return;
        }
        checkBounds(addr, len);
        long mask = pageSize() - 1;
        long start = addr & ~mask;
        long end = (addr + len + mask) & ~mask;
        for (long a = start; a < end; a += pageSize()) {
            if (table[(int) (a >>> pageShift)] == UNMAPPED) {
                setPages(a, a + pageSize(), READ, true);
            }
        }
    }

    /** Writes an active data segment, whatever the pages' protection (instantiation only). */
    public void initData(long dst, byte[] data, int off, long len) {
        mapForData(dst, len);
        if (off < 0 || len < 0 || off > data.length - len) {
            throw outOfBounds();
        }
        if (len == 0) {
            return;
        }
        long mask = pageSize() - 1;
        long start = dst & ~mask;
        long end = (dst + len + mask) & ~mask;
        if (osProtection) {
            ((NativeStorage) storage).protect(start, end - start, Posix.PROT_READ | Posix.PROT_WRITE);
        }
        java.lang.foreign.MemorySegment.copy(java.lang.foreign.MemorySegment.ofArray(data), off, seg, dst, len);
        if (osProtection) {
            for (long a = start; a < end; a += pageSize()) {
                ((NativeStorage) storage).protect(a, pageSize(), osProt(table[(int) (a >>> pageShift)]));
            }
        }
    }

    private void setPages(long start, long end, byte state, boolean fresh) {
        for (long p = start >>> pageShift; p < end >>> pageShift; p++) {
            table[(int) p] = state;
        }
        if (osProtection) {
            NativeStorage ns = (NativeStorage) storage;
            if (fresh) {
                // New or unmapped pages are fresh anonymous zero pages (dropping any file mapping there).
                if (!ns.remapAnonymous(start, end - start, osProt(state))) {
                    throw new TrapException("memory.map refused by the host");
                }
            } else if (!ns.protect(start, end - start, osProt(state))) {
                throw new TrapException("memory.protect refused by the host");
            }
        } else if (fresh) {
            storage.discard(start, end - start);
        }
    }

    @Override
    void discardRange(long start, long len) {
        // Pages keep their mapping and protection; their contents go back to zero.
        if (osProtection) {
            for (long a = start; a < start + len; a += pageSize()) {
                byte st = table[(int) (a >>> pageShift)];
                ((NativeStorage) storage).remapAnonymous(a, pageSize(), osProt(st));
            }
        } else {
            storage.discard(start, len);
        }
    }

    @Override
    void fileMapped(long start, long end, boolean writable) {
        for (long p = start >>> pageShift; p < end >>> pageShift; p++) {
            table[(int) p] = writable ? READ_WRITE : READ;
        }
    }

    @Override
    void fileUnmapped(long start, long end) {
        for (long p = start >>> pageShift; p < end >>> pageShift; p++) {
            table[(int) p] = UNMAPPED;
        }
    }

    @Override
    int fileProtection(boolean writable) {
        return writable ? Posix.PROT_READ | Posix.PROT_WRITE : Posix.PROT_READ;
    }

    @Override
    int unmappedProtection() {
        return Posix.PROT_NONE;
    }
}
