// A HiFi-GAN-style upsampler with a dynamic length: one kernel that
// dispatches to specializations per range of lengths (KernelPlan.h).
func.func @up_dyn(%x: tensor<1x32x?xf32>, %w: tensor<32x16x16xf32>, %b: tensor<16xf32>) -> tensor<1x16x?xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x32x?xf32>, tensor<32x16x16xf32>, tensor<16xf32>) -> tensor<1x16x?xf32>
  return %0 : tensor<1x16x?xf32>
}
