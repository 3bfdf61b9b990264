func.func @warn_same_total_clamped(%x: tensor<1x3x4xf32>, %w: tensor<3x4x2xf32>) -> tensor<1x4x11xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 3>} : (tensor<1x3x4xf32>, tensor<3x4x2xf32>) -> tensor<1x4x11xf32>
  return %0 : tensor<1x4x11xf32>
}
