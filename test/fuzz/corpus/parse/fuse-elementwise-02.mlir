func.func @snake_and_residual(%x: tensor<1x4x8xf32>, %w: tensor<4x2x4xf32>, %alpha: tensor<4xf32>, %res: tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
  %a = tconv.channel_broadcast %alpha : tensor<4xf32> to tensor<1x4x8xf32>
  %ax = arith.mulf %a, %x : tensor<1x4x8xf32>
  %s = math.sin %ax : tensor<1x4x8xf32>
  %s2 = arith.mulf %s, %s : tensor<1x4x8xf32>
  %q = arith.divf %s2, %a : tensor<1x4x8xf32>
  %sn = arith.addf %x, %q : tensor<1x4x8xf32>
  %y = tconv.conv_transpose %sn, %w {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x4x8xf32>, tensor<4x2x4xf32>) -> tensor<1x2x16xf32>
  %r = arith.addf %y, %res : tensor<1x2x16xf32>
  %t = math.tanh %r : tensor<1x2x16xf32>
  return %t : tensor<1x2x16xf32>
}
