/**
 * Validation (spec chapter 3): the type system of Wasm 3.0 with its proposals.
 *
 * <p>{@link dev.wasm4j.valid.Validator} checks a decoded {@link dev.wasm4j.model.Module} once and returns a
 * {@link dev.wasm4j.valid.ValidModule}. On the way, {@link dev.wasm4j.valid.TypeRegistry} canonicalizes the
 * module's recursive type groups into {@link dev.wasm4j.model.DefType}s shared engine-wide (identity is type
 * equivalence), and every type the module mentions is closed over them, so that
 * {@link dev.wasm4j.valid.Types} (subtyping) and {@link dev.wasm4j.valid.Matching} (imports) need no module
 * context. Function bodies and constant expressions are typed by {@code CodeValidator} on a
 * {@code TypingStack} (operand and control stacks of the spec's validation algorithm); instructions with a
 * fixed signature in {@link dev.wasm4j.model.Opcode} share one generic arm ({@code MemoryRules}), reference
 * and GC instructions are in {@code ReferenceRules}. The frozen proposal's rules are in {@code FreezeRules}
 * (freezable and frozen types) and {@link dev.wasm4j.valid.PhasePlan} (phases, freezable and frozen
 * globals). The same walk, replayed through a
 * {@link dev.wasm4j.valid.CodeSink}, tells an execution tier operand types, slot heights and control frames
 * ({@link dev.wasm4j.valid.CodeState}).
 *
 * <p>Errors are {@link dev.wasm4j.InvalidException}s whose rule starts with the spec testsuite's message.
 */
package dev.wasm4j.valid;
