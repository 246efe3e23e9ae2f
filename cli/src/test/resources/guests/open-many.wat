;; Opens the directory "." of the first preopen (fd 3) again and again until path_open fails,
;; then exits with the errno (EMFILE is 33).
;; Built with: wat2wasm open-many.wat -o open-many.wasm
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) ".")
  (func (export "_start")
    (local $errno i32)
    (loop $again
      ;; fd 3, no lookup flags, path "." (1 byte at 16), O_DIRECTORY, no rights, new fd at 0
      (local.set $errno (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 1)
        (i32.const 2) (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 0)))
      (br_if $again (i32.eqz (local.get $errno))))
    (call $proc_exit (local.get $errno))))
