package dev.wasm4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a host object as a function that Wasm modules can import:
 * {@link Linker#define(String, Object)} defines every marked method of the object under a module name. The
 * Wasm type comes from the method's signature as for {@link Linker#define(String, String, Class, Object)}: an
 * optional leading {@link Caller}, then {@code int}, {@code long}, {@code float}, {@code double} (i32, i64,
 * f32, f64) or {@link Object} (externref) parameters, and one such result or {@code void}.
 *
 * <pre>{@code
 * public class Env {
 *     @WasmExport public int add(int a, int b) { return a + b; }
 *     @WasmExport("log") public void print(Caller caller, int ptr, int len) {
 *         System.out.println(caller.memory().orElseThrow().readString(ptr, len));
 *     }
 * }
 * linker.define("env", new Env());     // env.add and env.log
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WasmExport {
    /**
     * The import name; the method's name when empty.
     *
     * @return the name modules import the function by
     */
    String value() default "";
}
