;; f32x4 values through lane locals (Registers, LaneBits): accumulators in loops that exit at the
;; top (their bits live at the header: settled every iteration) and at the bottom (dead there:
;; left out of date through the loop), fused load-mul-adds, a v128 select whose result is also an
;; operand, a branch out of the loop, NaN payloads in the inputs, a v128 local never written, a
;; product only stored. Each function returns one half.
(module
  (memory (export "mem") 1)
  (func $v (param i64 i64) (result v128)
    (i64x2.replace_lane 1 (i64x2.splat (local.get 0)) (local.get 1)))
  ;; n iterations (maybe 0) over memory from 0, 32 bytes each: acc += s * m[i]; acc2 += m[i+16] * s
  (func (export "top") (param $alo i64) (param $ahi i64) (param $slo i64) (param $shi i64)
      (param $n i32) (param $half i32) (result i64)
    (local $acc v128) (local $acc2 v128) (local $s v128) (local $i i32) (local $p i32)
    (local.set $acc (call $v (local.get $alo) (local.get $ahi)))
    (local.set $acc2 (local.get $acc))
    (local.set $s (call $v (local.get $slo) (local.get $shi)))
    (block $out
      (loop $l
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (f32x4.add (f32x4.mul (local.get $s) (v128.load (local.get $p))) (local.get $acc)))
        (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (v128.load offset=16 (local.get $p)) (local.get $s))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.set $acc (select (result v128) (local.get $acc2) (local.get $acc) (i32.and (local.get $n) (i32.const 1))))
    (if (result i64) (local.get $half)
      (then (i64x2.extract_lane 1 (local.get $acc)))
      (else (i64x2.extract_lane 0 (local.get $acc)))))
  ;; at least one iteration, exit at the bottom (or out of the middle once acc's lane 0 is above
  ;; $limit); sub and div too; the result through a select with itself as an operand
  (func (export "bottom") (param $alo i64) (param $ahi i64) (param $slo i64) (param $shi i64)
      (param $n i32) (param $half i32) (param $limit f32) (result i64)
    (local $acc v128) (local $acc2 v128) (local $s v128) (local $t v128) (local $i i32) (local $p i32)
    (local.set $acc (call $v (local.get $alo) (local.get $ahi)))
    (local.set $acc2 (local.get $acc))
    (local.set $s (call $v (local.get $slo) (local.get $shi)))
    (block $out
      (loop $l
        (local.set $t (v128.load (local.get $p)))
        (local.set $acc (f32x4.add (f32x4.mul (local.get $t) (local.get $s)) (local.get $acc)))
        (br_if $out (f32.gt (f32x4.extract_lane 0 (local.get $acc)) (local.get $limit)))
        (local.set $acc2 (f32x4.div (f32x4.sub (local.get $acc2) (local.get $t)) (local.get $s)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (local.get $n)))))
    (local.set $acc2 (select (result v128) (local.get $acc) (local.get $acc2) (local.get $half)))
    (local.set $acc (f32x4.add (local.get $acc) (local.get $acc2)))
    (if (result i64) (local.get $half)
      (then (i64x2.extract_lane 1 (local.get $acc)))
      (else (i64x2.extract_lane 0 (local.get $acc2)))))
  ;; a v128.load32_splat factor (read by f32x4.mul through its lane locals, its bits, NaN
  ;; payloads kept) times a v128.load, n iterations; from $q on (a trap if past the memory's end);
  ;; returns half $half & 1 of the accumulator, or (with $half & 2) of the last factor
  (func (export "splat") (param $alo i64) (param $ahi i64) (param $n i32) (param $q i32)
      (param $half i32) (result i64)
    (local $acc v128) (local $s v128) (local $i i32) (local $p i32)
    (local.set $acc (call $v (local.get $alo) (local.get $ahi)))
    (local.set $p (local.get $q))
    (block $out
      (loop $l
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (v128.load32_splat (local.get $p)))
        (local.set $acc (f32x4.add (f32x4.mul (local.get $s) (v128.load offset=100 (local.get $p))) (local.get $acc)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (if (i32.and (local.get $half) (i32.const 2))
      (then (local.set $acc (local.get $s))))
    (if (result i64) (i32.and (local.get $half) (i32.const 1))
      (then (i64x2.extract_lane 1 (local.get $acc)))
      (else (i64x2.extract_lane 0 (local.get $acc)))))
  ;; a v128 local never written is a register never written wide: its lanes are read from its
  ;; bits (it got lane locals once, uninitialised in a chunk: a VerifyError, V8 campaign)
  (func (export "unset") (param $alo i64) (param $ahi i64) (param $half i32) (result i64)
    (local $z v128)
    (local $r v128)
    (local.set $r (f32x4.sub (call $v (local.get $alo) (local.get $ahi)) (local.get $z)))
    (if (result i64) (local.get $half)
      (then (i64x2.extract_lane 1 (local.get $r)))
      (else (i64x2.extract_lane 0 (local.get $r)))))
  ;; n iterations (at most 12) over memory from 0, 16 bytes each: m[192 + 16i] = m[16i] * s, the
  ;; product's lanes dead after it (nothing but the store reads it: its bits computed directly,
  ;; LaneBits.bitsDirect), t read as lanes before the loop; returns a half of the first product
  (func (export "scale") (param $slo i64) (param $shi i64) (param $n i32) (param $half i32) (result i64)
    (local $s v128) (local $t v128) (local $i i32) (local $p i32)
    (local.set $s (call $v (local.get $slo) (local.get $shi)))
    (local.set $t (f32x4.div (local.get $s) (local.get $s)))
    (local.set $s (f32x4.sub (local.get $s) (local.get $t)))
    (block $out
      (loop $l
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $t (f32x4.mul (v128.load (local.get $p)) (local.get $s)))
        (v128.store offset=192 (local.get $p) (local.get $t))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (i64.load offset=192 (i32.shl (local.get $half) (i32.const 3)))))
