;; Found by the differential fuzzer (binaryen seed 1001): split into regions (-Dwasm4j.compiler.splitAll), a
;; function whose only reference was the result of its return_call got no reference frame, and the driver's
;; read of the result from the frame threw a NullPointerException.
(module
  (global $n (mut i32) (i32.const 100))
  (func $callee (result externref) (ref.null extern))
  (func $nonnull (result (ref i31)) (ref.i31 (i32.const 7)))
  (func (export "tail call returning a reference") (result externref)
    (if (i32.eqz (global.get $n)) (then (unreachable)))
    (global.set $n (i32.sub (global.get $n) (i32.const 1)))
    (block (nop) (return_call $callee))
    (unreachable))
  (func (export "tail call returning an i31") (result i32)
    (call $tail)
    (i31.get_s))
  (func $tail (result (ref i31))
    (if (i32.eqz (global.get $n)) (then (unreachable)))
    (global.set $n (i32.sub (global.get $n) (i32.const 1)))
    (block (nop) (return_call $nonnull))
    (unreachable)))
(assert_return (invoke "tail call returning a reference") (ref.null extern))
(assert_return (invoke "tail call returning an i31") (i32.const 7))
