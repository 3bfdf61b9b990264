// RUN: tconv-opt %s -split-input-file | FileCheck %s
// Every name of the initializer registry (tconv/Support/InitializerNames.h)
// that suits the tensor is accepted by the verifier, in upper case too; the
// code generator knows the same names (unittests/Codegen/
// InitializerNamesTest.cpp). "identity" needs rank 2, which no weight has
// (invalid-ms.mlir checks that it is rejected); only the names without a
// minimum rank suit the 1-D bias.

// CHECK-LABEL: func @weight_names
func.func @weight_names(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) {
  // CHECK: weight_init = "normal"
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "uniform"
  %1 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "truncatednormal"
  %2 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "truncatednormal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "heuniform"
  %3 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "heuniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "he_uniform"
  %4 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "he_uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "henormal"
  %5 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "henormal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "he_normal"
  %6 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "he_normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "xavieruniform"
  %7 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "xavieruniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "xavier_uniform"
  %8 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "xavier_uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "xaviernormal"
  %9 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "xaviernormal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "xavier_normal"
  %10 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "xavier_normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "one"
  %11 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "one"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "ones"
  %12 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ones"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "zero"
  %13 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "zero"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "zeros"
  %14 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "zeros"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "dirac"
  %15 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "dirac"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "orthogonal"
  %16 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "orthogonal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "variancescaling"
  %17 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "variancescaling"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return
}

// -----

// CHECK-LABEL: func @weight_names_upper_case
func.func @weight_names_upper_case(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) {
  // CHECK: weight_init = "NORMAL"
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "NORMAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "UNIFORM"
  %1 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "UNIFORM"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "TRUNCATEDNORMAL"
  %2 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "TRUNCATEDNORMAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "HEUNIFORM"
  %3 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "HEUNIFORM"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "HE_UNIFORM"
  %4 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "HE_UNIFORM"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "HENORMAL"
  %5 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "HENORMAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "HE_NORMAL"
  %6 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "HE_NORMAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "XAVIERUNIFORM"
  %7 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XAVIERUNIFORM"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "XAVIER_UNIFORM"
  %8 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XAVIER_UNIFORM"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "XAVIERNORMAL"
  %9 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XAVIERNORMAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "XAVIER_NORMAL"
  %10 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XAVIER_NORMAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "ONE"
  %11 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ONE"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "ONES"
  %12 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ONES"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "ZERO"
  %13 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ZERO"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "ZEROS"
  %14 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ZEROS"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "DIRAC"
  %15 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "DIRAC"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "ORTHOGONAL"
  %16 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "ORTHOGONAL"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: weight_init = "VARIANCESCALING"
  %17 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "VARIANCESCALING"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return
}

// -----

// CHECK-LABEL: func @bias_names
func.func @bias_names(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) {
  // CHECK: bias_init = "normal"
  %0 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: bias_init = "uniform"
  %1 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: bias_init = "truncatednormal"
  %2 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "truncatednormal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: bias_init = "one"
  %3 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "one"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: bias_init = "ones"
  %4 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "ones"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: bias_init = "zero"
  %5 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "zero"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  // CHECK: bias_init = "zeros"
  %6 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "zeros"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return
}
