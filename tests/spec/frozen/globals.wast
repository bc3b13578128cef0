;; Freezable globals and initialization phases (frozen proposal; docs/proposals/frozen.md "Phases").
;; (global $g (mut t) freezable init) is mutable while the module initializes; (global $gf t' (freeze $g))
;; gets $g's frozen value when its phase begins (by default the phase after $g's), and $g is dead from then
;; on. Functions, globals and start functions have phases, 0 by default; code of phase p names nothing of a
;; later phase, and a function entered before its phase (through a table) traps.

;; The slides' example: phase 0 builds a cyclic value in $g, phase 1 reads it frozen, with no check.
(module
  (type $t freezable (struct (field $f (mut (ref null $t))) (field $v (mut i32))))
  (type $tf (freeze $t) (struct (field $f (ref $tf)) (field $v i32)))

  (global $g (mut (ref null $t)) freezable (ref.null $t))
  (global $g_frozen (ref $tf) (freeze $g) (phase 1))
  (global $seen (mut i32) (i32.const 0))

  (func $loop (result (ref $t))
    (local $l (ref $t))
    (local.set $l (struct.new $t (ref.null $t) (i32.const 42)))
    (struct.set $t $f (local.get $l) (local.get $l))
    (local.get $l))
  (func $f (phase 1) (result (ref $tf)) (global.get $g_frozen))
  (func $st_0 (phase 0) (global.set $g (call $loop)))
  (func $st_1 (phase 1) (global.set $seen (struct.get $tf $v (struct.get $tf $f (call $f)))))
  (start $st_0 (phase 0))
  (start $st_1 (phase 1))

  (func (export "value") (phase 1) (result i32) (struct.get $tf $v (global.get $g_frozen)))
  (func (export "seen") (result i32) (global.get $seen))
  (func (export "cyclic") (phase 1) (result i32)
    (ref.eq (global.get $g_frozen) (struct.get $tf $f (global.get $g_frozen))))
  ;; Phase 0 code may still be called afterwards; touching $g then traps.
  (func (export "read-g") (result i32) (ref.is_null (global.get $g)))
  (func (export "write-g") (global.set $g (ref.null $t)))
  (export "frozen" (global $g_frozen))
)
(assert_return (invoke "value") (i32.const 42))
(assert_return (invoke "seen") (i32.const 42))
(assert_return (invoke "cyclic") (i32.const 1))
(assert_trap (invoke "read-g") "freezable global accessed after it was frozen")
(assert_trap (invoke "write-g") "freezable global accessed after it was frozen")

;; Numbers: a value computed during phase 0 becomes an immutable global; start functions run in order.
(module
  (global $n (mut i64) freezable (i64.const 0))
  (global $nf i64 (freeze $n))
  (global $order (mut i32) (i32.const 0))
  (func $log (param i32) (global.set $order (i32.add (i32.mul (global.get $order) (i32.const 10)) (local.get 0))))
  (func $s0 (global.set $n (i64.const 1234)) (call $log (i32.const 1)))
  (func $s1 (phase 1) (call $log (i32.const 2)))
  (func $s3 (phase 3) (call $log (i32.add (i32.const 3) (i32.wrap_i64 (global.get $nf)))))
  (start $s3 (phase 3))
  (start $s0)
  (start $s1 (phase 1))
  (export "n" (global $nf))
  (func (export "order") (result i32) (global.get $order))
)
(assert_return (get "n") (i64.const 1234))
(assert_return (invoke "order") (i32.const 1357))

;; A vtable: function references filled in at phase 0, called through the frozen global.
(module
  (type $unop (func (param i32) (result i32)))
  (type $vt freezable (struct (field $inc (mut (ref null $unop))) (field $dbl (mut (ref null $unop)))))
  (type $vt_f (freeze $vt) (struct (field $inc (ref $unop)) (field $dbl (ref $unop))))
  (global $vtable (mut (ref null $vt)) freezable (ref.null $vt))
  (global $vtable_f (ref $vt_f) (freeze $vtable))
  (func $inc (type $unop) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $unop) (i32.mul (local.get 0) (i32.const 2)))
  (elem declare func $inc $dbl)
  (func $init (global.set $vtable (struct.new $vt (ref.func $inc) (ref.func $dbl))))
  (start $init)
  (func (export "apply") (phase 1) (param $x i32) (result i32)
    (call_ref $unop
      (call_ref $unop (local.get $x) (struct.get $vt_f $inc (global.get $vtable_f)))
      (struct.get $vt_f $dbl (global.get $vtable_f))))
)
(assert_return (invoke "apply" (i32.const 20)) (i32.const 42))

