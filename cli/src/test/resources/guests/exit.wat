;; proc_exit with any code: `--invoke exit <code>`; _start exits with 256.
;; Built with: wat2wasm exit.wat -o exit.wasm
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "exit") (param i32) (call $proc_exit (local.get 0)))
  (func (export "_start") (call $proc_exit (i32.const 256))))
