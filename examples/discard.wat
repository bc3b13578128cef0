;; memory.discard at work: a program that allocates, uses and frees big buffers in a loop, and gives the
;; freed pages back to the OS. Watch the resident line fall while the committed size stays:
;;   ./wasm4j run --memory-trace trace.svg examples/discard.wat
(module
  (memory (export "memory") 1 16384)
  (global $mib i32 (i32.const 1048576))

  ;; Some computation, so that the phases are visible in the trace.
  (func $work (param $n i32)
    (local $x i32)
    (loop $l
      (local.set $x (i32.add (local.get $x) (i32.mul (local.get $n) (i32.const 7))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get $n) (i32.const 0)))))

  ;; "malloc": make sure [base, base + size) exists and write to every page of it.
  (func $alloc (param $base i32) (param $size i32)
    (local $pages i32)
    (local.set $pages (i32.shr_u (i32.add (i32.add (local.get $base) (local.get $size)) (i32.const 65535)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then (drop (memory.grow (i32.sub (local.get $pages) (memory.size))))))
    (memory.fill (local.get $base) (i32.const 0xAB) (local.get $size)))

  ;; "free": the pages go back to the OS; they read as zero if used again.
  (func $free (param $base i32) (param $size i32)
    (memory.discard (local.get $base) (local.get $size)))

  (func (export "_start")
    (local $round i32)
    (loop $rounds
      ;; allocate 4 buffers of 64 MiB, work, free 3 of them
      (call $alloc (i32.const 0) (i32.mul (i32.const 256) (global.get $mib)))
      (call $work (i32.const 3000000))
      (call $free (i32.mul (i32.const 64) (global.get $mib)) (i32.mul (i32.const 192) (global.get $mib)))
      (call $work (i32.const 3000000))
      ;; then free everything
      (call $free (i32.const 0) (i32.mul (i32.const 64) (global.get $mib)))
      (call $work (i32.const 3000000))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $round) (i32.const 3))))))
