func.func @non_elementwise_before(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %e = tensor.empty() : tensor<1x2x5xf32>
  %t = linalg.transpose ins(%x : tensor<1x2x5xf32>) outs(%e : tensor<1x2x5xf32>) permutation =y<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  return %y : tensor<1x3x7xf32>
}
