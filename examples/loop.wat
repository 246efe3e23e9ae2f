;; An iterative loop: sums i*i mod 7 for i in [0, n). Dispatch-heavy, call-free.
;; wasmj run examples/loop.wasm --invoke sum 1000   prints 2001
(module
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (i64.add (local.get $acc)
            (i64.extend_i32_u (i32.rem_u (i32.mul (local.get $i) (local.get $i)) (i32.const 7)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
