func.func @onnx_row30_same_upper_dk_below_stride(%x: tensor<1x2x4xf32>, %w: tensor<2x3x2xf32>) -> tensor<1x3x11xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 3>} : (tensor<1x2x4xf32>, tensor<2x3x2xf32>) -> tensor<1x3x11xf32>
  return %0 : tensor<1x3x11xf32>
}
