// --emit=init: <func>_init_params.o and .h beside each kernel
// (docs/initialization.md); unsupported initializers are errors that name the
// func and the initializer, and leave no output.

// RUN: rm -rf %t && split-file %s %t
// RUN: tconv-compile %t/kernels.mlir -o %t/out --target=x86-64-linux-avx2-fma-f16c --emit=init
// RUN: ls %t/out | FileCheck %s --check-prefix=FILES
// FILES: halide_runtime.o
// FILES-NEXT: ms_bias.h
// FILES-NEXT: ms_bias.o
// FILES-NEXT: ms_bias_init_params.h
// FILES-NEXT: ms_bias_init_params.o
// FILES-NEXT: torch_no_bias.h
// FILES-NEXT: torch_no_bias.o
// FILES-NEXT: torch_no_bias_init_params.h
// FILES-NEXT: torch_no_bias_init_params.o
// FILES-NOT: {{.}}

// The ABI: the seed, the weight, the bias when the kernel has one. (Halide
// makes buffer names unique within a process, hence the optional suffix.)
// RUN: FileCheck %s --check-prefix=BIAS < %t/out/ms_bias_init_params.h
// BIAS: int ms_bias_init_params(uint64_t _seed, struct halide_buffer_t *_weight{{(__[0-9]+)?}}_buffer, struct halide_buffer_t *_bias{{(__[0-9]+)?}}_buffer);
// RUN: FileCheck %s --check-prefix=NOBIAS < %t/out/torch_no_bias_init_params.h
// NOBIAS: int torch_no_bias_init_params(uint64_t _seed, struct halide_buffer_t *_weight{{(__[0-9]+)?}}_buffer);

// Without --emit=init, no init files.
// RUN: tconv-compile %t/kernels.mlir -o %t/plain
// RUN: ls %t/plain | FileCheck %s --check-prefix=PLAIN
// PLAIN-NOT: init_params

// A GPU target: the init function is CPU code (the object needs no device).
// RUN: tconv-compile %t/kernels.mlir -o %t/ocl --target=host-opencl --emit=init
// RUN: ls %t/ocl | FileCheck %s --check-prefix=OCL
// OCL: ms_bias_init_params.h
// OCL-NEXT: ms_bias_init_params.o

// Accepted by the verifier, not implemented here: nothing is written, and the
// same file compiles without --emit=init.
// RUN: not tconv-compile %t/orthogonal.mlir -o %t/orth --emit=init 2>&1 | FileCheck %s --check-prefix=ORTH
// RUN: not ls %t/orth
// ORTH: orthogonal.mlir:1:1: error: cannot emit the parameter initialization of 'orth': weight_init "Orthogonal" is not supported by the parameter initialization (supported: the default (no name), normal, uniform, truncatednormal, heuniform/he_uniform, henormal/he_normal, xavieruniform/xavier_uniform, xaviernormal/xavier_normal, one/ones, zero/zeros)
// RUN: tconv-compile %t/orthogonal.mlir -o %t/orth-plain

// RUN: not tconv-compile %t/dirac.mlir -o %t/dirac --emit=init 2>&1 | FileCheck %s --check-prefix=DIRAC
// DIRAC: error: cannot emit the parameter initialization of 'dirac': weight_init "dirac" is not supported

// A canonical op carries the names unverified: a fan-based bias initializer
// and an unknown name are errors here.
// RUN: not tconv-compile %t/canonical_bias_he.mlir -o %t/bias_he --emit=init 2>&1 | FileCheck %s --check-prefix=BIASHE
// BIASHE: error: cannot emit the parameter initialization of 'bias_he': bias_init "he_uniform" needs a tensor of rank 2 or more (MindSpore computes its fans from the shape), but the bias is 1-D
// RUN: not tconv-compile %t/canonical_unknown.mlir -o %t/unknown --emit=init 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: cannot emit the parameter initialization of 'unknown': weight_init "glorot" is not a known initializer (supported: the default

// A name that is not a string is an error with or without --emit=init.
// RUN: not tconv-compile %t/canonical_number.mlir -o %t/number 2>&1 | FileCheck %s --check-prefix=NUMBER
// NUMBER: error: expects 'tconv.weight_init' to be a string (an initializer name), got 5 : i64

// A func named like another's initialization.
// RUN: not tconv-compile %t/clash.mlir -o %t/clash --emit=init 2>&1 | FileCheck %s --check-prefix=CLASH
// RUN: not ls %t/clash
// CLASH: tconv-compile: error: --emit=init would name the initialization of 'f' 'f_init_params', which is also a func of the input; rename one

//--- kernels.mlir
func.func @ms_bias(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x5xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XavierUniform", bias_init = "zeros"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}
func.func @torch_no_bias(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//--- orthogonal.mlir
func.func @orth(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "Orthogonal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

//--- dirac.mlir
func.func @dirac(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "dirac"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

//--- canonical_bias_he.mlir
func.func @bias_he(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, tconv.bias_init = "he_uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//--- canonical_unknown.mlir
func.func @unknown(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, tconv.weight_init = "glorot"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//--- canonical_number.mlir
func.func @number(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, tconv.weight_init = 5} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//--- clash.mlir
func.func @f(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
func.func @f_init_params(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
