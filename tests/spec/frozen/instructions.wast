;; Typing of ref.freeze and of the instructions that would write a frozen value (frozen proposal,
;; docs/proposals/frozen.md "Validation: instructions"):
;;   ref.freeze x y : [(ref y)] -> [(ref x)]   where type x is declared (freeze y)
;; Frozen fields, elements and globals are immutable, so struct.set, array.set, array.fill, array.copy,
;; array.init_* and global.set on them are invalid by the ordinary rules.

(module
  (type $t freezable (sub (struct (field (mut (ref null $t))) (field (mut i32)))))
  (type $s freezable (sub $t (struct (field (mut (ref null $t))) (field (mut i32)) (field (mut i64)))))
  (type $tf (freeze $t) (sub (struct (field (ref $tf)) (field i32))))
  (type $sf (freeze $s) (sub $tf (struct (field (ref $tf)) (field i32) (field i64))))

  ;; The operand may be a sub type: (ref $s) <: (ref $t).
  (func (param (ref $s)) (result (ref $tf)) (ref.freeze $tf $t (local.get 0)))
  ;; Frozen fields are non-null: no check is needed to follow them.
  (func (param (ref $tf)) (result (ref $tf)) (struct.get $tf 0 (struct.get $tf 0 (local.get 0))))
  ;; A frozen value is a value of its frozen type's super types.
  (func (param (ref $sf)) (result (ref $tf)) (local.get 0))
  (func (param (ref $tf)) (result (ref null struct)) (local.get 0))
  ;; The result of ref.freeze may be frozen again (casts down) or tested.
  (func (param (ref $s)) (result i32) (ref.test (ref $sf) (ref.freeze $sf $s (local.get 0))))
  ;; In unreachable code anything goes.
  (func (result (ref $tf)) (unreachable) (ref.freeze $tf $t))
)

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref null $t)) (result (ref $tf)) (ref.freeze $tf $t (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $u freezable (struct (field (mut i64))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $u)) (result (ref $tf)) (ref.freeze $tf $t (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $tf)) (result (ref $tf)) (ref.freeze $tf $t (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $t)) (result (ref $t)) (ref.freeze $t $tf (local.get 0))))
  "type mismatch: ref.freeze needs type 0 to be a frozen form of type 1")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $plain (struct (field i32)))
    (func (param (ref $t)) (result (ref $plain)) (ref.freeze $plain $t (local.get 0))))
  "type mismatch: ref.freeze needs type 1 to be a frozen form of type 0")

(assert_invalid
  (module
    (type $t freezable (sub (struct (field (mut i32)))))
    (type $s freezable (sub $t (struct (field (mut i32)) (field (mut i32)))))
    (type $sf (freeze $s) (struct (field i32) (field i32)))
    (func (param (ref $t)) (result (ref $sf)) (ref.freeze $sf $t (local.get 0))))
  "type mismatch: ref.freeze needs type 2 to be a frozen form of type 0")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $t)) (result (ref $t)) (ref.freeze $tf $t (local.get 0))))
  "type mismatch")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (result (ref $tf)) (ref.freeze $tf $t)))
  "type mismatch")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (func (param (ref $t)) (drop (ref.freeze 9 $t (local.get 0)))))
  "unknown type")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (global (ref $tf) (ref.freeze $tf $t (struct.new $t (i32.const 1)))))
  "constant expression required")

;; Nothing writes a frozen object.
(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $tf)) (struct.set $tf 0 (local.get 0) (i32.const 1))))
  "immutable field")

(assert_invalid
  (module
    (type $a freezable (array (mut i32)))
    (type $af (freeze $a) (array i32))
    (func (param (ref $af)) (array.set $af (local.get 0) (i32.const 0) (i32.const 1))))
  "immutable array")
(assert_invalid
  (module
    (type $a freezable (array (mut i32)))
    (type $af (freeze $a) (array i32))
    (func (param (ref $af)) (array.fill $af (local.get 0) (i32.const 0) (i32.const 1) (i32.const 1))))
  "immutable array")
(assert_invalid
  (module
    (type $a freezable (array (mut i32)))
    (type $af (freeze $a) (array i32))
    (func (param (ref $af) (ref $a))
      (array.copy $af $a (local.get 0) (i32.const 0) (local.get 1) (i32.const 0) (i32.const 1))))
  "immutable array")
(assert_invalid
  (module
    (type $a freezable (array (mut i32)))
    (type $af (freeze $a) (array i32))
    (data $d "\01\02\03\04")
    (func (param (ref $af)) (array.init_data $af $d (local.get 0) (i32.const 0) (i32.const 0) (i32.const 1))))
  "immutable array")
(assert_invalid
  (module
    (type $a freezable (array (mut funcref)))
    (type $af (freeze $a) (array funcref))
    (elem $e funcref)
    (func (param (ref $af)) (array.init_elem $af $e (local.get 0) (i32.const 0) (i32.const 0) (i32.const 0))))
  "immutable array")

;; A frozen array may be the source of a copy into a freezable one.
(module
  (type $a freezable (array (mut i32)))
  (type $af (freeze $a) (array i32))
  (func (param (ref $a) (ref $af))
    (array.copy $a $af (local.get 0) (i32.const 0) (local.get 1) (i32.const 0) (i32.const 1)))
)

;; Nothing writes a frozen global.
(assert_invalid
  (module
    (global $g (mut i32) freezable (i32.const 0))
    (global $gf i32 (freeze $g))
    (func (phase 1) (global.set $gf (i32.const 1))))
  "immutable global")

;; Frozen types are not freezable types.
(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $tf)) (result (ref $t)) (local.get 0)))
  "type mismatch")
(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (func (param (ref $t)) (result (ref $tf)) (local.get 0)))
  "type mismatch")

;; ---- text format

(assert_malformed
  (module quote
    "(type $t freezable (struct (field (mut i32))))"
    "(type $tf (freeze $t) (struct (field i32)))"
    "(func (param (ref $t)) (drop (ref.freeze $tf (local.get 0))))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $t freezable (struct (field (mut i32))))"
    "(func (param (ref $t)) (drop (ref.freeze $nope $t (local.get 0))))")
  "unknown type")
