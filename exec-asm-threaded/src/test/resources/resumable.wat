;; Guests of resumable calls (ResumableCallTest). host.next suspends the call; its result is
;; what the host resumes it with. Rebuild resumable.wasm with: wat2wasm resumable.wat -o resumable.wasm
(module
  (import "host" "next" (func $next (param i32) (result i32)))
  (import "host" "call" (func $host_call (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; next(0) + next(1) + ... + next(n - 1), as an i64.
  (func (export "sumNext") (param $n i32) (result i64)
    (local $i i32)
    (local $s i64)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (call $next (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $s))

  ;; a / next(a): traps when resumed with 0.
  (func (export "divide") (param $a i32) (result i32)
    (i32.div_s (local.get $a) (call $next (local.get $a))))

  ;; host -> guest -> host -> guest -> host: outer(k) is host.call(k) + 1, and the host's call
  ;; runs inner(k), which is next(k) * 2.
  (func (export "outer") (param $k i32) (result i32)
    (i32.add (call $host_call (local.get $k)) (i32.const 1)))
  (func (export "inner") (param $k i32) (result i32)
    (i32.mul (call $next (local.get $k)) (i32.const 2)))

  ;; d nested calls, then next(d) at the bottom; returns next's result + d.
  (func $deep (export "deep") (param $d i32) (result i32)
    (if (result i32) (i32.eqz (local.get $d))
      (then (call $next (i32.const 0)))
      (else (i32.add (call $deep (i32.sub (local.get $d) (i32.const 1))) (i32.const 1)))))

  ;; 1 + 2 + ... + n, in a loop (fuel).
  (func (export "sum") (param $n i32) (result i32)
    (local $s i32)
    (block $done
      (loop $again
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again)))
    (local.get $s))

  ;; Counts n down in a loop (fuel), then stores 42 at $addr and loads it back: a host that grows
  ;; the memory while the call waits for fuel makes an $addr past the first page valid.
  (func (export "storeAfterLoop") (param $n i32) (param $addr i32) (result i32)
    (block $done
      (loop $again
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again)))
    (i32.store (local.get $addr) (i32.const 42))
    (i32.load (local.get $addr)))

  ;; Counts forever (interruption).
  (func (export "spin")
    (loop $again (br $again)))
)
