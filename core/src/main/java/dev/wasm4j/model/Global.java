package dev.wasm4j.model;

/** A global definition (spec 2.5.6): type and constant initializer expression. */
public record Global(GlobalType type, Expr init) {
}
