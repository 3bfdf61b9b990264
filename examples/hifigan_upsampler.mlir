// The upsampling stack of the HiFi-GAN V1 generator (PyTorch), 100 mel frames
// in: four nn.ConvTranspose1d layers with bias, upsampling 8x8x2x2 = 256x.
// The batch is dynamic: the kernels take any N.

// ConvTranspose1d(512, 256, 16, stride=8, padding=4): 100 -> 800
func.func @hifigan_up1(%x: tensor<?x512x100xf32>, %w: tensor<512x256x16xf32>, %b: tensor<256xf32>) -> tensor<?x256x800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<?x512x100xf32>, tensor<512x256x16xf32>, tensor<256xf32>) -> tensor<?x256x800xf32>
  return %0 : tensor<?x256x800xf32>
}

// ConvTranspose1d(256, 128, 16, stride=8, padding=4): 800 -> 6400
func.func @hifigan_up2(%x: tensor<?x256x800xf32>, %w: tensor<256x128x16xf32>, %b: tensor<128xf32>) -> tensor<?x128x6400xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<?x256x800xf32>, tensor<256x128x16xf32>, tensor<128xf32>) -> tensor<?x128x6400xf32>
  return %0 : tensor<?x128x6400xf32>
}

// ConvTranspose1d(128, 64, 4, stride=2, padding=1): 6400 -> 12800
func.func @hifigan_up3(%x: tensor<?x128x6400xf32>, %w: tensor<128x64x4xf32>, %b: tensor<64xf32>) -> tensor<?x64x12800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<?x128x6400xf32>, tensor<128x64x4xf32>, tensor<64xf32>) -> tensor<?x64x12800xf32>
  return %0 : tensor<?x64x12800xf32>
}

// ConvTranspose1d(64, 32, 4, stride=2, padding=1): 12800 -> 25600
func.func @hifigan_up4(%x: tensor<?x64x12800xf32>, %w: tensor<64x32x4xf32>, %b: tensor<32xf32>) -> tensor<?x32x25600xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<?x64x12800xf32>, tensor<64x32x4xf32>, tensor<32xf32>) -> tensor<?x32x25600xf32>
  return %0 : tensor<?x32x25600xf32>
}
