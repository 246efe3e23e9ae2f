;; Loops forever in _start, or grows memory / a table by n (--invoke grow / growTable):
;; for --timeout, --fuel, --max-memory-size and --max-table-elements (MainTest).
;; Rebuild spin.wasm with: wat2wasm spin.wat -o spin.wasm
(module
  (memory (export "memory") 1)
  (table $t 0 funcref)
  (func (export "_start")
    (loop $again (br $again)))
  (func (export "grow") (param $n i32) (result i32)
    (memory.grow (local.get $n)))
  (func (export "growTable") (param $n i32) (result i32)
    (table.grow $t (ref.null func) (local.get $n)))
)
