package dev.wasm4j;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host's side of the frozen proposal: reading frozen values, passing them back, and the feature flag. */
class FrozenValueTest {
    private static final String TREE = """
            (module
              (type $t freezable (struct (field $left (mut (ref null $t))) (field $n (mut i32)) (field $c (mut i8))))
              (type $tf (freeze $t) (struct (field $left (ref $tf)) (field $n i32) (field $c i8)))
              (type $a freezable (array (mut f64)))
              (type $af (freeze $a) (array f64))
              (global $g (mut (ref null $t)) freezable (ref.null $t))
              (global $gf (export "root") (ref $tf) (freeze $g))
              (func $init
                (local $x (ref $t))
                (local.set $x (struct.new $t (ref.null $t) (i32.const 41) (i32.const 200)))
                (struct.set $t $left (local.get $x) (local.get $x))
                (global.set $g (local.get $x)))
              (start $init)
              (func (export "make") (result (ref $tf))
                (local $x (ref $t))
                (local.set $x (struct.new $t (ref.null $t) (i32.const 7) (i32.const 1)))
                (struct.set $t $left (local.get $x) (local.get $x))
                (ref.freeze $tf $t (local.get $x)))
              (func (export "mutable") (result (ref $t)) (struct.new $t (ref.null $t) (i32.const 0) (i32.const 0)))
              (func (export "n") (param (ref $tf)) (result i32) (struct.get $tf $n (local.get 0)))
              (func (export "doubles") (result (ref $af))
                (ref.freeze $af $a (array.new_fixed $a 2 (f64.const 1.5) (f64.const -2))))
            )""";

    @Test
    void readsFrozenStructsAndArrays() {
        try (Instance i = new Linker().instantiate(WasmModule.parseText(TREE))) {
            FrozenValue v = FrozenValue.of(i.function("make").call()[0]).orElseThrow();
            assertFalse(v.isArray());
            assertEquals(3, v.length());
            assertEquals(Value.i32(7), v.get(1));
            assertEquals(Value.i32(1), v.get(2));
            assertEquals(v, v.frozen(0), "the cycle comes back to the same value");
            assertTrue(v.type().isFrozen());

            FrozenValue root = FrozenValue.of(i.global("root").get()).orElseThrow();
            assertEquals(Value.i32(41), root.get(1));
            assertEquals(Value.i32(200), root.get(2), "packed fields come zero-extended");

            FrozenValue doubles = FrozenValue.of(i.function("doubles").call()[0]).orElseThrow();
            assertTrue(doubles.isArray());
            assertEquals(List.of(1.5, -2.0), List.of(((Value.F64) doubles.get(0)).value(),
                    ((Value.F64) doubles.get(1)).value()));
            assertThrows(IndexOutOfBoundsException.class, () -> doubles.get(2));
            assertThrows(IndexOutOfBoundsException.class, () -> v.get(3));
        }
    }

    @Test
    void passesFrozenValuesBackIn() {
        try (Instance i = new Linker().instantiate(WasmModule.parseText(TREE))) {
            FrozenValue v = FrozenValue.of(i.function("make").call()[0]).orElseThrow();
            assertEquals(Value.i32(7), i.function("n").call(v.value())[0]);
            FrozenValue root = FrozenValue.of(i.global("root").get()).orElseThrow();
            assertEquals(Value.i32(41), i.function("n").call(root.frozen(0).value())[0]);
        }
    }

    @Test
    void onlyFrozenValuesOpen() {
        try (Instance i = new Linker().instantiate(WasmModule.parseText(TREE))) {
            Value mutable = i.function("mutable").call()[0];
            assertTrue(FrozenValue.of(mutable).isEmpty());
            assertTrue(FrozenValue.of(Value.i32(1)).isEmpty());
            assertTrue(FrozenValue.of(Value.externRef(null)).isEmpty());
            // A mutable object is not a value of the frozen type: the call refuses it.
            assertThrows(IllegalArgumentException.class, () -> i.function("n").call(mutable));
            assertThrows(IllegalArgumentException.class, () -> i.function("n").call(Value.externRef("x")));
        }
    }

    @Test
    void frozenValuesKeepTheirIdentity() {
        try (Instance i = new Linker().instantiate(WasmModule.parseText(TREE))) {
            Value r = i.global("root").get();
            FrozenValue a = FrozenValue.of(r).orElseThrow();
            FrozenValue b = FrozenValue.of(i.global("root").get()).orElseThrow();
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertSame(((Value.Ref) r).ref(), ((Value.Ref) a.value()).ref());
        }
    }

    @Test
    void withoutTheFeatureTheEncodingsAreMalformed() {
        String[] modules = {
            "(module (type $t freezable (struct)))",
            "(module (type $t freezable (struct)) (type (freeze $t) (struct)))",
            "(module (global $g (mut i32) freezable (i32.const 0)))",
            "(module (func (phase 1)))",
            "(module (type $t freezable (struct)) (type $f (freeze $t) (struct))"
                    + " (func (param (ref $t)) (drop (ref.freeze $f $t (local.get 0)))))",
        };
        Features strict = Features.DEFAULT.without(Feature.FROZEN);
        for (String wat : modules) {
            byte[] bytes = Wat.assemble(wat);
            WasmModule.parse(bytes, Features.DEFAULT);
            assertThrows(MalformedException.class, () -> WasmModule.parse(bytes, strict), wat);
            assertThrows(MalformedException.class, () -> WasmModule.parse(bytes, Features.STANDARD), wat);
        }
    }
}
