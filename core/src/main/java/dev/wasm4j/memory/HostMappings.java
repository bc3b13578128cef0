package dev.wasm4j.memory;

import dev.wasm4j.Memory.Protection;
import dev.wasm4j.TrapException;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The files and buffers a host mapped over a memory's pages ({@code Memory.map}), by guest start address,
 * and the mapping itself. Ranges never overlap and are whole pages. A mapping ends, wholly or in part, when
 * its pages are unmapped, discarded or the memory is closed: {@link #release} then copies a writable
 * buffer's bytes back and says which ranges held files, so that the memory puts anonymous pages back there.
 * The memory's lock guards every method.
 */
final class HostMappings {

    /** Where a mapping's bytes come from. */
    sealed interface Source permits FileSource, BufferSource {
    }

    /** A file mapped with {@code mmap}: the guest pages are the file's pages. */
    record FileSource(Path path) implements Source {
    }

    /**
     * A host buffer copied into the guest pages; {@code offset} is the buffer offset of the mapping's first
     * byte (a mapping split by a partial unmap keeps the rest of the buffer).
     */
    record BufferSource(MemorySegment buffer, long offset) implements Source {
    }

    /** Guest bytes {@code [start, end)} mapped from {@code source}; {@code writable} for READ_WRITE. */
    record Mapping(long start, long end, Source source, boolean writable) {
        /** The part {@code [from, to)} of this mapping, as a mapping of its own. */
        Mapping part(long from, long to) {
            Source s = source instanceof BufferSource(MemorySegment b, long off)
                    ? new BufferSource(b, off + (from - start)) : source;
            return new Mapping(from, to, s, writable);
        }
    }

    private final LinearMemory memory;
    private final TreeMap<Long, Mapping> byStart = new TreeMap<>();

    HostMappings(LinearMemory memory) {
        this.memory = memory;
    }

    /** Throws unless {@code end} lies within the mappable region. */
    void checkMappable(long end) {
        if (end > memory.mappableBytes) {
            throw new IllegalArgumentException("[0, " + end + ") reaches past the mappable region (the first "
                    + memory.mappableBytes + " bytes)");
        }
    }

    /**
     * The end of the whole pages a host mapping of {@code length} bytes at {@code addr} takes, after every
     * check: size, alignment, bounds, mappable region, the memory kind's rules, no other host mapping there.
     */
    private long range(long addr, long length, Protection protection) {
        if (length == 0) {
            throw new TrapException(VirtualMemory.INVALID_SIZE);
        }
        long page = memory.pageSize();
        if (length < 0 || addr < 0 || addr % page != 0) {
            throw new IllegalArgumentException("the guest address must be a multiple of the page size (" + page
                    + ") and the length positive");
        }
        long end = addr + ((length + page - 1) & -page);
        if (end < addr || end > memory.byteSize) {
            throw LinearMemory.outOfBounds();
        }
        checkMappable(end);
        if (protection == Protection.NONE && !(memory instanceof VirtualMemory)) {
            throw new IllegalArgumentException("only a virtual memory can map pages without access");
        }
        memory.prepareHostMapping(addr, end);
        if (!overlapping(addr, end).isEmpty()) {
            throw new TrapException(VirtualMemory.OVERLAP);
        }
        return end;
    }

    /** {@code Memory.map(Path, ...)}: the file's pages over the guest's, by {@code mmap(MAP_FIXED)}. */
    long mapFile(Path path, long fileOffset, long length, long addr, Protection protection) throws IOException {
        if (!(memory.storage instanceof NativeStorage ns) || memory.pageSize() % Posix.OS_PAGE != 0) {
            throw new IllegalArgumentException("file mapping needs native memory with pages of whole OS pages");
        }
        if (fileOffset < 0 || fileOffset % Posix.OS_PAGE != 0) {
            throw new IllegalArgumentException("the file offset must be a multiple of " + Posix.OS_PAGE);
        }
        long end = range(addr, length, protection);
        boolean writable = protection == Protection.READ_WRITE;
        long fileBytes = NativeStorage.roundUp(Math.min(length, Math.max(0, Files.size(path) - fileOffset)));
        int prot = memory.hostMappingProtection(protection);
        int fd = Posix.open(path.toString(), (writable ? Posix.O_RDWR : Posix.O_RDONLY) | Posix.O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open " + path);
        }
        try {
            // Pages past the file's end stay anonymous (zero): touching file pages beyond EOF would fault.
            // A read-only file whose pages the OS protects (a virtual memory) is mapped shared too, so that no
            // write permission can appear; one whose pages stay writable at the OS level (other memories, and
            // shared virtual ones) is mapped private, so that a write, which the page table refuses but a
            // racing thread may still make, lands in a private copy and never reaches the file.
            boolean shared = writable || (prot & Posix.PROT_WRITE) == 0;
            if (!ns.remapAnonymous(addr, end - addr, prot)
                    || fileBytes > 0 && !ns.mapFile(addr, fileBytes, fd, fileOffset, prot, shared)) {
                throw new IOException("mmap of " + path + " failed");
            }
        } finally {
            Posix.close(fd);
        }
        add(new Mapping(addr, end, new FileSource(path), writable));
        memory.hostMapped(addr, end, protection);
        return addr;
    }

    /** {@code Memory.map(MemorySegment, ...)}: the buffer's bytes copied over fresh guest pages. */
    long mapBuffer(MemorySegment buffer, long addr, Protection protection) {
        if (protection == Protection.READ_WRITE && buffer.isReadOnly()) {
            throw new IllegalArgumentException("a read-only buffer cannot be mapped READ_WRITE");
        }
        long end = range(addr, buffer.byteSize(), protection);
        memory.freshPages(addr, end, Posix.PROT_READ | Posix.PROT_WRITE);
        MemorySegment.copy(buffer, 0, memory.seg, addr, buffer.byteSize());
        add(new Mapping(addr, end, new BufferSource(buffer, 0), protection == Protection.READ_WRITE));
        memory.hostMapped(addr, end, protection);
        return addr;
    }

    boolean isEmpty() {
        return byStart.isEmpty();
    }

    void add(Mapping m) {
        byStart.put(m.start(), m);
    }

    /** The mappings that overlap {@code [start, end)}, in address order. */
    List<Mapping> overlapping(long start, long end) {
        List<Mapping> out = new ArrayList<>();
        var before = byStart.floorEntry(start);
        if (before != null && before.getValue().end() > start) {
            out.add(before.getValue());
        }
        for (Mapping m : byStart.subMap(start, false, end, false).values()) {
            out.add(m);
        }
        return out;
    }

    /** True when a mapping that may not become writable overlaps {@code [start, end)}. */
    boolean readOnlyWithin(long start, long end) {
        return overlapping(start, end).stream().anyMatch(m -> !m.writable());
    }

    /**
     * Ends the mappings' parts inside {@code [start, end)}: a writable buffer gets those guest bytes back
     * (only as many as the buffer has). Returns the parts that were files.
     */
    List<Mapping> release(long start, long end) {
        if (byStart.isEmpty()) {
            return List.of();
        }
        List<Mapping> files = new ArrayList<>();
        for (Mapping m : overlapping(start, end)) {
            long from = Math.max(m.start(), start);
            long to = Math.min(m.end(), end);
            Mapping gone = m.part(from, to);
            switch (gone.source()) {
                case FileSource f -> files.add(gone);
                case BufferSource(MemorySegment b, long off) -> {
                    long n = Math.min(to - from, b.byteSize() - off);
                    if (m.writable() && n > 0) {
                        memory.readableForHost(from, from + n);
                        MemorySegment.copy(memory.seg, from, b, off, n);
                    }
                }
            }
            byStart.remove(m.start());
            if (m.start() < from) {
                add(m.part(m.start(), from));
            }
            if (to < m.end()) {
                add(m.part(to, m.end()));
            }
        }
        return files;
    }
}
