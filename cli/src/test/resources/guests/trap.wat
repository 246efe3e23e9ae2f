;; A command whose _start calls $inner, which divides by zero: a trap with named functions.
;; It also imports env::missing, so it links only with --trap-unknown-imports or
;; --default-values-unknown-imports; $call_missing returns what env::missing returned.
;; Built with: wat2wasm --debug-names trap.wat -o trap.wasm
(module
  (import "env" "missing" (func $missing (param i32) (result i32)))
  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
  (func $start (export "_start") (drop (call $inner (i32.const 0))))
  (func $call_missing (export "call_missing") (result i32) (call $missing (i32.const 5))))
