// With stride >= 8 the CPU schedule makes the phase a variable of one update
// and loops over all the phases inside each slice of 16 input channels
// (CpuRules.h, rule 5; the cpu-phases-in-slices variant): hifigan_up1 (ConvTranspose1d(512, 256, 16,
// stride=8, padding=4)) has 32 slices, each with 8 unrolled phase loops of
// 16 channels x 2 taps, and no second update. Stride 2 keeps one update per
// phase over all the input channels. (Func names after the first kernel of a
// process carry a $N suffix.)

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --emit=stmt
// RUN: FileCheck %s --check-prefix=SLICES < %t/hifigan_up1.stmt
// RUN: FileCheck %s --check-prefix=PHASES < %t/hifigan_up3.stmt

// SLICES: produce phase_sums {
// SLICES: for (phase_sums.s1.red0$y.ci_slice, 0, 32) {
// SLICES-COUNT-8: for (phase_sums.s1.red0$y.ci_in_slice, 0, 16) {
// SLICES-NOT: phase_sums.s2
// SLICES: consume phase_sums {

// PHASES: produce phase_sums{{(\$[0-9]+)?}} {
// PHASES-NOT: ci_slice
// PHASES: for (phase_sums{{(\$[0-9]+)?}}.s1.red0$y, 0, 128) {
// PHASES-NOT: ci_slice
// PHASES: for (phase_sums{{(\$[0-9]+)?}}.s2.red1$y, 0, 128) {
// PHASES-NOT: ci_slice
// PHASES: consume phase_sums{{(\$[0-9]+)?}} {

func.func @hifigan_up1(%x: tensor<1x512x100xf32>, %w: tensor<512x256x16xf32>) -> tensor<1x256x800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x512x100xf32>, tensor<512x256x16xf32>) -> tensor<1x256x800xf32>
  return %0 : tensor<1x256x800xf32>
}

func.func @hifigan_up3(%x: tensor<1x128x6400xf32>, %w: tensor<128x64x4xf32>) -> tensor<1x64x12800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x128x6400xf32>, tensor<128x64x4xf32>) -> tensor<1x64x12800xf32>
  return %0 : tensor<1x64x12800xf32>
}
