;; asm: a v128.store at an address of 2 GiB or more with offset 0 (here i32.const -8) wrote its high
;; half at index -8 + 8 = 0 before the low half trapped: the store must write nothing. The offset
;; form (base -12, offset 4) and a store past the top of memory must write nothing either. Found
;; by the V8 campaign at seed 14052304 (session 4); reduced by wasm-reduce.
(module
 (memory $0 1 1)
 (data (i32.const 0) "\d9\d9\d9\d9\d9\d9\d9\d9")
 (data (i32.const 65528) "\d9\d9\d9\d9\d9\d9\d9\d9")
 (export "memory" (memory $0))
 (func (export "negative_address")
  (v128.store align=4 (i32.const -8) (v128.const i64x2 0x0102030405060708 0x1112131415161718)))
 (func (export "negative_address_offset")
  (v128.store offset=4 (i32.const -12) (v128.const i64x2 0x0102030405060708 0x1112131415161718)))
 (func (export "past_the_top")
  (v128.store (i32.const 65528) (v128.const i64x2 0x0102030405060708 0x1112131415161718)))
)
