package dev.wasm4j.model;

import java.util.List;

/**
 * A function defined in the module (spec 2.5.3): its type index, declared locals (compressed runs, as
 * encoded) and body. The body's offset in the module is {@code body.start()}.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param typeIndex the type index
 * @param locals the locals
 * @param body the body
 */
public record Function(int typeIndex, List<Locals> locals, Expr body) {

    /**
     * Copies {@code locals}.
     */
    public Function {
        locals = List.copyOf(locals);
    }
}
