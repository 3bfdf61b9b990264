func.func @onnx_output_shape_full_rank(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", output_shape = array<i64: 1, 3, 10>, kernel_shape = array<i64: 3>, pads = array<i64: 0, 0>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}
