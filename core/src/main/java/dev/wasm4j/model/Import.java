package dev.wasm4j.model;

/** An import (spec 2.5.11): module name, item name and the type it must have. */
public record Import(String module, String name, ExternType type) {
}
