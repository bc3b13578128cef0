package dev.wasm4j.model;

/**
 * A global definition (spec 2.5.6): type and constant initializer expression. With the frozen proposal,
 * {@code freeze} may make it {@code freezable}, or {@code (freeze x)}: the frozen counterpart of freezable
 * global {@code x}, which has no initializer ({@code init} is null) and gets its value when its phase begins.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param type the type
 * @param init the init
 * @param freeze the freeze
 */
public record Global(GlobalType type, Expr init, FreezeClause freeze) {

    /**
     * A global without a freeze clause.
     *
     * @param type the type
     * @param init the init
     */
    public Global(GlobalType type, Expr init) {
        this(type, init, FreezeClause.NONE);
    }
}
