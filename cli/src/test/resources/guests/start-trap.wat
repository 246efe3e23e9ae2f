;; A module whose start function traps while it is instantiated.
;; Built with: wat2wasm --debug-names start-trap.wat -o start-trap.wasm
(module
  (func $init unreachable)
  (start $init)
  (func (export "_start")))
