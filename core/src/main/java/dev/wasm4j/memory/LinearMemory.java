package dev.wasm4j.memory;

import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A memory instance (spec 4.2.8). Its bytes live in a {@link Storage}: native memory reserved once from the
 * OS (so growth never copies and the memory never moves) or, where that is impossible, a Java array.
 *
 * <p>Every access takes an <em>effective address</em> {@code ea}: the unsigned address operand plus the
 * static offset, as a long; a negative {@code ea} (overflow) is out of bounds like any other. Each access is
 * checked in software before a byte is touched, never by a guard-page signal: {@link PlainMemory} checks the
 * bounds only, {@link ProtectedMemory} adds the static protection sections and {@link VirtualMemory} a page
 * table; the kind is chosen once per memory, so a plain memory pays for nothing else. Bulk operations check
 * their whole range before writing.
 */
public abstract sealed class LinearMemory implements Memory, AutoCloseable
        permits PlainMemory, ProtectedMemory, VirtualMemory {
    /**
     * Makes native memories ready to allocate: a tool that will instantiate a module may call this on another
     * thread while it reads the module, so that the FFM linker's one-time set-up overlaps with decoding.
     */
    public static void prepareNative() {
        Posix.prepare();
        NativeSetup.done();
    }

    public static final String OUT_OF_BOUNDS = "out of bounds memory access";

    static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Accesses starting below this offset may use {@link #buf} (an int-indexed buffer) for up to 16 bytes. */
    static final long BUFFER_SPAN = (1L << 31) - 4096;

    /** Default reservation for 64-bit memories without a smaller maximum. */
    static final long DEFAULT_RESERVATION_64 = 16L << 30;

    /** Reservation for 64-bit virtual memories without a smaller maximum. */
    static final long VIRTUAL_RESERVATION_64 = 1L << 40;

    protected final MemoryType type;
    /** Where the bytes are; replaced once, on the guest's thread, when a provisional memory settles. */
    protected Storage storage;
    protected final int pageShift;
    /** The segment over the storage; replaced when heap storage grows. */
    protected MemorySegment seg;
    /**
     * A byte buffer over the first {@link #BUFFER_SPAN} bytes of the same storage. Loads and stores below that
     * go through it: a buffer access is far fewer JIT nodes than a segment access, which matters inside the
     * large methods of compiled Wasm, where HotSpot stops inlining at a node budget. Above it (memories past
     * 2 GiB), the segment.
     */
    public ByteBuffer buf;
    /**
     * The fast-path limit for the tiers: an access of {@code n} bytes at {@code ea <= bufLimit - n} may go
     * straight to the native bytes at {@link #rawBase} + {@code ea} ({@link RawMemory}), with no further check.
     * It is the size in bytes for a plain memory in native storage, and 0 for the others (memories whose every
     * access needs a protection check, and memories on the Java heap), so that their accesses always take the
     * checked methods. Engine-internal.
     */
    public long bufLimit;
    /**
     * {@link #bufLimit} minus 2, 4 and 8: the limits of the wider accesses, kept beside it so that the compiled
     * code's access helpers need no subtraction (each byte of bytecode counts there: compiler.MemOps).
     * Written with {@link #bufLimit}, before it. Engine-internal.
     */
    public long limit2;
    public long limit4;
    public long limit8;

    /**
     * The fast path's view of native memory when {@link RawMemory} does not use {@code sun.misc.Unsafe}: a
     * segment over the whole address space, in the global scope. Being a constant, its scope and bounds
     * checks fold away in compiled code, so an access through it is a single machine load or store at
     * {@link #rawBase} plus the address, after the one comparison with {@link #bufLimit} that keeps it inside
     * this memory. Only native plain memories use it
     * ({@code bufLimit} is 0 for the others), and their reservation stays mapped for as long as any code can
     * still reach the memory (see {@link #close}).
     */
    public static final MemorySegment RAW = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    public static final ValueLayout.OfByte RAW_I8 = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort RAW_I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt RAW_I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong RAW_I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Address of byte 0 of a native memory, for the fast path; 0 for heap memories. Engine-internal. */
    public long rawBase;

    /** Little-endian views of {@link #buf} whose code HotSpot always inlines (unlike the buffer's methods). */
    public static final java.lang.invoke.VarHandle BUF_I16 =
            java.lang.invoke.MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final java.lang.invoke.VarHandle BUF_I32 =
            java.lang.invoke.MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final java.lang.invoke.VarHandle BUF_I64 =
            java.lang.invoke.MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Current size in bytes: every access is checked against it. */
    protected long byteSize;
    /** A host-imposed limit on growth, in bytes ({@code --max-memory}); unlimited by default. */
    private volatile long growthLimit = Long.MAX_VALUE;
    private final long maxPages;
    /** Made on first use: its var handles cost milliseconds of start-up that most programs never need. */
    private volatile Atomics atomics;

    LinearMemory(MemoryType type, long initialPages) {
        this(type, initialPages, true);
    }

    /** With {@code commit} false the initial pages are reserved but not made accessible (virtual memories). */
    LinearMemory(MemoryType type, long initialPages, boolean commit) {
        this(type, initialPages, commit, false);
    }

    LinearMemory(MemoryType type, long initialPages, boolean commit, boolean heapOnly) {
        this.type = type;
        this.pageShift = type.pageSizeLog2();
        this.maxPages = maxPages(type);
        long initialBytes = initialPages << pageShift;
        Storage s = initialPages > maxPages || heapOnly ? null : reserve(capacity(), initialBytes, commit);
        if (s == null) {
            if (initialBytes > HeapStorage.MAX_BYTES || initialPages > maxPages) {
                throw new OutOfMemoryError("memory of " + initialPages + " pages cannot be allocated");
            }
            long maxBytes = maxPages > (Long.MAX_VALUE >>> pageShift) ? Long.MAX_VALUE : maxPages << pageShift;
            long fixed = type.shared() ? HeapStorage.sharedCapacity(maxBytes, initialBytes, pageShift) : -1;
            s = new HeapStorage(initialBytes, fixed);
        }
        use(s, initialBytes);
        this.byteSize = initialBytes;
    }

    /** Address space a native reservation of this memory takes: its maximum, capped by {@link #reservation}. */
    private long capacity() {
        return Math.min(maxPages << pageShift, reservation(type));
    }

    /**
     * Makes {@code s} the memory's storage, with the fields accesses read derived from it, the fast-path limit
     * for {@code bytes} last (a reader of the new limit finds the new base).
     */
    private void use(Storage s, long bytes) {
        storage = s;
        rawBase = s instanceof NativeStorage n ? n.base() : 0;
        seg = s.segment();
        buf = bufferOf(seg);
        setFastLimit(fastLimit(bytes));
    }

    /** Sets {@link #bufLimit} and the limits derived from it, the derived ones first. */
    private void setFastLimit(long limit) {
        limit2 = limit - 2;
        limit4 = limit - 4;
        limit8 = limit - 8;
        bufLimit = limit;
    }

    /** {@link #bufLimit} for a memory of {@code bytes}: native plain memories only. */
    private long fastLimit(long bytes) {
        return this instanceof PlainMemory && rawBase != 0 ? bytes : 0;
    }

    private static ByteBuffer bufferOf(MemorySegment s) {
        return s.asSlice(0, Math.min(s.byteSize(), BUFFER_SPAN + 16)).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A new memory of this type, at its initial size, zero-filled; the kind follows the type. */
    public static LinearMemory allocate(MemoryType type) {
        if (NativeSetup.provisionalNow() && canBeProvisional(type)) {
            return provisional(type);
        }
        return allocate(type, false);
    }

    /**
     * A plain, unshared memory of at most {@link #PROVISIONAL_BYTES} at first. A larger one would cost its size
     * twice while it settles (the heap array is garbage only after the copy): C programs linked with a large
     * initial memory (16 MiB) had their peak resident memory grow by 20-27 MB.
     */
    static boolean canBeProvisional(MemoryType type) {
        return !type.virtual() && type.protection().isNone() && !type.shared()
                && type.limits().min() <= PROVISIONAL_BYTES >>> type.pageSizeLog2();
    }

    /** Largest initial size of a provisional memory: 16 pages of 64 KiB (wasi-libc's programs start with 2-3). */
    static final long PROVISIONAL_BYTES = 1L << 20;

    /** A plain memory of this type on the heap, to be moved into native memory when it {@linkplain #settle settles}. */
    static LinearMemory provisional(MemoryType type) {
        LinearMemory m = new PlainMemory(type, true);
        m.provisional = true;
        return m;
    }

    /** True while the memory lives on the heap and waits to {@linkplain #settle settle} into native memory. */
    private boolean provisional;

    /** Whether {@link #settle} has anything to do. */
    public final boolean provisional() {
        return provisional;
    }

    /**
     * Moves a provisional memory into native memory (waiting for the one-time set-up if it is still running):
     * the reservation, the bytes copied, then the fields compiled code and the interpreter read, the fast-path
     * limit last. Called on the guest's thread where no access is under way and no host holds the memory's
     * segments: before compiled code first runs ({@link dev.wasm4j.exec.ModuleInstance#settleMemories}),
     * before the memory grows, maps or unmaps, or does atomics. Nothing to do for other memories; a memory whose
     * reservation the OS refuses stays on the heap, as the fallback does.
     */
    public final synchronized void settle() {
        if (!provisional) {
            return;
        }
        provisional = false;
        Storage s = reserve(capacity(), byteSize, true);
        if (s == null) {
            return;
        }
        MemorySegment.copy(seg, 0, s.segment(), 0, byteSize);
        use(s, byteSize);
    }

    /**
     * A new memory of this type; with {@code heapOnly} on the Java heap even where native memory is
     * available (the fallback's behaviour, for tests and comparisons).
     */
    public static LinearMemory allocate(MemoryType type, boolean heapOnly) {
        if (type.virtual()) {
            return new VirtualMemory(type, heapOnly);
        }
        if (!type.protection().isNone()) {
            return new ProtectedMemory(type, heapOnly);
        }
        return new PlainMemory(type, heapOnly);
    }

    /**
     * A memory a host creates ({@code Memory.allocate}): locked at once (the host writes protected sections
     * through a privileged view), with a mappable region of {@code mappablePages} pages, or none set (-1).
     */
    public static LinearMemory allocateForHost(MemoryType type, long mappablePages) {
        if (mappablePages >= 0) {
            if (!type.limits().hasMax()) {
                throw new IllegalArgumentException("a mappable region needs a memory with a maximum");
            }
            if (mappablePages > maxPages(type)) {
                throw new IllegalArgumentException("mappable pages (" + mappablePages + ") exceed the maximum ("
                        + maxPages(type) + ")");
            }
        }
        LinearMemory m = allocate(type);
        m.lock();
        if (mappablePages >= 0) {
            m.mappableBytes = mappablePages << m.pageShift;
        }
        return m;
    }

    /** Most pages a memory of this type may have: its maximum, capped by the address space. */
    static long maxPages(MemoryType t) {
        long archMax = t.addrType() == AddrType.I32 ? (1L << 32) >>> t.pageSizeLog2() : (1L << 48) >>> t.pageSizeLog2();
        long extra = t.protection().noAccessPages() + t.protection().readOnlyPages();
        long max = t.limits().hasMax() ? t.limits().max() + extra : archMax;
        return Long.compareUnsigned(max, archMax) > 0 || max < 0 ? archMax : max;
    }

    /**
     * Bytes reserved up front (the memory can never grow past them): all 4 GiB for 32-bit memories; for 64-bit
     * ones 16 GiB, and for a virtual one up to 1 TiB, since its pages cost nothing until mapped (virtual.md
     * hopes for tens to hundreds of GiB). Only address space: the reservation is PROT_NONE and unaccounted.
     */
    static long reservation(MemoryType t) {
        if (t.addrType() == AddrType.I32) {
            return 1L << 32;
        }
        return t.virtual() ? VIRTUAL_RESERVATION_64 : DEFAULT_RESERVATION_64;
    }

    /**
     * Native storage of {@code capacity} bytes, or, when the OS refuses so much address space (a ulimit), of
     * less, halving down to the default reservation; null when native memory is impossible.
     */
    private Storage reserve(long capacity, long initialBytes, boolean commit) {
        long want = Math.max(capacity, initialBytes);
        while (true) {
            Storage s = NativeStorage.reserve(want, commit ? initialBytes : 0, this);
            long floor = Math.max(initialBytes, Math.min(capacity, DEFAULT_RESERVATION_64));
            if (s != null || !Posix.available() || want <= floor) {
                return s;
            }
            want = Math.max(want / 2, floor);
        }
    }

    public static TrapException outOfBounds() {
        return new TrapException(OUT_OF_BOUNDS);
    }

    /** Effective address of {@code addr + offset} (both unsigned), or -1 when it overflows 64 bits. */
    public static long effectiveAddress(long addr, long offset) {
        long ea = addr + offset;
        return Long.compareUnsigned(ea, addr) < 0 ? -1 : ea;
    }

    // ------------------------------------------------------------------ checks, one kind per subclass

    /** Traps unless {@code [ea, ea + n)} may be read (n small and positive). */
    abstract void checkRead(long ea, int n);

    /** Traps unless {@code [ea, ea + n)} may be written (n small and positive). */
    abstract void checkWrite(long ea, int n);

    /** Traps unless {@code [ea, ea + len)} may be read ({@code len} may be 0 or huge). */
    abstract void checkReadRange(long ea, long len);

    /** Traps unless {@code [ea, ea + len)} may be written ({@code len} may be 0 or huge). */
    abstract void checkWriteRange(long ea, long len);

    final void checkBounds(long ea, long len) {
        if (ea < 0 || len < 0 || ea > byteSize - len) {
            throw outOfBounds();
        }
    }

    /** What a privileged view checks: the bounds; virtual memories also their page table. */
    void checkPrivileged(long ea, long len, boolean write) {
        checkBounds(ea, len);
    }

    // ------------------------------------------------------------------ type and size

    @Override
    public MemoryType type() {
        return type;
    }

    /**
     * The type with the current size as minimum, as import matching (spec 4.5.2) uses it. Like the declared
     * limits, the minimum counts the read-write section only (static-protection.md): the fixed no-access and
     * read-only pages are left out, so an importer compares like with like.
     */
    public MemoryType currentType() {
        long readWritePages = pages() - type.protection().readWriteBase();
        return type.withLimits(new Limits(readWritePages, type.limits().max()));
    }

    @Override
    public long pages() {
        return byteSize >>> pageShift;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public long pageSize() {
        return 1L << pageShift;
    }

    /** True when the bytes live in native memory reserved from the OS. */
    public boolean isNative() {
        return storage.isNative();
    }

    /** Bytes reserved for this memory (address space), committed or not. */
    public long reservedBytes() {
        return storage.isNative() ? storage.capacity() : byteSize;
    }

    /** Bytes currently resident in physical memory, as the OS reports them ({@code mincore}). */
    public long residentBytes() {
        return storage.residentBytes(byteSize);
    }

    /** A one-line description for {@code --verbose}. */
    /** A size for people: bytes, KiB, MiB or GiB with up to one decimal (never a small size shown as 0 MiB). */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : String.format(java.util.Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    public String describe() {
        return (provisional ? "heap until native memory is set up (provisional)"
                : storage.isNative() ? "native (mmap, " + bytes(storage.capacity()) + " reserved)"
                : "heap (fallback: " + (Posix.available() ? "reservation refused" : Posix.unavailableReason()) + ")")
                + ", " + getClass().getSimpleName().replace("Memory", "").toLowerCase() + ", " + pages() + " pages";
    }

    /**
     * {@code memory.grow}: adds {@code delta} pages (unsigned) in place; returns the old size in pages, or -1
     * when the memory cannot grow that much. Shared memories may grow from several threads at once (growth is
     * serialized on the memory); they never move, on the heap either (see {@link HeapStorage}), so threads
     * running meanwhile keep accessing the same bytes, and nothing pauses them.
     */
    @Override
    public long grow(long delta) {
        settle();
        synchronized (this) {
            long old = pages();
            if (delta == 0) {
                return old;
            }
            long newPages = old + delta;
            if (delta < 0 || newPages < old || newPages > maxPages || newPages > (Long.MAX_VALUE >>> pageShift)) {
                return -1;
            }
            long newBytes = newPages << pageShift;
            if (newBytes > growthLimit || newBytes > storage.capacity() || !commitGrowth(byteSize, newBytes)) {
                return -1;
            }
            if (storage.segment() != seg) {
                // heap storage of an unshared memory moved (shared memories and native storage never move)
                seg = storage.segment();
                buf = bufferOf(seg);
            }
            grown(byteSize, newBytes);
            // Published last, after the pages are usable: a thread that sees the new size (or learns of the
            // growth through an atomic, which orders it after these writes) finds every new byte accessible.
            byteSize = newBytes;
            setFastLimit(fastLimit(newBytes));
            return old;
        }
    }

    /**
     * Limits how far the memory may grow, in bytes (a host's resource limit): {@code memory.grow} beyond it
     * fails with -1, as growth may always fail. It does not shrink a memory that is already larger.
     */
    public void limitGrowth(long maxBytes) {
        growthLimit = maxBytes;
    }

    /** Makes grown bytes accessible; virtual memories leave new pages unmapped instead. */
    boolean commitGrowth(long oldBytes, long newBytes) {
        return storage.commit(oldBytes, newBytes);
    }

    /** Hook for memory kinds that track pages. */
    void grown(long oldBytes, long newBytes) {
    }

    // ------------------------------------------------------------------ loads and stores

    // The fast path first: a plain memory in native storage (bufLimit > 0), in bounds: one raw access at
    // rawBase + ea (RawMemory). "(ea | (bufLimit - n - ea)) >= 0" is 0 <= ea <= bufLimit - n. Otherwise the
    // kind's checks, then the access through the byte buffer below 2 GiB (a var handle access, whose JDK code
    // HotSpot inlines even into the large methods of compiled Wasm, where it stops inlining ordinary methods
    // past a node budget) or the segment above.

    public final byte loadI8(long ea) {
        if ((ea | (bufLimit - 1 - ea)) >= 0) {
            return RawMemory.getI8(rawBase + ea);
        }
        checkRead(ea, 1);
        return ea < BUFFER_SPAN ? buf.get((int) ea) : seg.get(ValueLayout.JAVA_BYTE, ea);
    }

    public final short loadI16(long ea) {
        if ((ea | (bufLimit - 2 - ea)) >= 0) {
            return RawMemory.getI16(rawBase + ea);
        }
        checkRead(ea, 2);
        return ea < BUFFER_SPAN ? (short) BUF_I16.get(buf, (int) ea) : seg.get(I16, ea);
    }

    public final int loadI32(long ea) {
        if ((ea | (bufLimit - 4 - ea)) >= 0) {
            return RawMemory.getI32(rawBase + ea);
        }
        checkRead(ea, 4);
        return ea < BUFFER_SPAN ? (int) BUF_I32.get(buf, (int) ea) : seg.get(I32, ea);
    }

    public final long loadI64(long ea) {
        if ((ea | (bufLimit - 8 - ea)) >= 0) {
            return RawMemory.getI64(rawBase + ea);
        }
        checkRead(ea, 8);
        return ea < BUFFER_SPAN ? (long) BUF_I64.get(buf, (int) ea) : seg.get(I64, ea);
    }

    public final void storeI8(long ea, byte v) {
        if ((ea | (bufLimit - 1 - ea)) >= 0) {
            RawMemory.setI8(rawBase + ea, v);
            return;
        }
        checkWrite(ea, 1);
        if (ea < BUFFER_SPAN) {
            buf.put((int) ea, v);
        } else {
            seg.set(ValueLayout.JAVA_BYTE, ea, v);
        }
    }

    public final void storeI16(long ea, short v) {
        if ((ea | (bufLimit - 2 - ea)) >= 0) {
            RawMemory.setI16(rawBase + ea, v);
            return;
        }
        checkWrite(ea, 2);
        if (ea < BUFFER_SPAN) {
            BUF_I16.set(buf, (int) ea, v);
        } else {
            seg.set(I16, ea, v);
        }
    }

    public final void storeI32(long ea, int v) {
        if ((ea | (bufLimit - 4 - ea)) >= 0) {
            RawMemory.setI32(rawBase + ea, v);
            return;
        }
        checkWrite(ea, 4);
        if (ea < BUFFER_SPAN) {
            BUF_I32.set(buf, (int) ea, v);
        } else {
            seg.set(I32, ea, v);
        }
    }

    public final void storeI64(long ea, long v) {
        if ((ea | (bufLimit - 8 - ea)) >= 0) {
            RawMemory.setI64(rawBase + ea, v);
            return;
        }
        checkWrite(ea, 8);
        if (ea < BUFFER_SPAN) {
            BUF_I64.set(buf, (int) ea, v);
        } else {
            seg.set(I64, ea, v);
        }
    }

    // ------------------------------------------------------------------ bulk memory

    /** {@code memory.fill}: {@code len} bytes at {@code dst} set to {@code value}. */
    public final void fill(long dst, byte value, long len) {
        checkWriteRange(dst, len);
        if (len > 0) {
            seg.asSlice(dst, len).fill(value);
        }
    }

    /** {@code memory.copy} within this memory (overlapping ranges allowed). */
    public final void copy(long dst, long src, long len) {
        checkReadRange(src, len);
        checkWriteRange(dst, len);
        if (len > 0) {
            MemorySegment.copy(seg, src, seg, dst, len);
        }
    }

    /** {@code memory.copy} from another memory. */
    public final void copyFrom(LinearMemory source, long src, long dst, long len) {
        if (source == this) {
            copy(dst, src, len);
            return;
        }
        source.checkReadRange(src, len);
        checkWriteRange(dst, len);
        if (len > 0) {
            MemorySegment.copy(source.seg, src, seg, dst, len);
        }
    }

    /** {@code memory.init} and active data segments: {@code data[off, off + len)} to {@code dst}. */
    public final void init(long dst, byte[] data, int off, long len) {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw outOfBounds();
        }
        checkWriteRange(dst, len);
        if (len > 0) {
            MemorySegment.copy(MemorySegment.ofArray(data), off, seg, dst, len);
        }
    }

    // ------------------------------------------------------------------ memory control

    /**
     * {@code memory.discard} (memory control proposal): zeroes {@code [addr, addr + len)} widened to whole
     * Wasm pages (address rounded down, end rounded up) and gives those pages back to the OS. Traps, before
     * changing anything, when {@code [addr, addr + len)} is out of bounds or not writable.
     */
    @Override
    public final void discard(long addr, long len) {
        checkWriteRange(addr, len);
        if (len == 0) {
            return;
        }
        long pageMask = (1L << pageShift) - 1;
        long start = addr & ~pageMask;
        long end = Math.min((addr + len + pageMask) & ~pageMask, byteSize);
        checkWriteRange(start, end - start);
        synchronized (this) {
            // A host mapping there ends; over a file, MADV_DONTNEED would bring the file's bytes back, so
            // anonymous pages go there first.
            for (HostMappings.Mapping file : hostMappings.release(start, end)) {
                freshPages(file.start(), file.end(), Posix.PROT_READ | Posix.PROT_WRITE);
            }
            storage.discard(start, end - start);
        }
    }

    /** The files and buffers the host mapped into this memory. */
    final HostMappings hostMappings = new HostMappings(this);

    /** End of the mappable region in bytes (mappable.md's maplength); everything unless the host set it. */
    long mappableBytes = Long.MAX_VALUE;

    /** {@code memory.map} (virtual memories only; validation keeps the instruction off other memories). */
    public long map(long addr, long len, int prot) {
        throw new UnsupportedOperationException("memory.map requires a virtual memory");
    }

    /** {@code memory.protect} (virtual memories only). */
    public void protect(long addr, long len, int prot) {
        throw new UnsupportedOperationException("memory.protect requires a virtual memory");
    }

    @Override
    public final long map(long addr, long length, Protection protection) {
        return map(addr, length, protection.ordinal());
    }

    @Override
    public final void protect(long addr, long length, Protection protection) {
        protect(addr, length, protection.ordinal());
    }

    /**
     * Host unmap on a memory without a page table: the whole pages of {@code [addr, addr + len)}, inside the
     * mappable region, become fresh zero pages (ending any host mapping there). Virtual memories override it
     * with {@code memory.unmap}.
     */
    @Override
    public synchronized void unmap(long addr, long len) {
        settle();
        if (len == 0) {
            throw new TrapException(VirtualMemory.INVALID_SIZE);
        }
        checkBounds(addr, len);
        long mask = pageSize() - 1;
        long start = addr & ~mask;
        long end = (addr + len + mask) & ~mask;
        hostMappings.checkMappable(end);
        checkWriteRange(start, end - start);
        hostMappings.release(start, end);
        freshPages(start, end, Posix.PROT_READ | Posix.PROT_WRITE);
    }

    @Override
    public final synchronized long map(java.nio.file.Path file, long fileOffset, long length, long addr,
                                       Protection protection) throws java.io.IOException {
        settle();
        return hostMappings.mapFile(file, fileOffset, length, addr, protection);
    }

    @Override
    public final synchronized long map(MemorySegment buffer, long addr, Protection protection) {
        settle();
        return hostMappings.mapBuffer(buffer, addr, protection);
    }

    @Override
    public long mappableBytes() {
        return mappableBytes;
    }

    /** Replaces whole pages {@code [start, end)} with zero pages of OS protection {@code prot}. */
    final void freshPages(long start, long end, int prot) {
        if (storage instanceof NativeStorage ns && pageSize() >= Posix.OS_PAGE) {
            if (!ns.remapAnonymous(start, end - start, prot)) {
                throw new TrapException("memory.map refused by the host");
            }
        } else {
            storage.discard(start, end - start);
        }
    }

    /** Checks that the host may map over {@code [start, end)}; the kinds with sections or a page table add rules. */
    void prepareHostMapping(long start, long end) {
        checkWriteRange(start, end - start);
    }

    /** OS protection of a host mapping: memories without a page table keep every page writable. */
    int hostMappingProtection(Protection protection) {
        return Posix.PROT_READ | Posix.PROT_WRITE;
    }

    /** Records a new host mapping's protection (virtual memories: in the page table). */
    void hostMapped(long start, long end, Protection protection) {
    }

    /** Makes host-mapped pages of {@code [start, end)} readable for copying a buffer back. */
    void readableForHost(long start, long end) {
    }

    /** Ends instantiation: from now on protected sections are enforced for everyone but privileged views. */
    public void lock() {
    }

    // ------------------------------------------------------------------ atomics (threads)

    public final Atomics atomics() {
        Atomics a = atomics;
        if (a == null) {
            settle();
            synchronized (this) {
                a = atomics;
                if (a == null) {
                    a = new Atomics(this);
                    atomics = a;
                }
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ host access (Memory)

    @Override
    public byte readByte(long addr) {
        return loadI8(addr);
    }

    @Override
    public void writeByte(long addr, byte v) {
        storeI8(addr, v);
    }

    @Override
    public int readInt(long addr) {
        return loadI32(addr);
    }

    @Override
    public void writeInt(long addr, int v) {
        storeI32(addr, v);
    }

    @Override
    public long readLong(long addr) {
        return loadI64(addr);
    }

    @Override
    public void writeLong(long addr, long v) {
        storeI64(addr, v);
    }

    @Override
    public void read(long addr, byte[] dst, int dstOff, int len) {
        checkReadRange(addr, len);
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, addr, dst, dstOff, len);
    }

    @Override
    public void write(long addr, byte[] src, int srcOff, int len) {
        checkWriteRange(addr, len);
        MemorySegment.copy(src, srcOff, seg, ValueLayout.JAVA_BYTE, addr, len);
    }

    @Override
    public MemorySegment slice(long addr, long len, boolean forWrite) {
        if (forWrite) {
            checkWriteRange(addr, len);
        } else {
            checkReadRange(addr, len);
        }
        return seg.asSlice(addr, len);
    }

    /**
     * This memory as the host sees it without protection: every byte in bounds may be read and written. Only
     * memories with static protection differ; for the others this is the memory itself.
     */
    @Override
    public Memory privileged() {
        return this;
    }

    /**
     * Frees the memory's storage: its pages go back to the OS at once, its address space when the memory
     * becomes unreachable; later accesses fail, never crash. Writable buffer mappings get their bytes back
     * first.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (byteSize > 0) {
                hostMappings.release(0, byteSize);
            }
            byteSize = 0;
            setFastLimit(0);
            storage.close();
        }
    }

    @Override
    public String toString() {
        return "memory[" + pages() + " pages, " + describe() + "]";
    }
}
