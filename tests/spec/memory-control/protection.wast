;; Static memory protection (memory control proposal, static-protection.md). Memory type
;; (memory min max (no-access N) (read-only M)): the first N pages can be neither read nor written, the next
;; M pages only read; min and max count the read-write section, which alone grows. Reads below the
;; read-only base and writes below the read-write base trap ("out of bounds memory access": the protection is
;; one more bound). Active data segments may write the read-only section during instantiation.
;; Binary: limits flag 0x10, then the two section sizes.

(module
  ;; page 0 no-access, page 1 read-only, pages 2.. read-write (1 page, up to 3)
  (memory (export "mem") 1 3 (no-access 1) (read-only 1))
  (data (i32.const 65536) "read-only data")
  (data (i32.const 131072) "\01\02\03\04\05\06\07\08")
  (data $passive "read")

  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "i32.load8_u") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "i32.load16_u") (param i32) (result i32) (i32.load16_u (local.get 0)))
  (func (export "i32.load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "i64.load") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "f32.load") (param i32) (result f32) (f32.load (local.get 0)))
  (func (export "f64.load") (param i32) (result f64) (f64.load (local.get 0)))
  (func (export "v128.load") (param i32) (result i32) (i32x4.extract_lane 0 (v128.load (local.get 0))))
  (func (export "i32.store8") (param i32) (i32.store8 (local.get 0) (i32.const 1)))
  (func (export "i32.store16") (param i32) (i32.store16 (local.get 0) (i32.const 1)))
  (func (export "i32.store") (param i32) (i32.store (local.get 0) (i32.const 1)))
  (func (export "i64.store") (param i32) (i64.store (local.get 0) (i64.const 1)))
  (func (export "f32.store") (param i32) (f32.store (local.get 0) (f32.const 1)))
  (func (export "f64.store") (param i32) (f64.store (local.get 0) (f64.const 1)))
  (func (export "v128.store") (param i32) (v128.store (local.get 0) (v128.const i64x2 1 1)))
  (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 0) (local.get 1)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32) (memory.init $passive (local.get 0) (i32.const 0) (local.get 1)))
  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1)))
)

;; The whole memory counts: 1 no-access + 1 read-only + 1 read-write page.
(assert_return (invoke "size") (i32.const 3))

;; No-access section: every read traps, at its start and at its last byte.
(assert_trap (invoke "i32.load8_u" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "i32.load8_u" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "i32.load16_u" (i32.const 65534)) "out of bounds memory access")
(assert_trap (invoke "i32.load" (i32.const 65532)) "out of bounds memory access")
(assert_trap (invoke "i64.load" (i32.const 65528)) "out of bounds memory access")
(assert_trap (invoke "f32.load" (i32.const 65532)) "out of bounds memory access")
(assert_trap (invoke "f64.load" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "v128.load" (i32.const 65520)) "out of bounds memory access")
;; Loads that straddle the no-access/read-only boundary trap.
(assert_trap (invoke "i32.load16_u" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "i32.load" (i32.const 65533)) "out of bounds memory access")
(assert_trap (invoke "i64.load" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "v128.load" (i32.const 65535)) "out of bounds memory access")

;; Read-only section: reads work from its first byte; it holds the data segment.
(assert_return (invoke "i32.load8_u" (i32.const 65536)) (i32.const 0x72))
(assert_return (invoke "i32.load16_u" (i32.const 65536)) (i32.const 0x6572))
(assert_return (invoke "i32.load" (i32.const 65536)) (i32.const 0x64616572))
(assert_return (invoke "i64.load" (i32.const 65536)) (i64.const 0x6c6e6f2d64616572))
(assert_return (invoke "f32.load" (i32.const 65600)) (f32.const 0))
(assert_return (invoke "f64.load" (i32.const 65600)) (f64.const 0))
(assert_return (invoke "v128.load" (i32.const 65536)) (i32.const 0x64616572))
(assert_return (invoke "i32.load8_u" (i32.const 131071)) (i32.const 0))
;; Writes to it trap, at both ends and straddling into the read-write section.
(assert_trap (invoke "i32.store8" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "i32.store8" (i32.const 131071)) "out of bounds memory access")
(assert_trap (invoke "i32.store16" (i32.const 131071)) "out of bounds memory access")
(assert_trap (invoke "i32.store" (i32.const 131070)) "out of bounds memory access")
(assert_trap (invoke "i64.store" (i32.const 131068)) "out of bounds memory access")
(assert_trap (invoke "f32.store" (i32.const 131069)) "out of bounds memory access")
(assert_trap (invoke "f64.store" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "v128.store" (i32.const 131064)) "out of bounds memory access")
;; and writes below it too.
(assert_trap (invoke "i32.store8" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "i32.store" (i32.const 65534)) "out of bounds memory access")
;; The failed writes changed nothing.
(assert_return (invoke "i32.load" (i32.const 65536)) (i32.const 0x64616572))
(assert_return (invoke "i32.load" (i32.const 131068)) (i32.const 0))

