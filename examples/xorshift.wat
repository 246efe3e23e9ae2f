;; An iterative kernel: a xorshift32 generator writes a 1,024-word ring buffer in linear memory
;; while a rotating checksum reads it back at a stride of 7 words. One loop, no calls: locals,
;; shifts, xor, rotl, add, mul, a load and a store per step. Each call clears the ring first, so
;; calls are independent.
;; wasmj run examples/xorshift.wasm --invoke run 1000   prints -1664006026
(module
  (memory (export "memory") 1)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $x i32) (local $acc i32)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 4096))
    (local.set $x (i32.const 0x92d68ca2))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; x ^= x << 13; x ^= x >>> 17; x ^= x << 5
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
        (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
        ;; ring[i & 1023] = x
        (i32.store
          (i32.shl (i32.and (local.get $i) (i32.const 1023)) (i32.const 2))
          (local.get $x))
        ;; acc = (rotl(acc, 5) ^ ring[(i * 7) & 1023]) + x
        (local.set $acc
          (i32.add
            (i32.xor
              (i32.rotl (local.get $acc) (i32.const 5))
              (i32.load
                (i32.shl
                  (i32.and (i32.mul (local.get $i) (i32.const 7)) (i32.const 1023))
                  (i32.const 2))))
            (local.get $x)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
