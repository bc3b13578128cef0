;; ref.freeze at run time (frozen proposal, docs/proposals/frozen.md "Execution"). wasm4j freezes in place:
;; every object reached gets its frozen type, nothing is copied, so cycles, sharing and identity stay; the
;; old freezable references still point at the same objects, and any access through them traps. A freeze
;; that traps changes nothing.

(module
  (type $node freezable (sub (struct (field $next (mut (ref null $node))) (field $val (mut i32)))))
  (type $node_f (freeze $node) (sub (struct (field $next (ref $node_f)) (field $val i32))))

  (global $keep (mut (ref null $node)) (ref.null $node))

  (func $new (param i32) (result (ref $node)) (struct.new $node (ref.null $node) (local.get 0)))

  ;; A ring of n nodes with values 1..n; returns node 1, whose next is node 2.
  (func $ring (param $n i32) (result (ref $node))
    (local $first (ref $node)) (local $last (ref $node)) (local $i i32)
    (local.set $first (call $new (i32.const 1)))
    (local.set $last (local.get $first))
    (local.set $i (i32.const 2))
    (block $done
      (loop $more
        (br_if $done (i32.gt_s (local.get $i) (local.get $n)))
        (struct.set $node $next (local.get $last) (call $new (local.get $i)))
        (local.set $last (ref.as_non_null (struct.get $node $next (local.get $last))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (struct.set $node $next (local.get $last) (local.get $first))
    (local.get $first))

  ;; Sum of the values met in k steps along a frozen list.
  (func $walk (param $p (ref $node_f)) (param $k i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $more
        (br_if $done (i32.eqz (local.get $k)))
        (local.set $sum (i32.add (local.get $sum) (struct.get $node_f $val (local.get $p))))
        (local.set $p (struct.get $node_f $next (local.get $p)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $more)))
    (local.get $sum))

  (func (export "self-loop") (result i32)
    (local $n (ref $node)) (local $f (ref $node_f))
    (local.set $n (call $new (i32.const 7)))
    (struct.set $node $next (local.get $n) (local.get $n))
    (local.set $f (ref.freeze $node_f $node (local.get $n)))
    (i32.and
      (ref.eq (local.get $f) (struct.get $node_f $next (local.get $f)))
      (i32.eq (call $walk (local.get $f) (i32.const 3)) (i32.const 21))))

  (func (export "ring-sum") (param $n i32) (param $k i32) (result i32)
    (call $walk (ref.freeze $node_f $node (call $ring (local.get $n))) (local.get $k)))

  ;; After n steps around a ring of n, the walk is back at the first node.
  (func (export "ring-closes") (param $n i32) (result i32)
    (local $f (ref $node_f)) (local $p (ref $node_f)) (local $i i32)
    (local.set $f (ref.freeze $node_f $node (call $ring (local.get $n))))
    (local.set $p (local.get $f))
    (block $done
      (loop $more
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (local.set $p (struct.get $node_f $next (local.get $p)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (ref.eq (local.get $p) (local.get $f)))

  ;; The frozen value is the very object that was built.
  (func (export "same-object") (result i32)
    (local $n (ref $node))
    (local.set $n (call $ring (i32.const 2)))
    (ref.eq (local.get $n) (ref.freeze $node_f $node (local.get $n))))

  ;; Freezing a frozen graph again (through an old reference) returns it.
  (func (export "freeze-twice") (result i32)
    (local $n (ref $node)) (local $f (ref $node_f))
    (local.set $n (call $ring (i32.const 3)))
    (local.set $f (ref.freeze $node_f $node (local.get $n)))
    (ref.eq (local.get $f) (ref.freeze $node_f $node (local.get $n))))

  ;; Every reached object is frozen: writes and reads through old references trap, the root's and any
  ;; other node's alike.
  (func (export "write-root-after") (param $n i32)
    (local $r (ref $node))
    (local.set $r (call $ring (local.get $n)))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (struct.set $node $val (local.get $r) (i32.const 0)))
  (func (export "read-root-after") (result i32)
    (local $r (ref $node))
    (local.set $r (call $ring (i32.const 2)))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (struct.get $node $val (local.get $r)))
  (func (export "write-inner-after") (result i32)
    (local $r (ref $node)) (local $second (ref $node))
    (local.set $r (call $ring (i32.const 3)))
    (local.set $second (ref.as_non_null (struct.get $node $next (local.get $r))))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (struct.set $node $next (local.get $second) (local.get $second))
    (i32.const 0))

  ;; A null where the frozen type wants a reference: the freeze traps and changes nothing.
  (func (export "build-broken") (param $n i32)
    (local $r (ref $node)) (local $p (ref $node)) (local $i i32)
    (local.set $r (call $ring (local.get $n)))
    (local.set $p (local.get $r))
    (local.set $i (i32.const 1))
    (block $done
      (loop $more
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (local.set $p (ref.as_non_null (struct.get $node $next (local.get $p))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (struct.set $node $next (local.get $p) (ref.null $node))
    (global.set $keep (local.get $r)))
  (func (export "freeze-kept") (result i32)
    (struct.get $node_f $val (ref.freeze $node_f $node (ref.as_non_null (global.get $keep)))))
  (func (export "kept-still-mutable") (result i32)
    (local $r (ref $node))
    (local.set $r (ref.as_non_null (global.get $keep)))
    (struct.set $node $val (local.get $r) (i32.add (struct.get $node $val (local.get $r)) (i32.const 100)))
    (ref.test (ref $node) (ref.as_non_null (struct.get $node $next (local.get $r)))))
  ;; Closes the broken list into a ring again.
  (func (export "repair-kept")
    (local $p (ref $node))
    (local.set $p (ref.as_non_null (global.get $keep)))
    (block $done
      (loop $more
        (br_if $done (ref.is_null (struct.get $node $next (local.get $p))))
        (local.set $p (ref.as_non_null (struct.get $node $next (local.get $p))))
        (br $more)))
    (struct.set $node $next (local.get $p) (ref.as_non_null (global.get $keep))))

  ;; Casts see the frozen type.
  (func (export "test-frozen") (result i32)
    (ref.test (ref $node_f) (ref.freeze $node_f $node (call $ring (i32.const 2)))))
  (func (export "test-freezable-after") (result i32)
    (local $r (ref $node))
    (local.set $r (call $ring (i32.const 2)))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (ref.test (ref $node) (local.get $r)))
  (func (export "test-freezable-before") (result i32)
    (i32.add
      (ref.test (ref $node) (call $ring (i32.const 2)))
      (ref.test (ref $node_f) (call $ring (i32.const 2)))))
  (func (export "cast-after") (result i32)
    (local $r (ref $node))
    (local.set $r (call $ring (i32.const 2)))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (struct.get $node_f $val (ref.cast (ref $node_f) (local.get $r))))
  (func (export "cast-to-freezable-after") (result i32)
    (local $r (ref $node)) (local $any anyref)
    (local.set $r (call $ring (i32.const 2)))
    (local.set $any (local.get $r))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (struct.get $node $val (ref.cast (ref $node) (local.get $any))))
  ;; 1: frozen, 2: freezable, 3: neither.
  (func $classify (param $x anyref) (result i32)
    (block $is_frozen (result (ref $node_f))
      (block $is_node (result (ref $node))
        (br_on_cast $is_node anyref (ref $node) (local.get $x))
        (br_on_cast $is_frozen anyref (ref $node_f))
        (drop)
        (return (i32.const 3)))
      (drop)
      (return (i32.const 2)))
    (drop)
    (i32.const 1))
  (func (export "classify") (param $freeze i32) (result i32)
    (local $r (ref $node))
    (local.set $r (call $ring (i32.const 2)))
    (if (local.get $freeze) (then (drop (ref.freeze $node_f $node (local.get $r)))))
    (call $classify (local.get $r)))
  (func (export "classify-other") (result i32) (call $classify (ref.i31 (i32.const 1))))
  (func (export "cast-fail-frozen") (result i32)
    (local $r (ref $node))
    (local.set $r (call $ring (i32.const 4)))
    (drop (ref.freeze $node_f $node (local.get $r)))
    (block $not_node (result anyref)
      (drop (br_on_cast_fail $not_node anyref (ref $node) (local.get $r)))
      (return (i32.const -1)))
    (struct.get $node_f $val (ref.cast (ref $node_f))))
)

(assert_return (invoke "self-loop") (i32.const 1))
(assert_return (invoke "ring-sum" (i32.const 1) (i32.const 5)) (i32.const 5))
(assert_return (invoke "ring-sum" (i32.const 3) (i32.const 3)) (i32.const 6))
(assert_return (invoke "ring-sum" (i32.const 3) (i32.const 7)) (i32.const 13))
(assert_return (invoke "ring-sum" (i32.const 100) (i32.const 200)) (i32.const 10100))
(assert_return (invoke "ring-closes" (i32.const 1)) (i32.const 1))
(assert_return (invoke "ring-closes" (i32.const 17)) (i32.const 1))
(assert_return (invoke "same-object") (i32.const 1))
(assert_return (invoke "freeze-twice") (i32.const 1))
(assert_trap (invoke "write-root-after" (i32.const 1)) "frozen object accessed through a freezable type")
(assert_trap (invoke "write-root-after" (i32.const 5)) "frozen object")
(assert_trap (invoke "read-root-after") "frozen object")
(assert_trap (invoke "write-inner-after") "frozen object")

(assert_return (invoke "build-broken" (i32.const 4)))
(assert_trap (invoke "freeze-kept") "null reference in a non-nullable frozen field")
;; The trap undid everything: the nodes are freezable and writable, the second one included.
(assert_return (invoke "kept-still-mutable") (i32.const 1))
(assert_trap (invoke "freeze-kept") "null reference")
(assert_return (invoke "repair-kept"))
(assert_return (invoke "freeze-kept") (i32.const 101))
(assert_trap (invoke "kept-still-mutable") "frozen object")

(assert_return (invoke "test-frozen") (i32.const 1))
(assert_return (invoke "test-freezable-after") (i32.const 0))
(assert_return (invoke "test-freezable-before") (i32.const 1))
(assert_return (invoke "cast-after") (i32.const 1))
(assert_trap (invoke "cast-to-freezable-after") "cast failure")
(assert_return (invoke "classify" (i32.const 0)) (i32.const 2))
(assert_return (invoke "classify" (i32.const 1)) (i32.const 1))
(assert_return (invoke "classify-other") (i32.const 3))
(assert_return (invoke "cast-fail-frozen") (i32.const 1))

;; Sharing, sub types, fields the freeze does not follow, several frozen forms.
(module
  (type $leaf freezable (sub (struct (field $v (mut i32)))))
  (type $big freezable (sub $leaf (struct (field $v (mut i32)) (field $w (mut i64)))))
  (type $odd freezable (sub $leaf (struct (field $v (mut i32)) (field $o (mut f32)))))
  (type $pair freezable (struct
    (field $l (mut (ref null $leaf)))
    (field $r (mut (ref null $leaf)))
    (field $any (mut anyref))
    (field $spare (mut (ref null $leaf)))))

  (type $leaf_f (freeze $leaf) (sub (struct (field $v i32))))
  (type $big_f (freeze $big) (sub $leaf_f (struct (field $v i32) (field $w i64))))
  ;; $odd has no frozen form.
  (type $pair_f (freeze $pair) (struct
    (field $l (ref $leaf_f))
    (field $r (ref null $leaf_f))
    (field $any anyref)))                          ;; $spare dropped: not followed
  ;; A second frozen form of $leaf, not a sub type of $leaf_f.
  (type $leaf_g (freeze $leaf) (struct (field $v i32)))
  (type $pair_g (freeze $pair) (struct (field $l (ref $leaf_f)) (field $r (ref $leaf_g))))

  (func $leaf (param i32) (result (ref $leaf)) (struct.new $leaf (local.get 0)))

  ;; Both fields point at one leaf: after the freeze they still do.
  (func (export "shared") (result i32)
    (local $x (ref $leaf)) (local $p (ref $pair_f))
    (local.set $x (call $leaf (i32.const 5)))
    (local.set $p (ref.freeze $pair_f $pair
      (struct.new $pair (local.get $x) (local.get $x) (ref.null any) (ref.null $leaf))))
    (i32.and
      (ref.eq (struct.get $pair_f $l (local.get $p)) (struct.get $pair_f $r (local.get $p)))
      (ref.eq (struct.get $pair_f $l (local.get $p)) (local.get $x))))

  ;; A nullable frozen field may stay null.
  (func (export "nullable") (result i32)
    (ref.is_null (struct.get $pair_f $r (ref.freeze $pair_f $pair
      (struct.new $pair (call $leaf (i32.const 1)) (ref.null $leaf) (ref.null any) (ref.null $leaf))))))

  ;; A $big in a field of frozen type $leaf_f becomes a $big_f, its i64 intact.
  (func (export "sub-type") (result i64)
    (local $p (ref $pair_f))
    (local.set $p (ref.freeze $pair_f $pair
      (struct.new $pair (struct.new $big (i32.const 1) (i64.const 0x1_0000_0002)) (ref.null $leaf)
        (ref.null any) (ref.null $leaf))))
    (struct.get $big_f $w (ref.cast (ref $big_f) (struct.get $pair_f $l (local.get $p)))))

  ;; A $odd has no frozen form that fits $leaf_f: the freeze traps, and the $big frozen just before it is
  ;; a writable $big again.
  (global $big (mut (ref null $big)) (ref.null $big))
  (func (export "no-form") (result i32)
    (global.set $big (struct.new $big (i32.const 2) (i64.const 3)))
    (drop (ref.freeze $pair_f $pair
      (struct.new $pair (global.get $big) (struct.new $odd (i32.const 1) (f32.const 1))
        (ref.null any) (ref.null $leaf))))
    (i32.const 0))
  (func (export "big-undone") (result i64)
    (struct.set $big $w (global.get $big) (i64.const 8))
    (i64.add (struct.get $big $w (global.get $big)) (i64.extend_i32_u (ref.test (ref $big_f) (global.get $big)))))

  ;; The freeze does not follow anyref fields nor dropped fields: what they hold stays freezable.
  (func (export "any-not-followed") (result i32)
    (local $x (ref $leaf)) (local $p (ref $pair_f))
    (local.set $x (call $leaf (i32.const 9)))
    (local.set $p (ref.freeze $pair_f $pair
      (struct.new $pair (call $leaf (i32.const 1)) (ref.null $leaf) (local.get $x) (local.get $x))))
    (struct.set $leaf $v (local.get $x) (i32.const 10))
    (struct.get $leaf $v (ref.cast (ref $leaf) (struct.get $pair_f $any (local.get $p)))))
  (func (export "dropped-may-be-null") (result i32)
    (struct.get $leaf_f $v (struct.get $pair_f $l (ref.freeze $pair_f $pair
      (struct.new $pair (call $leaf (i32.const 4)) (ref.null $leaf) (ref.null any) (ref.null $leaf))))))

  ;; One leaf wanted as a $leaf_f and as a $leaf_g: the second meeting finds it frozen to a type that does
  ;; not fit, the freeze traps and the pair and leaf stay freezable.
  (global $pending (mut (ref null $pair)) (ref.null $pair))
  (func (export "conflict") (result i32)
    (local $x (ref $leaf))
    (local.set $x (call $leaf (i32.const 3)))
    (global.set $pending (struct.new $pair (local.get $x) (local.get $x) (ref.null any) (ref.null $leaf)))
    (drop (ref.freeze $pair_g $pair (ref.as_non_null (global.get $pending))))
    (i32.const 0))
  (func (export "pending-writable") (result i32)
    (local $p (ref $pair))
    (local.set $p (ref.as_non_null (global.get $pending)))
    (struct.set $leaf $v (ref.as_non_null (struct.get $pair $l (local.get $p))) (i32.const 30))
    (struct.get $leaf $v (ref.as_non_null (struct.get $pair $r (local.get $p)))))
  ;; With distinct leaves both forms are fine.
  (func (export "two-forms") (result i32)
    (local $p (ref $pair_g))
    (local.set $p (ref.freeze $pair_g $pair
      (struct.new $pair (call $leaf (i32.const 1)) (call $leaf (i32.const 2)) (ref.null any) (ref.null $leaf))))
    (i32.add
      (ref.test (ref $leaf_f) (struct.get $pair_g $l (local.get $p)))
      (ref.test (ref $leaf_g) (struct.get $pair_g $r (local.get $p)))))
  ;; A leaf frozen earlier by itself fits where a $leaf_f is wanted.
  (func (export "already-frozen-part") (result i32)
    (local $x (ref $leaf))
    (local.set $x (call $leaf (i32.const 6)))
    (drop (ref.freeze $leaf_f $leaf (local.get $x)))
    (struct.get $leaf_f $v (struct.get $pair_f $l (ref.freeze $pair_f $pair
      (struct.new $pair (local.get $x) (local.get $x) (ref.null any) (ref.null $leaf))))))
)

(assert_return (invoke "shared") (i32.const 1))
(assert_return (invoke "nullable") (i32.const 1))
(assert_return (invoke "sub-type") (i64.const 0x1_0000_0002))
(assert_trap (invoke "no-form") "no frozen form of the object's type fits")
(assert_return (invoke "big-undone") (i64.const 8))
(assert_return (invoke "any-not-followed") (i32.const 10))
(assert_return (invoke "dropped-may-be-null") (i32.const 4))
(assert_trap (invoke "conflict") "frozen type mismatch")
(assert_return (invoke "pending-writable") (i32.const 30))
(assert_return (invoke "two-forms") (i32.const 2))
(assert_return (invoke "already-frozen-part") (i32.const 6))

;; Arrays, and values of every storage type kept exactly.
(module
  (type $vec freezable (array (mut (ref null $vec))))
  (type $vec_f (freeze $vec) (array (ref $vec_f)))
  (type $bytes freezable (array (mut i8)))
  (type $bytes_f (freeze $bytes) (array i8))
  (type $rec freezable (struct (field (mut i8)) (field (mut i16)) (field (mut i64)) (field (mut f64))
    (field (mut v128)) (field (mut (ref null $bytes)))))
  (type $rec_f (freeze $rec) (struct (field i8) (field i16) (field i64) (field f64) (field v128)
    (field (ref $bytes_f))))

  (data $d "\ff\01\80")
  (elem $e funcref (ref.null func))

  ;; Two arrays that hold each other (and themselves).
  (func $graph (result (ref $vec))
    (local $a (ref $vec)) (local $b (ref $vec))
    (local.set $a (array.new $vec (ref.null $vec) (i32.const 2)))
    (local.set $b (array.new $vec (local.get $a) (i32.const 3)))
    (array.set $vec (local.get $a) (i32.const 0) (local.get $b))
    (array.set $vec (local.get $a) (i32.const 1) (local.get $a))
    (local.get $a))
  (func (export "array-cycle") (result i32)
    (local $f (ref $vec_f))
    (local.set $f (ref.freeze $vec_f $vec (call $graph)))
    (ref.eq (local.get $f)
      (array.get $vec_f (array.get $vec_f (local.get $f) (i32.const 0)) (i32.const 2))))
  (func (export "array-null") (result i32)
    (array.len (ref.freeze $vec_f $vec (array.new $vec (ref.null $vec) (i32.const 1)))))
  (func (export "array-empty") (result i32)
    (array.len (ref.freeze $vec_f $vec (array.new $vec (ref.null $vec) (i32.const 0)))))

  (global $old (mut (ref null $bytes)) (ref.null $bytes))
  (func $frozen-bytes (result (ref $bytes_f))
    (local $b (ref $bytes))
    (local.set $b (array.new_data $bytes $d (i32.const 0) (i32.const 3)))
    (global.set $old (local.get $b))
    (ref.freeze $bytes_f $bytes (local.get $b)))
  (func (export "bytes") (result i32)
    (local $f (ref $bytes_f))
    (local.set $f (call $frozen-bytes))
    (i32.add (array.get_s $bytes_f (local.get $f) (i32.const 0))
      (i32.add (array.get_u $bytes_f (local.get $f) (i32.const 2)) (array.len (local.get $f)))))
  (func (export "old-len") (result i32) (array.len (ref.as_non_null (global.get $old))))
  (func (export "old-get") (result i32) (array.get_u $bytes (global.get $old) (i32.const 0)))
  (func (export "old-set") (array.set $bytes (global.get $old) (i32.const 0) (i32.const 0)))
  (func (export "old-fill") (array.fill $bytes (global.get $old) (i32.const 0) (i32.const 0) (i32.const 0)))
  (func (export "old-init") (array.init_data $bytes $d (global.get $old) (i32.const 0) (i32.const 0) (i32.const 0)))
  (func (export "old-copy-to")
    (array.copy $bytes $bytes (global.get $old) (i32.const 0)
      (array.new $bytes (i32.const 0) (i32.const 1)) (i32.const 0) (i32.const 0)))
  (func (export "old-copy-from")
    (array.copy $bytes $bytes (array.new $bytes (i32.const 0) (i32.const 1)) (i32.const 0)
      (global.get $old) (i32.const 0) (i32.const 0)))
  (func (export "copy-from-frozen") (result i32)
    (local $dst (ref $bytes))
    (local.set $dst (array.new $bytes (i32.const 0) (i32.const 3)))
    (array.copy $bytes $bytes_f (local.get $dst) (i32.const 0) (call $frozen-bytes) (i32.const 0) (i32.const 3))
    (array.get_u $bytes (local.get $dst) (i32.const 1)))
  ;; A null old reference traps as a null reference, not as a frozen object.
  (func (export "null-old") (result i32) (array.get_u $bytes (ref.null $bytes) (i32.const 0)))

  (func (export "record") (result i32)
    (local $f (ref $rec_f))
    (local.set $f (ref.freeze $rec_f $rec (struct.new $rec (i32.const -1) (i32.const 0x8001)
      (i64.const -5) (f64.const -0.5) (v128.const i32x4 1 2 3 4) (array.new_default $bytes (i32.const 2)))))
    (i32.and
      (i32.and
        (i32.and (i32.eq (struct.get_s $rec_f 0 (local.get $f)) (i32.const -1))
                 (i32.eq (struct.get_u $rec_f 1 (local.get $f)) (i32.const 0x8001)))
        (i32.and (i64.eq (struct.get $rec_f 2 (local.get $f)) (i64.const -5))
                 (f64.eq (struct.get $rec_f 3 (local.get $f)) (f64.const -0.5))))
      (i32.and (i32.eq (i32x4.extract_lane 3 (struct.get $rec_f 4 (local.get $f))) (i32.const 4))
               (i32.eq (array.len (struct.get $rec_f 5 (local.get $f))) (i32.const 2)))))
)

(assert_return (invoke "array-cycle") (i32.const 1))
(assert_trap (invoke "array-null") "null reference in a non-nullable frozen field")
(assert_return (invoke "array-empty") (i32.const 0))
(assert_return (invoke "bytes") (i32.const 130))
(assert_return (invoke "old-len") (i32.const 3))
(assert_trap (invoke "old-get") "frozen object")
(assert_trap (invoke "old-set") "frozen object")
(assert_trap (invoke "old-fill") "frozen object")
(assert_trap (invoke "old-init") "frozen object")
(assert_trap (invoke "old-copy-to") "frozen object")
(assert_trap (invoke "old-copy-from") "frozen object")
(assert_return (invoke "copy-from-frozen") (i32.const 1))
(assert_trap (invoke "null-old") "null array reference")
(assert_return (invoke "record") (i32.const 1))
;; Frozen fields narrower than the freezable ones: freezing checks the values. An anyref field frozen as
;; (ref i31) must hold an i31; one frozen as a frozen type freezes the freezable object it holds; a field of
;; a freezable super type frozen as the frozen form of a sub type must hold that sub type.
(module
  (type $base freezable (sub (struct (field (mut i32)))))
  (type $derived freezable (sub $base (struct (field (mut i32)) (field (mut i32)))))
  (type $base_f (freeze $base) (sub (struct (field i32))))
  (type $derived_f (freeze $derived) (sub $base_f (struct (field i32) (field i32))))
  (type $box freezable (struct (field $small (mut anyref)) (field $obj (mut anyref)) (field $b (mut (ref null $base)))))
  (type $box_f (freeze $box) (struct (field $small (ref i31)) (field $obj (ref $base_f)) (field $b (ref $derived_f))))

  (global $obj (mut (ref null $derived)) (ref.null $derived))
  (func $box (param $small anyref) (param $b (ref $base)) (result (ref $box))
    (global.set $obj (struct.new $derived (i32.const 3) (i32.const 4)))
    (struct.new $box (local.get $small) (global.get $obj) (local.get $b)))
  (func (export "narrow") (result i32)
    (local $f (ref $box_f))
    (local.set $f (ref.freeze $box_f $box
      (call $box (ref.i31 (i32.const 5)) (struct.new $derived (i32.const 1) (i32.const 2)))))
    (i32.add (i32.add (i31.get_s (struct.get $box_f $small (local.get $f)))
                      (struct.get $derived_f 1 (struct.get $box_f $b (local.get $f))))
             (struct.get $base_f 0 (struct.get $box_f $obj (local.get $f)))))
  ;; The object in the anyref field was frozen too, as a $derived_f.
  (func (export "obj-frozen") (result i32) (ref.test (ref $derived_f) (global.get $obj)))
  (func (export "not-i31") (result i32)
    (drop (ref.freeze $box_f $box (call $box (struct.new $base (i32.const 0)) (struct.new $derived (i32.const 1) (i32.const 2)))))
    (i32.const 0))
  (func (export "obj-undone") (result i32) (struct.get $derived 1 (global.get $obj)))
  (func (export "not-derived") (result i32)
    (drop (ref.freeze $box_f $box (call $box (ref.i31 (i32.const 5)) (struct.new $base (i32.const 1)))))
    (i32.const 0))
)
(assert_return (invoke "narrow") (i32.const 10))
(assert_return (invoke "obj-frozen") (i32.const 1))
(assert_trap (invoke "not-i31") "frozen type mismatch")
(assert_return (invoke "obj-undone") (i32.const 4))
(assert_trap (invoke "not-derived") "no frozen form of the object's type fits")
