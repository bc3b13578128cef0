;; The worked examples of docs/proposals/frozen.md, as tests: a cyclic immutable graph, a closure
;; environment as OCaml builds it (mutually recursive closures), a vtable global.

(module
  (type $node freezable (struct (field $next (mut (ref null $node))) (field $val (mut i32))))
  (type $node_f (freeze $node) (struct (field $next (ref $node_f)) (field $val i32)))

  (global $a (mut (ref null $node)) (ref.null $node))

  (func $pair (result (ref $node_f))
    (local $a (ref $node)) (local $b (ref $node))
    (local.set $a (struct.new $node (ref.null $node) (i32.const 1)))
    (local.set $b (struct.new $node (local.get $a) (i32.const 2)))
    (struct.set $node $next (local.get $a) (local.get $b))
    (global.set $a (local.get $a))
    (ref.freeze $node_f $node (local.get $a)))

  (func (export "third") (result i32)
    (struct.get $node_f $val (struct.get $node_f $next (struct.get $node_f $next (call $pair)))))
  (func (export "write-old") (struct.set $node $next (global.get $a) (ref.null $node)))
)
(assert_return (invoke "third") (i32.const 1))
(assert_trap (invoke "write-old") "frozen object accessed through a freezable type")

(module
  (rec
    (type $code (func (param (ref $clos_f)) (param i32) (result i32)))
    (type $clos freezable (struct (field $code (mut (ref null $code))) (field $other (mut (ref null $clos)))
                                  (field $k (mut i32))))
    (type $clos_f (freeze $clos) (struct (field $code (ref $code)) (field $other (ref $clos_f)) (field $k i32))))

  (func $even (type $code)
    (if (result i32) (i32.eqz (local.get 1)) (then (i32.const 1))
      (else (call_ref $code (struct.get $clos_f $other (local.get 0)) (i32.sub (local.get 1) (i32.const 1))
              (struct.get $clos_f $code (struct.get $clos_f $other (local.get 0)))))))
  (func $odd (type $code)
    (if (result i32) (i32.eqz (local.get 1)) (then (i32.const 0))
      (else (call_ref $code (struct.get $clos_f $other (local.get 0)) (i32.sub (local.get 1) (i32.const 1))
              (struct.get $clos_f $code (struct.get $clos_f $other (local.get 0)))))))
  (elem declare func $even $odd)

  (func (export "is_even") (param i32) (result i32)
    (local $e (ref $clos)) (local $o (ref $clos)) (local $ef (ref $clos_f))
    (local.set $e (struct.new $clos (ref.func $even) (ref.null $clos) (i32.const 0)))
    (local.set $o (struct.new $clos (ref.func $odd) (local.get $e) (i32.const 0)))
    (struct.set $clos $other (local.get $e) (local.get $o))
    (local.set $ef (ref.freeze $clos_f $clos (local.get $e)))
    (call_ref $code (local.get $ef) (local.get 0) (struct.get $clos_f $code (local.get $ef))))
)
(assert_return (invoke "is_even" (i32.const 0)) (i32.const 1))
(assert_return (invoke "is_even" (i32.const 7)) (i32.const 0))
(assert_return (invoke "is_even" (i32.const 1000)) (i32.const 1))

(module
  (type $show (func (param i32) (result i32)))
  (type $vt freezable (struct (field $show (mut (ref null $show)))))
  (type $vt_f (freeze $vt) (struct (field $show (ref $show))))
  (global $vtable (mut (ref null $vt)) freezable (ref.null $vt))
  (global $vtable_f (ref $vt_f) (freeze $vtable))
  (func $show (type $show) (i32.mul (local.get 0) (i32.const 10)))
  (elem declare func $show)
  (func $init (global.set $vtable (struct.new $vt (ref.func $show))))
  (start $init)
  (func (export "show") (phase 1) (param i32) (result i32)
    (call_ref $show (local.get 0) (struct.get $vt_f $show (global.get $vtable_f))))
  (func (export "old-vtable") (result i32) (ref.is_null (global.get $vtable)))
)
(assert_return (invoke "show" (i32.const 4)) (i32.const 40))
(assert_trap (invoke "old-vtable") "freezable global accessed after it was frozen")
