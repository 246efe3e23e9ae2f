;; A WASI command that sleeps once, on a monotonic clock 2^63 - 1 ns away, then returns (exit 0).
;; wat2wasm sleep-once.wat -o sleep-once.wasm
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; the subscription at 0: userdata, tag 0 (clock), clock id at 16, timeout at 24, flags 0
  (func (export "_start")
    (i32.store (i32.const 16) (i32.const 1))
    (i64.store (i32.const 24) (i64.const 0x7fffffffffffffff))
    (drop (call $poll (i32.const 0) (i32.const 100) (i32.const 1) (i32.const 200)))))
