// cpu-channel-lanes (forced with --schedule; the tuner's to choose) keeps
// its promise in the emitted AVX-512 assembly: the output channels are the
// lanes, so a block of 2 channel vectors x 10 positions is 20 zmm FMAs per
// input channel, each position's input broadcast once, with no spills in the
// loop; the weights are packed with the channels innermost (aligned vector
// loads), and the row of 100 positions is one tile of 10 blocks of 10.
// Each count ends at the loop's own back-edge, so the FMAs are inside one
// loop.

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --schedule=cpu-channel-lanes --emit=assembly
// RUN: FileCheck %s --check-prefix=HEADER < %t/up.h
// RUN: FileCheck %s < %t/up.s

// HEADER: /* tconv kernel up: cpu-channel-lanes (blocks_per_tile=10, parallel=1, positions_per_block=10, vectors_per_block=2) */

// CHECK: # %"for phase_sums.s1.red0$y"
// CHECK-NOT: {{Spill|Reload}}
// CHECK: vbroadcastss
// CHECK-COUNT-20: vfmadd231ps {{.*}}%zmm
// CHECK-NOT: {{Spill|Reload}}
// CHECK: jne
// CHECK-NEXT: # %bb.{{[0-9]+}}: {{.*}}"end for phase_sums.s1.red0$y"

func.func @up(%x: tensor<1x64x100xf32>, %w: tensor<64x32x4xf32>, %b: tensor<32xf32>) -> tensor<1x32x200xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x64x100xf32>, tensor<64x32x4xf32>, tensor<32xf32>) -> tensor<1x32x200xf32>
  return %0 : tensor<1x32x200xf32>
}
