;; A guest that passes host objects through (ExternRefChurnTest). Rebuild externs.wasm with:
;; wat2wasm externs.wat -o externs.wasm
(module
  (table $kept 1 externref)

  ;; x itself, through a local and the operand stack.
  (func (export "id") (param $x externref) (result externref)
    (local $y externref)
    (local.set $y (local.get $x))
    (local.get $y))

  ;; Puts x in the table, where the store must keep it.
  (func (export "keep") (param $x externref)
    (table.set $kept (i32.const 0) (local.get $x)))

  ;; What the table holds.
  (func (export "get") (result externref)
    (table.get $kept (i32.const 0))))
