;; Guests a host must be able to stop (InterruptionTest) and meter (FuelTest).
;; Rebuild control.wasm with: wat2wasm control.wat -o control.wasm
(module
  (import "host" "call" (func $host_call (param i32) (result i32)))
  (import "host" "trigger" (func $trigger))
  (type $tree (func (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) $tree)
  (memory (export "memory") 0)

  ;; Counts forever.
  (func $spin (export "spin") (result i32)
    (local $i i32)
    (loop $again
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $again))
    (local.get $i))

  ;; A recursion through call_indirect that never ends: 2^d calls, d deep.
  (func $tree (export "tree") (param $d i32) (result i32)
    (if (result i32) (i32.eqz (local.get $d))
      (then (i32.const 1))
      (else
        (i32.add
          (call_indirect (type $tree) (i32.sub (local.get $d) (i32.const 1)) (i32.const 0))
          (call_indirect (type $tree) (i32.sub (local.get $d) (i32.const 1)) (i32.const 0))))))

  ;; host -> guest -> host -> guest: level(k) calls the host with k + 1 while k < 2 (the host
  ;; calls level again), then spins.
  (func (export "level") (param $k i32) (result i32)
    (if (i32.lt_u (local.get $k) (i32.const 2))
      (then (return (call $host_call (i32.add (local.get $k) (i32.const 1))))))
    (call $spin))

  ;; Fills all of memory with 7, again and again.
  (func (export "fillForever")
    (loop $again
      (memory.fill (i32.const 0) (i32.const 7) (i32.mul (memory.size) (i32.const 65536)))
      (br $again)))

  ;; Tells the host, then fills all of memory once.
  (func (export "triggerThenFill")
    (call $trigger)
    (memory.fill (i32.const 0) (i32.const 9) (i32.mul (memory.size) (i32.const 65536))))

  ;; From $from up to $to in steps of 64 bytes: 2 at a step's first word, then 1 at its next 15
  ;; (an outer loop that stores before its inner loop); returns where it stopped.
  (func (export "storeNested") (param $from i32) (param $to i32) (result i32)
    (local $j i32)
    (loop $outer
      (i32.store (local.get $from) (i32.const 2))
      (local.set $j (i32.const 4))
      (loop $inner
        (i32.store (i32.add (local.get $from) (local.get $j)) (i32.const 1))
        (br_if $inner (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 4))) (i32.const 64))))
      (br_if $outer
        (i32.lt_u (local.tee $from (i32.add (local.get $from) (i32.const 64))) (local.get $to))))
    (local.get $from))

  ;; Grows memory by n pages; returns the old size or -1.
  (func (export "grow") (param $n i32) (result i32)
    (memory.grow (local.get $n)))

  ;; Tells the host (which may interrupt its own thread), then calls a function without loops,
  ;; which checks only at its entry.
  (func (export "triggerThenCall") (result i32)
    (call $trigger)
    (call $tree (i32.const 0)))

  ;; n, counted by a recursion of direct calls n deep.
  (func $down (export "down") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (call $down (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))

  ;; fib(n) by its recursion: a leaf (n < 2) returns its parameter through the if's result
  ;; register (the translator makes that copy and the return one op: Translator.returnInstead).
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  ;; 1 + 2 + ... + n, in a loop.
  (func (export "sum") (param $n i32) (result i32)
    (local $s i32)
    (block $done
      (loop $again
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again)))
    (local.get $s))

  ;; Counts $passes up to n, one pass at a time, in a top-tested loop (rotated: its jump back
  ;; runs the exit test), so that running out of fuel mid-loop leaves the passes made so far.
  (global $passes (export "passes") (mut i32) (i32.const 0))
  (func (export "countTo") (param $n i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (global.get $passes) (local.get $n)))
        (global.set $passes (i32.add (global.get $passes) (i32.const 1)))
        (br $again))))

  ;; Copies memory byte by byte to $dst from $src at offsets i = 0, $step, 2 * $step, ... until
  ;; i = $n, as compiler-builtins' memmove does (top-tested; its stride chosen at run time).
  (func (export "copyBy") (param $dst i32) (param $src i32) (param $n i32) (param $step i32)
    (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $dst) (local.get $i))
          (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (local.get $step)))
        (br $again))))

  ;; Sets $n bytes at $dst to $v, from the last one down (bottom-tested, as a memset).
  (func (export "setDown") (param $dst i32) (param $v i32) (param $n i32)
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $again
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (i32.store8 (i32.add (local.get $dst) (local.get $n)) (local.get $v))
        (br_if $again (local.get $n)))))

  ;; Sums the f32s at $p + 4 + i for i = 0, 4, 8, ... until i = $n (bottom-tested, its stride the
  ;; constant 4, as MATRIX_MUL's inner loop), storing each partial sum at $dst + i after the step.
  (func (export "sumBy4") (param $p i32) (param $dst i32) (param $n i32) (result f32)
    (local $i i32) (local $s f32)
    (loop $again
      (local.set $s (f32.add (local.get $s) (f32.load offset=4 (i32.add (local.get $p) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (f32.store (i32.add (local.get $dst) (local.get $i)) (local.get $s))
      (br_if $again (i32.ne (local.get $i) (local.get $n))))
    (local.get $s))

  ;; Sums the f32s at $p + i for i = 0, 4, 8, ... until i = $n, storing each partial sum at
  ;; $dst + i before the step, which comes right before the back-edge's test (one fused op,
  ;; add_br_ne, as MATRIX_MUL's inner loop).
  (func (export "sumBy4Stepped") (param $p i32) (param $dst i32) (param $n i32) (result f32)
    (local $i i32) (local $s f32)
    (loop $again
      (local.set $s (f32.add (local.get $s) (f32.load (i32.add (local.get $p) (local.get $i)))))
      (f32.store (i32.add (local.get $dst) (local.get $i)) (local.get $s))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $again (i32.ne (local.get $i) (local.get $n))))
    (local.get $s))

  ;; Sets bytes at $dst - 1, $dst - 2, ... to $v until $n counts down to 0 (bottom-tested, the
  ;; count's step tested as it is made: one fused op, add_br_nez).
  (func (export "setDownStepped") (param $dst i32) (param $v i32) (param $n i32)
    (loop $again
      (local.set $dst (i32.sub (local.get $dst) (i32.const 1)))
      (i32.store8 (local.get $dst) (local.get $v))
      (br_if $again (local.tee $n (i32.add (local.get $n) (i32.const -1))))))
)
