package dev.wasm4j.model;

/**
 * An import (spec 2.5.11): module name, item name and the type it must have.
 *
 * @param module the module
 * @param name the name
 * @param type the type
 */
public record Import(String module, String name, ExternType type) {
}
