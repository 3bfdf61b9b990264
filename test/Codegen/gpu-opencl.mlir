// The GPU schedule on OpenCL, checked on the OpenCL C that Halide embeds in
// the object (--emit=device writes it as <func>.cl): a __kernel whose input
// tile and weights live in __local memory, written by all work-items and read
// after a barrier; the per-thread partial sums are __private arrays indexed
// by constants. Plus the element-type rules of OpenCL targets.

// RUN: rm -rf %t && tconv-compile %s -o %t/ocl --target=host-opencl --emit=device
// RUN: FileCheck %s < %t/ocl/hifigan_up1.cl
// RUN: test -f %t/ocl/hifigan_up1.o -a -f %t/ocl/hifigan_up1.h

// --emit=device needs a GPU target.
// RUN: not tconv-compile %s -o %t/cpu --target=host --emit=device 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: error: compiling 'hifigan_up1': device code (--emit=device) needs a GPU target

// f64 needs the cl_doubles feature, f16 cl_half; bf16 is rejected.
// RUN: sed -e 's/f32/f64/g' %s > %t/f64.mlir
// RUN: not tconv-compile %t/f64.mlir -o %t/f64 --target=host-opencl 2>&1 | FileCheck %s --check-prefix=F64
// F64: element type f64 is not supported by Halide on an OpenCL target without the 'cl_doubles' feature
// RUN: tconv-compile %t/f64.mlir -o %t/f64 --target=host-opencl-cl_doubles --emit=device
// RUN: FileCheck %s --check-prefix=DOUBLE < %t/f64/hifigan_up1.cl
// DOUBLE: cl_khr_fp64
// DOUBLE: __kernel
// RUN: sed -e 's/f32/f16/g' %s > %t/f16.mlir
// RUN: not tconv-compile %t/f16.mlir -o %t/f16 --target=host-opencl 2>&1 | FileCheck %s --check-prefix=F16
// F16: element type f16 is not supported by Halide on an OpenCL target without the 'cl_half' feature
// RUN: sed -e 's/f32/bf16/g' %s > %t/bf16.mlir
// RUN: not tconv-compile %t/bf16.mlir -o %t/bf16 --target=host-opencl-cl_half 2>&1 | FileCheck %s --check-prefix=BF16
// BF16: element type bf16 is not supported by Halide 14 on OpenCL targets

// CHECK: __kernel void _kernel_output
// CHECK: __local
// CHECK: float _phase_partial{{[0-9_]+}}[{{[0-9]+}}];
// CHECK: barrier(
// CHECK: _phase_partial{{[0-9_]+}}[{{[0-9]+}}] =
// CHECK: __local float *

func.func @hifigan_up1(%x: tensor<1x512x32xf32>, %w: tensor<512x256x16xf32>, %b: tensor<256xf32>) -> tensor<1x256x256xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x512x32xf32>, tensor<512x256x16xf32>, tensor<256xf32>) -> tensor<1x256x256xf32>
  return %0 : tensor<1x256x256xf32>
}
