;; i32x4.add of two v128 arguments, for `wasmj run --invoke` (MainTest).
(module
  (func (export "add") (param v128 v128) (result v128)
    (i32x4.add (local.get 0) (local.get 1))))
