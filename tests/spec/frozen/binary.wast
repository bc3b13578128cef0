;; The frozen proposal's binary encodings, chosen by wasm4j (docs/proposals/frozen.md "Binary format"):
;;   type section:   0x4B ct               freezable ct
;;                   0x4A x:typeidx ct     (freeze x) ct       (after 0x50/0x4F x* when there is one)
;;   global section: t 0x05 expr           mutable and freezable
;;                   t 0x08 x:globalidx    frozen global freezing global x (no initializer)
;;   phase section:  id 16, after start:   vec(kind:u8 index:u32 phase:u32); kind 0 function, 1 global,
;;                                         2 start function of a phase
;;   ref.freeze x y: 0xFB 0x30 x:typeidx y:typeidx

;; ---- well-formed

(module binary
  "\00asm" "\01\00\00\00"
  "\01\0e\02"                          ;; type section, 2 types
  "\4b\5f\01\63\00\01"                 ;; 0: freezable (struct (field (mut (ref null 0))))
  "\4a\00\5f\01\64\01\00"              ;; 1: (freeze 0) (struct (field (ref 1)))
)

(module binary
  "\00asm" "\01\00\00\00"
  "\01\12\02"                          ;; type section, 2 types
  "\50\00\4b\5f\01\63\00\01"           ;; 0: (sub freezable (struct (field (mut (ref null 0)))))
  "\4f\00\4a\00\5f\01\64\01\00"        ;; 1: (sub final (freeze 0) (struct (field (ref 1))))
)

;; Every encoding at once, and it runs: ref.freeze, a freezable global frozen into a global of phase 1
;; (its default phase), read by a function of phase 1.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\10\03"                          ;; type section, 3 types
  "\4b\5f\01\7f\01"                    ;; 0: freezable (struct (field (mut i32)))
  "\4a\00\5f\01\7f\00"                 ;; 1: (freeze 0) (struct (field i32))
  "\60\00\01\7f"                       ;; 2: (func (result i32))
  "\03\03\02\02\02"                    ;; function section: two functions of type 2
  "\06\09\02"                          ;; global section, 2 globals
  "\7f\05\41\05\0b"                    ;; 0: (mut i32) freezable (i32.const 5)
  "\7f\08\00"                          ;; 1: i32 (freeze 0)
  "\07\10\02"                          ;; export section
  "\03get\00\00"                       ;; "get" function 0
  "\06freeze\00\01"                    ;; "freeze" function 1
  "\10\04\01"                          ;; phase section, 1 entry
  "\00\00\01"                          ;; function 0 has phase 1
  "\0a\16\02"                          ;; code section, 2 bodies
  "\04\00\23\01\0b"                    ;; global.get 1
  "\0f\00\41\07\fb\00\00\fb\30\01\00\fb\02\01\00\0b"
                                       ;; struct.new 0 (i32.const 7), ref.freeze 1 0, struct.get 1 0
)
(assert_return (invoke "get") (i32.const 5))
(assert_return (invoke "freeze") (i32.const 7))

;; Phases in the phase section: global 0 of phase 2 (kind 1), functions 0 and 1 of phase 2 (kind 0), and
;; function 0 as the start function of phase 2 (kind 2).
(module binary
  "\00asm" "\01\00\00\00"
  "\01\08\02\60\00\00\60\00\01\7f"     ;; type section: (func), (func (result i32))
  "\03\03\02\00\01"                    ;; function section
  "\06\06\01\7f\01\41\00\0b"           ;; global 0: (mut i32) (i32.const 0)
  "\07\05\01\01\67\00\01"              ;; export "g" (func 1)
  "\10\0d\04"                          ;; phase section, 4 entries
  "\01\00\02"                          ;;   global 0: phase 2
  "\00\00\02"                          ;;   function 0: phase 2
  "\02\00\02"                          ;;   start of phase 2: function 0
  "\00\01\02"                          ;;   function 1: phase 2
  "\0a\0d\02"                          ;; code section
  "\06\00\41\09\24\00\0b"              ;;   global.set 0 (i32.const 9)
  "\04\00\23\00\0b"                    ;;   global.get 0
)
(assert_return (invoke "g") (i32.const 9))

