;; Virtual memories with static protection (virtual.md: virtual "could also compose with static memory
;; protection"). (memory virtual min max (no-access N) (read-only M)): the first N pages are fixed no-access,
;; the next M fixed read-only, as in static-protection.md, and the virtual section follows, every page of it
;; starting unmapped. Sizes count as static-protection.md says: min and max count the virtual (read-write)
;; section, memory.size counts every page, only the virtual section grows. memory.map, memory.unmap and
;; memory.protect work on the virtual section only: a range that reaches into a fixed section is out of
;; bounds, so they can never override the static protection. Active data segments may write the read-only
;; section during instantiation, and map the virtual pages they touch read-only.

(module
  (memory (export "mem") virtual 2 4 (no-access 1) (read-only 1))
  (data (i32.const 65536) "ro")
  (data (i32.const 196608) "v")
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "store8") (param i32) (i32.store8 (local.get 0) (i32.const 9)))
  (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 1) (local.get 1)))
  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1)))
  (func (export "map_rw") (param i32 i32) (result i32) (memory.map readwrite (local.get 0) (local.get 1)))
  (func (export "map_r") (param i32 i32) (result i32) (memory.map read (local.get 0) (local.get 1)))
  (func (export "unmap") (param i32 i32) (memory.unmap (local.get 0) (local.get 1)))
  (func (export "protect_rw") (param i32 i32) (memory.protect readwrite (local.get 0) (local.get 1)))
  (func (export "protect_r") (param i32 i32) (memory.protect read (local.get 0) (local.get 1)))
  (func (export "protect_none") (param i32 i32) (memory.protect none (local.get 0) (local.get 1)))
)

;; 1 no-access + 1 read-only + 2 virtual pages.
(assert_return (invoke "size") (i32.const 4))

;; The no-access page traps on every access, the read-only page reads (its data segment, zeros elsewhere).
(assert_trap (invoke "load8" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "load8" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "store8" (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0x72))
(assert_return (invoke "load8" (i32.const 65537)) (i32.const 0x6f))
(assert_return (invoke "load8" (i32.const 131071)) (i32.const 0))
(assert_trap (invoke "load" (i32.const 65534)) "out of bounds memory access")
(assert_trap (invoke "store8" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "fill" (i32.const 131071) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "discard" (i32.const 65536) (i32.const 1)) "out of bounds memory access")

;; The virtual section: page 2 is unmapped, page 3 was mapped read-only by its data segment.
(assert_trap (invoke "load8" (i32.const 131072)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 196608)) (i32.const 0x76))
(assert_trap (invoke "store8" (i32.const 196608)) "out of bounds memory access")
;; A load straddling the read-only section and an unmapped page traps.
(assert_trap (invoke "load" (i32.const 131070)) "out of bounds memory access")

;; map, unmap and protect cannot reach into the fixed sections, wherever the range starts or ends.
(assert_trap (invoke "map_rw" (i32.const 0) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "map_rw" (i32.const 65536) (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "map_rw" (i32.const 131071) (i32.const 2)) "out of bounds memory access")
(assert_trap (invoke "unmap" (i32.const 0) (i32.const 262144)) "out of bounds memory access")
(assert_trap (invoke "unmap" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "protect_rw" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "protect_rw" (i32.const 0) (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "protect_none" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
;; Nothing changed: the read-only page still reads, and still cannot be written.
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0x72))
(assert_trap (invoke "store8" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "load8" (i32.const 131072)) "out of bounds memory access")

;; The virtual section works as in any virtual memory: map, write, protect, discard, unmap.
(assert_return (invoke "map_rw" (i32.const 131072) (i32.const 1)) (i32.const 131072))
(assert_return (invoke "store8" (i32.const 131072)))
(assert_return (invoke "load8" (i32.const 131072)) (i32.const 9))
(assert_trap (invoke "map_r" (i32.const 131072) (i32.const 65536)) "overlapping mapping")
(assert_return (invoke "protect_r" (i32.const 131072) (i32.const 1)))
(assert_trap (invoke "store8" (i32.const 131072)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 131072)) (i32.const 9))
(assert_return (invoke "protect_rw" (i32.const 131072) (i32.const 131072)))
(assert_return (invoke "store8" (i32.const 196609)))
(assert_return (invoke "load8" (i32.const 196608)) (i32.const 0x76))
(assert_return (invoke "discard" (i32.const 131072) (i32.const 131072)))
(assert_return (invoke "load8" (i32.const 131072)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 196608)) (i32.const 0))
(assert_return (invoke "unmap" (i32.const 131072) (i32.const 131072)))
(assert_trap (invoke "load8" (i32.const 131072)) "out of bounds memory access")
(assert_trap (invoke "protect_r" (i32.const 131072) (i32.const 1)) "unmapped memory")
;; A copy from the read-only section into the virtual section works once it is mapped read-write.
(assert_return (invoke "map_rw" (i32.const 131072) (i32.const 1)) (i32.const 131072))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0x72))