;; Read-write section: everything works from its first byte to the end.
(assert_return (invoke "i32.load" (i32.const 131072)) (i32.const 0x04030201))
(assert_return (invoke "i32.store8" (i32.const 131072)))
(assert_return (invoke "i32.load8_u" (i32.const 131072)) (i32.const 1))
(assert_return (invoke "i32.store16" (i32.const 131072)))
(assert_return (invoke "i32.store" (i32.const 131072)))
(assert_return (invoke "i64.store" (i32.const 131072)))
(assert_return (invoke "i64.load" (i32.const 131072)) (i64.const 1))
(assert_return (invoke "f32.store" (i32.const 196604)))
(assert_return (invoke "f32.load" (i32.const 196604)) (f32.const 1))
(assert_return (invoke "f64.store" (i32.const 196600)))
(assert_return (invoke "f64.load" (i32.const 196600)) (f64.const 1))
(assert_return (invoke "v128.store" (i32.const 196592)))
(assert_return (invoke "v128.load" (i32.const 196592)) (i32.const 1))
(assert_trap (invoke "i32.store" (i32.const 196605)) "out of bounds memory access")
(assert_trap (invoke "i32.load" (i32.const 196605)) "out of bounds memory access")

;; Bulk memory obeys the sections; a trapping operation writes nothing.
(assert_trap (invoke "fill" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "fill" (i32.const 131071) (i32.const 2)) "out of bounds memory access")
(assert_trap (invoke "fill" (i32.const 0) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "fill" (i32.const 131072) (i32.const 16)))
(assert_return (invoke "fill" (i32.const 65536) (i32.const 0)))
(assert_return (invoke "i32.load" (i32.const 65536)) (i32.const 0x64616572))
;; copy from read-only to read-write works; into read-only, or out of no-access, traps.
(assert_return (invoke "copy" (i32.const 131072) (i32.const 65536) (i32.const 4)))
(assert_return (invoke "i32.load" (i32.const 131072)) (i32.const 0x64616572))
(assert_trap (invoke "copy" (i32.const 65536) (i32.const 131072) (i32.const 4)) "out of bounds memory access")
(assert_trap (invoke "copy" (i32.const 131072) (i32.const 65534) (i32.const 4)) "out of bounds memory access")
(assert_trap (invoke "copy" (i32.const 131070) (i32.const 131072) (i32.const 4)) "out of bounds memory access")
;; memory.init after instantiation cannot write the read-only section.
(assert_trap (invoke "init" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "init" (i32.const 131072) (i32.const 4)))
(assert_return (invoke "i32.load8_u" (i32.const 131072)) (i32.const 0x72))
;; memory.discard is a write.
(assert_trap (invoke "discard" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const 0) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "discard" (i32.const 131072) (i32.const 1)))
(assert_return (invoke "i32.load" (i32.const 131072)) (i32.const 0))
(assert_return (invoke "i32.load8_u" (i32.const 65536)) (i32.const 0x72))

;; Only the read-write section grows: the maximum counts it (3), plus the fixed sections.
(assert_return (invoke "grow" (i32.const 2)) (i32.const 3))
(assert_return (invoke "size") (i32.const 5))
(assert_return (invoke "grow" (i32.const 1)) (i32.const -1))
(assert_return (invoke "i32.store" (i32.const 327676)))
(assert_return (invoke "i32.load" (i32.const 327676)) (i32.const 1))
(assert_trap (invoke "i32.load8_u" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "i32.store8" (i32.const 65536)) "out of bounds memory access")

;; Atomics obey the sections.
(module
  (memory 1 1 shared (no-access 1) (read-only 1))
  (data (i32.const 65536) "\2a\00\00\00")
  (func (export "load") (param i32) (result i32) (i32.atomic.load (local.get 0)))
  (func (export "store") (param i32) (i32.atomic.store (local.get 0) (i32.const 7)))
  (func (export "add") (param i32) (result i32) (i32.atomic.rmw.add (local.get 0) (i32.const 1)))
  (func (export "cmpxchg") (param i32) (result i32)
    (i32.atomic.rmw.cmpxchg (local.get 0) (i32.const 42) (i32.const 0))))
(assert_trap (invoke "load" (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "load" (i32.const 65536)) (i32.const 42))
(assert_trap (invoke "store" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "add" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "cmpxchg" (i32.const 65536)) "out of bounds memory access")
(assert_return (invoke "load" (i32.const 65536)) (i32.const 42))
(assert_return (invoke "store" (i32.const 131072)))
(assert_return (invoke "add" (i32.const 131072)) (i32.const 7))
(assert_return (invoke "load" (i32.const 131072)) (i32.const 8))

;; Only a no-access page: the classic null-pointer guard.
(module
  (memory 1 (no-access 1))
  (func (export "deref") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "store") (param i32) (i32.store (local.get 0) (i32.const 5))))
