// Layers with one output channel take the few-output-channel variants
// (docs/performance.md, "Few output channels"), and their micro-kernels are
// what the variants promise, in the emitted AVX-512 assembly:
// - iSTFT-style (K 1024, stride 256): cpu-phase-lanes, 4 vectors of phases x
//   6 positions = 24 zmm accumulators per tap, 4 taps unrolled: 96 FMAs per
//   input channel of a slice, the input broadcast. (LLVM keeps 22 of the 24
//   accumulators in registers: two are spilled and reloaded around their
//   FMAs in every step, a known cost of this default, docs/performance.md.)
// - Conv-TasNet-style (K 16, stride 8): cpu-tap-gemm, 6 vectors of positions
//   x 4 taps = 24 zmm FMAs per input channel in the GEMM's steady state (its
//   guarded last block has loops of its own), no spills. Each count ends at
//   the loop's own back-edge, so the FMAs are inside one loop.

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --emit=assembly
// RUN: FileCheck %s --check-prefix=LANES-H < %t/istft.h
// RUN: FileCheck %s --check-prefix=LANES < %t/istft.s
// RUN: FileCheck %s --check-prefix=GEMM-H < %t/tasnet.h
// RUN: FileCheck %s --check-prefix=GEMM < %t/tasnet.s

// LANES-H: /* tconv kernel istft: cpu-phase-lanes ({{.*}}positions_per_block=6, vectors_per_block=4) */
// LANES: # %"for phase_sums.s1.red0$y.ci_in_slice"
// LANES: vbroadcastss
// LANES-COUNT-96: vfmadd231ps {{.*}}%zmm
// LANES: jne
// LANES-NEXT: # %bb.{{[0-9]+}}: {{.*}}"end for phase_sums.s1.red0$y.ci_in_slice"

// GEMM-H: /* tconv kernel tasnet: cpu-tap-gemm ({{.*}}taps_per_block=4, vectors_per_block=6) */
// GEMM: # %"for tap_columns.s1.ci$x.ci_in_slice{{[0-9]+}}"
// GEMM-NOT: {{Spill|Reload}}
// GEMM: vbroadcastss
// GEMM-COUNT-24: vfmadd231ps {{.*}}%zmm
// GEMM-NOT: {{Spill|Reload}}
// GEMM: jne
// GEMM-NEXT: # %bb.{{[0-9]+}}: {{.*}}"end for tap_columns.s1.ci$x.ci_in_slice{{[0-9]+}}"

func.func @istft(%x: tensor<1x64x32xf32>, %w: tensor<64x1x1024xf32>) -> tensor<1x1x8192xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 256>, padding = array<i64: 384>} : (tensor<1x64x32xf32>, tensor<64x1x1024xf32>) -> tensor<1x1x8192xf32>
  return %0 : tensor<1x1x8192xf32>
}

func.func @tasnet(%x: tensor<1x64x400xf32>, %w: tensor<64x1x16xf32>) -> tensor<1x1x3208xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>} : (tensor<1x64x400xf32>, tensor<64x1x16xf32>) -> tensor<1x1x3208xf32>
  return %0 : tensor<1x1x3208xf32>
}
