// cpu-channel-lanes on a grouped layer (the suite's "grouped": 4 groups of 64
// output channels, forced with --schedule; the tuner's to choose): a register
// block's 4 channel vectors stay inside one group, so its input channel is
// one scalar per position: 4 broadcasts feed 4 x 4 zmm FMAs over dense,
// aligned weight loads, with no gathers and no spills in the loop.

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --schedule=cpu-channel-lanes --emit=assembly
// RUN: FileCheck %s --check-prefix=HEADER < %t/grouped.h
// RUN: FileCheck %s < %t/grouped.s

// HEADER: /* tconv kernel grouped: cpu-channel-lanes (blocks_per_tile=32, parallel=1, positions_per_block=4, vectors_per_block=4) */

// CHECK: # %"for phase_sums.s1.red0$y"
// CHECK-NOT: {{Spill|Reload|gather}}
// CHECK: vbroadcastss
// CHECK-COUNT-16: vfmadd231ps {{.*}}%zmm
// CHECK-NOT: {{Spill|Reload|gather}}
// CHECK: jne
// CHECK-NEXT: # %bb.{{[0-9]+}}: {{.*}}"end for phase_sums.s1.red0$y"

func.func @grouped(%x: tensor<8x256x512xf32>, %w: tensor<256x64x8xf32>) -> tensor<8x256x2048xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 4>, padding = array<i64: 2>, output_padding = array<i64: 0>, dilation = array<i64: 1>, groups = 4 : i64} : (tensor<8x256x512xf32>, tensor<256x64x8xf32>) -> tensor<8x256x2048xf32>
  return %0 : tensor<8x256x2048xf32>
}
