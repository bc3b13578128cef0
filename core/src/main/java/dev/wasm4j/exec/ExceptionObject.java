package dev.wasm4j.exec;

/**
 * An exception (exception handling, spec 4.2 "exception instances"): the tag it was thrown with and its
 * payload in raw slots (numbers in {@code nums}, v128 as two slots, references in {@code refs} at the same
 * slot index). This is the value of an {@code exnref}.
 */
public final class ExceptionObject {
    public final TagInstance tag;
    public final long[] nums;
    public final Object[] refs;

    public ExceptionObject(TagInstance tag, long[] nums, Object[] refs) {
        this.tag = tag;
        this.nums = nums;
        this.refs = refs;
    }

    @Override
    public String toString() {
        return "exception";
    }
}
