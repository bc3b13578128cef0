package dev.wasm4j.wast;

/**
 * The host object a script writes as {@code (ref.extern N)} or {@code (ref.host N)}: the script parser passes
 * {@code new HostRef(N)} as the referenced object of the argument's {@link dev.wasm4j.Value.Ref} (an
 * externref for {@code ref.extern}, an anyref for {@code ref.host}). Equal ids are the same host value.
 */
public record HostRef(int id) {

    @Override
    public String toString() {
        return "host#" + id;
    }
}
