;; Float values in registers with float locals (RegistersTest): the bits that come out must be
;; those of the bits-only code, NaN payloads included.
;; Rebuild floats.wasm with: wat2wasm floats.wat -o floats.wasm
(module
  (memory (export "memory") 1)

  ;; The bits of the sum of x[i] * 1.5 over the n f32s at 0, as matrix-mul's inner loop.
  (func (export "sum32") (param $n i32) (result i32)
    (local $acc f32) (local $i i32)
    (local.set $acc (f32.const -0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (f32.add (local.get $acc)
          (f32.mul (f32.load (i32.shl (local.get $i) (i32.const 2))) (f32.const 1.5))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (f32.store (i32.const 4096) (local.get $acc))
    (i32.load (i32.const 4096)))

  ;; The same over the n f64s at 0.
  (func (export "sum64") (param $n i32) (result i64)
    (local $acc f64) (local $i i32)
    (local.set $acc (f64.const -0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (f64.add (local.get $acc)
          (f64.mul (f64.load (i32.shl (local.get $i) (i32.const 3))) (f64.const 1.5))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i64.reinterpret_f64 (local.get $acc)))

  ;; x, compared (read as a float), then its bits: a parameter's payload survives.
  (func (export "keep32") (param $x f32) (result i32)
    (local $y f32)
    (local.set $y (local.get $x))
    (if (f32.lt (local.get $y) (f32.const 1)) (then (local.set $y (f32.const 7))))
    (i32.reinterpret_f32 (local.get $y)))

  ;; x, compared, stored, loaded as bits; and the bits of -x and |x| and copysign(x, -1).
  (func (export "store32") (param $x f32) (result i32)
    (drop (f32.eq (local.get $x) (local.get $x)))
    (f32.store (i32.const 4096) (local.get $x))
    (i32.load (i32.const 4096)))
  (func (export "neg32") (param $x f32) (result i32)
    (drop (f32.ne (local.get $x) (f32.const 0)))
    (i32.reinterpret_f32 (f32.neg (local.get $x))))
  (func (export "abs32") (param $x f32) (result i32)
    (drop (f32.ge (local.get $x) (f32.const 0)))
    (i32.reinterpret_f32 (f32.abs (local.get $x))))
  (func (export "copysign32") (param $x f32) (result i32)
    (drop (f32.gt (local.get $x) (f32.const 0)))
    (i32.reinterpret_f32 (f32.copysign (local.get $x) (f32.const -1))))

  ;; Arithmetic results, then ops that see payloads: the result's NaN is canonical.
  (func (export "addneg32") (param $a f32) (param $b f32) (result i32)
    (i32.reinterpret_f32 (f32.neg (f32.add (local.get $a) (local.get $b)))))
  (func (export "mulabs32") (param $a f32) (param $b f32) (result i32)
    (i32.reinterpret_f32 (f32.abs (f32.mul (local.get $a) (local.get $b)))))
  (func (export "divpromote") (param $a f32) (param $b f32) (result i64)
    (i64.reinterpret_f64 (f64.promote_f32 (f32.div (local.get $a) (local.get $b)))))
  (func (export "subsqrt32") (param $a f32) (param $b f32) (result i32)
    (i32.reinterpret_f32 (f32.sqrt (f32.sub (local.get $a) (local.get $b)))))
  (func (export "selectadd32") (param $a f32) (param $b f32) (param $c i32) (result i32)
    (local $s f32)
    (local.set $s (select (f32.add (local.get $a) (local.get $b)) (local.get $a) (local.get $c)))
    (drop (f32.lt (local.get $s) (local.get $b)))
    (i32.reinterpret_f32 (local.get $s)))
  (func (export "minmax32") (param $a f32) (param $b f32) (result i32)
    (i32.reinterpret_f32 (f32.max (f32.min (local.get $a) (local.get $b)) (local.get $b))))
  (func (export "truncsat32") (param $a f32) (param $b f32) (result i32)
    (i32.trunc_sat_f32_s (f32.add (local.get $a) (local.get $b))))
  (func (export "call32") (param $a f32) (param $b f32) (result i32)
    (call $id32 (f32.add (local.get $a) (local.get $b)))
    (i32.reinterpret_f32))
  (func $id32 (param $x f32) (result f32)
    (drop (f32.lt (local.get $x) (local.get $x)))
    (local.get $x))

  ;; The same for f64.
  (func (export "keep64") (param $x f64) (result i64)
    (local $y f64)
    (local.set $y (local.get $x))
    (if (f64.lt (local.get $y) (f64.const 1)) (then (local.set $y (f64.const 7))))
    (i64.reinterpret_f64 (local.get $y)))
  (func (export "neg64") (param $x f64) (result i64)
    (drop (f64.ne (local.get $x) (f64.const 0)))
    (i64.reinterpret_f64 (f64.neg (local.get $x))))
  (func (export "addneg64") (param $a f64) (param $b f64) (result i64)
    (i64.reinterpret_f64 (f64.neg (f64.add (local.get $a) (local.get $b)))))
  (func (export "muldemote") (param $a f64) (param $b f64) (result i32)
    (i32.reinterpret_f32 (f32.demote_f64 (f64.mul (local.get $a) (local.get $b)))))
  (func (export "subtrunc64") (param $a f64) (param $b f64) (result i64)
    (i64.trunc_sat_f64_u (f64.sub (local.get $a) (local.get $b))))

  ;; An accumulator first set to a NaN constant with a payload, then summed n times: its payload
  ;; survives no add, and the adds make it canonical (the accumulator is not float-valued).
  (func (export "nanconst32") (param $n i32) (result i32)
    (local $acc f32)
    (local.set $acc (f32.const nan:0x200001))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (f32.add (local.get $acc) (f32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i32.reinterpret_f32 (local.get $acc)))
  ;; The same from the canonical NaN: float-valued, its bits made from its float where read.
  (func (export "canon32") (param $n i32) (result i32)
    (local $acc f32)
    (local.set $acc (f32.const nan))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (f32.add (local.get $acc) (f32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i32.reinterpret_f32 (local.get $acc)))
  ;; nanconst32 in f64.
  (func (export "nanconst64") (param $n i32) (result i64)
    (local $acc f64)
    (local.set $acc (f64.const nan:0x4000000000001))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (f64.mul (local.get $acc) (f64.const 2)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i64.reinterpret_f64 (local.get $acc)))
)
