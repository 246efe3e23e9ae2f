;; Bulk memory and table ops whose fuel grows with their size (FuelTest).
;; Rebuild bulk.wasm with: wat2wasm bulk.wat -o bulk.wasm
(module
  (memory (export "memory") 1)
  (table $t 1024 funcref)
  (table $u 1024 funcref)
  (data $d "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
  (elem $e funcref (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) (ref.func $f) )
  (func $f)
  ;; Each op on n bytes or elements from 0; returns nothing.
  (func (export "memory.fill") (param $n i32)
    (memory.fill (i32.const 0) (i32.const 7) (local.get $n)))
  (func (export "memory.copy") (param $n i32)
    (memory.copy (i32.const 1) (i32.const 0) (local.get $n)))
  (func (export "memory.init") (param $n i32)
    (memory.init $d (i32.const 0) (i32.const 0) (local.get $n)))
  (func (export "table.fill") (param $n i32)
    (table.fill $t (i32.const 0) (ref.func $f) (local.get $n)))
  (func (export "table.copy") (param $n i32)
    (table.copy $u $t (i32.const 0) (i32.const 0) (local.get $n)))
  (func (export "table.init") (param $n i32)
    (table.init $t $e (i32.const 0) (i32.const 0) (local.get $n)))
  ;; The first byte of memory.
  (func (export "first") (result i32)
    (i32.load8_u (i32.const 0))))
