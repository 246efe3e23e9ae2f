;; i32x4 values in int lane locals (Registers#hasIntLanes, LaneBits): accumulators that only
;; i32x4 add/sub/abs touch in a loop, fed by zero-extending shuffles, splats and masks, read as
;; bits after the loop or when leaving it from the middle. Each function returns one half.
(module
  (memory (export "mem") 1)
  ;; sum of |a[i] - b[i]| over n groups of 4 bytes, as clang vectorises it (SAD); acc starts at (lo, hi)
  (func (export "sad") (param $lo i64) (param $hi i64) (param $n i32) (param $half i32) (result i64)
    (local $acc v128) (local $i i32) (local $d v128)
    (local.set $acc (i64x2.replace_lane 1 (i64x2.splat (local.get $lo)) (local.get $hi)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $d
          (i32x4.abs (i32x4.sub
            (i8x16.shuffle 16 1 2 3 17 5 6 7 18 9 10 11 19 13 14 15
              (v128.const i32x4 0 0 0 0) (i32x4.splat (i32.load (i32.mul (local.get $i) (i32.const 4)))))
            (i8x16.shuffle 16 1 2 3 17 5 6 7 18 9 10 11 19 13 14 15
              (v128.const i32x4 0 0 0 0) (i32x4.splat (i32.load offset=128 (i32.mul (local.get $i) (i32.const 4))))))))
        (local.set $acc (i32x4.add (local.get $acc) (local.get $d)))
        ;; leave from the middle when the first byte is 255: acc's bits are read after the loop
        (br_if $done (i32.eq (i32.load8_u (i32.mul (local.get $i) (i32.const 4))) (i32.const 255)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (result i64) (local.get $half)
      (then (i64x2.extract_lane 1 (local.get $acc)))
      (else (i64x2.extract_lane 0 (local.get $acc)))))
  ;; counts of bytes in [32, 96) per lane, as clang vectorises a range count (add, lt_u, shuffle, and)
  (func (export "count") (param $lo i64) (param $hi i64) (param $n i32) (param $half i32) (result i64)
    (local $acc v128) (local $i i32) (local $t v128)
    (local.set $acc (i64x2.replace_lane 1 (i64x2.splat (local.get $lo)) (local.get $hi)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $t (i8x16.lt_u
          (i8x16.add (v128.load (i32.mul (local.get $i) (i32.const 4))) (v128.const i8x16 224 224 224 224 0 0 0 0 0 0 0 0 0 0 0 0))
          (v128.const i8x16 64 64 64 64 0 0 0 0 0 0 0 0 0 0 0 0)))
        (local.set $acc (i32x4.add (local.get $acc)
          (v128.and (i8x16.shuffle 0 16 16 16 1 16 16 16 2 16 16 16 3 16 16 16 (local.get $t) (v128.const i32x4 1 1 1 1))
                    (v128.const i32x4 1 1 1 1))))
        (local.set $acc (i32x4.sub (local.get $acc) (i32x4.splat (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (result i64) (local.get $half)
      (then (i64x2.extract_lane 1 (local.get $acc)))
      (else (i64x2.extract_lane 0 (local.get $acc))))))
