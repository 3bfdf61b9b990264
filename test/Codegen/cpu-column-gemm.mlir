// cpu-column-gemm (forced with --schedule; the tuner's to choose) keeps its
// promise in the emitted AVX-512 assembly: the GEMM is vectorized over the
// fused (tap, output channel) columns, so its 4 x 6 register block is 24
// zmm FMAs per input channel on 4 dense loads of the packed weight panel and
// 6 input broadcasts, with no spills in the loop. Each count ends at the
// loop's own back-edge, so the FMAs are inside one loop. The weights are
// copied into the panel by dense vector moves, once per block of columns.
// With one vector of columns (one output channel, 16 taps: tasnet's
// decoder), the tiles of positions are the outer loop: 1 weight load and 24
// FMAs that broadcast the input straight from memory per input channel.

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --schedule=cpu-column-gemm --emit=assembly
// RUN: FileCheck %s --check-prefix=HEADER < %t/up.h
// RUN: FileCheck %s < %t/up.s
// RUN: FileCheck %s --check-prefix=ONE-COLUMN < %t/one_column.s

// HEADER: /* tconv kernel up: cpu-column-gemm (blocks_per_tile=2, parallel=1, positions_per_block=6, tiles_outer=0, vectors_per_block=4) */

// CHECK: # %"for tap_columns.s1.ci$x"
// CHECK-NOT: {{Spill|Reload}}
// CHECK-COUNT-4: vmov{{u|a}}ps {{-?[0-9]*}}(%r{{[a-z0-9]+}}{{(,%r[a-z0-9]+)?}}), %zmm
// CHECK-NOT: {{Spill|Reload}}
// CHECK-COUNT-24: vfmadd231ps {{.*}}%zmm
// CHECK-NOT: {{Spill|Reload}}
// CHECK: jne
// CHECK-NEXT: # %bb.{{[0-9]+}}: {{.*}}"consume tap_columns"

func.func @up(%x: tensor<1x64x100xf32>, %w: tensor<64x32x16xf32>, %b: tensor<32xf32>) -> tensor<1x32x800xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x64x100xf32>, tensor<64x32x16xf32>, tensor<32xf32>) -> tensor<1x32x800xf32>
  return %0 : tensor<1x32x800xf32>
}

// ONE-COLUMN: # %"for tap_columns{{(\$[0-9]+)?}}.s1.ci$x
// ONE-COLUMN-NOT: {{Spill|Reload}}
// ONE-COLUMN: vmov{{u|a}}ps {{-?[0-9]*}}(%r{{[a-z0-9]+}}{{(,%r[a-z0-9]+)?}}), %zmm
// ONE-COLUMN-NOT: {{Spill|Reload}}
// ONE-COLUMN-COUNT-24: vfmadd231ps {{-?[0-9]*}}(%r{{[a-z0-9]+}}){1to16}, %zmm
// ONE-COLUMN-NOT: {{Spill|Reload}}
// ONE-COLUMN: jne

func.func @one_column(%x: tensor<1x64x400xf32>, %w: tensor<64x1x16xf32>) -> tensor<1x1x3208xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 0>} : (tensor<1x64x400xf32>, tensor<64x1x16xf32>) -> tensor<1x1x3208xf32>
  return %0 : tensor<1x1x3208xf32>
}
