/**
 * The text format (spec chapter 6): WAT modules are lexed, parsed and assembled to the binary format, so
 * that text and binary modules take the same path through the decoder.
 */
package dev.wasm4j.text;
