package com.example;

import dev.wasm4j.Caller;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.WasmExport;
import dev.wasm4j.WasmModule;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * Embedding wasm4j: a module that imports a host function and logs through another, called through a typed
 * handle, with a time limit.
 *
 *   mvn -q package && java --enable-native-access=ALL-UNNAMED -cp target/classes:$HOME/.m2/... com.example.Embed
 */
public final class Embed {
    static final String WAT = """
        (module
          (import "env" "log" (func $log (param i32 i32)))
          (import "env" "square" (func $square (param i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "Hello from Wasm!")
          (func (export "greet") (param $times i32) (result i32)
            (local $i i32)
            (loop $again
              (call $log (i32.const 16) (i32.const 16))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $i) (local.get $times))))
            (call $square (local.get $i)))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        """;

    /** Host functions the module imports from "env", as annotated methods. */
    public static final class Env {
        final StringBuilder log = new StringBuilder();

        @WasmExport
        public void log(Caller caller, int ptr, int len) {
            log.append(caller.memory().orElseThrow().readString(ptr, len)).append('\n');
        }
    }

    private Embed() {
    }

    /** Runs the module: greets {@code times} times, returns what it logged and computed. */
    public static String run(int times) {
        WasmModule module = WasmModule.parseText(WAT);                 // decode + validate once; shareable
        Env env = new Env();
        Linker linker = new Linker()
                .define("env", env)                                     // every @WasmExport method
                .define("env", "square", IntUnaryOperator.class, x -> x * x);
        try (Instance instance = linker.instantiate(module)) {
            Future<?> deadline = instance.interruptAfter(Duration.ofSeconds(10));
            int greeted = instance.function("greet", IntUnaryOperator.class).applyAsInt(times);
            int sum = instance.function("add", IntBinaryOperator.class).applyAsInt(40, 2);
            deadline.cancel(false);
            return env.log + "greet returned " + greeted + ", add returned " + sum;
        }
    }

    public static void main(String[] args) {
        System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 2));
    }
}
