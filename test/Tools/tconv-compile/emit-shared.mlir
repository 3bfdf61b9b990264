// --emit=shared: <stem>.so (the kernels, the Halide runtime and the C entry
// of lib/Compiler/SharedLibraryEntry.c) and its manifest <stem>.json, the
// operands of each kernel in ABI order with PyTorch-order extents, null where
// dynamic (docs/python.md).

// RUN: rm -rf %t && split-file %s %t
// RUN: tconv-compile %t/layers.mlir -o %t/out --target=x86-64-linux-avx2-fma-f16c --emit=shared
// RUN: ls %t/out | FileCheck %s --check-prefix=FILES
// FILES: dyn.h
// FILES-NEXT: dyn.o
// FILES-NEXT: halide_runtime.o
// FILES-NEXT: layers.json
// FILES-NEXT: layers.so
// FILES-NEXT: snake_residual.h
// FILES-NEXT: snake_residual.o
// FILES-NEXT: static_nobias.h
// FILES-NEXT: static_nobias.o
// FILES-NOT: {{.}}

// The library exports the entry and each kernel's argv wrapper.
// RUN: %python -c "import ctypes, sys; d = ctypes.CDLL(sys.argv[1]); [getattr(d, s) for s in sys.argv[2:]]; print('ok')" %t/out/layers.so tconv_invoke tconv_last_error tconv_set_num_threads dyn_argv static_nobias_argv | FileCheck %s --check-prefix=SYMBOLS
// SYMBOLS: ok

// RUN: FileCheck %s --input-file=%t/out/layers.json
// CHECK:      "format": "tconv-kernel-manifest",
// CHECK:      "argv_symbol": "dyn_argv",
// CHECK:      "dilation": [
// CHECK-NEXT:   2
// CHECK-NEXT: ],
// CHECK:      "groups": 2,
// CHECK:      "kernel_size": [
// CHECK-NEXT:   3
// CHECK:      "name": "dyn",
// CHECK-NEXT: "operands": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "element_type": "f32",
// CHECK-NEXT:     "extents": [
// CHECK-NEXT:       null,
// CHECK-NEXT:       4,
// CHECK-NEXT:       null
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "input",
// CHECK-NEXT:     "rank": 3,
// CHECK-NEXT:     "role": "input"
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "element_type": "f32",
// CHECK-NEXT:     "extents": [
// CHECK-NEXT:       4,
// CHECK-NEXT:       3,
// CHECK-NEXT:       3
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "weight",
// CHECK-NEXT:     "rank": 3,
// CHECK-NEXT:     "role": "weight"
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "element_type": "f32",
// CHECK-NEXT:     "extents": [
// CHECK-NEXT:       6
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "bias",
// CHECK-NEXT:     "rank": 1,
// CHECK-NEXT:     "role": "bias"
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "element_type": "f32",
// CHECK-NEXT:     "extents": [
// CHECK-NEXT:       null,
// CHECK-NEXT:       6,
// CHECK-NEXT:       null
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "output",
// CHECK-NEXT:     "rank": 3,
// CHECK-NEXT:     "role": "output"
// CHECK-NEXT:   }
// CHECK-NEXT: ],
// PyTorch's padding=1, output_padding=1: (1, 1 - 1).
// CHECK:      "pad_hi": [
// CHECK-NEXT:   0
// CHECK:      "pad_lo": [
// CHECK-NEXT:   1
// CHECK:      "spatial_rank": 1,
// CHECK-NEXT: "stride": [
// CHECK-NEXT:   2
// CHECK:      "trailing_zeros": [
// CHECK-NEXT:   0
// A 2-D f64 kernel without bias: three operands, static extents.
// CHECK:      "element_type": "f64",
// CHECK:      "name": "static_nobias",
// CHECK-NEXT: "operands": [
// CHECK:          "name": "input",
// CHECK:          "name": "weight",
// CHECK:          "extents": [
// CHECK-NEXT:       1,
// CHECK-NEXT:       2,
// CHECK-NEXT:       6,
// CHECK-NEXT:       7
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "output",
// CHECK-NOT:      "role": "bias"
// Fused operands (role extra), after the weight and before the output:
// alpha per input channel, the residual of the output's shape.
// CHECK:      "name": "snake_residual",
// CHECK-NEXT: "operands": [
// CHECK:          "name": "weight",
// CHECK:          "extents": [
// CHECK-NEXT:       4
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "extra0",
// CHECK-NEXT:     "rank": 1,
// CHECK-NEXT:     "role": "extra"
// CHECK:          "extents": [
// CHECK-NEXT:       1,
// CHECK-NEXT:       2,
// CHECK-NEXT:       16
// CHECK-NEXT:     ],
// CHECK-NEXT:     "name": "extra1",
// CHECK-NEXT:     "rank": 3,
// CHECK-NEXT:     "role": "extra"
// CHECK:          "name": "output",
// CHECK:      "library": "layers.so",
// CHECK-NEXT: "target": "x86-64-linux-avx2-fma-f16c",
// CHECK-NEXT: "version": 1

