package dev.wasm4j.exec.gc;

/** An unboxed scalar reference, {@code i31ref} (GC): 31 bits, compared by value. */
public record I31Ref(int value) {

    /** {@code ref.i31}: keeps the low 31 bits. */
    public static I31Ref of(int i32) {
        return new I31Ref(i32 & 0x7FFF_FFFF);
    }

    /** {@code i31.get_s}. */
    public int signed() {
        return value << 1 >> 1;
    }

    /** {@code i31.get_u}. */
    public int unsigned() {
        return value;
    }
}
