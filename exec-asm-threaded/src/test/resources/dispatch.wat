;; A small bytecode interpreter (TailCopyProperties): its loop head is a tail block, a few plain
;; instructions ending in a br_table, which every handler branches back to; split into chunks,
;; each handler's chunk runs a copy of it (FunctionCompiler.tailCopy).
;; The program is bytes at address 0 (poke); run(x) interprets it with acc = x:
;;   op 0 or >= 9: the br_table's default (op - 1 is -1 or past the table): return acc
;;   1 b: acc += b    2: acc *= 3    3: acc ^= acc >>> 5    4 b: if --count != 0 then pc = b
;;   5 b: count = b   6: acc -= 7    7 b: acc = rotl(acc, b)    8 b: acc = acc * b + mem[b]
;; Only op 4 jumps back; it returns -2 once 10,000 jumps were taken.
;; epilogue(x): branches from several places to a shared epilogue (a tail block ending in a
;; return, which restores the global $sp, with a test and a call before), as compiled C
;; functions have.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 1000))
  (func $twice (param i32) (result i32) (i32.shl (local.get 0) (i32.const 1)))
  (func (export "epilogue") (param $x i32) (result i32)
    (local $r i32)
    (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
    (block $out
      (br_if $out (i32.eqz (local.get $x)))
      (local.set $r (i32.mul (local.get $x) (i32.const 3)))
      (br_if $out (i32.lt_u (local.get $x) (i32.const 10)))
      (local.set $r (i32.add (local.get $r) (global.get $sp)))
      (br_if $out (i32.lt_u (local.get $x) (i32.const 100)))
      (local.set $r (i32.xor (local.get $r) (i32.load (local.get $x)))))
    (if (i32.and (local.get $x) (i32.const 1))
      (then (local.set $r (i32.add (local.get $r) (call $twice (local.get $x))))))
    (global.set $sp (i32.add (global.get $sp) (i32.const 16)))
    (i32.add (local.get $r) (global.get $sp)))
  (func (export "poke") (param $at i32) (param $b i32)
    (i32.store8 (local.get $at) (local.get $b)))
  (func (export "run") (param $acc i32) (result i32)
    (local $pc i32) (local $op i32) (local $count i32) (local $steps i32)
    (local.set $steps (i32.const 10000))
    (loop $next
      (block $default
      (block $op8
      (block $op7
      (block $op6
      (block $op5
      (block $op4
      (block $op3
      (block $op2
      (block $op1
        (local.set $op (i32.load8_u (local.get $pc)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br_table $op1 $op2 $op3 $op4 $op5 $op6 $op7 $op8 $default
          (i32.sub (local.get $op) (i32.const 1))))
        ;; op 1
        (local.set $acc (i32.add (local.get $acc) (i32.load8_u (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br $next))
        ;; op 2
        (local.set $acc (i32.mul (local.get $acc) (i32.const 3)))
        (br $next))
        ;; op 3
        (local.set $acc (i32.xor (local.get $acc) (i32.shr_u (local.get $acc) (i32.const 5))))
        (br $next))
        ;; op 4
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (if (local.get $count)
          (then
            (local.set $steps (i32.sub (local.get $steps) (i32.const 1)))
            (if (i32.eqz (local.get $steps)) (then (return (i32.const -2))))
            (local.set $pc (i32.load8_u (local.get $pc)))
            (br $next)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br $next))
        ;; op 5
        (local.set $count (i32.load8_u (local.get $pc)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br $next))
        ;; op 6
        (local.set $acc (i32.sub (local.get $acc) (i32.const 7)))
        (br $next))
        ;; op 7
        (local.set $acc (i32.rotl (local.get $acc) (i32.load8_u (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br $next))
        ;; op 8
        (local.set $op (i32.load8_u (local.get $pc)))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (local.get $op))
          (i32.load8_u (local.get $op))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br $next))
      ;; default
      (return (local.get $acc)))
    (unreachable))
)
