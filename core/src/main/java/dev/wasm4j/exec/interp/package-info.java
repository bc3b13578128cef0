/**
 * The interpreter: the {@link dev.wasm4j.exec.interp.Translator} turns a validated function body, replayed
 * through the validator's {@link dev.wasm4j.valid.CodeSink}, into a compact int code ({@link
 * dev.wasm4j.exec.interp.Code}) with resolved branch targets and stack heights, once; the
 * {@link dev.wasm4j.exec.interp.Interpreter} runs it over a primitive operand stack, without recursion on
 * the Java stack for Wasm calls.
 */
package dev.wasm4j.exec.interp;
