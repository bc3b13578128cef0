/**
 * Numerics (spec 4.3): the pure functions that give every numeric and vector instruction its exact
 * semantics. The interpreter calls them from its one-line switch arms and the bytecode compiler emits calls
 * to them, so they are static, allocation-free and depend on nothing but the JDK and
 * {@link dev.wasm4j.TrapException}.
 *
 * <h2>Where an instruction lives</h2>
 * The class and method follow mechanically from the mnemonic:
 * <ul>
 * <li>scalar operators: {@code i32.div_s} is {@link dev.wasm4j.exec.numeric.I32Ops#divS(int, int)}, likewise
 *     {@link dev.wasm4j.exec.numeric.I64Ops}, {@link dev.wasm4j.exec.numeric.F32Ops},
 *     {@link dev.wasm4j.exec.numeric.F64Ops};</li>
 * <li>scalar conversions (mnemonics ending in a source type such as {@code _f32_s}, {@code _i64}): the whole
 *     mnemonic, in {@link dev.wasm4j.exec.numeric.Conversions}: {@code f32.convert_i64_u} is
 *     {@code Conversions.f32ConvertI64U}, {@code i32.trunc_sat_f64_s} is {@code Conversions.i32TruncSatF64S};</li>
 * <li>vector instructions: by shape, {@code i8x16.add_sat_s} is {@code I8x16Ops.addSatS},
 *     {@code f64x2.promote_low_f32x4} is {@code F64x2Ops.promoteLowF32x4}, {@code v128.bitselect} is
 *     {@code V128Ops.bitselect}. They work in place on the operand stack; the convention is described once in
 *     {@link dev.wasm4j.exec.numeric.V128Ops}.</li>
 * <li>the wide-arithmetic instructions with two results ({@code i64.add128}, {@code i64.mul_wide_s}, ...) are
 *     in {@link dev.wasm4j.exec.numeric.I64Ops} and also work in place on the operand stack.</li>
 * </ul>
 * Tests and comparisons return an i32 0 or 1 as {@code int}.
 *
 * <h2>Values</h2>
 * As everywhere in the engine (docs/ARCHITECTURE.md, "Values inside the engine"), floating-point values are
 * passed and returned as their raw bits: f32 as {@code int}, f64 as {@code long}. Java floats appear only
 * inside the methods, for arithmetic that the JVM performs exactly as IEEE 754 prescribes. This keeps NaN
 * payloads and signed zeros under our control, independently of how a JVM treats signalling NaNs.
 *
 * <h2>NaNs (spec 4.3.3, "NaN Propagation")</h2>
 * When an arithmetic operator returns a NaN, wasm4j chooses deterministically among the results the spec
 * allows: the first NaN operand with its quiet bit set, or the positive canonical NaN when no operand is a
 * NaN. So a canonical input gives a canonical output and any other NaN input gives an arithmetic NaN.
 * Sign operators ({@code abs}, {@code neg}, {@code copysign}) and {@code reinterpret} never touch payloads.
 *
 * <h2>Relaxed SIMD</h2>
 * Every relaxed instruction behaves as the spec's deterministic profile prescribes (spec 4.3.6, "Relaxed
 * operations": every choice is the first one): {@code relaxed_madd} is an unfused multiply then add,
 * {@code relaxed_min/max} are {@code min/max}, {@code relaxed_trunc} is {@code trunc_sat},
 * {@code relaxed_swizzle} is {@code swizzle}, {@code relaxed_laneselect} is {@code bitselect},
 * {@code relaxed_q15mulr_s} is {@code q15mulr_sat_s} and the relaxed dot products treat both operands as
 * signed (their i16 pair sums saturate, as the spec's {@code ivdot_sat} does).
 *
 * <h2>Traps</h2>
 * Only the partial operators throw: {@link dev.wasm4j.TrapException} with the testsuite's message,
 * {@code integer divide by zero}, {@code integer overflow} or {@code invalid conversion to integer}. The trap
 * is the only path that allocates.
 */
package dev.wasm4j.exec.numeric;
