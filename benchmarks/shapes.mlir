// The benchmark shape suite (the project's shared benchmark list; its rows
// are kShapes in tconv_bench.cpp and the Results table of
// docs/performance.md), one kernel per
// shape: PyTorch nn.ConvTranspose1d, f32, N x C x L, static shapes, no bias
// (shapes.md has no bias column, and oneDNN computes the same thing without).
// Attributes equal to PyTorch's default are spelled out anyway, so each line
// reads like its row in shapes.md. tconv_bench.cpp repeats the table (oneDNN
// and the reference need the parameters); a mismatch in sizes makes a kernel
// reject its buffers, one in stride/padding/dilation fails the correctness
// check against oneDNN.
//
// FLOPs = 2 * N * Cin * (Cout/groups) * K * L_in;
// L_out = (L_in - 1)*s - 2p + d*(K - 1) + op + 1.

// hifigan_up1: HiFi-GAN V1 generator, first upsampling layer (100 mel frames).
// ConvTranspose1d(512, 256, 16, stride=8, padding=4, output_padding=0, dilation=1, groups=1, bias=False), N=1: 100 -> 800, 419.4 MFLOP
func.func @bench_hifigan_up1(%x: tensor<1x512x100xf32>, %w: tensor<512x256x16xf32>) -> tensor<1x256x800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 4>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x512x100xf32>, tensor<512x256x16xf32>) -> tensor<1x256x800xf32>
  return %0 : tensor<1x256x800xf32>
}

// hifigan_up2: HiFi-GAN V1, second upsampling layer.
// ConvTranspose1d(256, 128, 16, stride=8, padding=4, output_padding=0, dilation=1, groups=1, bias=False), N=1: 800 -> 6400, 838.9 MFLOP
func.func @bench_hifigan_up2(%x: tensor<1x256x800xf32>, %w: tensor<256x128x16xf32>) -> tensor<1x128x6400xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 4>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x256x800xf32>, tensor<256x128x16xf32>) -> tensor<1x128x6400xf32>
  return %0 : tensor<1x128x6400xf32>
}

// hifigan_up3: HiFi-GAN V1, third upsampling layer.
// ConvTranspose1d(128, 64, 4, stride=2, padding=1, output_padding=0, dilation=1, groups=1, bias=False), N=1: 6400 -> 12800, 419.4 MFLOP
func.func @bench_hifigan_up3(%x: tensor<1x128x6400xf32>, %w: tensor<128x64x4xf32>) -> tensor<1x64x12800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x128x6400xf32>, tensor<128x64x4xf32>) -> tensor<1x64x12800xf32>
  return %0 : tensor<1x64x12800xf32>
}

// hifigan_up4: HiFi-GAN V1, fourth upsampling layer.
// ConvTranspose1d(64, 32, 4, stride=2, padding=1, output_padding=0, dilation=1, groups=1, bias=False), N=1: 12800 -> 25600, 209.7 MFLOP
func.func @bench_hifigan_up4(%x: tensor<1x64x12800xf32>, %w: tensor<64x32x4xf32>) -> tensor<1x32x25600xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x64x12800xf32>, tensor<64x32x4xf32>) -> tensor<1x32x25600xf32>
  return %0 : tensor<1x32x25600xf32>
}

// melgan_up1: MelGAN generator, first upsampling layer.
// ConvTranspose1d(512, 256, 16, stride=8, padding=4, output_padding=0, dilation=1, groups=1, bias=False), N=1: 200 -> 1600, 838.9 MFLOP
func.func @bench_melgan_up1(%x: tensor<1x512x200xf32>, %w: tensor<512x256x16xf32>) -> tensor<1x256x1600xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 4>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x512x200xf32>, tensor<512x256x16xf32>) -> tensor<1x256x1600xf32>
  return %0 : tensor<1x256x1600xf32>
}

// seed_ex1: MindSpore/PyTorch comparison example 1.
// ConvTranspose1d(3, 64, 4, stride=1, padding=0, output_padding=0, dilation=1, groups=1, bias=False), N=1: 50 -> 53, 0.1 MFLOP
func.func @bench_seed_ex1(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1>, padding = array<i64: 0>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}

// seed_ex2: MindSpore/PyTorch comparison example 2 (PyTorch form).
// ConvTranspose1d(3, 64, 5, stride=3, padding=2, output_padding=2, dilation=1, groups=1, bias=False), N=1: 50 -> 150, 0.1 MFLOP
func.func @bench_seed_ex2(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// batch16: batched decoder layer.
// ConvTranspose1d(256, 256, 4, stride=2, padding=1, output_padding=1, dilation=1, groups=1, bias=False), N=16: 1024 -> 2049, 8589.9 MFLOP
func.func @bench_batch16(%x: tensor<16x256x1024xf32>, %w: tensor<256x256x4xf32>) -> tensor<16x256x2049xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 1>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<16x256x1024xf32>, tensor<256x256x4xf32>) -> tensor<16x256x2049xf32>
  return %0 : tensor<16x256x2049xf32>
}

// grouped: grouped upsampling.
// ConvTranspose1d(256, 256, 8, stride=4, padding=2, output_padding=0, dilation=1, groups=4, bias=False), N=8: 512 -> 2048, 1073.7 MFLOP
func.func @bench_grouped(%x: tensor<8x256x512xf32>, %w: tensor<256x64x8xf32>) -> tensor<8x256x2048xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 4>, padding = array<i64: 2>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 4 : i64} : (tensor<8x256x512xf32>, tensor<256x64x8xf32>) -> tensor<8x256x2048xf32>
  return %0 : tensor<8x256x2048xf32>
}

// dilated: dilated, stride 1.
// ConvTranspose1d(128, 128, 3, stride=1, padding=2, output_padding=0, dilation=2, groups=1, bias=False), N=4: 2048 -> 2048, 805.3 MFLOP
func.func @bench_dilated(%x: tensor<4x128x2048xf32>, %w: tensor<128x128x3xf32>) -> tensor<4x128x2048xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1>, padding = array<i64: 2>, output_padding = array<i64: 0>, dilation = array<i64: 2>, groups = 1 : i64} : (tensor<4x128x2048xf32>, tensor<128x128x3xf32>) -> tensor<4x128x2048xf32>
  return %0 : tensor<4x128x2048xf32>
}
