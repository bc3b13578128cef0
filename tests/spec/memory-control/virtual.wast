;; Virtual memories (memory control proposal, virtual.md): every page starts unmapped and traps on access;
;; memory.map maps fresh zero pages with a protection (none, read, readwrite) and returns the page-aligned
;; start address, memory.unmap unmaps (never trapping on unmapped pages), memory.protect changes the
;; protection of mapped pages. Address and size are aligned down and up to the 64 KiB page.
;; Traps: size 0 "invalid mapping size"; out of bounds "out of bounds memory access"; mapping over a
;; mapped page "overlapping mapping"; protecting an unmapped page "unmapped memory".
;; Encodings (wasm4j's): memory.map 0xFC 0x20 memidx prot, memory.unmap 0xFC 0x21 memidx,
;; memory.protect 0xFC 0x22 memidx prot; prot byte 0 none, 1 read, 2 readwrite; limits flag 0x20 = virtual.

(module
  (memory virtual 4 8)
  (func (export "map_rw") (param i32 i32) (result i32) (memory.map readwrite (local.get 0) (local.get 1)))
  (func (export "map_r") (param i32 i32) (result i32) (memory.map read (local.get 0) (local.get 1)))
  (func (export "map_none") (param i32 i32) (result i32) (memory.map none (local.get 0) (local.get 1)))
  (func (export "unmap") (param i32 i32) (memory.unmap (local.get 0) (local.get 1)))
  (func (export "protect_r") (param i32 i32) (memory.protect read (local.get 0) (local.get 1)))
  (func (export "protect_rw") (param i32 i32) (memory.protect readwrite (local.get 0) (local.get 1)))
  (func (export "protect_none") (param i32 i32) (memory.protect none (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1)))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
)

(assert_return (invoke "size") (i32.const 4))
;; Every page starts unmapped.
(assert_trap (invoke "load" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "load" (i32.const 131072)) "out of bounds memory access")
(assert_trap (invoke "store" (i32.const 0) (i32.const 1)) "out of bounds memory access")

;; map read-write: zero pages that can be read and written.
(assert_return (invoke "map_rw" (i32.const 0) (i32.const 65536)) (i32.const 0))
(assert_return (invoke "load" (i32.const 0)) (i32.const 0))
(assert_return (invoke "store" (i32.const 0) (i32.const 0x55aa)))
(assert_return (invoke "load" (i32.const 0)) (i32.const 0x55aa))
(assert_return (invoke "store" (i32.const 65532) (i32.const 9)))
(assert_trap (invoke "store" (i32.const 65534) (i32.const 9)) "out of bounds memory access")
(assert_trap (invoke "load" (i32.const 65536)) "out of bounds memory access")

;; Address rounded down, end rounded up; the aligned start is returned.
(assert_return (invoke "map_rw" (i32.const 65537) (i32.const 10)) (i32.const 65536))
(assert_return (invoke "load" (i32.const 65534)) (i32.const 0))
(assert_return (invoke "load" (i32.const 131068)) (i32.const 0))
(assert_trap (invoke "load" (i32.const 131069)) "out of bounds memory access")

;; Overlapping mappings trap and change nothing.
(assert_trap (invoke "map_rw" (i32.const 0) (i32.const 1)) "overlapping mapping")
(assert_trap (invoke "map_r" (i32.const 131071) (i32.const 2)) "overlapping mapping")
(assert_trap (invoke "load" (i32.const 131072)) "out of bounds memory access")
(assert_return (invoke "load" (i32.const 0)) (i32.const 0x55aa))

;; Size zero and out of bounds trap.
(assert_trap (invoke "map_rw" (i32.const 131072) (i32.const 0)) "invalid mapping size")
(assert_trap (invoke "map_rw" (i32.const 196608) (i32.const 65537)) "out of bounds memory access")
(assert_trap (invoke "map_rw" (i32.const 262144) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "map_rw" (i32.const -1) (i32.const 1)) "out of bounds memory access")

;; Read-only mapping: loads work, stores trap.
(assert_return (invoke "map_r" (i32.const 131072) (i32.const 65536)) (i32.const 131072))
(assert_return (invoke "load" (i32.const 131072)) (i32.const 0))
(assert_trap (invoke "store" (i32.const 131072) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "fill" (i32.const 131072) (i32.const 1) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "store" (i32.const 131070) (i32.const 1)) "out of bounds memory access")

;; A mapping with no access: mapped, yet every access traps.
(assert_return (invoke "map_none" (i32.const 196608) (i32.const 1)) (i32.const 196608))
(assert_trap (invoke "load" (i32.const 196608)) "out of bounds memory access")
(assert_trap (invoke "store" (i32.const 196608) (i32.const 1)) "out of bounds memory access")

;; protect: change protections of mapped pages.
(assert_return (invoke "protect_rw" (i32.const 196608) (i32.const 65536)))
(assert_return (invoke "store" (i32.const 196608) (i32.const 77)))
(assert_return (invoke "load" (i32.const 196608)) (i32.const 77))
(assert_return (invoke "protect_r" (i32.const 196608) (i32.const 1)))
(assert_return (invoke "load" (i32.const 196608)) (i32.const 77))
(assert_trap (invoke "store" (i32.const 196608) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "protect_none" (i32.const 0) (i32.const 65536)))
(assert_trap (invoke "load" (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "protect_rw" (i32.const 0) (i32.const 1)))
(assert_return (invoke "load" (i32.const 0)) (i32.const 0x55aa))
(assert_trap (invoke "protect_rw" (i32.const 0) (i32.const 0)) "invalid mapping size")
(assert_trap (invoke "protect_rw" (i32.const 0) (i32.const 262145)) "out of bounds memory access")

;; unmap: pages trap again; unmapping unmapped pages is fine; size zero traps.
(assert_return (invoke "unmap" (i32.const 0) (i32.const 65536)))
(assert_trap (invoke "load" (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "unmap" (i32.const 0) (i32.const 65536)))
(assert_trap (invoke "unmap" (i32.const 0) (i32.const 0)) "invalid mapping size")
(assert_trap (invoke "unmap" (i32.const 0) (i32.const 262145)) "out of bounds memory access")
;; protecting an unmapped page traps, even when other pages of the range are mapped.
(assert_trap (invoke "protect_r" (i32.const 0) (i32.const 65536)) "unmapped memory")
(assert_trap (invoke "protect_r" (i32.const 0) (i32.const 131072)) "unmapped memory")
(assert_return (invoke "load" (i32.const 65536)) (i32.const 0))
;; Mapping again gives zero pages.
(assert_return (invoke "map_rw" (i32.const 0) (i32.const 1)) (i32.const 0))
(assert_return (invoke "load" (i32.const 0)) (i32.const 0))
;; Unmapping a range of mixed pages unmaps them all.
(assert_return (invoke "unmap" (i32.const 0) (i32.const 262144)))
(assert_trap (invoke "load" (i32.const 65536)) "out of bounds memory access")
(assert_trap (invoke "load" (i32.const 196608)) "out of bounds memory access")

;; discard zeroes mapped pages and keeps their mapping.
(assert_return (invoke "map_rw" (i32.const 0) (i32.const 65536)) (i32.const 0))
(assert_return (invoke "store" (i32.const 16) (i32.const 3)))
(assert_return (invoke "discard" (i32.const 16) (i32.const 4)))
(assert_return (invoke "load" (i32.const 16)) (i32.const 0))
(assert_return (invoke "store" (i32.const 16) (i32.const 4)))
(assert_return (invoke "load" (i32.const 16)) (i32.const 4))
(assert_trap (invoke "discard" (i32.const 65536) (i32.const 1)) "out of bounds memory access")

;; Grown pages start unmapped too.
(assert_return (invoke "grow" (i32.const 1)) (i32.const 4))
(assert_trap (invoke "load" (i32.const 262144)) "out of bounds memory access")
(assert_return (invoke "map_rw" (i32.const 262144) (i32.const 65536)) (i32.const 262144))
(assert_return (invoke "store" (i32.const 327676) (i32.const 1)))
(assert_return (invoke "load" (i32.const 327676)) (i32.const 1))

;; Active data segments map their pages read-only during instantiation.
(module
  (memory virtual 2)
  (data (i32.const 65540) "\07")
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store8") (param i32) (i32.store8 (local.get 0) (i32.const 1)))
  (func (export "protect_rw") (param i32 i32) (memory.protect readwrite (local.get 0) (local.get 1))))
(assert_return (invoke "load8" (i32.const 65540)) (i32.const 7))
(assert_return (invoke "load8" (i32.const 65536)) (i32.const 0))
(assert_trap (invoke "load8" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "store8" (i32.const 65540)) "out of bounds memory access")
(assert_return (invoke "protect_rw" (i32.const 65536) (i32.const 1)))
(assert_return (invoke "store8" (i32.const 65540)))
(assert_return (invoke "load8" (i32.const 65540)) (i32.const 1))

;; A virtual memory64.
(module
  (memory virtual i64 2)
  (func (export "map") (param i64 i64) (result i64) (memory.map readwrite (local.get 0) (local.get 1)))
  (func (export "load") (param i64) (result i64) (i64.load (local.get 0))))
(assert_trap (invoke "load" (i64.const 0)) "out of bounds memory access")
(assert_return (invoke "map" (i64.const 65536) (i64.const 8)) (i64.const 65536))
(assert_return (invoke "load" (i64.const 65536)) (i64.const 0))
(assert_trap (invoke "map" (i64.const 0x1_0000_0000) (i64.const 1)) "out of bounds memory access")

;; Typing: map/unmap/protect need a virtual memory and operands of its address type.
(assert_invalid
  (module (memory 1) (func (drop (memory.map readwrite (i32.const 0) (i32.const 1)))))
  "memory.map requires a virtual memory")
(assert_invalid
  (module (memory 1) (func (memory.unmap (i32.const 0) (i32.const 1))))
  "memory.unmap requires a virtual memory")
(assert_invalid
  (module (memory 1) (func (memory.protect read (i32.const 0) (i32.const 1))))
  "memory.protect requires a virtual memory")
(assert_invalid
  (module (memory virtual 1) (func (memory.map readwrite (i32.const 0) (i32.const 1))))
  "type mismatch")
(assert_invalid
  (module (memory virtual 1) (func (drop (memory.map readwrite (i64.const 0) (i32.const 1)))))
  "type mismatch")
(assert_invalid
  (module (memory virtual i64 1) (func (memory.unmap (i32.const 0) (i32.const 1))))
  "type mismatch")
(assert_invalid
  (module (func (memory.unmap (i32.const 0) (i32.const 1))))
  "unknown memory")
(assert_malformed
  (module quote "(memory virtual 1) (func (drop (memory.map writeonly (i32.const 0) (i32.const 1))))")
  "unknown operator")

;; Encoding: a virtual memory (flag 0x20) and memory.map/unmap/protect (0xFC 0x20/0x21/0x22).
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"               ;; type: (func (result i32))
  "\03\02\01\00"                        ;; func
  "\05\03\01\20\01"                     ;; memory: flags 0x20 (virtual), min 1
  "\07\07\01\03run\00\00"               ;; export "run"
  "\0a\21\01\1f\00"
  "\41\00\41\01\fc\20\00\02\1a"         ;; (drop (memory.map readwrite (i32.const 0) (i32.const 1)))
  "\41\00\41\01\fc\22\00\01"            ;; (memory.protect read (i32.const 0) (i32.const 1))
  "\41\00\28\02\00"                     ;; (i32.load (i32.const 0))
  "\41\00\41\01\fc\21\00"               ;; (memory.unmap (i32.const 0) (i32.const 1))
  "\0b")
(assert_return (invoke "run") (i32.const 0))
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00" "\05\03\01\20\01"
    "\0a\0c\01\0a\00\41\00\41\01\fc\22\00\03\0b")   ;; protection byte 3 does not exist
  "malformed memory protection")

