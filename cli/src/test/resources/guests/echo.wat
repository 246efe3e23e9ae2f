;; A WASI command that prints each argument, then each environment variable, one per line, then
;; the names of its preopened directories, and exits with code 3.
;; Built with: wat2wasm echo.wat -o echo.wasm
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 2)
  (data (i32.const 8) "\n")

  ;; writes len bytes at ptr, then a newline, to stdout
  (func $line (param $ptr i32) (param $len i32)
    (i32.store (i32.const 16) (local.get $ptr))
    (i32.store (i32.const 20) (local.get $len))
    (i32.store (i32.const 24) (i32.const 8))
    (i32.store (i32.const 28) (i32.const 1))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 2) (i32.const 32))))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; prints the count strings whose pointers are at ptrs
  (func $lines (param $ptrs i32) (param $count i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $s (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $i) (i32.const 2)))))
        (call $line (local.get $s) (call $strlen (local.get $s)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func (export "_start")
    (local $fd i32)
    (drop (call $args_sizes_get (i32.const 40) (i32.const 44)))
    (drop (call $args_get (i32.const 1024) (i32.const 4096)))
    (call $lines (i32.const 1024) (i32.load (i32.const 40)))
    (drop (call $environ_sizes_get (i32.const 40) (i32.const 44)))
    (drop (call $environ_get (i32.const 1024) (i32.const 4096)))
    (call $lines (i32.const 1024) (i32.load (i32.const 40)))
    (local.set $fd (i32.const 3))
    (block $done
      (loop $next
        (br_if $done (call $fd_prestat_get (local.get $fd) (i32.const 48)))
        (drop (call $fd_prestat_dir_name (local.get $fd) (i32.const 8192) (i32.load (i32.const 52))))
        (call $line (i32.const 8192) (i32.load (i32.const 52)))
        (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
        (br $next)))
    (call $proc_exit (i32.const 3)))

  ;; for --invoke: adds two i64s
  (func (export "add") (param i64 i64) (result i64)
    (i64.add (local.get 0) (local.get 1))))
