;; Freezable and frozen type definitions (frozen proposal, docs/proposals/frozen.md "Validation: types").
;; Text: (type $t freezable (struct ...)), (type $t_freeze (freeze $t) (struct ...)); inside (sub ...) the
;; clause comes after the super types. Binary: 0x4B before the composite type, or 0x4A x:typeidx.

;; ---- valid definitions

;; The proposal's example: a self-referential freezable struct and its frozen form, in separate groups.
(module
  (rec (type $t freezable (struct (field $f (mut (ref null $t))))))
  (rec (type $t_freeze (freeze $t) (struct (field $f (ref $t_freeze)))))
  (func (param (ref $t)) (result (ref $t_freeze)) (ref.freeze $t_freeze $t (local.get 0)))
)

;; Both in one group, the frozen type after the freezable one.
(module
  (rec
    (type $t freezable (struct (field (mut (ref null $t))) (field (mut i64))))
    (type $tf (freeze $t) (struct (field (ref $tf)) (field i64))))
)

;; Mutually recursive freezable types and their mutually recursive frozen forms.
(module
  (rec
    (type $a freezable (struct (field (mut (ref null $b)))))
    (type $b freezable (struct (field (mut (ref null $a))) (field (mut f32)))))
  (rec
    (type $af (freeze $a) (struct (field (ref $bf))))
    (type $bf (freeze $b) (struct (field (ref $af)) (field f32))))
)

;; Arrays: of references, of numbers, of packed values.
(module
  (type $arr freezable (array (mut (ref null $arr))))
  (type $arr_f (freeze $arr) (array (ref $arr_f)))
  (type $nums freezable (array (mut i32)))
  (type $nums_f (freeze $nums) (array i32))
  (type $bytes freezable (array (mut i8)))
  (type $bytes_f (freeze $bytes) (array i8))
)

;; A frozen form may drop trailing fields, keep a field nullable, and change fields that do not refer to
;; freezable types to a super type (here with null tightened away) or a sub type (checked when freezing).
(module
  (type $plain (struct (field i32)))
  (type $t freezable (struct
    (field $self (mut (ref null $t)))
    (field $p (mut (ref null $plain)))
    (field $any (mut anyref))
    (field $x (mut i16))
    (field $dropped (mut i32))))
  (type $tf (freeze $t) (struct
    (field $self (ref null $tf))
    (field $p (ref struct))
    (field $any (ref eq))
    (field $x i16)))
)

;; Immutable fields stay immutable; a non-null field of a non-freezable type stays as it is.
(module
  (type $t freezable (struct (field i32) (field (ref func)) (field (mut (ref null $t)))))
  (type $tf (freeze $t) (struct (field i32) (field (ref func)) (field (ref $tf))))
)

;; Subtyping: a freezable hierarchy, and frozen forms that mirror it.
(module
  (type $obj freezable (sub (struct (field $next (mut (ref null $obj))))))
  (type $point freezable (sub $obj (struct (field $next (mut (ref null $obj))) (field $x (mut i32)))))
  (type $obj_f (freeze $obj) (sub (struct (field $next (ref null $obj_f)))))
  (type $point_f (freeze $point) (sub $obj_f (struct (field $next (ref null $obj_f)) (field $x i32))))
)

;; The clause inside (sub ...), after the super types; final frozen types.
(module
  (type $s (sub freezable (struct (field (mut i32)))))
  (type $t (sub final $s freezable (struct (field (mut i32)) (field (mut i32)))))
  (type $sf (sub (freeze $s) (struct (field i32))))
  (type $tf (sub final $sf (freeze $t) (struct (field i32) (field i32))))
)

;; A field of a freezable type may become a frozen form of one of its super types, or of a sub type (then
;; freezing checks the object).
(module
  (type $u freezable (sub (struct (field (mut i32)))))
  (type $v freezable (sub $u (struct (field (mut i32)))))
  (type $uf (freeze $u) (sub (struct (field i32))))
  (type $holder freezable (struct (field (mut (ref null $v)))))
  (type $holder_f (freeze $holder) (struct (field (ref $uf))))
  (type $vf (freeze $v) (sub $uf (struct (field i32))))
  (type $holder2 freezable (struct (field (mut (ref null $u)))))
  (type $holder2_f (freeze $holder2) (struct (field (ref $vf))))
)

;; A frozen type may have an ordinary (immutable) super type, and another frozen form.
(module
  (type $view (sub (struct (field i32))))
  (type $t freezable (struct (field (mut i32))))
  (type $tf (freeze $t) (sub $view (struct (field i32))))
  (type $tf2 (freeze $t) (struct))
)

;; Frozen types are ordinary immutable types otherwise: struct.new builds one directly.
(module
  (type $t freezable (struct (field (mut i32))))
  (type $tf (freeze $t) (struct (field i32)))
  (func (export "new") (result i32) (struct.get $tf 0 (struct.new $tf (i32.const 42))))
)
(assert_return (invoke "new") (i32.const 42))

;; freezable and (freeze ...) are part of a type's identity: a freezable struct is not the ordinary struct
;; of the same shape, and casts between them fail.
(module
  (type $plain (struct (field (mut i32))))
  (type $t freezable (struct (field (mut i32))))
  (func (export "plain-is-t") (result i32) (ref.test (ref $t) (struct.new $plain (i32.const 1))))
  (func (export "t-is-t") (result i32) (ref.test (ref $t) (struct.new $t (i32.const 1))))
)
(assert_return (invoke "plain-is-t") (i32.const 0))
(assert_return (invoke "t-is-t") (i32.const 1))

