package dev.wasm4j.exec.gc;

/**
 * An internal reference (struct, array, i31) exposed as an {@code externref} by {@code extern.convert_any};
 * converting back with {@code any.convert_extern} gives the original reference.
 */
public record ExternAnyRef(Object internal) {

    /** {@code extern.convert_any}. */
    public static Object externalize(Object any) {
        if (any == null) {
            return null;
        }
        return any instanceof HostAnyRef h ? h.extern() : new ExternAnyRef(any);
    }

    /** {@code any.convert_extern}. */
    public static Object internalize(Object extern) {
        if (extern == null) {
            return null;
        }
        return extern instanceof ExternAnyRef e ? e.internal() : new HostAnyRef(extern);
    }
}
