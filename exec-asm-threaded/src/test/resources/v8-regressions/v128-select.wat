;; asm: a v128 select left its two halves on the JVM stack at a label, against the rule the
;; stack map frames written while emitting rely on (Frames): VerifyError when the class was
;; defined. Found by the V8 oracle in its first SIMD modules (fixed on main by a895cda);
;; reduced by wasm-reduce.
(module
 (type $i64_f64_f64_f64_=>_f64 (func (param i64 f64 f64 f64) (result f64)))
 (export "func" (func $0))
 (func $0 (param $0 i64) (param $1 f64) (param $2 f64) (param $3 f64) (result f64)
  (drop
   (i8x16.extract_lane_s 7
    (select
     (v128.const i32x4 0xff848001 0xa5670000 0x008100ff 0xff80a61f)
     (v128.const i32x4 0x00000000 0x43900000 0xfcc00000 0x41efffff)
     (i32.const 0)
    )
   )
  )
  (f64.const 1)
 )
)

