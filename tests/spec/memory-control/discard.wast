;; memory.discard (memory control proposal, discard.md): like memory.fill with zeroes, with the address
;; rounded down and the end (address + size) rounded up to the 64 KiB page; out of bounds traps before
;; anything changes. Encoding 0xFC 0x12 memidx (SpiderMonkey's prototype).

(module
  (memory 2 4)
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  ;; Sum of the bytes in [a, a + n): 0 means all zero.
  (func (export "sum") (param $a i32) (param $n i32) (result i32)
    (local $s i32) (local $end i32)
    (local.set $end (i32.add (local.get $a) (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get $a))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next)))
    (local.get $s))
  (func (export "fill_all") (memory.fill (i32.const 0) (i32.const 0xFF) (i32.shl (memory.size) (i32.const 16))))
)

;; A whole page: page 0 becomes zero, page 1 is untouched.
(invoke "fill_all")
(assert_return (invoke "discard" (i32.const 0) (i32.const 65536)))
(assert_return (invoke "load8" (i32.const 0)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0))
(assert_return (invoke "load" (i32.const 65532)) (i32.const 0))
(assert_return (invoke "sum" (i32.const 0) (i32.const 65536)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0xFF))
(assert_return (invoke "load" (i32.const 131068)) (i32.const -1))

;; Unaligned: [100, 110) zeroes the whole of page 0 (address rounded down, end rounded up).
(invoke "fill_all")
(assert_return (invoke "discard" (i32.const 100) (i32.const 10)))
(assert_return (invoke "load8" (i32.const 0)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 99)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 110)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0xFF))

;; A range that crosses a page boundary zeroes both pages.
(invoke "fill_all")
(assert_return (invoke "discard" (i32.const 65535) (i32.const 2)))
(assert_return (invoke "load8" (i32.const 0)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 131071)) (i32.const 0))

;; A single byte in page 1 zeroes page 1 only.
(invoke "fill_all")
(assert_return (invoke "discard" (i32.const 70000) (i32.const 1)))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0xFF))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 131071)) (i32.const 0))

;; Size zero changes nothing, wherever it is in bounds (including the very end).
(invoke "fill_all")
(assert_return (invoke "discard" (i32.const 100) (i32.const 0)))
(assert_return (invoke "load8" (i32.const 100)) (i32.const 0xFF))
(assert_return (invoke "discard" (i32.const 131072) (i32.const 0)))
(assert_return (invoke "load8" (i32.const 131071)) (i32.const 0xFF))

;; Bounds, at the exact edge.
(assert_return (invoke "discard" (i32.const 131071) (i32.const 1)))
(assert_return (invoke "load8" (i32.const 131071)) (i32.const 0))
(assert_return (invoke "discard" (i32.const 0) (i32.const 131072)))
(assert_trap (invoke "discard" (i32.const 0) (i32.const 131073)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const 131072) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const 131073) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const -1) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const 1) (i32.const -1)) "out of bounds memory access")

;; A trapping discard changes nothing.
(invoke "fill_all")
(assert_trap (invoke "discard" (i32.const 65536) (i32.const 65537)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0xFF))
(assert_return (invoke "load8" (i32.const 0)) (i32.const 0xFF))

;; Repeated discards, and memory stays usable afterwards.
(assert_return (invoke "discard" (i32.const 0) (i32.const 131072)))
(assert_return (invoke "discard" (i32.const 0) (i32.const 131072)))
(assert_return (invoke "sum" (i32.const 0) (i32.const 4096)) (i32.const 0))
(assert_return (invoke "store" (i32.const 8) (i32.const 0x12345678)))
(assert_return (invoke "load" (i32.const 8)) (i32.const 0x12345678))
(assert_return (invoke "discard" (i32.const 8) (i32.const 4)))
(assert_return (invoke "load" (i32.const 8)) (i32.const 0))

;; Grown pages can be discarded too.
(assert_return (invoke "grow" (i32.const 1)) (i32.const 2))
(assert_return (invoke "size") (i32.const 3))
(assert_return (invoke "fill" (i32.const 131072) (i32.const 7) (i32.const 65536)))
(assert_return (invoke "load8" (i32.const 196607)) (i32.const 7))
(assert_return (invoke "discard" (i32.const 131072) (i32.const 65536)))
(assert_return (invoke "load8" (i32.const 196607)) (i32.const 0))
(assert_trap (invoke "discard" (i32.const 196608) (i32.const 1)) "out of bounds memory access")

;; An empty memory: only (0, 0) is in bounds.
(module
  (memory 0)
  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1))))
