;; A vtable global: a struct of a method and two constants, filled at phase 0 and frozen into $vt_f; the
;; loop calls the method through it on every iteration. Frozen, the global is read once at the function's
;; entry; the same program with a mutable global and fields is vt-mutable.wat.
(module
  (type $op (func (param i64 i64) (result i64)))
  (type $vt freezable (struct (field $f (mut (ref null $op))) (field $k (mut i64)) (field $j (mut i64))))
  (type $vt_f (freeze $vt) (struct (field $f (ref $op)) (field $k i64) (field $j i64)))
  (global $vt (mut (ref null $vt)) freezable (ref.null $vt))
  (global $vt_f (ref $vt_f) (freeze $vt))
  (func $add (type $op) (i64.add (local.get 0) (local.get 1)))
  (elem declare func $add)
  (func $build (global.set $vt (struct.new $vt (ref.func $add) (i64.const 3) (i64.const 7))))
  (start $build)
  (func (export "run") (phase 1) (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done (loop $more
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (call_ref $op (local.get $acc)
        (i64.add (struct.get $vt_f $k (global.get $vt_f)) (struct.get $vt_f $j (global.get $vt_f)))
        (struct.get $vt_f $f (global.get $vt_f))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $more)))
    (local.get $acc)))
