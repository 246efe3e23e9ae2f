;; The launcher's training run (see ../wasmj): after a build, `wasmj run --dir <examples>::.
;; --invoke train train.wasm 27` runs once so that the classes most runs need are put in the
;; class-data archive. It touches what real programs do at start: imports, a memory with data, a
;; table with call_indirect, a global, the WASI calls wasi-libc makes (arguments, environment,
;; preopens, fd_fdstat_get, clocks, random bytes), reading a file from a preopened directory and
;; writing to stdout, and a function hot enough to be compiled by the tiered executor.
;; Returns fib(n): train 25 = 75025, train 27 = 196418 (enough calls for the compiled code to run).
(module
  (type $i2i (func (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (table 1 funcref)
  (elem (i32.const 0) $fib)
  (global $calls (mut i32) (i32.const 0))
  ;; 0: an iovec; 8: a count written back; 16: the text; 32: a path; 48: an fd written back;
  ;; 64: prestat and fdstat; 128: sizes, the time; 1024: random bytes and what is read
  (data (i32.const 16) "trained\n")
  (data (i32.const 32) "train.wat")

  (func $fib (type $i2i) (param $n i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  (func (export "train") (param $n i32) (result i32)
    (drop (call $args_sizes_get (i32.const 128) (i32.const 132)))
    (drop (call $environ_sizes_get (i32.const 136) (i32.const 140)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 0) (i32.const 144)))
    (drop (call $random_get (i32.const 1024) (i32.const 16)))
    (drop (call $fd_prestat_get (i32.const 3) (i32.const 64)))
    (drop (call $fd_fdstat_get (i32.const 1) (i32.const 64)))
    ;; read the start of train.wat from the preopened directory (fd 3), rights: fd_read
    (if (i32.eqz (call $path_open (i32.const 3) (i32.const 0) (i32.const 32) (i32.const 9)
                   (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 48)))
      (then
        (i32.store (i32.const 0) (i32.const 1024))
        (i32.store (i32.const 4) (i32.const 512))
        (drop (call $fd_read (i32.load (i32.const 48)) (i32.const 0) (i32.const 1) (i32.const 8)))
        (drop (call $fd_close (i32.load (i32.const 48))))))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 8))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call_indirect (type $i2i) (local.get $n) (i32.const 0))))