;; A global that is freezable but never frozen stays an ordinary mutable global.
(module
  (global $g (mut i32) freezable (i32.const 1))
  (func (export "bump") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (global.get $g))
)
(assert_return (invoke "bump") (i32.const 2))
(assert_return (invoke "bump") (i32.const 3))

;; Phases may be skipped: $g is frozen when phase 2 begins; phase 1 still writes it.
(module
  (global $g (mut i32) freezable (i32.const 1))
  (global $gf i32 (freeze $g) (phase 2))
  (func $s1 (phase 1) (global.set $g (i32.mul (global.get $g) (i32.const 7))))
  (start $s1 (phase 1))
  (func (export "gf") (phase 2) (result i32) (global.get $gf))
)
(assert_return (invoke "gf") (i32.const 7))

;; A frozen global may also keep its freezable global's type (only without null, or a super type): then
;; the global is frozen but the value is not, as in the slides' (global $g_frozen (ref $t) (freeze $g)).
(module
  (type $t freezable (struct (field (mut i32))))
  (global $g (mut (ref null $t)) freezable (ref.null $t))
  (global $g_frozen (ref $t) (freeze $g) (phase 1))
  (global $any anyref (freeze $g_any))
  (global $g_any (mut (ref null $t)) freezable (ref.null $t))
  (func $st (global.set $g (struct.new $t (i32.const 3))) (global.set $g_any (global.get $g)))
  (start $st)
  (func (export "bump") (phase 1) (result i32)
    (struct.set $t 0 (global.get $g_frozen) (i32.add (struct.get $t 0 (global.get $g_frozen)) (i32.const 1)))
    (struct.get $t 0 (global.get $g_frozen)))
  (func (export "same") (phase 1) (result i32) (ref.eq (global.get $g_frozen) (ref.cast eqref (global.get $any))))
)
(assert_return (invoke "bump") (i32.const 4))
(assert_return (invoke "same") (i32.const 1))

;; Nullable frozen globals may stay null; a non-null one may not.
(module
  (type $t freezable (struct (field (mut i32))))
  (type $tf (freeze $t) (struct (field i32)))
  (global $g (mut (ref null $t)) freezable (ref.null $t))
  (global $gf (ref null $tf) (freeze $g))
  (func (export "is-null") (phase 1) (result i32) (ref.is_null (global.get $gf)))
)
(assert_return (invoke "is-null") (i32.const 1))

(assert_trap
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (global $g (mut (ref null $t)) freezable (ref.null $t))
    (global $gf (ref $tf) (freeze $g)))
  "null reference in a non-nullable frozen global")

;; Freezing a global freezes the graph it holds: the freeze of a broken graph fails instantiation.
(assert_trap
  (module
    (type $t freezable (struct (field (mut (ref null $t)))))
    (type $tf (freeze $t) (struct (field (ref $tf))))
    (global $g (mut (ref null $t)) freezable (ref.null $t))
    (global $gf (ref $tf) (freeze $g))
    (func $s (global.set $g (struct.new $t (ref.null $t))))
    (start $s))
  "null reference in a non-nullable frozen field")

;; The objects a frozen global holds are frozen in place: another reference to them sees that.
(module
  (type $t freezable (struct (field (mut i32))))
  (type $tf (freeze $t) (struct (field i32)))
  (global $g (mut (ref null $t)) freezable (ref.null $t))
  (global $gf (ref $tf) (freeze $g))
  (global $alias (mut (ref null $t)) (ref.null $t))
  (func $s (global.set $g (struct.new $t (i32.const 5))) (global.set $alias (global.get $g)))
  (start $s)
  (func (export "alias-read") (result i32) (struct.get $t 0 (global.get $alias)))
  (func (export "alias-is-frozen") (result i32) (ref.test (ref $tf) (global.get $alias)))
)
(assert_trap (invoke "alias-read") "frozen object")
(assert_return (invoke "alias-is-frozen") (i32.const 1))

;; A function of phase 1 reached through a table during phase 0 traps; after instantiation it runs.
(assert_trap
  (module
    (type $v (func (result i32)))
    (global $g (mut i32) freezable (i32.const 3))
    (global $gf i32 (freeze $g))
    (table 1 funcref)
    (func $later (phase 1) (type $v) (global.get $gf))
    (elem (i32.const 0) $later)
    (func $s (drop (call_indirect (type $v) (i32.const 0))))
    (start $s))
  "function called before its phase")