;; Growth adds unmapped pages to the virtual section; the maximum counts the virtual section (4) only.
(assert_return (invoke "grow" (i32.const 2)) (i32.const 4))
(assert_return (invoke "size") (i32.const 6))
(assert_return (invoke "grow" (i32.const 1)) (i32.const -1))
(assert_trap (invoke "load8" (i32.const 327680)) "out of bounds memory access")
(assert_return (invoke "map_rw" (i32.const 327680) (i32.const 65536)) (i32.const 327680))
(assert_return (invoke "store8" (i32.const 393215)))
(assert_return (invoke "load8" (i32.const 393215)) (i32.const 9))
(assert_trap (invoke "load8" (i32.const 393216)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0x72))

;; Data segments cannot write the no-access section.
(assert_trap
  (module (memory virtual 1 (no-access 1)) (data (i32.const 0) "x"))
  "out of bounds memory access")
;; An imported protected virtual memory is locked: data for its read-only section traps, and data for its
;; virtual section maps and writes as usual.
(module $vp2 (memory (export "mem") virtual 1 2 (no-access 1) (read-only 1)))
(register "vp2" $vp2)
(assert_trap
  (module (memory (import "vp2" "mem") virtual 1 2 (no-access 1) (read-only 1)) (data (i32.const 65536) "x"))
  "out of bounds memory access")
(module
  (memory (import "vp2" "mem") virtual 1 2 (no-access 1) (read-only 1))
  (data (i32.const 131073) "y")
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0))))
(assert_return (invoke "load8" (i32.const 131073)) (i32.const 0x79))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0))

;; Import matching compares every part of the type: virtual mode, sections, read-write limits.
(module (memory (import "vp2" "mem") virtual 1 (no-access 1) (read-only 1)))
(assert_unlinkable
  (module (memory (import "vp2" "mem") 1 2 (no-access 1) (read-only 1)))
  "incompatible import type")
(assert_unlinkable
  (module (memory (import "vp2" "mem") virtual 1 2))
  "incompatible import type")
(assert_unlinkable
  (module (memory (import "vp2" "mem") virtual 1 2 (no-access 1)))
  "incompatible import type")
(assert_unlinkable
  (module (memory (import "vp2" "mem") virtual 2 (no-access 1) (read-only 1)))
  "incompatible import type")

;; 64-bit addresses compose too; the sections are u64 in the binary format.
(module
  (memory virtual i64 1 (no-access 1) (read-only 1))
  (func (export "size") (result i64) (memory.size))
  (func (export "map") (param i64 i64) (result i64) (memory.map readwrite (local.get 0) (local.get 1)))
  (func (export "load8") (param i64) (result i32) (i32.load8_u (local.get 0))))
(assert_return (invoke "size") (i64.const 3))
(assert_trap (invoke "map" (i64.const 65536) (i64.const 1)) "out of bounds memory access")
(assert_return (invoke "map" (i64.const 131072) (i64.const 1)) (i64.const 131072))
(assert_return (invoke "load8" (i64.const 131072)) (i32.const 0))
(assert_trap (invoke "load8" (i64.const 0)) "out of bounds memory access")
(assert_return (invoke "load8" (i64.const 65536)) (i32.const 0))

;; Binary: flags 0x31 = max, static protection, virtual; min 1, max 2, no-access 1, read-only 1.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"               ;; type: (func (result i32))
  "\03\02\01\00"                        ;; func
  "\05\06\01\31\01\02\01\01"            ;; memory
  "\07\08\01\04size\00\00"              ;; export "size"
  "\0a\06\01\04\00\3f\00\0b")           ;; (memory.size)
(assert_return (invoke "size") (i32.const 3))
(assert_invalid
  (module (memory virtual 1 (no-access 65535) (read-only 1)))
  "memory size")
