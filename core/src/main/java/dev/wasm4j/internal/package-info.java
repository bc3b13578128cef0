/**
 * Access to engine objects behind the public API, for wasm4j's own tools only (exported to the command line,
 * see module-info): {@link dev.wasm4j.internal.Internals}.
 */
package dev.wasm4j.internal;
