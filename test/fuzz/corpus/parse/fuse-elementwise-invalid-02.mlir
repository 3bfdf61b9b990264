func.func @non_elementwise_after(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  %t = math.tanh %y : tensor<1x3x7xf32>
  %c0 = arith.constant 0 : index
  %v = arith.constant 1.0 : f32
  %p = tensor.insert %v into %t[%c0, %c0, %c0] : tensor<1x3x7xf32>
  return %p : tensor<1x3x7xf32>
}
