;; Walks a frozen cyclic structure: a ring of 1024 nodes built with mutation at phase 0, frozen into the
;; global $ring_f (immutable, non-null), then walked n steps by run(n). The same program with mutable,
;; nullable fields is walk-mutable.wat (docs/performance.md, "Frozen values").
(module
  (type $node freezable (struct (field $next (mut (ref null $node))) (field $val (mut i32))))
  (type $node_f (freeze $node) (struct (field $next (ref $node_f)) (field $val i32)))

  (global $ring (mut (ref null $node)) freezable (ref.null $node))
  (global $ring_f (ref $node_f) (freeze $ring))

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

  (func (export "run") (phase 1) (param $n i32) (result i64)
    (local $p (ref $node_f)) (local $sum i64)
    (local.set $p (global.get $ring_f))
    (block $done
      (loop $more
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (struct.get $node_f $val (local.get $p)))))
        (local.set $p (struct.get $node_f $next (local.get $p)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $more)))
    (local.get $sum))
)