;; Large virtual memories (virtual.md: "tens or potentially even hundreds of gigabytes"): 256 GiB of
;; address space, of which a few pages are mapped. Only mapped pages cost memory.
(module
  (memory virtual i64 4194304)
  (func (export "size") (result i64) (memory.size))
  (func (export "map") (param i64) (result i64) (memory.map readwrite (local.get 0) (i64.const 65536)))
  (func (export "unmap") (param i64) (memory.unmap (local.get 0) (i64.const 65536)))
  (func (export "store") (param i64 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "load") (param i64) (result i64) (i64.load (local.get 0))))
(assert_return (invoke "size") (i64.const 4194304))
(assert_return (invoke "map" (i64.const 0)) (i64.const 0))
(assert_return (invoke "map" (i64.const 0x10_0000_0008)) (i64.const 0x10_0000_0000))
(assert_return (invoke "map" (i64.const 0x3F_FFFF_0000)) (i64.const 0x3F_FFFF_0000))
(assert_return (invoke "store" (i64.const 0x10_0000_0008) (i64.const 64)))
(assert_return (invoke "store" (i64.const 0x3F_FFFF_FFF8) (i64.const 256)))
(assert_return (invoke "load" (i64.const 0x10_0000_0008)) (i64.const 64))
(assert_return (invoke "load" (i64.const 0x3F_FFFF_FFF8)) (i64.const 256))
(assert_return (invoke "load" (i64.const 0)) (i64.const 0))
(assert_trap (invoke "load" (i64.const 0x20_0000_0000)) "out of bounds memory access")
(assert_trap (invoke "load" (i64.const 0x3F_FFFF_FFF9)) "out of bounds memory access")
(assert_trap (invoke "map" (i64.const 0x40_0000_0000)) "out of bounds memory access")
(assert_return (invoke "unmap" (i64.const 0x10_0000_0000)))
(assert_trap (invoke "load" (i64.const 0x10_0000_0008)) "out of bounds memory access")
(assert_return (invoke "load" (i64.const 0x3F_FFFF_FFF8)) (i64.const 256))

;; A virtual memory64 without a maximum grows far past 16 GiB (wasm4j reserves 1 TiB for it).
(module
  (memory virtual i64 1)
  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
  (func (export "map") (param i64) (result i64) (memory.map readwrite (local.get 0) (i64.const 1)))
  (func (export "store") (param i64 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "load") (param i64) (result i64) (i64.load (local.get 0))))
(assert_return (invoke "grow" (i64.const 4194303)) (i64.const 1))
(assert_return (invoke "map" (i64.const 0x3F_0000_0000)) (i64.const 0x3F_0000_0000))
(assert_return (invoke "store" (i64.const 0x3F_0000_0010) (i64.const 7)))
(assert_return (invoke "load" (i64.const 0x3F_0000_0010)) (i64.const 7))