(assert_trap (invoke "deref" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "store" (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "store" (i32.const 65536)))
(assert_return (invoke "deref" (i32.const 65536)) (i32.const 5))

;; Data segments cannot write the no-access section, which fails instantiation.
(assert_trap
  (module (memory 1 (no-access 1)) (data (i32.const 0) "x"))
  "out of bounds memory access")
;; An imported protected memory is already locked: a data segment for its read-only section traps.
(module (memory (export "ro") 1 (read-only 1)))
(register "protected")
(assert_trap
  (module (memory (import "protected" "ro") 1 (read-only 1)) (data (i32.const 0) "x"))
  "out of bounds memory access")
(module (memory (import "protected" "ro") 1 (read-only 1)) (data (i32.const 65536) "x"))
;; Imports must agree on the sections.
(assert_unlinkable
  (module (memory (import "protected" "ro") 1))
  "incompatible import type")
(assert_unlinkable
  (module (memory (import "protected" "ro") 1 (no-access 1)))
  "incompatible import type")

;; Encoding: limits flag 0x10, followed by the no-access and read-only page counts.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\01\7f\00"               ;; type: (func (param i32))
  "\03\02\01\00"                        ;; func
  "\05\06\01\11\01\02\01\01"            ;; memory: flags 0x11 (max, protection), min 1, max 2, no-access 1, read-only 1
  "\07\09\01\05store\00\00"             ;; export "store"
  "\0a\0b\01\09\00\20\00\41\00\36\02\00\0b"   ;; i32.store (local.get 0) (i32.const 0)
)
(assert_trap (invoke "store" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "store" (i32.const 65536)) "out of bounds memory access")
(assert_return (invoke "store" (i32.const 131072)))
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\05\04\01\10\01\01")               ;; read-only count missing
  "unexpected end")
(assert_invalid
  (module (memory 1 2 (no-access 65536)))
  "memory size")

;; static-protection.md's positional form: no-access read-only read-write-min read-write-max?
(module
  (memory 1 1 2 4)
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store") (param i32) (i32.store8 (local.get 0) (i32.const 9))))
(assert_return (invoke "size") (i32.const 4))
(assert_trap (invoke "load" (i32.const 65535)) "out of bounds memory access")
(assert_return (invoke "load" (i32.const 65536)) (i32.const 0))
(assert_trap (invoke "store" (i32.const 131071)) "out of bounds memory access")
(assert_return (invoke "store" (i32.const 131072)))
(assert_return (invoke "load" (i32.const 131072)) (i32.const 9))
(assert_return (invoke "grow" (i32.const 2)) (i32.const 4))
(assert_return (invoke "grow" (i32.const 1)) (i32.const -1))
(module
  (memory (export "m") 2 0 1)
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))
(assert_trap (invoke "load" (i32.const 131071)) "out of bounds memory access")
(assert_return (invoke "load" (i32.const 131072)) (i32.const 0))
(register "positional" )
(module (memory (import "positional" "m") 2 0 1))
(assert_unlinkable
  (module (memory (import "positional" "m") 3))
  "incompatible import type")

;; Import matching compares read-write sections: the exporter below has 1 read-write page (3 in all), so an
;; importer asking for 2 read-write pages must not link, although the exporter's total of 3 pages is more.
(module $exporter
  (memory (export "m") 1 3 (no-access 1) (read-only 1))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
(register "rw1")
(module (memory (import "rw1" "m") 1 3 (no-access 1) (read-only 1)))
(module (memory (import "rw1" "m") 0 (no-access 1) (read-only 1)))
(module (memory (import "rw1" "m") 1 4 (no-access 1) (read-only 1)))
(assert_unlinkable
  (module (memory (import "rw1" "m") 2 3 (no-access 1) (read-only 1)))
  "incompatible import type")
(assert_unlinkable
  (module (memory (import "rw1" "m") 3 (no-access 1) (read-only 1)))
  "incompatible import type")
;; The maximum counts the read-write section too: 3 is not within 2.
(assert_unlinkable
  (module (memory (import "rw1" "m") 1 2 (no-access 1) (read-only 1)))
  "incompatible import type")
;; Once the exporter has grown to 2 read-write pages, the importer asking for 2 links and sees them all.
(assert_return (invoke $exporter "grow" (i32.const 1)) (i32.const 3))
(module
  (memory (import "rw1" "m") 2 3 (no-access 1) (read-only 1))
  (func (export "size") (result i32) (memory.size))
  (func (export "store_last") (i32.store (i32.const 262140) (i32.const 1)))
  (func (export "load_last") (result i32) (i32.load (i32.const 262140))))
(assert_return (invoke "size") (i32.const 4))
(assert_return (invoke "store_last"))
(assert_return (invoke "load_last") (i32.const 1))
(assert_unlinkable
  (module (memory (import "rw1" "m") 3 3 (no-access 1) (read-only 1)))
  "incompatible import type")
;; The positional form means the same type.
(module (memory (import "rw1" "m") 1 1 2 3))
(assert_unlinkable
  (module (memory (import "rw1" "m") 1 1 3 3))
  "incompatible import type")
