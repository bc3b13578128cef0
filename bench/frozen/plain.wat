;; struct.get, struct.set and casts on types that are not freezable, in a loop: the code the frozen proposal
;; must leave exactly as fast as before (docs/performance.md, "Frozen values", compared with the commit
;; before the proposal).
(module
  (type $base (sub (struct (field $x (mut i64)))))
  (type $point (sub $base (struct (field $x (mut i64)) (field $y (mut i64)))))
  (global $objs (mut (ref null $objs_t)) (ref.null $objs_t))
  (type $objs_t (array (mut (ref null $base))))

  (func $build
    (local $a (ref $objs_t)) (local $i i32)
    (local.set $a (array.new_default $objs_t (i32.const 16)))
    (loop $more
      (array.set $objs_t (local.get $a) (local.get $i)
        (if (result (ref $base)) (i32.and (local.get $i) (i32.const 1))
          (then (struct.new $point (i64.extend_i32_u (local.get $i)) (i64.const 1)))
          (else (struct.new $base (i64.extend_i32_u (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $more (i32.lt_u (local.get $i) (i32.const 16))))
    (global.set $objs (local.get $a)))
  (start $build)

  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $o (ref null $base)) (local $sum i64) (local $a (ref null $objs_t))
    (local.set $a (global.get $objs))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (array.get $objs_t (local.get $a) (i32.and (local.get $i) (i32.const 15))))
        (struct.set $base $x (local.get $o) (i64.add (struct.get $base $x (local.get $o)) (i64.const 1)))
        (local.set $sum (i64.add (local.get $sum) (struct.get $base $x (local.get $o))))
        (if (ref.test (ref $point) (local.get $o))
          (then (local.set $sum (i64.add (local.get $sum)
            (struct.get $point $y (ref.cast (ref $point) (local.get $o)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $sum))
)
