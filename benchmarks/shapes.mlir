// The benchmark shape suite (the project's shared benchmark list, then five
// shape classes from other public models, from istft_ola on; its rows
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

// istft_ola: iSTFT as overlap-add: torch.istft's inverse DFT basis as a ConvTranspose1d
// (n_fft 1024, hop 256, center: padding n_fft/2; the form of pytorch#120982
// and nnAudio's iSTFT), 1026 basis rows (real and imaginary of 513 bins), 128 frames.
// ConvTranspose1d(1026, 1, 1024, stride=256, padding=512, output_padding=0, dilation=1, groups=1, bias=False), N=1: 128 -> 32512, 269.0 MFLOP
func.func @bench_istft_ola(%x: tensor<1x1026x128xf32>, %w: tensor<1026x1x1024xf32>) -> tensor<1x1x32512xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 256>, padding = array<i64: 512>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x1026x128xf32>, tensor<1026x1x1024xf32>) -> tensor<1x1x32512xf32>
  return %0 : tensor<1x1x32512xf32>
}

// tasnet_dec: Conv-TasNet decoder (Luo & Mesgarani 2019; asteroid's Decoder):
// 512 filters of 16 samples, stride 8, one output channel; 4 s at 8 kHz.
// ConvTranspose1d(512, 1, 16, stride=8, padding=0, output_padding=0, dilation=1, groups=1, bias=False), N=1: 3999 -> 32000, 65.5 MFLOP
func.func @bench_tasnet_dec(%x: tensor<1x512x3999xf32>, %w: tensor<512x1x16xf32>) -> tensor<1x1x32000xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 0>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x512x3999xf32>, tensor<512x1x16xf32>) -> tensor<1x1x32000xf32>
  return %0 : tensor<1x1x32000xf32>
}

// demucs_dec: Demucs v2 outermost decoder layer (facebookresearch/demucs, channels 64,
// kernel 8, stride 4, 4 sources x stereo = 8 outputs); 1 s at 44.1 kHz.
// ConvTranspose1d(64, 8, 8, stride=4, padding=0, output_padding=0, dilation=1, groups=1, bias=False), N=1: 11025 -> 44104, 90.3 MFLOP
func.func @bench_demucs_dec(%x: tensor<1x64x11025xf32>, %w: tensor<64x8x8xf32>) -> tensor<1x8x44104xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 4>, padding = array<i64: 0>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x64x11025xf32>, tensor<64x8x8xf32>) -> tensor<1x8x44104xf32>
  return %0 : tensor<1x8x44104xf32>
}

// encodec_up2: EnCodec 24 kHz SEANet decoder, second upsampling layer
// (facebookresearch/encodec, ratios 8,5,4,2: K = 2*ratio, no padding); 1 s.
// ConvTranspose1d(256, 128, 10, stride=5, padding=0, output_padding=0, dilation=1, groups=1, bias=False), N=1: 600 -> 3005, 393.2 MFLOP
func.func @bench_encodec_up2(%x: tensor<1x256x600xf32>, %w: tensor<256x128x10xf32>) -> tensor<1x128x3005xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 5>, padding = array<i64: 0>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x256x600xf32>, tensor<256x128x10xf32>) -> tensor<1x128x3005xf32>
  return %0 : tensor<1x128x3005xf32>
}

// bigvgan_up1: BigVGAN-v2 first upsampling layer (NVIDIA/BigVGAN, 24 kHz 100-band 256x:
// upsample_initial_channel 1536, rate 4, kernel 8, padding (k-u)/2); weights
// 37.7 MB, far beyond L2; 100 mel frames.
// ConvTranspose1d(1536, 768, 8, stride=4, padding=2, output_padding=0, dilation=1, groups=1, bias=False), N=1: 100 -> 400, 1887.4 MFLOP
func.func @bench_bigvgan_up1(%x: tensor<1x1536x100xf32>, %w: tensor<1536x768x8xf32>) -> tensor<1x768x400xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 4>, padding = array<i64: 2>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x1536x100xf32>, tensor<1536x768x8xf32>) -> tensor<1x768x400xf32>
  return %0 : tensor<1x768x400xf32>
}

// mimi_up: Mimi neural codec (kyutai-labs/moshi, moshi/modules/resample.py
// ConvTrUpsample1d with learnt=True, channel_wise=True: groups = dimension),
// the 12.5 Hz -> 25 Hz upsampler before the SEANet decoder; depthwise, no
// padding (StreamingConvTranspose1d trims afterwards); 10 s of frames.
// ConvTranspose1d(512, 512, 4, stride=2, padding=0, output_padding=0, dilation=1, groups=512, bias=False), N=1: 125 -> 252, 0.5 MFLOP
func.func @bench_mimi_up(%x: tensor<1x512x125xf32>, %w: tensor<512x1x4xf32>) -> tensor<1x512x252xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 0>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 512 : i64} : (tensor<1x512x125xf32>, tensor<512x1x4xf32>) -> tensor<1x512x252xf32>
  return %0 : tensor<1x512x252xf32>
}

// pocket_up: Pocket TTS (kyutai-labs/pocket-tts, modules/resample.py
// ConvTrUpsample1d: groups = dimension, kernel 2 * stride) with stride 16, the
// continuous-latent Mimi's frame upsampler; depthwise, long kernel; 10 s.
// ConvTranspose1d(512, 512, 32, stride=16, padding=0, output_padding=0, dilation=1, groups=512, bias=False), N=1: 125 -> 2016, 4.1 MFLOP
func.func @bench_pocket_up(%x: tensor<1x512x125xf32>, %w: tensor<512x1x32xf32>) -> tensor<1x512x2016xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 16>, padding = array<i64: 0>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 512 : i64} : (tensor<1x512x125xf32>, tensor<512x1x32xf32>) -> tensor<1x512x2016xf32>
  return %0 : tensor<1x512x2016xf32>
}