(assert_return (invoke "discard" (i32.const 0) (i32.const 0)))
(assert_trap (invoke "discard" (i32.const 0) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const 1) (i32.const 0)) "out of bounds memory access")

;; Multiple memories: the memory index selects the memory.
(module
  (memory $a 1)
  (memory $b 1)
  (data (memory $a) (i32.const 0) "\01\02\03\04")
  (data (memory $b) (i32.const 0) "\05\06\07\08")
  (func (export "discard_b") (param i32 i32) (memory.discard $b (local.get 0) (local.get 1)))
  (func (export "discard_a") (param i32 i32) (memory.discard $a (local.get 0) (local.get 1)))
  (func (export "load_a") (param i32) (result i32) (i32.load $a (local.get 0)))
  (func (export "load_b") (param i32) (result i32) (i32.load $b (local.get 0))))
(assert_return (invoke "discard_b" (i32.const 0) (i32.const 4)))
(assert_return (invoke "load_a" (i32.const 0)) (i32.const 0x04030201))
(assert_return (invoke "load_b" (i32.const 0)) (i32.const 0))
(assert_return (invoke "discard_a" (i32.const 2) (i32.const 1)))
(assert_return (invoke "load_a" (i32.const 0)) (i32.const 0))
(assert_trap (invoke "discard_b" (i32.const 0) (i32.const 65537)) "out of bounds memory access")

;; memory64: i64 operands.
(module
  (memory i64 2)
  (data (i64.const 65536) "\ff\ff\ff\ff")
  (func (export "discard") (param i64 i64) (memory.discard (local.get 0) (local.get 1)))
  (func (export "load") (param i64) (result i32) (i32.load (local.get 0))))
(assert_return (invoke "load" (i64.const 65536)) (i32.const -1))
(assert_return (invoke "discard" (i64.const 65537) (i64.const 1)))
(assert_return (invoke "load" (i64.const 65536)) (i32.const 0))
(assert_return (invoke "discard" (i64.const 0) (i64.const 131072)))
(assert_trap (invoke "discard" (i64.const 0) (i64.const 131073)) "out of bounds memory access")
(assert_trap (invoke "discard" (i64.const 0x1_0000_0000) (i64.const 0)) "out of bounds memory access")
(assert_trap (invoke "discard" (i64.const -1) (i64.const 2)) "out of bounds memory access")

;; A shared memory.
(module
  (memory 1 2 shared)
  (data (i32.const 0) "\2a")
  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1)))
  (func (export "load8") (param i32) (result i32) (i32.atomic.load8_u (local.get 0))))
(assert_return (invoke "load8" (i32.const 0)) (i32.const 42))
(assert_return (invoke "discard" (i32.const 0) (i32.const 1)))
(assert_return (invoke "load8" (i32.const 0)) (i32.const 0))
(assert_trap (invoke "discard" (i32.const 65536) (i32.const 1)) "out of bounds memory access")

;; Typing: operands have the memory's address type; a memory must exist.
(assert_invalid
  (module (memory 1) (func (memory.discard (i64.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (memory 1) (func (memory.discard (i32.const 0) (i64.const 0))))
  "type mismatch")
(assert_invalid
  (module (memory i64 1) (func (memory.discard (i32.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (memory 1) (func (result i32) (memory.discard (i32.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (memory 1) (func (memory.discard (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (func (memory.discard (i32.const 0) (i32.const 0))))
  "unknown memory")
(assert_invalid
  (module (memory 1) (func (memory.discard 1 (i32.const 0) (i32.const 0))))
  "unknown memory")

;; Encoding: 0xFC 0x12 memidx; the text and binary forms agree.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\06\01\60\02\7f\7f\00"          ;; type: (func (param i32 i32))
  "\03\02\01\00"                      ;; func: type 0
  "\05\03\01\00\01"                   ;; memory: 1 page
  "\07\0b\01\07discard\00\00"         ;; export "discard"
  "\0a\0b\01\09\00\20\00\20\01\fc\12\00\0b"  ;; local.get 0, local.get 1, memory.discard 0
)
(assert_return (invoke "discard" (i32.const 0) (i32.const 65536)))
(assert_trap (invoke "discard" (i32.const 0) (i32.const 65537)) "out of bounds memory access")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00" "\05\03\01\00\01"
    "\0a\09\01\07\00\41\00\41\00\fc\12")   ;; memory index missing
  "unexpected end")
(assert_malformed
  (module quote "(memory 1) (func (memory.discard $nope (i32.const 0) (i32.const 0)))")
  "unknown memory")
