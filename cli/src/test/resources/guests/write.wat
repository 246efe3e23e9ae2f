;; Writes "hello\n" with fd_write and tells what fd_write answered: _start exits with the errno
;; of a write to stdout; `--invoke to_stderr` returns the errno of a write to stderr; `--invoke
;; answer` returns 42 (for wasmj's own output).
;; Built with: wat2wasm write.wat -o write.wasm
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello\n")
  ;; the iovec at 0: {16, 6}; the count written goes to 8
  (func $write (param $fd i32) (result i32)
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))
    (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
  (func (export "_start") (call $proc_exit (call $write (i32.const 1))))
  (func (export "to_stderr") (result i32) (call $write (i32.const 2)))
  (func (export "answer") (result i32) (i32.const 42)))
