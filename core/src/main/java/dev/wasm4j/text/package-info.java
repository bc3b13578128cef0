/**
 * The text format (spec chapter 6): WAT modules are lexed, parsed and assembled to the binary format, so
 * that text and binary modules take the same path through the decoder.
 *
 * <p>{@link dev.wasm4j.text.Wat} is the entry point. Inside: {@code Lexer} makes {@link dev.wasm4j.text.Token}s
 * (annotations are dropped, {@code @custom} ones kept aside); {@code ModuleParser} binds the identifiers of
 * every index space in a first pass, reads the type definitions in a second (inline type uses must find
 * them, and append new types after them) and encodes every other field in a third, in text order, into
 * {@code Sections}; {@code TypeParser}, {@code Segments} (tables, memories, element and data segments) and
 * {@code InstrParser} with {@code Immediates} (driven by {@link dev.wasm4j.model.Opcode} and
 * {@link dev.wasm4j.model.Imm}) do the detailed work; {@link dev.wasm4j.text.Literals} parses numbers with
 * correct rounding.
 *
 * <p>Choices where the text leaves freedom: element segments keep their written type (a bare function index
 * list in a table abbreviation has the table's type, as in the reference interpreter), so expression
 * encodings are used when the type is not {@code (ref func)}; explicit memory or table index 0 uses the
 * compact segment encodings; a data count section is written when code uses a data index; a {@code name}
 * section records the module, function and local identifiers.
 */
package dev.wasm4j.text;
