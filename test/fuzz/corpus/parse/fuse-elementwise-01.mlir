func.func @gelu_epilogue(%x: tensor<1x2x?xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x?xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 1>} : (tensor<1x2x?xf32>, tensor<2x3x3xf32>) -> tensor<1x3x?xf32>
  %c2 = arith.constant 2 : index
  %d = tensor.dim %y, %c2 : tensor<1x3x?xf32>
  %rs = arith.constant 0.707106769 : f32
  %h = arith.constant 0.5 : f32
  %o = arith.constant 1.0 : f32
  %rst = tensor.splat %rs[%d] : tensor<1x3x?xf32>
  %ht = tensor.splat %h[%d] : tensor<1x3x?xf32>
  %ot = tensor.splat %o[%d] : tensor<1x3x?xf32>
  %s = arith.mulf %y, %rst : tensor<1x3x?xf32>
  %e = math.erf %s : tensor<1x3x?xf32>
  %one = arith.addf %e, %ot : tensor<1x3x?xf32>
  %half = arith.mulf %y, %ht : tensor<1x3x?xf32>
  %r = arith.mulf %half, %one : tensor<1x3x?xf32>
  return %r : tensor<1x3x?xf32>
}
