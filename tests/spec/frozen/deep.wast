;; Deep and large graphs: freezing walks them without recursion (a list of a million nodes is a path a
;; million deep), in time linear in their size, and undoes a million changes when the last node is wrong.

(module
  (type $node freezable (struct (field $next (mut (ref null $node))) (field $val (mut i32))))
  (type $node_f (freeze $node) (struct (field $next (ref $node_f)) (field $val i32)))
  (type $list_f (freeze $node) (struct (field $next (ref null $list_f)) (field $val i32)))
  (type $nodes freezable (array (mut (ref null $node))))
  (type $nodes_f (freeze $nodes) (array (ref $list_f)))

  (global $head (mut (ref null $node)) (ref.null $node))
  (global $tail (mut (ref null $node)) (ref.null $node))

  ;; A list of n nodes with values 1..n, kept in $head/$tail; the last node's next is null.
  (func $build (export "build") (param $n i32)
    (local $last (ref $node)) (local $i i32)
    (local.set $last (struct.new $node (ref.null $node) (i32.const 1)))
    (global.set $head (local.get $last))
    (local.set $i (i32.const 2))
    (block $done
      (loop $more
        (br_if $done (i32.gt_u (local.get $i) (local.get $n)))
        (struct.set $node $next (local.get $last) (struct.new $node (ref.null $node) (local.get $i)))
        (local.set $last (ref.as_non_null (struct.get $node $next (local.get $last))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (global.set $tail (local.get $last)))

  (func (export "close-ring") (struct.set $node $next (global.get $tail) (global.get $head)))

  ;; Freezes the ring and sums the values met in k steps (64-bit: the sums are large).
  (func (export "freeze-ring-sum") (param $k i32) (result i64)
    (local $p (ref $node_f)) (local $sum i64)
    (local.set $p (ref.freeze $node_f $node (ref.as_non_null (global.get $head))))
    (block $done
      (loop $more
        (br_if $done (i32.eqz (local.get $k)))
        (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (struct.get $node_f $val (local.get $p)))))
        (local.set $p (struct.get $node_f $next (local.get $p)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $more)))
    (local.get $sum))

  ;; The list as a ring's frozen type: its last next is null, so the freeze traps after freezing
  ;; (and then unfreezing) every node before it.
  (func (export "freeze-list-as-ring") (result i32)
    (struct.get $node_f $val (ref.freeze $node_f $node (ref.as_non_null (global.get $head)))))
  (func (export "head-writable") (result i32)
    (struct.set $node $val (global.get $head) (i32.const 1))
    (struct.get $node $val (global.get $tail)))

  ;; As a list type (nullable next), the same list freezes; walks it to the end.
  (func (export "freeze-list-length") (result i32)
    (local $p (ref null $list_f)) (local $n i32)
    (local.set $p (ref.freeze $list_f $node (ref.as_non_null (global.get $head))))
    (block $done
      (loop $more
        (br_if $done (ref.is_null (local.get $p)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $p (struct.get $list_f $next (local.get $p)))
        (br $more)))
    (local.get $n))
  (func (export "tail-frozen") (result i32) (ref.test (ref $list_f) (global.get $tail)))

  ;; An array of n separate one-node lists, frozen at once.
  (func (export "freeze-array") (param $n i32) (result i32)
    (local $a (ref $nodes)) (local $i i32) (local $f (ref $nodes_f))
    (local.set $a (array.new $nodes (ref.null $node) (local.get $n)))
    (block $done
      (loop $more
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (array.set $nodes (local.get $a) (local.get $i) (struct.new $node (ref.null $node) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.set $f (ref.freeze $nodes_f $nodes (local.get $a)))
    (struct.get $list_f $val (array.get $nodes_f (local.get $f) (i32.sub (local.get $n) (i32.const 1)))))
)

(assert_return (invoke "build" (i32.const 1000000)))
(assert_trap (invoke "freeze-list-as-ring") "null reference in a non-nullable frozen field")
(assert_return (invoke "head-writable") (i32.const 1000000))
(assert_return (invoke "freeze-list-length") (i32.const 1000000))
(assert_return (invoke "tail-frozen") (i32.const 1))

(assert_return (invoke "build" (i32.const 1000000)))
(assert_return (invoke "close-ring"))
;; Two laps: 2 * (1 + ... + 1000000).
(assert_return (invoke "freeze-ring-sum" (i32.const 2000000)) (i64.const 1000001000000))

(assert_return (invoke "freeze-array" (i32.const 1000000)) (i32.const 999999))