;; ---- malformed

;; Two clauses before one composite type: the second is not a composite type.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\4b\4b\5f\00"            ;; freezable freezable (struct)
  )
  "malformed definition type")

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\09\02\4b\5f\00\4a\00\4b\5f\00" ;; (freeze 0) freezable (struct)
  )
  "malformed definition type")

;; The clause comes after the sub header, not before it.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\06\01\4b\50\00\5f\00"         ;; freezable (sub (struct))
  )
  "malformed definition type")

;; (freeze x) without its index.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\02\01\4a"                     ;; (freeze
  )
  "unexpected end")

;; Mutability bytes: 0x04 alone (freezable but immutable), 0x09 (frozen and mutable), 0x0d, 0x02, 0x10.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\06\01\7f\04\41\00\0b"
  )
  "malformed mutability")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\06\01\7f\02\41\00\0b"
  )
  "malformed mutability")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\09\02\7f\05\41\00\0b\7f\09\00"
  )
  "malformed mutability")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\09\02\7f\05\41\00\0b\7f\0d\00"
  )
  "malformed mutability")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\06\01\7f\10\41\00\0b"
  )
  "malformed mutability")

;; A frozen global without the index of the global it freezes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\08\02\7f\05\41\00\0b\7f\08"
  )
  "unexpected end")

;; Imports cannot be freezable or frozen.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\02\08\01\01m\01g\03\7f\05"       ;; (import "m" "g" (global (mut i32) freezable))
  )
  "malformed mutability")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\02\09\01\01m\01g\03\7f\08\00"    ;; (import "m" "g" (global i32 (freeze 0)))
  )
  "malformed mutability")

;; Phase section: an unknown kind; out of order (before start, or twice); truncated.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\10\04\01\03\00\01"               ;; kind 3
    "\0a\04\01\02\00\0b"
  )
  "malformed phase kind")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\10\04\01\00\00\01"
    "\08\01\00"                        ;; start section after the phase section
    "\0a\04\01\02\00\0b"
  )
  "unexpected content after last section")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\10\04\01\00\00\01"
    "\10\04\01\00\00\01"               ;; a second phase section
    "\0a\04\01\02\00\0b"
  )
  "unexpected content after last section")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\0a\04\01\02\00\0b"
    "\10\04\01\00\00\01"               ;; after the code section
  )
  "unexpected content after last section")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\10\03\01\00\00"                  ;; an entry without its phase
  )
  "unexpected end")

;; ref.freeze is 0xFB 0x30; the bytes around it are not (yet) instructions.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\0a\06\01\04\00\fb\31\0b"
  )
  "illegal opcode")
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\0a\06\01\04\00\fb\2f\0b"
  )
  "illegal opcode")

;; ---- invalid through the binary format only

;; A phase for an imported function, for a function that does not exist, twice for one function.
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"
    "\02\07\01\01m\01f\00\00"          ;; (import "m" "f" (func))
    "\10\04\01\00\00\01"               ;; function 0 (the import): phase 1
  )
  "imported function 0 cannot have a phase")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\10\04\01\00\05\01"               ;; function 5: phase 1
  )
  "unknown function 5")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\10\07\02\00\00\01\00\00\02"      ;; function 0: phase 1, then phase 2
    "\0a\04\01\02\00\0b"
  )
  "duplicate phase for function 0")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\06\01\7f\00\41\00\0b"
    "\10\07\02\01\00\01\01\00\02"      ;; global 0: phase 1, then phase 2
  )
  "duplicate phase for global 0")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\10\04\01\01\00\01"               ;; global 0, which does not exist
  )
  "unknown global 0")
;; Two start functions for phase 0: the start section and a phase entry.
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00" "\03\02\01\00"
    "\08\01\00"
    "\10\04\01\02\00\00"               ;; start of phase 0: function 0
    "\0a\04\01\02\00\0b"
  )
  "multiple start functions for phase 0")
;; A frozen global naming a global that does not exist, or itself.
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\04\01\7f\08\03"               ;; i32 (freeze 3)
  )
  "unknown global 3")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\06\04\01\7f\08\00"               ;; i32 (freeze 0): itself
  )
  "global 0 freezes global 0, which is not freezable")
