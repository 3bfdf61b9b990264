// The CPU schedule is vectorized with the target's natural vector width and
// parallel across cores: vector FMAs on ymm (AVX2), zmm (AVX-512) and NEON
// v-registers (arm-64), and a parallel loop (halide_do_par_for) even at N=1.
// The kernel is HiFi-GAN's third upsampling layer (ConvTranspose1d(128, 64, 4,
// stride=2, padding=1) on 6400 frames).

// RUN: rm -rf %t && tconv-compile %s -o %t/avx2 --target=x86-64-linux-avx2-fma-f16c --emit=assembly
// RUN: FileCheck %s --check-prefixes=CHECK,AVX2 < %t/avx2/hifigan_up3.s
// RUN: not grep -q zmm %t/avx2/hifigan_up3.s
// RUN: tconv-compile %s -o %t/avx512 --target=x86-64-linux-avx512 --emit=assembly
// RUN: FileCheck %s --check-prefixes=CHECK,AVX512 < %t/avx512/hifigan_up3.s
// RUN: tconv-compile %s -o %t/arm --target=arm-64-linux --emit=assembly
// RUN: FileCheck %s --check-prefixes=CHECK,NEON < %t/arm/hifigan_up3.s

// The FMAs live in the parallel loop body, emitted before the entry point.
// CHECK-DAG: {{call|bl}}{{.*}} halide_do_par_for
// CHECK-DAG: hifigan_up3:
// AVX2-DAG: vfmadd{{[0-9]+}}ps {{.*}}%ymm{{[0-9]+}}, %ymm{{[0-9]+}}, %ymm{{[0-9]+}}
// AVX512-DAG: vfmadd{{[0-9]+}}ps {{.*}}%zmm{{[0-9]+}}, %zmm{{[0-9]+}}, %zmm{{[0-9]+}}
// NEON-DAG: fmla v{{[0-9]+}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.{{4s|s\[[0-3]\]}}


func.func @hifigan_up3(%x: tensor<1x128x6400xf32>, %w: tensor<128x64x4xf32>, %b: tensor<64xf32>) -> tensor<1x64x12800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x128x6400xf32>, tensor<128x64x4xf32>, tensor<64xf32>) -> tensor<1x64x12800xf32>
  return %0 : tensor<1x64x12800xf32>
}