(module
  (type $v (func (result i32)))
  (global $g (mut i32) freezable (i32.const 3))
  (global $gf i32 (freeze $g))
  (table 1 funcref)
  (func $later (phase 1) (type $v) (global.get $gf))
  (elem (i32.const 0) $later)
  (func (export "call") (result i32) (call_indirect (type $v) (i32.const 0)))
)
(assert_return (invoke "call") (i32.const 3))

;; A trap in a later phase's start function fails instantiation.
(assert_trap
  (module
    (func $s (phase 2) (unreachable))
    (start $s (phase 2)))
  "unreachable")

;; ---- invalid

(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g))
    (func (result i32) (global.get $gf)))
  "global 1 of phase 1 used in phase 0")
(assert_invalid
  (module
    (func $a (phase 1))
    (func (call $a)))
  "function 0 of phase 1 used in phase 0")
(assert_invalid
  (module
    (func $a (phase 2))
    (func (phase 1) (return_call $a)))
  "function 0 of phase 2 used in phase 1")
(assert_invalid
  (module
    (func $a (phase 1))
    (elem declare func $a)
    (func (result funcref) (ref.func $a)))
  "function 0 of phase 1 used in phase 0")
(assert_invalid
  (module
    (global $x (phase 1) (mut i32) (i32.const 0))
    (func (global.set $x (i32.const 1))))
  "global 0 of phase 1 used in phase 0")
;; From its freeze on, a freezable global may not be named by code of that phase or later.
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g))
    (func (phase 1) (global.set $g (i32.const 1))))
  "global 0 is frozen before phase 1")
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g) (phase 2))
    (func (phase 3) (result i32) (global.get $g)))
  "global 0 is frozen before phase 3")
(assert_invalid
  (module (global $g (export "g") (mut i32) freezable (i32.const 0)))
  "freezable global 0 cannot be exported")
(assert_invalid
  (module
    (global $g (mut i32) (i32.const 0))
    (global $gf i32 (freeze $g)))
  "global 1 freezes global 0, which is not freezable")
(assert_invalid
  (module
    (import "spectest" "global_i32" (global $g i32))
    (global $gf i32 (freeze $g)))
  "global 1 freezes global 0, which is not freezable")
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $a i32 (freeze $g))
    (global $b i32 (freeze $g)))
  "global 0 is frozen by globals 1 and 2")
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g) (phase 0)))
  "frozen global 1 must be in a later phase than global 0")
(assert_invalid
  (module
    (global $g (phase 2) (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g) (phase 1)))
  "frozen global 1 must be in a later phase than global 0")
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i64 (freeze $g)))
  "type mismatch: global 1 is not a frozen form of global 0")
(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $u freezable (struct (field (mut i64))))
    (global $g (mut (ref null $t)) freezable (ref.null $t))
    (global $gf (ref $u) (freeze $g)))
  "type mismatch: global 1 is not a frozen form of global 0")
(assert_invalid
  (module
    (global $g (mut funcref) freezable (ref.null func))
    (global $gf externref (freeze $g)))
  "type mismatch")
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g))
    (global $h (phase 1) i32 (global.get $gf)))
  "constant expression required")
(assert_invalid
  (module
    (func $s (phase 2))
    (start $s (phase 1)))
  "start function 0 of phase 1 is in phase 2")
(assert_invalid
  (module
    (func $s (phase 1) (param i32))
    (start $s (phase 1)))
  "start function must not have parameters or results")
(assert_invalid
  (module
    (func $a (phase 1))
    (func $b (phase 1))
    (start $a (phase 1))
    (start $b (phase 1)))
  "multiple start functions for phase 1")

;; ---- malformed text

(assert_malformed
  (module quote "(global $g i32 freezable (i32.const 0))")
  "malformed mutability")
(assert_malformed
  (module quote "(global $g (mut i32) freezable (i32.const 0)) (global $gf (mut i32) (freeze $g))")
  "malformed mutability")
(assert_malformed
  (module quote "(global $g (import \"m\" \"g\") (mut i32) freezable)")
  "unexpected token")
(assert_malformed
  (module quote "(global $g (mut i32) freezable (i32.const 0)) (global $gf i32 (freeze $nope))")
  "unknown global")
(assert_malformed
  (module quote "(func (phase x))")
  "unknown operator x")
(assert_malformed
  (module quote "(func (phase -1))")
  "unexpected token")