// A GPU target cannot take host buffers: an error, nothing written.
// RUN: not tconv-compile %t/layers.mlir -o %t/gpu --target=host-opencl --emit=shared 2>&1 | FileCheck %s --check-prefix=GPU
// RUN: not ls %t/gpu
// GPU: tconv-compile: error: --emit=shared needs a CPU target: its entry passes host memory, and target 'host-opencl' runs the kernels on a GPU (opencl)

// No compiler driver: a clear error, no library.
// RUN: env CXX=no-such-compiler-tconv not tconv-compile %t/layers.mlir -o %t/nocc --emit=shared 2>&1 | FileCheck %s --check-prefix=NOCC
// RUN: not ls %t/nocc/layers.so
// NOCC: tconv-compile: error: $CXX names 'no-such-compiler-tconv', which is not an executable program

// A compiler that fails: its output is in the message.
// RUN: env CXX=false not tconv-compile %t/layers.mlir -o %t/false --emit=shared 2>&1 | FileCheck %s --check-prefix=FALSE
// RUN: not ls %t/false/layers.so
// FALSE: tconv-compile: error: linking '{{.*}}layers.so' failed (exit status 1): {{.*}}false -shared -fPIC

//--- layers.mlir
func.func @dyn(%x: tensor<?x4x?xf32>, %w: tensor<4x3x3xf32>, %b: tensor<6xf32>) -> tensor<?x6x?xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 1>, dilation = array<i64: 2>, groups = 2 : i64} : (tensor<?x4x?xf32>, tensor<4x3x3xf32>, tensor<6xf32>) -> tensor<?x6x?xf32>
  return %0 : tensor<?x6x?xf32>
}
func.func @static_nobias(%x: tensor<1x3x5x6xf64>, %w: tensor<3x2x2x2xf64>) -> tensor<1x2x6x7xf64> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5x6xf64>, tensor<3x2x2x2xf64>) -> tensor<1x2x6x7xf64>
  return %0 : tensor<1x2x6x7xf64>
}
func.func @snake_residual(%x: tensor<1x4x8xf32>, %w: tensor<4x2x4xf32>, %alpha: tensor<4xf32>, %res: tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
  %a = tconv.channel_broadcast %alpha : tensor<4xf32> to tensor<1x4x8xf32>
  %ax = arith.mulf %a, %x : tensor<1x4x8xf32>
  %s = math.sin %ax : tensor<1x4x8xf32>
  %s2 = arith.mulf %s, %s : tensor<1x4x8xf32>
  %q = arith.divf %s2, %a : tensor<1x4x8xf32>
  %sn = arith.addf %x, %q : tensor<1x4x8xf32>
  %y = tconv.conv_transpose %sn, %w {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x4x8xf32>, tensor<4x2x4xf32>) -> tensor<1x2x16xf32>
  %r = arith.addf %y, %res : tensor<1x2x16xf32>
  %t = math.tanh %r : tensor<1x2x16xf32>
  return %t : tensor<1x2x16xf32>
}
