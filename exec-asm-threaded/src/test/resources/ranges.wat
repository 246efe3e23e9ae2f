;; Integer lanes whose ranges are known (LaneRanges): bytes widened by shuffles with a zero vector
;; and by extend/extadd, summed, clamped, shifted and narrowed back, as clang's vectorized byte
;; loops do; and the same ops where a range is not known (a value from a branch join or a loop's
;; accumulator, a shift by a variable or one that moves bits past a lane's top, signed lanes, sums that
;; need saturating). Each function reads its inputs from memory at 0 and returns one half of its
;; result.
(module
  (memory (export "mem") 1)
  (func $half (param $v v128) (param $half i32) (result i64)
    (if (result i64) (local.get $half)
      (then (i64x2.extract_lane 1 (local.get $v)))
      (else (i64x2.extract_lane 0 (local.get $v)))))
  ;; blur's vertical pass: three rows of bytes widened to i16 lanes and summed (no lane carries),
  ;; narrowed back with saturation (sums reach 765) or after a mask (nothing to saturate)
  (func (export "sums") (param $masked i32) (param $half i32) (result i64)
    (local $a v128) (local $b v128) (local $c v128) (local $lo v128) (local $hi v128)
    (local.set $a (v128.load (i32.const 0)))
    (local.set $b (v128.load (i32.const 16)))
    (local.set $c (v128.load (i32.const 32)))
    (local.set $lo (i16x8.add (i16x8.add
        (i8x16.shuffle 16 1 17 3 18 5 19 7 20 9 21 11 22 13 23 15 (v128.const i64x2 0 0) (local.get $a))
        (i8x16.shuffle 16 1 17 3 18 5 19 7 20 9 21 11 22 13 23 15 (v128.const i64x2 0 0) (local.get $b)))
        (i8x16.shuffle 16 1 17 3 18 5 19 7 20 9 21 11 22 13 23 15 (v128.const i64x2 0 0) (local.get $c))))
    (local.set $hi (i16x8.add (i16x8.add
        (i8x16.shuffle 8 17 9 19 10 21 11 23 12 25 13 27 14 29 15 31 (local.get $a) (v128.const i64x2 0 0))
        (i8x16.shuffle 8 17 9 19 10 21 11 23 12 25 13 27 14 29 15 31 (local.get $b) (v128.const i64x2 0 0)))
        (i8x16.shuffle 8 17 9 19 10 21 11 23 12 25 13 27 14 29 15 31 (local.get $c) (v128.const i64x2 0 0))))
    (if (local.get $masked)
      (then
        (return (call $half (i8x16.narrow_i16x8_u
            (v128.and (local.get $lo) (v128.const i16x8 255 255 255 255 255 255 255 255))
            (v128.and (v128.const i16x8 255 255 255 255 255 255 255 255) (local.get $hi)))
          (local.get $half)))))
    (call $half (i8x16.narrow_i16x8_u (local.get $lo) (local.get $hi)) (local.get $half)))
  ;; blur's sharpen: bytes widened to i32 lanes, 2a - b clamped to [0, 255], narrowed twice
  (func (export "sharpen") (param $half i32) (result i64)
    (local $a v128) (local $b v128) (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local.set $a (v128.load (i32.const 0)))
    (local.set $b (v128.load (i32.const 16)))
    (local.set $r0 (i32x4.max_s (i32x4.min_s (i32x4.sub
        (i32x4.shl (i8x16.shuffle 16 1 2 3 17 5 6 7 18 9 10 11 19 13 14 15 (v128.const i64x2 0 0) (local.get $a)) (i32.const 1))
        (i8x16.shuffle 16 1 2 3 17 5 6 7 18 9 10 11 19 13 14 15 (v128.const i64x2 0 0) (local.get $b)))
        (v128.const i32x4 255 255 255 255)) (v128.const i64x2 0 0)))
    (local.set $r1 (i32x4.max_s (i32x4.min_s (i32x4.sub
        (i32x4.shl (i8x16.shuffle 4 17 18 19 5 21 22 23 6 25 26 27 7 29 30 31 (local.get $a) (v128.const i64x2 0 0)) (i32.const 1))
        (i8x16.shuffle 4 17 18 19 5 21 22 23 6 25 26 27 7 29 30 31 (local.get $b) (v128.const i64x2 0 0)))
        (v128.const i32x4 255 255 255 255)) (v128.const i64x2 0 0)))
    (local.set $r2 (i32x4.max_s (i32x4.min_s (i32x4.sub
        (i32x4.shl (i8x16.shuffle 8 17 18 19 9 21 22 23 10 25 26 27 11 29 30 31 (local.get $a) (v128.const i64x2 0 0)) (i32.const 1))
        (i8x16.shuffle 8 17 18 19 9 21 22 23 10 25 26 27 11 29 30 31 (local.get $b) (v128.const i64x2 0 0)))
        (v128.const i32x4 255 255 255 255)) (v128.const i64x2 0 0)))
    ;; the last without the lower clamp: its lanes may be negative, so its narrow saturates
    (local.set $r3 (i32x4.min_s (i32x4.sub
        (i32x4.shl (i8x16.shuffle 12 17 18 19 13 21 22 23 14 25 26 27 15 29 30 31 (local.get $a) (v128.const i64x2 0 0)) (i32.const 1))
        (i8x16.shuffle 12 17 18 19 13 21 22 23 14 25 26 27 15 29 30 31 (local.get $b) (v128.const i64x2 0 0)))
        (v128.const i32x4 255 255 255 255)))
    (call $half (i8x16.narrow_i16x8_u
        (i16x8.narrow_i32x4_u (local.get $r0) (local.get $r1))
        (i16x8.narrow_i32x4_u (local.get $r2) (local.get $r3))) (local.get $half)))
  ;; widened bytes shifted left: by a constant that keeps lanes in place (23), by one that
  ;; moves a byte past its lane's top (25), by a variable
  (func (export "shifts") (param $n i32) (param $half i32) (result i64)
    (local $w v128)
    (local.set $w (i8x16.shuffle 16 1 2 3 17 5 6 7 18 9 10 11 19 13 14 15 (v128.const i64x2 0 0) (v128.load (i32.const 0))))
    (call $half (v128.xor (v128.xor
        (i32x4.shl (local.get $w) (i32.const 23))
        (i32x4.shl (local.get $w) (i32.const 25)))
        (i32x4.shl (local.get $w) (local.get $n))) (local.get $half)))
  ;; extend and extadd_pairwise, unsigned (sums in range) and signed (not known non-negative)
  (func (export "extends") (param $half i32) (result i64)
    (local $a v128) (local $b v128)
    (local.set $a (v128.load (i32.const 0)))
    (local.set $b (v128.load (i32.const 16)))
    (call $half (v128.xor (v128.xor (v128.xor
        (i16x8.add (i16x8.extend_low_i8x16_u (local.get $a)) (i16x8.extend_high_i8x16_u (local.get $b)))
        (i16x8.add (i16x8.extadd_pairwise_i8x16_u (local.get $a)) (i16x8.extadd_pairwise_i8x16_u (local.get $b))))
        (i32x4.add (i32x4.extend_low_i16x8_u (local.get $a)) (i32x4.extadd_pairwise_i16x8_u (local.get $b))))
        (i16x8.add (i16x8.extend_low_i8x16_s (local.get $a)) (i16x8.extend_high_i8x16_s (local.get $b))))
      (local.get $half)))
  ;; a raw value meets a widened one (the last written before the join), and a widened value
  ;; accumulates in a loop: nothing known there
  (func (export "joins") (param $which i32) (param $n i32) (param $half i32) (result i64)
    (local $v v128) (local $acc v128)
    (if (local.get $which)
      (then (local.set $v (v128.load (i32.const 16))))
      (else (local.set $v (i8x16.shuffle 16 1 17 3 18 5 19 7 20 9 21 11 22 13 23 15
          (v128.const i64x2 0 0) (v128.load (i32.const 0))))))
    (local.set $acc (i16x8.add (local.get $v) (local.get $v)))
    (block $out
      (loop $l
        (br_if $out (i32.eqz (local.get $n)))
        (local.set $acc (i16x8.add (local.get $acc)
            (i8x16.shuffle 16 1 17 3 18 5 19 7 20 9 21 11 22 13 23 15 (v128.const i64x2 0 0) (v128.load (i32.const 32)))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (call $half (local.get $acc) (local.get $half)))
  ;; each byte of a broadcast to an i32 lane and masked to its low bit, as histogram.c's counts:
  ;; only the masked bytes are read (then the rest of the shuffle is not computed), or also the
  ;; whole value ($all: every byte is)
  (func (export "masks") (param $all i32) (param $half i32) (result i64)
    (local $v v128) (local $r v128)
    (if (local.get $all)
      (then
        (local.set $v (i8x16.shuffle 0 0 0 0 1 1 1 1 2 2 2 2 3 3 3 3 (v128.load (i32.const 0)) (v128.const i64x2 0 0)))
        (local.set $r (v128.and (local.get $v) (v128.const i32x4 1 1 1 1)))
        (local.set $r (v128.xor (local.get $r) (local.get $v))))
      (else
        (local.set $v (i8x16.shuffle 0 0 0 0 1 1 1 1 2 2 2 2 3 3 3 3 (v128.load (i32.const 0)) (v128.const i64x2 0 0)))
        (local.set $v (v128.and (v128.const i32x4 0x101 1 0x80000001 0x7F) (local.get $v)))
        (local.set $r (local.get $v))))
    (call $half (local.get $r) (local.get $half)))
  ;; max_s with a zero vector, either side, of lanes of any sign
  (func (export "maxzero") (param $half i32) (result i64)
    (call $half (v128.xor
        (i32x4.max_s (v128.load (i32.const 0)) (v128.const i64x2 0 0))
        (i32x4.max_s (v128.const i64x2 0 0) (v128.load (i32.const 16)))) (local.get $half)))
  ;; i8x16.lt_u against constants: bytes at most 0x80 (the range tests clang writes, inline), and
  ;; one with bytes above 0x80 (the general compare); each result kept in its own bit
  (func (export "below") (param $half i32) (result i64)
    (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (call $half (v128.or (v128.or
        (v128.and (i8x16.lt_u (local.get $v) (v128.const i8x16 0 1 0x7F 0x80 0x40 0x37 2 0x7E 0x80 0 0x41 0x3F 3 0x10 0x20 0x80))
          (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1))
        (v128.and (i8x16.lt_u (local.get $v) (v128.const i8x16 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40))
          (v128.const i8x16 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2)))
        (v128.and (i8x16.lt_u (local.get $v) (v128.const i8x16 0x81 0xFF 0x80 0 0x40 0xC0 1 0xFE 0x80 0x81 0x7F 0xFF 0 0x90 0x20 0x80))
          (v128.const i8x16 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4)))
      (local.get $half)))
  ;; histogram's range counts as clang writes them: four bytes (an i32 splat, or a whole load)
  ;; moved by an add or sub, tested with lt_u, spread into i32 lanes by a shuffle, masked to 0/1 and
  ;; counted; only bytes 0-3 of the add, sub, lt_u and splat are read (LaneRanges.demanded). The
  ;; last test's shuffle also takes byte 5, so its bytes 0-7 are read.
  (func (export "counts") (param $half i32) (result i64)
    (local $acc v128)
    (local.set $acc (i32x4.add (local.get $acc)
      (v128.and
        (i8x16.shuffle 0 0 0 0 1 0 0 0 2 0 0 0 3 0 0 0
          (i8x16.lt_u
            (i8x16.add (i32x4.splat (i32.load (i32.const 0)))
              (v128.const i8x16 0xE0 0xE0 0xE0 0xE0 0 0 0 0 0 0 0 0 0 0 0 0))
            (v128.const i8x16 0x40 0x40 0x40 0x40 0 0 0 0 0 0 0 0 0 0 0 0))
          (v128.const i32x4 1 1 1 1))
        (v128.const i32x4 1 1 1 1))))
    (local.set $acc (i32x4.add (local.get $acc)
      (v128.and
        (i8x16.shuffle 0 16 16 16 1 16 16 16 2 16 16 16 3 16 16 16
          (i8x16.lt_u
            (i8x16.sub (v128.load (i32.const 4))
              (v128.const i8x16 0x20 0x7F 0x80 0xFF 1 2 3 4 5 6 7 8 9 10 11 12))
            (v128.const i8x16 0x80 0x40 0x01 0x7F 0x40 0x40 0x40 0x40 0 0 0 0 0 0 0 0))
          (v128.const i32x4 0 0 0 0))
        (v128.const i32x4 3 3 3 3))))
    (local.set $acc (i32x4.add (local.get $acc)
      (v128.and
        (i8x16.shuffle 0 16 16 16 5 16 16 16 2 16 16 16 3 16 16 16
          (i8x16.lt_u
            (i8x16.add (i32x4.splat (i32.load (i32.const 8)))
              (v128.const i8x16 0xE0 0xE0 0xE0 0xE0 0xE0 0xE0 0xE0 0xE0 0 0 0 0 0 0 0 0))
            (v128.const i8x16 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0x40 0 0 0 0 0 0 0 0))
          (v128.const i32x4 0 0 0 0))
        (v128.const i32x4 0xFF 0xFF 0xFF 0xFF))))
    (call $half (local.get $acc) (local.get $half)))
;; range tests that asm emits as one formula with their add or sub: histogram's second (bytes in
;; [200, 255): add 0x38, lt_u 0x37; no top bit in the added bytes), a sum that is also read after
;; its compare (not fused), and a whole-width sub of bytes with and without their top bit
  (func (export "bands") (param $half i32) (result i64)
    (local $acc v128) (local $s v128)
    (local.set $acc (i32x4.add (local.get $acc)
      (v128.and
        (i8x16.shuffle 0 0 0 0 1 0 0 0 2 0 0 0 3 0 0 0
          (i8x16.lt_u
            (i8x16.add (v128.load (i32.const 0))
              (v128.const i8x16 0x38 0x38 0x38 0x38 0 0 0 0 0 0 0 0 0 0 0 0))
            (v128.const i8x16 0x37 0x37 0x37 0x37 0 0 0 0 0 0 0 0 0 0 0 0))
          (v128.const i32x4 1 1 1 1))
        (v128.const i32x4 1 1 1 1))))
    (local.set $s (i8x16.add (v128.load (i32.const 16))
      (v128.const i8x16 0x38 0xE0 0x80 0x7F 1 2 3 4 0x38 0xE0 0x80 0x7F 1 2 3 4)))
    (local.set $acc (v128.xor (local.get $acc) (v128.xor (local.get $s)
      (i8x16.lt_u (local.get $s)
        (v128.const i8x16 0x37 0x40 0x80 0 1 0x7F 0x20 0x10 0x37 0x40 0x80 0 1 0x7F 0x20 0x10)))))
    (local.set $acc (v128.xor (local.get $acc)
      (i8x16.lt_u
        (i8x16.sub (v128.load (i32.const 32))
          (v128.const i8x16 0x38 0xE0 0x80 0x7F 1 2 3 4 5 0x90 0x81 0x20 0xF0 0x40 0 0xC0))
        (v128.const i8x16 0x37 0x40 0x80 0 1 0x7F 0x20 0x10 0x37 0x40 0x80 0 1 0x7F 0x20 0x10))))
    (call $half (local.get $acc) (local.get $half)))
)
