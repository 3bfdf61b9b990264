func.func @uses_value_from_above(%x: tensor<1x2x3xf32>, %s: f32) -> tensor<1x2x3xf32> {
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32):
    %m = arith.mulf %v, %s : f32
    tconv.yield %m : f32
  }
  return %0 : tensor<1x2x3xf32>
}
