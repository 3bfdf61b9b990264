// tconv-compile rejects a fused func it cannot compile, naming the op or the
// argument, and writes nothing.
// RUN: rm -rf %t && split-file %s %t
// RUN: not tconv-compile %t/atan.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=ATAN
// RUN: not tconv-compile %t/both_stages.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=BOTH
// RUN: not tconv-compile %t/unused.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=UNUSED
// RUN: not tconv-compile %t/extra_first.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: not tconv-compile %t/cast_to_int.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=INT
// RUN: not tconv-compile %t/erf_f64.mlir -o %t/out --target=host-opencl-cl_doubles 2>&1 | FileCheck %s --check-prefix=ERF64
// RUN: not ls %t/out

// ATAN: atan.mlir:3:8: error: cannot compile 'math.atan' in a fused prologue or epilogue; the code generator compiles arith.constant, arith.addf, arith.subf, arith.mulf, arith.divf, arith.negf, arith.maximumf, arith.minimumf, arith.maxnumf, arith.minnumf, arith.cmpf, arith.select, arith.extf, arith.truncf, math.absf, math.sqrt, math.rsqrt, math.exp, math.expm1, math.log, math.log1p, math.tanh, math.erf, math.sin, math.cos, math.powf
// BOTH: error: expects argument #2 of 'both' to be used by exactly one of the fused prologue and epilogue, once; it is used 2 times
// UNUSED: error: expects argument #2 of 'unused' to be used by exactly one of the fused prologue and epilogue, once; it is used 0 times
// ORDER: error: expects the arguments of 'extra_first' to start with the op's operands in order (input, weight[, bias]), then the fused stages' extra operands
// ERF64: error: cannot compile 'erf64': math.erf in f64 in a fused stage is not supported on GPU targets (it is the C library's erf); compute it in f32 (arith.truncf/extf around it) or compile for the CPU
// INT: error: cannot compile 'arith.fptosi' in a fused prologue or epilogue

//--- atan.mlir
func.func @atan(%x: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>) -> tensor<1x2x3xf32> {
  %y = tconv.torch_conv_transpose %x, %w : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  %a = math.atan %y : tensor<1x2x3xf32>
  return %a : tensor<1x2x3xf32>
}

//--- both_stages.mlir
func.func @both(%x: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>, %r: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  %p = arith.addf %x, %r : tensor<1x2x3xf32>
  %y = tconv.torch_conv_transpose %p, %w : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  %a = arith.addf %y, %r : tensor<1x2x3xf32>
  return %a : tensor<1x2x3xf32>
}

//--- unused.mlir
func.func @unused(%x: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>, %r: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  %y = tconv.torch_conv_transpose %x, %w : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  %a = math.tanh %y : tensor<1x2x3xf32>
  return %a : tensor<1x2x3xf32>
}

//--- extra_first.mlir
func.func @extra_first(%x: tensor<1x2x3xf32>, %r: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>) -> tensor<1x2x3xf32> {
  %y = tconv.torch_conv_transpose %x, %w : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  %a = arith.addf %y, %r : tensor<1x2x3xf32>
  return %a : tensor<1x2x3xf32>
}

//--- cast_to_int.mlir
func.func @to_int(%x: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>) -> tensor<1x2x3xf32> {
  %y = tconv.torch_conv_transpose %x, %w : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  %i = arith.fptosi %y : tensor<1x2x3xf32> to tensor<1x2x3xi32>
  %f = arith.sitofp %i : tensor<1x2x3xi32> to tensor<1x2x3xf32>
  return %f : tensor<1x2x3xf32>
}

//--- erf_f64.mlir
func.func @erf64(%x: tensor<1x2x3xf64>, %w: tensor<2x2x1xf64>) -> tensor<1x2x3xf64> {
  %y = tconv.torch_conv_transpose %x, %w : (tensor<1x2x3xf64>, tensor<2x2x1xf64>) -> tensor<1x2x3xf64>
  %e = math.erf %y : tensor<1x2x3xf64>
  return %e : tensor<1x2x3xf64>
}
