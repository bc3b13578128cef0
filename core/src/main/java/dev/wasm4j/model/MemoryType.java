package dev.wasm4j.model;

/**
 * A memory type (spec 2.3.12) with the extensions wasm4j supports: memory64 ({@code addrType}), threads
 * ({@code shared}), custom page sizes ({@code pageSizeLog2}, 16 by default) and the memory control
 * proposal ({@code protection}: static no-access and read-only sections; {@code virtual}: every page
 * starts unmapped). Limits are counted in pages.
 *
 * @param addrType the addr type
 * @param limits the limits
 * @param shared the shared
 * @param pageSizeLog2 the page size log2
 * @param protection the protection
 * @param virtual the virtual
 */
public record MemoryType(AddrType addrType, Limits limits, boolean shared, int pageSizeLog2,
                         StaticProtection protection, boolean virtual) implements ExternType {

    public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

    /**
     * A memory type, unshared, with i32 addresses and 64 KiB pages.
     *
     * @param limits the limits
     * @return the type
     */
    public static MemoryType of(Limits limits) {
        return new MemoryType(AddrType.I32, limits, false, DEFAULT_PAGE_SIZE_LOG2, StaticProtection.NONE, false);
    }

    /**
     * A memory type with 64 KiB pages.
     *
     * @param addrType the addr type
     * @param limits the limits
     * @param shared the shared
     * @return the type
     */
    public static MemoryType of(AddrType addrType, Limits limits, boolean shared) {
        return new MemoryType(addrType, limits, shared, DEFAULT_PAGE_SIZE_LOG2, StaticProtection.NONE, false);
    }

    /**
     * The page size.
     *
     * @return the page size
     */
    public long pageSize() {
        return 1L << pageSizeLog2;
    }

    /**
     * A copy with limits changed.
     *
     * @param newLimits the new limits
     * @return a copy with that change
     */
    public MemoryType withLimits(Limits newLimits) {
        return new MemoryType(addrType, newLimits, shared, pageSizeLog2, protection, virtual);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }

    /**
     * Static memory protection (memory control proposal, static-protection.md): the first
     * {@code noAccessPages} pages can be neither read nor written, the next {@code readOnlyPages} pages can
     * only be read. {@link #NONE} for an ordinary memory.
     *
     * @param noAccessPages the no access pages
     * @param readOnlyPages the read only pages
     */
    public record StaticProtection(long noAccessPages, long readOnlyPages) {
        public static final StaticProtection NONE = new StaticProtection(0, 0);

        /**
         * Whether none.
         *
         * @return whether none holds
         */
        public boolean isNone() {
            return noAccessPages == 0 && readOnlyPages == 0;
        }

        /**
         * First page that may be read.
         *
         * @return the read only base
         */
        public long readOnlyBase() {
            return noAccessPages;
        }

        /**
         * First page that may be written.
         *
         * @return the read write base
         */
        public long readWriteBase() {
            return noAccessPages + readOnlyPages;
        }
    }
}
