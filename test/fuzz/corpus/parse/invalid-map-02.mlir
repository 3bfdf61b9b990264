func.func @element_type(%x: tensor<1x2x3xf32>, %a: tensor<2xf16>) -> tensor<1x2x3xf32> {
  %0 = tconv.map %x, %a : (tensor<1x2x3xf32>, tensor<2xf16>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32, %w: f16):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x3xf32>
}
