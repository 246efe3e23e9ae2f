;; A module whose _start takes a parameter: not a WASI command.
;; Built with: wat2wasm start-params.wat -o start-params.wasm
(module
  (func (export "_start") (param i32)))
