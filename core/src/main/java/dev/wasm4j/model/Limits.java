package dev.wasm4j.model;

/**
 * Size limits of a memory (in pages) or table (in elements), spec 2.3.11. {@code max} is
 * {@link #NO_MAX} when absent; both are unsigned 64-bit quantities held in a long.
 *
 * @param min the minimum
 * @param max the maximum (or -1 for none)
 */
public record Limits(long min, long max) {

    public static final long NO_MAX = -1;

    /**
     * Limits without a maximum.
     *
     * @param min the minimum
     * @return the limits
     */
    public static Limits of(long min) {
        return new Limits(min, NO_MAX);
    }

    /**
     * Limits with a maximum.
     *
     * @return the limits
     */
    public static Limits of(long min, long max) {
        return new Limits(min, max);
    }

    /**
     * Whether there is a maximum.
     *
     * @return true when there is one
     */
    public boolean hasMax() {
        return max != NO_MAX;
    }

    @Override
    public String toString() {
        return hasMax() ? Long.toUnsignedString(min) + " " + Long.toUnsignedString(max) : Long.toUnsignedString(min);
    }
}
