;; walk-frozen.wat with ordinary types: the ring's fields stay mutable and nullable, the global mutable,
;; so every step reads a nullable reference that the engine must check.
(module
  (type $node (struct (field $next (mut (ref null $node))) (field $val (mut i32))))

  (global $ring (mut (ref null $node)) (ref.null $node))

  (func $build
    (local $first (ref $node)) (local $last (ref $node)) (local $i i32)
    (local.set $first (struct.new $node (ref.null $node) (i32.const 0)))
    (local.set $last (local.get $first))
    (local.set $i (i32.const 1))
    (loop $more
      (struct.set $node $next (local.get $last)
        (struct.new $node (ref.null $node) (i32.rem_u (i32.mul (local.get $i) (i32.const 7)) (i32.const 13))))
      (local.set $last (ref.as_non_null (struct.get $node $next (local.get $last))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $more (i32.lt_u (local.get $i) (i32.const 1024))))
    (struct.set $node $next (local.get $last) (local.get $first))
    (global.set $ring (local.get $first)))
  (start $build)

  (func (export "run") (param $n i32) (result i64)
    (local $p (ref null $node)) (local $sum i64)
    (local.set $p (global.get $ring))
    (block $done
      (loop $more
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (struct.get $node $val (local.get $p)))))
        (local.set $p (struct.get $node $next (local.get $p)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $more)))
    (local.get $sum))
)