;; ---- invalid definitions

(assert_invalid
  (module
    (type $p (struct (field (mut i32))))
    (type $pf (freeze $p) (struct (field i32))))
  "type 1 freezes type 0, which is not freezable")

(assert_invalid
  (module (type $f freezable (func)))
  "type 0 is freezable but not a struct or array type")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field (mut i32)))))
  "type mismatch: type 1 is not a frozen form of type 0 (field 0 is mutable)")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32) (field i32))))
  "type mismatch: type 1 is not a frozen form of type 0 (it has more fields)")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i64))))
  "type mismatch: type 1 is not a frozen form of type 0 (field 0 changes type)")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i8))))
    (type $tf (freeze $t) (struct (field i32))))
  "type mismatch")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut (ref null $t)))))
    (type $tf (freeze $t) (struct (field (ref $t)))))
  "type mismatch: type 1 is not a frozen form of type 0 (field 0 refers to a freezable type")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut (ref null $t)))))
    (type $other freezable (struct (field (mut i32))))
    (type $other_f (freeze $other) (struct (field i32)))
    (type $tf (freeze $t) (struct (field (ref $other_f)))))
  "type mismatch: type 3 is not a frozen form of type 0")

(assert_invalid
  (module
    (type $t freezable (array (mut i32)))
    (type $tf (freeze $t) (struct (field i32))))
  "type mismatch: type 1 is not a frozen form of type 0 (not the same kind of type)")

(assert_invalid
  (module
    (type $t freezable (array (mut (ref null $t))))
    (type $tf (freeze $t) (array (mut (ref $tf)))))
  "type mismatch: type 1 is not a frozen form of type 0 (element is mutable)")

(assert_invalid
  (module
    (type $a (struct))
    (type $b (struct (field i32)))
    (type $t freezable (struct (field (mut (ref null $a)))))
    (type $tf (freeze $t) (struct (field (ref $b)))))
  "type mismatch: type 3 is not a frozen form of type 2 (field 0 is not a sub type or a super type")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut anyref))))
    (type $tf (freeze $t) (struct (field funcref))))
  "type mismatch")

;; A field of type $a may not become a frozen form of a type unrelated to $a.
(assert_invalid
  (module
    (type $a freezable (sub (struct (field (mut i32)))))
    (type $b freezable (sub (struct (field (mut i64)))))
    (type $bf (freeze $b) (struct (field i64)))
    (type $holder freezable (struct (field (mut (ref null $a)))))
    (type $holder_f (freeze $holder) (struct (field (ref $bf)))))
  "type mismatch: type 4 is not a frozen form of type 3 (field 0 refers to a freezable type")

(assert_invalid
  (module
    (type $s (sub (struct (field (mut i32)))))
    (type $t freezable (sub $s (struct (field (mut i32))))))
  "sub type 1 is freezable but its super type 0 is not")

(assert_invalid
  (module
    (type $s freezable (sub (struct (field (mut i32)))))
    (type $t (sub $s (struct (field (mut i32))))))
  "sub type 1 of freezable type 0 is not freezable")

(assert_invalid
  (module
    (type $s freezable (sub (struct)))
    (type $sf (freeze $s) (sub (struct)))
    (type $t (sub $s (freeze $s) (struct))))
  "sub type 2 of freezable type 0 is not freezable")

(assert_invalid
  (module
    (type $tf0 (sub (struct (field i32))))
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (sub (struct (field i32))))
    (type $sub (sub $tf (struct (field i32)))))
  "sub type 3 of frozen type 2 is not frozen")

(assert_invalid
  (module
    (type $a freezable (sub (struct (field (mut i32)))))
    (type $b freezable (sub (struct (field (mut i32)) (field (mut i64)))))
    (type $af (freeze $a) (sub (struct (field i32))))
    (type $bf (freeze $b) (sub $af (struct (field i32) (field i64)))))
  "sub type 3 freezes type 1, which is not a sub type of the type its super type 2 freezes")

(assert_invalid
  (module
    (rec
      (type $tf (freeze $t) (struct (field i32)))
      (type $t freezable (struct (field (mut i32))))))
  "type 0 freezes type 1, which is not defined before it")

(assert_invalid
  (module
    (rec (type $self (freeze $self) (struct))))
  "type 0 freezes type 0, which is not defined before it")

(assert_invalid
  (module
    (type $t freezable (struct (field (mut i32))))
    (type $tf (freeze $t) (struct (field i32)))
    (type $tff (freeze $tf) (struct (field i32))))
  "type 2 freezes type 1, which is not freezable")

(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01"                    ;; type section, 1 type
    "\4a\07\5f\00"                 ;; (freeze 7) (struct)
  )
  "unknown type 7")

;; ---- malformed text

(assert_malformed
  (module quote "(type $t freezable freezable (struct))")
  "unexpected token")
(assert_malformed
  (module quote "(type $t (freeze) (struct))")
  "unexpected token")
(assert_malformed
  (module quote "(type $t (freeze $nope) (struct))")
  "unknown type")
(assert_malformed
  (module quote "(type $t freezable (sub freezable (struct)))")
  "unexpected token")
(assert_malformed
  (module quote "(type $t (struct) freezable)")
  "unexpected token")
