;; Frozen types across modules: freezable and frozen types are canonical like any other, so identical
;; definitions in two modules are the same types, frozen values pass between modules through exports and
;; imports, and casts in one module see what another froze.

(module $A
  (rec (type $t freezable (sub (struct (field $next (mut (ref null $t))) (field $val (mut i32))))))
  (rec (type $tf (freeze $t) (sub (struct (field $next (ref $tf)) (field $val i32)))))

  (global $g (mut (ref null $t)) freezable (ref.null $t))
  (global $gf (export "ring") (ref $tf) (freeze $g))

  (func $pair (param $a i32) (param $b i32) (result (ref $t))
    (local $x (ref $t)) (local $y (ref $t))
    (local.set $x (struct.new $t (ref.null $t) (local.get $a)))
    (local.set $y (struct.new $t (local.get $x) (local.get $b)))
    (struct.set $t $next (local.get $x) (local.get $y))
    (local.get $x))
  (func $init (global.set $g (call $pair (i32.const 1) (i32.const 2))))
  (start $init)

  (func (export "make") (param i32 i32) (result (ref $t)) (call $pair (local.get 0) (local.get 1)))
  (func (export "freeze") (param (ref $t)) (result (ref $tf)) (ref.freeze $tf $t (local.get 0)))
  (func (export "second") (param (ref $tf)) (result i32)
    (struct.get $tf $val (struct.get $tf $next (local.get 0))))
  (func (export "get-ring") (phase 1) (result (ref $tf)) (global.get $gf))
)
(register "A" $A)

(assert_return (invoke $A "get-ring") (ref.struct))
(assert_return (get $A "ring") (ref.struct))

(module $B
  ;; The same definitions as A's: the same canonical types.
  (rec (type $t freezable (sub (struct (field $next (mut (ref null $t))) (field $val (mut i32))))))
  (rec (type $tf (freeze $t) (sub (struct (field $next (ref $tf)) (field $val i32)))))
  ;; A sub type B adds, with its own frozen form.
  (rec (type $u freezable (sub $t (struct (field $next (mut (ref null $t))) (field $val (mut i32))
    (field $extra (mut i64))))))
  (rec (type $uf (freeze $u) (sub $tf (struct (field $next (ref $tf)) (field $val i32) (field $extra i64)))))

  (import "A" "ring" (global $ring (ref $tf)))
  (import "A" "make" (func $make (param i32 i32) (result (ref $t))))
  (import "A" "freeze" (func $freeze (param (ref $t)) (result (ref $tf))))
  (import "A" "second" (func $second (param (ref $tf)) (result i32)))

  ;; A's frozen global, read here with B's type index.
  (func (export "ring-values") (result i32)
    (i32.add (i32.mul (struct.get $tf $val (global.get $ring)) (i32.const 10))
      (struct.get $tf $val (struct.get $tf $next (global.get $ring)))))
  ;; A value built by A, frozen by B.
  (func (export "freeze-here") (result i32)
    (struct.get $tf $val (struct.get $tf $next (ref.freeze $tf $t (call $make (i32.const 3) (i32.const 4))))))
  ;; A value built by B, frozen by A, read by B.
  (func (export "freeze-there") (result i32)
    (local $x (ref $t))
    (local.set $x (struct.new $t (ref.null $t) (i32.const 5)))
    (struct.set $t $next (local.get $x) (local.get $x))
    (struct.get $tf $val (call $freeze (local.get $x))))
  ;; B's sub type frozen by A's function: the object becomes B's frozen form, which casts see.
  (func (export "sub-there") (result i64)
    (local $x (ref $u)) (local $f (ref $tf))
    (local.set $x (struct.new $u (ref.null $t) (i32.const 6) (i64.const 66)))
    (struct.set $t $next (local.get $x) (local.get $x))
    (local.set $f (call $freeze (local.get $x)))
    (block $is_uf (result (ref $uf))
      (br_on_cast $is_uf (ref $tf) (ref $uf) (local.get $f))
      (return (i64.const -1)))
    (struct.get $uf $extra))
  ;; After A froze it, B's old reference is as dead as A's.
  (func (export "old-ref") (result i32)
    (local $x (ref $t))
    (local.set $x (call $make (i32.const 7) (i32.const 8)))
    (drop (call $freeze (local.get $x)))
    (struct.get $t $val (local.get $x)))
  (func (export "second-of-ring") (result i32) (call $second (global.get $ring)))
  (func (export "test-ring") (result i32)
    (i32.add (ref.test (ref $tf) (global.get $ring)) (ref.test (ref $t) (global.get $ring))))
)

(assert_return (invoke $B "ring-values") (i32.const 12))
(assert_return (invoke $B "freeze-here") (i32.const 4))
(assert_return (invoke $B "freeze-there") (i32.const 5))
(assert_return (invoke $B "sub-there") (i64.const 66))
(assert_trap (invoke $B "old-ref") "frozen object")
(assert_return (invoke $B "second-of-ring") (i32.const 2))
(assert_return (invoke $B "test-ring") (i32.const 1))

;; Imports match frozen types exactly like any other types.
(assert_unlinkable
  (module
    (rec (type $t freezable (sub (struct (field $next (mut (ref null $t))) (field $val (mut i32))))))
    (rec (type $tf2 (freeze $t) (sub (struct (field $next (ref null $tf2)) (field $val i32)))))
    (import "A" "ring" (global (ref $tf2))))
  "incompatible import type")
(assert_unlinkable
  (module
    (rec (type $t freezable (sub (struct (field $next (mut (ref null $t))) (field $val (mut i32))))))
    (import "A" "freeze" (func (param (ref $t)) (result (ref $t)))))
  "incompatible import type")
;; A super type of the frozen type is a valid import type for it.
(module
  (import "A" "ring" (global $r (ref struct)))
  (func (export "is-struct") (result i32) (ref.test (ref struct) (global.get $r)))
)
(assert_return (invoke "is-struct") (i32.const 1))
