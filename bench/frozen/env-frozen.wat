;; A closure environment as OCaml builds it: the captured values (two coefficients and a table) live in a
;; struct that is mutable only while it is built; the loop reads them on every iteration and writes an
;; i64 array (which, for the JVM, may alias the environment's number fields). Frozen, the environment's
;; fields are constants for the whole call: the compiler reads them once, at entry. The same program with
;; a mutable environment is env-mutable.wat (docs/performance.md, "Frozen values").
(module
  (type $tbl freezable (array (mut i64)))
  (type $tbl_f (freeze $tbl) (array i64))
  (type $env freezable (struct (field $a (mut i64)) (field $b (mut i64)) (field $t (mut (ref null $tbl)))))
  (type $env_f (freeze $env) (struct (field $a i64) (field $b i64) (field $t (ref $tbl_f))))
  (type $out (array (mut i64)))

  (global $env (mut (ref null $env)) freezable (ref.null $env))
  (global $env_f (ref $env_f) (freeze $env))
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

  (func $apply (param $env (ref $env_f)) (param $n i32) (result i64)
    (local $i i32) (local $acc i64) (local $out (ref $out))
    (local.set $out (global.get $out))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc)
          (i64.add
            (i64.mul (struct.get $env_f $a (local.get $env)) (i64.extend_i32_u (local.get $i)))
            (i64.add (struct.get $env_f $b (local.get $env))
              (array.get $tbl_f (struct.get $env_f $t (local.get $env)) (i32.and (local.get $i) (i32.const 63)))))))
        (array.set $out (local.get $out) (i32.and (local.get $i) (i32.const 63)) (local.get $acc))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $acc))

  (func (export "run") (phase 1) (param $n i32) (result i64) (call $apply (global.get $env_f) (local.get $n)))
)
