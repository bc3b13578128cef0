;; vt-frozen.wat with an ordinary mutable global and fields: every iteration reads the global and the
;; vtable again, as far as the Wasm program says.
(module
  (type $op (func (param i64 i64) (result i64)))
  (type $vt (struct (field $f (mut (ref null $op))) (field $k (mut i64)) (field $j (mut i64))))
  (global $vt (mut (ref null $vt)) (ref.null $vt))
  (func $add (type $op) (i64.add (local.get 0) (local.get 1)))
  (elem declare func $add)
  (func $build (global.set $vt (struct.new $vt (ref.func $add) (i64.const 3) (i64.const 7))))
  (start $build)
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done (loop $more
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (call_ref $op (local.get $acc)
        (i64.add (struct.get $vt $k (global.get $vt)) (struct.get $vt $j (global.get $vt)))
        (struct.get $vt $f (global.get $vt))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $more)))
    (local.get $acc)))
