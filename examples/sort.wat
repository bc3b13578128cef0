;; A memory-heavy kernel: fills memory with n pseudo-random i32s (xorshift) and sorts them in place with
;; an iterative quicksort (n up to 1.5 million fits the 8 MiB memory); returns a checksum (1 if sorted, plus the sum of every 1000th element).
;; ./wasm4j run --invoke sort examples/sort.wat 1000000
(module
  (memory (export "memory") 128)

  (func $fill (param $n i32)
    (local $i i32) (local $x i32)
    (local.set $x (i32.const 2463534242))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
        (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
        (i32.store (i32.shl (local.get $i) (i32.const 2)) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Lomuto partition of [lo, hi] (element indices); returns the pivot's final index.
  (func $partition (param $lo i32) (param $hi i32) (result i32)
    (local $pivot i32) (local $i i32) (local $j i32) (local $t i32)
    (local.set $pivot (i32.load (i32.shl (local.get $hi) (i32.const 2))))
    (local.set $i (local.get $lo))
    (local.set $j (local.get $lo))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $j) (local.get $hi)))
        (if (i32.lt_s (i32.load (i32.shl (local.get $j) (i32.const 2))) (local.get $pivot))
          (then
            (local.set $t (i32.load (i32.shl (local.get $i) (i32.const 2))))
            (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.load (i32.shl (local.get $j) (i32.const 2))))
            (i32.store (i32.shl (local.get $j) (i32.const 2)) (local.get $t))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (local.set $t (i32.load (i32.shl (local.get $i) (i32.const 2))))
    (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.load (i32.shl (local.get $hi) (i32.const 2))))
    (i32.store (i32.shl (local.get $hi) (i32.const 2)) (local.get $t))
    (local.get $i))

  ;; Quicksort with an explicit stack of (lo, hi) pairs above the data.
  (func $quicksort (param $n i32)
    (local $sp i32) (local $lo i32) (local $hi i32) (local $p i32) (local $base i32)
    (local.set $base (i32.shl (local.get $n) (i32.const 2)))
    (i32.store (local.get $base) (i32.const 0))
    (i32.store offset=4 (local.get $base) (i32.sub (local.get $n) (i32.const 1)))
    (local.set $sp (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $sp)))
        (local.set $sp (i32.sub (local.get $sp) (i32.const 1)))
        (local.set $lo (i32.load (i32.add (local.get $base) (i32.shl (local.get $sp) (i32.const 3)))))
        (local.set $hi (i32.load offset=4 (i32.add (local.get $base) (i32.shl (local.get $sp) (i32.const 3)))))
        (if (i32.lt_s (local.get $lo) (local.get $hi))
          (then
            (local.set $p (call $partition (local.get $lo) (local.get $hi)))
            (i32.store (i32.add (local.get $base) (i32.shl (local.get $sp) (i32.const 3))) (local.get $lo))
            (i32.store offset=4 (i32.add (local.get $base) (i32.shl (local.get $sp) (i32.const 3)))
              (i32.sub (local.get $p) (i32.const 1)))
            (local.set $sp (i32.add (local.get $sp) (i32.const 1)))
            (i32.store (i32.add (local.get $base) (i32.shl (local.get $sp) (i32.const 3)))
              (i32.add (local.get $p) (i32.const 1)))
            (i32.store offset=4 (i32.add (local.get $base) (i32.shl (local.get $sp) (i32.const 3))) (local.get $hi))
            (local.set $sp (i32.add (local.get $sp) (i32.const 1)))))
        (br $next))))

  (func (export "sort") (param $n i32) (result i32)
    (local $i i32) (local $ok i32) (local $sum i32)
    (call $fill (local.get $n))
    (call $quicksort (local.get $n))
    (local.set $ok (i32.const 1))
    (local.set $i (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.gt_s (i32.load (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))
                      (i32.load (i32.shl (local.get $i) (i32.const 2))))
          (then (local.set $ok (i32.const 0))))
        (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 1000)))
          (then (local.set $sum (i32.add (local.get $sum) (i32.load (i32.shl (local.get $i) (i32.const 2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (local.get $ok) (local.get $sum))))
