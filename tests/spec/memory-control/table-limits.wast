;; Tables and the static protection limits (static-protection.md, "Tables": extend the limits of memories and
;; tables alike, "validation can ensure that tables always have a zero no-access-size and read-only-size").
;; wasm4j accepts the same encoding for tables as for memories (limits flag 0x10, then the two sizes, u32 for
;; i32 tables and u64 for i64 ones; in text the (no-access N) (read-only M) clauses before the element type,
;; or the positional no-access read-only min max?), and validation requires both sizes to be zero. A table
;; with zero sizes is an ordinary table. The virtual flag (0x20) stays malformed for tables.

(module
  (table $t (export "t") 1 3 (no-access 0) (read-only 0) funcref)
  (table $u 0 0 2 4 externref)
  (func $f (result i32) (i32.const 7))
  (elem (table $t) (i32.const 0) func $f)
  (func (export "size") (result i32) (table.size $t))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  (func (export "size_u") (result i32) (table.size $u))
  (func (export "grow_u") (param i32) (result i32) (table.grow $u (ref.null extern) (local.get 0)))
  (func (export "call") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0))))
(assert_return (invoke "size") (i32.const 1))
(assert_return (invoke "call" (i32.const 0)) (i32.const 7))
(assert_trap (invoke "call" (i32.const 1)) "undefined element")
(assert_return (invoke "grow" (i32.const 2)) (i32.const 1))
(assert_return (invoke "grow" (i32.const 1)) (i32.const -1))
(assert_return (invoke "size") (i32.const 3))
(assert_return (invoke "size_u") (i32.const 2))
(assert_return (invoke "grow_u" (i32.const 2)) (i32.const 2))
(assert_return (invoke "grow_u" (i32.const 1)) (i32.const -1))

;; Imports match as usual: the zero sizes change nothing.
(register "tl")
(module (table (import "tl" "t") 3 funcref))
(module (table (import "tl" "t") 1 (no-access 0) (read-only 0) funcref))
(assert_unlinkable
  (module (table (import "tl" "t") 4 (no-access 0) funcref))
  "incompatible import type")

;; Non-zero sizes are invalid, in every spelling.
(assert_invalid
  (module (table 1 (no-access 1) funcref))
  "table no-access and read-only sizes must be zero")
(assert_invalid
  (module (table 1 2 (read-only 1) funcref))
  "table no-access and read-only sizes must be zero")
(assert_invalid
  (module (table 1 0 1 funcref))
  "table no-access and read-only sizes must be zero")
(assert_invalid
  (module (table i64 1 (no-access 0) (read-only 1) funcref))
  "table no-access and read-only sizes must be zero")
(assert_invalid
  (module (table (import "tl" "t") 1 (no-access 1) funcref))
  "table no-access and read-only sizes must be zero")

;; Binary: flags 0x11 (maximum, protection), min 1, max 2, no-access 0, read-only 0.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"               ;; type: (func (result i32))
  "\03\02\01\00"                        ;; func
  "\04\07\01\70\11\01\02\00\00"         ;; table funcref
  "\07\08\01\04size\00\00"              ;; export "size"
  "\0a\07\01\05\00\fc\10\00\0b")        ;; (table.size 0)
(assert_return (invoke "size") (i32.const 1))
;; A 64-bit table: flags 0x14, the sizes are u64.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7e"               ;; type: (func (result i64))
  "\03\02\01\00"                        ;; func
  "\04\06\01\70\14\05\00\00"            ;; table i64 funcref, min 5, no-access 0, read-only 0
  "\07\08\01\04size\00\00"              ;; export "size"
  "\0a\07\01\05\00\fc\10\00\0b")        ;; (table.size 0)
(assert_return (invoke "size") (i64.const 5))
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\06\01\70\10\01\01\00")         ;; no-access 1
  "table no-access and read-only sizes must be zero")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\06\01\70\10\01\00\02")         ;; read-only 2
  "table no-access and read-only sizes must be zero")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\05\01\70\10\01\00")            ;; read-only size missing
  "unexpected end")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\04\01\70\20\01")               ;; virtual is for memories only
  "malformed limits flags")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\04\01\70\02\01")               ;; nor are tables shared
  "malformed limits flags")
