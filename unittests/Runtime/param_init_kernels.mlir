// Kernels of param-init-tests (ParamInitTest.cpp), compiled with
// tconv_add_kernel_library(... EMIT_INIT): each func's <func>_init_params is
// under test, one initializer per func. The 1-D MindSpore weights are
// (Cin=32, Cout=64, k=32): 65536 values, fan_in = 64*32 = 2048,
// fan_out = 32*32 = 1024 (unequal, so a swapped fan is caught).

func.func @ms_default(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_heuniform(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "HeUniform", bias_init = "Uniform"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_he_normal(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "he_normal", bias_init = "normal"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_xavier_uniform(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "xavier_uniform", bias_init = "TruncatedNormal"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_xaviernormal(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XavierNormal"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_normal(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "normal"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_uniform(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "Uniform"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_truncatednormal(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "TruncatedNormal"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_ones(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ones", bias_init = "One"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_zero(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "Zero", bias_init = "zeros"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x8xf32>
  return %0 : tensor<1x64x8xf32>
}

func.func @ms_normal_f64(%x: tensor<1x32x8xf64>, %w: tensor<32x64x32xf64>, %b: tensor<64xf64>) -> tensor<1x64x8xf64> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "normal", bias_init = "uniform"} : (tensor<1x32x8xf64>, tensor<32x64x32xf64>, tensor<64xf64>) -> tensor<1x64x8xf64>
  return %0 : tensor<1x64x8xf64>
}

func.func @ms_xavier_uniform_f16(%x: tensor<1x32x8xf16>, %w: tensor<32x64x32xf16>, %b: tensor<64xf16>) -> tensor<1x64x8xf16> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "xavier_uniform"} : (tensor<1x32x8xf16>, tensor<32x64x32xf16>, tensor<64xf16>) -> tensor<1x64x8xf16>
  return %0 : tensor<1x64x8xf16>
}

// PyTorch's default on the same weight shape, f32, f64, f16 and bf16.
func.func @torch_default(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>, %b: tensor<64xf32>) -> tensor<1x64x39xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b : (tensor<1x32x8xf32>, tensor<32x64x32xf32>, tensor<64xf32>) -> tensor<1x64x39xf32>
  return %0 : tensor<1x64x39xf32>
}

func.func @torch_default_f64(%x: tensor<1x32x8xf64>, %w: tensor<32x64x32xf64>, %b: tensor<64xf64>) -> tensor<1x64x39xf64> {
  %0 = tconv.torch_conv_transpose %x, %w, %b : (tensor<1x32x8xf64>, tensor<32x64x32xf64>, tensor<64xf64>) -> tensor<1x64x39xf64>
  return %0 : tensor<1x64x39xf64>
}

func.func @torch_default_f16(%x: tensor<1x32x8xf16>, %w: tensor<32x64x32xf16>, %b: tensor<64xf16>) -> tensor<1x64x39xf16> {
  %0 = tconv.torch_conv_transpose %x, %w, %b : (tensor<1x32x8xf16>, tensor<32x64x32xf16>, tensor<64xf16>) -> tensor<1x64x39xf16>
  return %0 : tensor<1x64x39xf16>
}

func.func @torch_default_bf16(%x: tensor<1x32x8xbf16>, %w: tensor<32x64x32xbf16>) -> tensor<1x64x39xbf16> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x32x8xbf16>, tensor<32x64x32xbf16>) -> tensor<1x64x39xbf16>
  return %0 : tensor<1x64x39xbf16>
}

// Grouped 2-D: Cin=64, Cout=32, groups=4, 8x8 kernel: weight (64, 8, 8, 8),
// fan_in = (32/4)*8*8 = 512 (not Cout*8*8 = 2048).
func.func @torch_grouped_2d(%x: tensor<1x64x4x4xf32>, %w: tensor<64x8x8x8xf32>, %b: tensor<32xf32>) -> tensor<1x32x11x11xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {groups = 4} : (tensor<1x64x4x4xf32>, tensor<64x8x8x8xf32>, tensor<32xf32>) -> tensor<1x32x11x11xf32>
  return %0 : tensor<1x32x11x11xf32>
}

// The canonical op with the discardable attribute written directly.
func.func @canonical_he_uniform(%x: tensor<1x32x8xf32>, %w: tensor<32x64x32xf32>) -> tensor<1x64x39xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, tconv.weight_init = "he_uniform"} : (tensor<1x32x8xf32>, tensor<32x64x32xf32>) -> tensor<1x64x39xf32>
  return %0 : tensor<1x64x39xf32>
}
