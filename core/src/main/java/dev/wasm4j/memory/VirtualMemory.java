package dev.wasm4j.memory;

import dev.wasm4j.Memory;
import dev.wasm4j.Memory.Protection;
import dev.wasm4j.TrapException;
import dev.wasm4j.model.MemoryType;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A {@code virtual} memory (memory control proposal, virtual.md): every page starts unmapped, and
 * {@code memory.map}, {@code memory.unmap} and {@code memory.protect} map pages with a protection (none,
 * read, read-write). A page table, kept only by virtual memories, decides every access in software; the OS
 * protections (mprotect) follow the table, so the reservation's pages are committed only while mapped.
 *
 * <p>With static protection (static-protection.md) the first {@code no-access} pages are fixed {@code none}
 * and the next {@code read-only} pages fixed {@code read}; they come before the virtual section, count in
 * the size, and no {@code map}, {@code unmap} or {@code protect} may touch them (out of bounds: the
 * instructions' range must lie in the read-write section, as a write's must). Until {@link #lock()} active
 * data segments may write the read-only section. At the OS level both fixed sections are plain read-write
 * pages (never touched unless written), so that the page table alone protects them, as in
 * {@link ProtectedMemory}, and a privileged view can write them.
 *
 * <p>Every operation on a range costs a constant number of system calls: runs of pages in the same state
 * are handed to the OS as one range.
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
    /** memory.protect readwrite over a file or buffer the host mapped read-only. */
    public static final String READ_ONLY_MAPPING = "read-only host mapping";

    /** Largest page table a shared memory gets up front (a byte per page): 16 MiB. */
    private static final long SHARED_TABLE_PAGES = 1L << 24;

    private byte[] table;
    /**
     * True when OS protections track the table (native storage, Wasm pages of whole OS pages, unshared). A
     * shared memory keeps every page of its size read-write at the OS level and lets the table alone decide:
     * another thread may have passed the table's check an instant before a page is protected or unmapped,
     * and its access must then land on a readable and writable page, never fault (see memory-control.md,
     * "Under concurrency"). Its unmapped pages are still given back to the OS ({@code MADV_DONTNEED}).
     */
    private final boolean osProtection;
    /** First page of the virtual section, after the fixed no-access and read-only pages. */
    private final long firstVirtualPage;
    /** First page of the read-only section. */
    private final long firstReadOnlyPage;
    /** False during instantiation, when data segments may write the read-only section. */
    private boolean locked;

    VirtualMemory(MemoryType type, boolean heapOnly) {
        super(type, type.protection().readWriteBase() + type.limits().min(), false, heapOnly);
        this.firstReadOnlyPage = type.protection().readOnlyBase();
        this.firstVirtualPage = type.protection().readWriteBase();
        this.osProtection = storage.isNative() && pageSize() >= Posix.OS_PAGE && !type.shared();
        if (storage.isNative() && !osProtection) {
            storage.commit(0, byteSize);
        }
        // A shared memory's table is made at the size the memory can reach (within reason), so that growth
        // does not replace the array under threads that are reading it.
        long tablePages = type.shared() ? Math.min(storage.capacity() >>> pageShift, SHARED_TABLE_PAGES) : pages();
        this.table = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(Math.max(tablePages, pages()), 16))];
        if (firstVirtualPage > 0) {
            Arrays.fill(table, 0, (int) firstReadOnlyPage, NONE);
            Arrays.fill(table, (int) firstReadOnlyPage, (int) firstVirtualPage, READ);
            if (osProtection && !storage.commit(0, firstVirtualPage << pageShift)) {
                throw new OutOfMemoryError("cannot commit the protected sections");
            }
        }
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

    /**
     * Traps unless every page of {@code [ea, ea + len)} allows {@code need}; with {@code privileged} the
     * fixed sections allow everything (their OS pages are read-write).
     */
    private void checkPages(long ea, long len, byte need, boolean privileged) {
        checkBounds(ea, len);
        if (len == 0) {
            return;
        }
        long first = ea >>> pageShift;
        long last = (ea + len - 1) >>> pageShift;
        if (privileged) {
            first = Math.max(first, firstVirtualPage);
        }
        byte[] t = table;   // one read: growth may replace the array meanwhile (an unshared memory's only)
        for (long p = first; p <= last; p++) {
            if (p >= t.length || t[(int) p] < need) {
                throw outOfBounds();
            }
        }
    }

    @Override
    void checkRead(long ea, int n) {
        checkPages(ea, n, READ, false);
    }

    @Override
    void checkWrite(long ea, int n) {
        checkPages(ea, n, READ_WRITE, false);
    }

    @Override
    void checkReadRange(long ea, long len) {
        checkPages(ea, len, READ, false);
    }

    @Override
    void checkWriteRange(long ea, long len) {
        checkPages(ea, len, READ_WRITE, false);
    }

    @Override
    void checkPrivileged(long ea, long len, boolean write) {
        checkPages(ea, len, write ? READ_WRITE : READ, true);
    }

    @Override
    public void lock() {
        locked = true;
    }

    @Override
    public Memory privileged() {
        return firstVirtualPage == 0 ? this : new PrivilegedView(this);
    }

    /**
     * The whole-page range {@code [start, end)} covering {@code [addr, addr + len)}, checked: not empty, in
     * bounds, and inside the virtual section.
     */
    private long[] pageRange(long addr, long len) {
        if (len == 0) {
            throw new TrapException(INVALID_SIZE);
        }
        checkBounds(addr, len);
        long mask = pageSize() - 1;
        long start = addr & ~mask;
        if (start >>> pageShift < firstVirtualPage) {
            throw outOfBounds();
        }
        return new long[] {start, (addr + len + mask) & ~mask};
    }

    static int osProt(byte state) {
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

    /** Traps with {@code message} if any page of {@code [start, end)} is (when {@code mapped}) or is not mapped. */
    private void requirePages(long start, long end, boolean mapped, String message) {
        for (long p = start >>> pageShift; p < end >>> pageShift; p++) {
            if ((table[(int) p] != UNMAPPED) == mapped) {
                throw new TrapException(message);
            }
        }
    }

    /** {@code memory.map}: maps fresh zero pages with {@code prot} (0 none, 1 read, 2 read-write). */
    @Override
    public synchronized long map(long addr, long len, int prot) {
        long[] r = pageRange(addr, len);
        requirePages(r[0], r[1], true, OVERLAP);
        setPages(r[0], r[1], state(prot), true);
        return r[0];
    }

    /** {@code memory.unmap}: pages become unmapped (and zero); unmapping unmapped pages is allowed. */
    @Override
    public synchronized void unmap(long addr, long len) {
        long[] r = pageRange(addr, len);
        for (HostMappings.Mapping file : hostMappings.release(r[0], r[1])) {
            if (!osProtection) {
                // MADV_DONTNEED over a file would bring the file's bytes back: anonymous pages go there first
                freshPages(file.start(), file.end(), Posix.PROT_READ | Posix.PROT_WRITE);
            }
        }
        setPages(r[0], r[1], UNMAPPED, true);
    }

    /** {@code memory.protect}: changes the protection of mapped pages; traps if any page is unmapped. */
    @Override
    public synchronized void protect(long addr, long len, int prot) {
        long[] r = pageRange(addr, len);
        requirePages(r[0], r[1], false, UNMAPPED_PAGE);
        byte state = state(prot);
        if (state == READ_WRITE && hostMappings.readOnlyWithin(r[0], r[1])) {
            throw new TrapException(READ_ONLY_MAPPING);
        }
        setPages(r[0], r[1], state, false);
    }

    /**
     * Writes an active data segment during instantiation (virtual.md): the pages of the virtual section it
     * covers that are not mapped yet are first mapped {@code read} (the implicit {@code memory.map read});
     * the bytes are written whatever the pages' protection. The no-access section, and the read-only
     * section once the memory is locked (an imported memory), refuse it.
     */
    public synchronized void initData(long dst, byte[] data, int off, long len) {
        checkBounds(dst, len);
        if (off < 0 || len < 0 || off > data.length - len) {
            throw outOfBounds();
        }
        if (len == 0) {
            return;
        }
        long fixedEnd = (locked ? firstVirtualPage : firstReadOnlyPage) << pageShift;
        if (dst < fixedEnd) {
            throw outOfBounds();
        }
        long mask = pageSize() - 1;
        long start = Math.max(dst & ~mask, firstVirtualPage << pageShift);
        long end = (dst + len + mask) & ~mask;
        if (start < end) {
            forEachRun(start, end, (from, to, st) -> {
                if (st == UNMAPPED) {
                    setPages(from, to, READ, true);
                }
            });
            if (osProtection) {
                osProtect(start, end - start, READ_WRITE);
            }
        }
        MemorySegment.copy(MemorySegment.ofArray(data), off, seg, dst, len);
        if (osProtection && start < end) {
            forEachRun(start, end, (from, to, st) -> osProtect(from, to - from, st));
        }
    }

    /** A run of pages {@code [from, to)} (bytes) whose table state is {@code state}. */
    @FunctionalInterface
    private interface RunAction {
        void run(long from, long to, byte state);
    }

    /** Calls {@code action} once per maximal run of equal states in {@code [start, end)} (whole pages). */
    private void forEachRun(long start, long end, RunAction action) {
        long p = start >>> pageShift;
        long last = end >>> pageShift;
        while (p < last) {
            byte st = table[(int) p];
            long q = p + 1;
            while (q < last && table[(int) q] == st) {
                q++;
            }
            action.run(p << pageShift, q << pageShift, st);
            p = q;
        }
    }

    private void osProtect(long start, long len, byte state) {
        if (!((NativeStorage) storage).protect(start, len, osProt(state))) {
            throw new TrapException("memory.protect refused by the host");
        }
    }

    /** Gives {@code [start, end)} the state {@code state}; {@code fresh} pages are new zero pages. */
    private void setPages(long start, long end, byte state, boolean fresh) {
        if (osProtection) {
            NativeStorage ns = (NativeStorage) storage;
            if (fresh) {
                // New or unmapped pages are fresh anonymous zero pages (dropping any file mapping there).
                if (!ns.remapAnonymous(start, end - start, osProt(state))) {
                    throw new TrapException("memory.map refused by the host");
                }
            } else {
                osProtect(start, end - start, state);
            }
        } else if (fresh) {
            storage.discard(start, end - start);
        }
        Arrays.fill(table, (int) (start >>> pageShift), (int) (end >>> pageShift), state);
    }

    /** Host mappings (files, buffers) of a virtual memory need unmapped pages, like {@code memory.map}. */
    @Override
    void prepareHostMapping(long start, long end) {
        if (start >>> pageShift < firstVirtualPage) {
            throw outOfBounds();
        }
        requirePages(start, end, true, OVERLAP);
    }

    @Override
    void hostMapped(long start, long end, Protection protection) {
        byte state = state(protection.ordinal());
        if (osProtection) {
            osProtect(start, end - start, state);
        }
        Arrays.fill(table, (int) (start >>> pageShift), (int) (end >>> pageShift), state);
    }

    @Override
    int hostMappingProtection(Protection protection) {
        return osProtection ? osProt(state(protection.ordinal())) : Posix.PROT_READ | Posix.PROT_WRITE;
    }

    /** A writable buffer's pages may have been protected since: make them readable to copy them back. */
    @Override
    void readableForHost(long start, long end) {
        if (osProtection) {
            ((NativeStorage) storage).protect(start, end - start, Posix.PROT_READ | Posix.PROT_WRITE);
        }
    }

    /** Resident bytes of the mapped pages only: unmapped runs are skipped without asking the OS. */
    @Override
    public long residentBytes() {
        if (!osProtection) {
            return super.residentBytes();
        }
        long[] total = {0};
        forEachRun(0, byteSize, (from, to, st) -> {
            if (st != UNMAPPED) {
                total[0] += ((NativeStorage) storage).residentBytes(from, to - from);
            }
        });
        return total[0];
    }
}
