func.func @leaky_relu_prologue(%x: tensor<1x4x?xf32>, %w: tensor<4x2x16xf32>, %b: tensor<2xf32>) -> tensor<1x2x?xf32> {
  %c0 = arith.constant 0.0 : f32
  %c01 = arith.constant 0.1 : f32
  %c2 = arith.constant 2 : index
  %d = tensor.dim %x, %c2 : tensor<1x4x?xf32>
  %zero = tensor.splat %c0[%d] : tensor<1x4x?xf32>
  %slope = tensor.splat %c01[%d] : tensor<1x4x?xf32>
  %pos = arith.cmpf ogt, %x, %zero : tensor<1x4x?xf32>
  %neg = arith.mulf %x, %slope : tensor<1x4x?xf32>
  %act = arith.select %pos, %x, %neg : tensor<1x4x?xi1>, tensor<1x4x?xf32>
  %y = tconv.conv_transpose %act, %w, %b {dilation = array<i64: 1>, pad_hi = array<i64: 4>, pad_lo = array<i64: 4>, stride = array<i64: 8>} : (tensor<1x4x?xf32>, tensor<4x2x16xf32>, tensor<2xf32>) -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}
