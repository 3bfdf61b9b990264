func.func @result_type(%x: tensor<1x2x3xf32>) -> tensor<1x2x4xf32> {
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x4xf32> {
  ^bb0(%v: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x4xf32>
}
