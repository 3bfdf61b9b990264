func.func @full_shape(%x: tensor<1x2x?xf32>, %r: tensor<1x3x5xf32>) -> tensor<1x2x?xf32> {
  %0 = tconv.map %x, %r : (tensor<1x2x?xf32>, tensor<1x3x5xf32>) -> tensor<1x2x?xf32> {
  ^bb0(%v: f32, %w: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x?xf32>
}
