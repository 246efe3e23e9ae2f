;; Lists the preopen at fd 3 (one fd_readdir of at most 4 KiB) and opens and reads each file in
;; it: prints "<name>: <first 64 bytes>" per entry, or "<name>: errno <n>" if path_open fails
;; ("." and ".." are left out). Names are printed as the bytes fd_readdir gave.
;; Built with: wat2wasm ls.wat -o ls.wasm
(module
  (import "wasi_snapshot_preview1" "fd_readdir"
    (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; 0: iovec, 8: count, 12: new fd, 16: bufused, 32: ": ", 36: "\n", 40: "errno ",
  ;; 64: digits, 1024: dirents (4 KiB), 8192: file contents (64 bytes)
  (data (i32.const 32) ": ")
  (data (i32.const 36) "\n")
  (data (i32.const 40) "errno ")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; prints n (0..99) in decimal
  (func $number (param $n i32)
    (if (i32.ge_u (local.get $n) (i32.const 10))
      (then
        (i32.store8 (i32.const 64) (i32.add (i32.const 48) (i32.div_u (local.get $n) (i32.const 10))))
        (call $write (i32.const 64) (i32.const 1))))
    (i32.store8 (i32.const 64) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
    (call $write (i32.const 64) (i32.const 1)))

  ;; whether the name at ptr (len bytes) is "." or ".."
  (func $dots (param $ptr i32) (param $len i32) (result i32)
    (if (i32.eq (local.get $len) (i32.const 1))
      (then (return (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 46)))))
    (if (i32.eq (local.get $len) (i32.const 2))
      (then (return (i32.and
        (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 46))
        (i32.eq (i32.load8_u offset=1 (local.get $ptr)) (i32.const 46))))))
    (i32.const 0))

  (func (export "_start")
    (local $at i32) (local $end i32) (local $name i32) (local $len i32) (local $errno i32)
    (drop (call $fd_readdir (i32.const 3) (i32.const 1024) (i32.const 4096) (i64.const 0)
      (i32.const 16)))
    (local.set $at (i32.const 1024))
    (local.set $end (i32.add (i32.const 1024) (i32.load (i32.const 16))))
    (block $done
      (loop $next
        (br_if $done (i32.gt_u (i32.add (local.get $at) (i32.const 24)) (local.get $end)))
        (local.set $len (i32.load offset=16 (local.get $at)))
        (local.set $name (i32.add (local.get $at) (i32.const 24)))
        (local.set $at (i32.add (local.get $name) (local.get $len)))
        (br_if $next (call $dots (local.get $name) (local.get $len)))
        (call $write (local.get $name) (local.get $len))
        (call $write (i32.const 32) (i32.const 2))
        ;; path_open(fd 3, no lookup flags, the name, no oflags, rights fd_read, fd at 12)
        (local.set $errno (call $path_open (i32.const 3) (i32.const 0) (local.get $name)
          (local.get $len) (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 12)))
        (if (local.get $errno)
          (then
            (call $write (i32.const 40) (i32.const 6))
            (call $number (local.get $errno)))
          (else
            (i32.store (i32.const 0) (i32.const 8192))
            (i32.store (i32.const 4) (i32.const 64))
            (drop (call $fd_read (i32.load (i32.const 12)) (i32.const 0) (i32.const 1) (i32.const 8)))
            (call $write (i32.const 8192) (i32.load (i32.const 8)))))
        (call $write (i32.const 36) (i32.const 1))
        (br $next)))))
