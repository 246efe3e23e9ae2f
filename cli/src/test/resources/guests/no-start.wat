;; A module without _start: its start function is all it runs (it traps unless $ok is 1).
;; Built with: wat2wasm no-start.wat -o no-start.wasm
(module
  (global $ok i32 (i32.const 1))
  (func $init (if (i32.ne (global.get $ok) (i32.const 1)) (then unreachable)))
  (start $init)
  (func (export "helper") (result i32) (i32.const 7)))
