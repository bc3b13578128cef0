/**
 * The bytecode compiler: turns each validated function of a module into a static JVM method of a hidden
 * class, so that HotSpot's JIT makes native code of it. Wasm locals become JVM locals, the operand stack
 * becomes the JVM operand stack, direct calls become {@code invokestatic}; memories, tables, globals,
 * references and numerics go through the same store objects and the same numerics library as the
 * interpreter, so both tiers trap, round and handle NaNs alike.
 *
 * <p>{@link dev.wasm4j.compiler.ModuleCompiler} compiles a module into {@link
 * dev.wasm4j.compiler.CompiledModule}, whose {@code attach} installs the compiled bodies into an instance's
 * functions; {@link dev.wasm4j.compiler.FunctionCompiler} is the validator-driven code generator of one
 * function. Functions the compiler leaves out (too large for a JVM method, or using instructions that only
 * the interpreter runs) stay in the interpreter, transparently. See docs/ARCHITECTURE.md, "The compiler".
 */
package dev.wasm4j.compiler;
