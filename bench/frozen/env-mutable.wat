;; env-frozen.wat with an ordinary, mutable environment: every iteration must read its fields again, since
;; the array store in the loop could have changed them as far as the JVM knows.
(module
  (type $tbl (array (mut i64)))
  (type $env (struct (field $a (mut i64)) (field $b (mut i64)) (field $t (mut (ref null $tbl)))))
  (type $out (array (mut i64)))

  (global $env (mut (ref null $env)) (ref.null $env))
  (global $out (ref $out) (array.new_default $out (i32.const 64)))

  (func $build
    (local $t (ref $tbl)) (local $i i32)
    (local.set $t (array.new_default $tbl (i32.const 64)))
    (loop $more
      (array.set $tbl (local.get $t) (local.get $i) (i64.extend_i32_u (i32.mul (local.get $i) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $more (i32.lt_u (local.get $i) (i32.const 64))))
    (global.set $env (struct.new $env (i64.const 3) (i64.const 5) (local.get $t))))
  (start $build)

  (func $apply (param $env (ref null $env)) (param $n i32) (result i64)
    (local $i i32) (local $acc i64) (local $out (ref $out))
    (local.set $out (global.get $out))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc)
          (i64.add
            (i64.mul (struct.get $env $a (local.get $env)) (i64.extend_i32_u (local.get $i)))
            (i64.add (struct.get $env $b (local.get $env))
              (array.get $tbl (struct.get $env $t (local.get $env)) (i32.and (local.get $i) (i32.const 63)))))))
        (array.set $out (local.get $out) (i32.and (local.get $i) (i32.const 63)) (local.get $acc))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $acc))

  (func (export "run") (param $n i32) (result i64) (call $apply (global.get $env) (local.get $n)))
)
