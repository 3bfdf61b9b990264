// RUN: tconv-opt %s -split-input-file -verify-diagnostics
// RUN: not tconv-opt %s -split-input-file 2>&1 | FileCheck %s
// Malformed input: every case gives a diagnostic, none crashes. The
// -verify-diagnostics run checks each message; the second run checks that the
// tool exits with an error (not a crash) and reports the parse errors.

// CHECK: error: custom op 'this' is unknown
// expected-error@+1 {{custom op 'this' is unknown}}
this is not mlir

// -----

func.func @unknown_op(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // CHECK: error: custom op 'tconv.frobnicate' is unknown
  // expected-error@+1 {{custom op 'tconv.frobnicate' is unknown}}
  %0 = tconv.frobnicate %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @trailing_garbage(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // CHECK: error: expected ':'
  // expected-error@+1 {{expected ':'}}
  %0 = tconv.torch_conv_transpose %x, %w {} garbage
}

// -----

func.func @not_a_function_type(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{invalid kind of type specified: expected builtin.function, but found 'tensor<1x4x7xf32>'}}
  %0 = tconv.torch_conv_transpose %x, %w : tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//===----------------------------------------------------------------------===//
// Operand and result counts
//===----------------------------------------------------------------------===//

// -----

func.func @custom_one_operand(%x: tensor<1x3x5xf32>) -> tensor<1x4x7xf32> {
  // CHECK: error: expected ','
  // expected-error@+1 {{expected ','}}
  %0 = tconv.torch_conv_transpose %x : (tensor<1x3x5xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @custom_operand_type_count(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{number of operands and types do not match: got 3 operands and 2 types}}
  %0 = tconv.torch_conv_transpose %x, %w, %b : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @generic_one_operand(%x: tensor<1x3x5xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expected 2 or more operands, but found 1}}
  %0 = "tconv.torch_conv_transpose"(%x) : (tensor<1x3x5xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @generic_four_operands(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op operand group starting at #2 requires 0 or 1 element, but found 2}}
  %0 = "tconv.ms_conv_transpose"(%x, %w, %b, %b) : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @generic_no_result(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) {
  // expected-error@+1 {{'tconv.conv_transpose' op requires one result}}
  "tconv.conv_transpose"(%x, %w) <{stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>}> : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> ()
  return
}

// -----

func.func @generic_two_results(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op requires one result}}
  %0:2 = "tconv.torch_conv_transpose"(%x, %w) : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> (tensor<1x4x7xf32>, tensor<1x4x7xf32>)
  return
}

//===----------------------------------------------------------------------===//
// Wrongly typed attributes
//===----------------------------------------------------------------------===//

// -----

func.func @stride_scalar(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x13xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'stride' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = 2 : i64} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x13xf32>
  return %0 : tensor<1x4x13xf32>
}

// -----

func.func @stride_i32_array(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x13xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'stride' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i32: 2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x13xf32>
  return %0 : tensor<1x4x13xf32>
}

// -----

func.func @stride_array_attr(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x13xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op attribute 'stride' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = [2]} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x13xf32>
  return %0 : tensor<1x4x13xf32>
}

// -----

func.func @stride_dense_elements(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op attribute 'stride' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tconv.conv_transpose %x, %w {stride = dense<1> : tensor<1xi64>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @padding_string(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'padding' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tconv.torch_conv_transpose %x, %w {padding = "x"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// PyTorch's padding="same" has no meaning for transposed convolution.
func.func @padding_same_string(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'padding' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tconv.torch_conv_transpose %x, %w {padding = "same"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @groups_float(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = tconv.torch_conv_transpose %x, %w {groups = 1.5} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @groups_i32(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, groups = 1 : i32} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @group_string(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op attribute 'group' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = tconv.ms_conv_transpose %x, %w {group = "1"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @padding_mode_integer(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'padding_mode' failed to satisfy constraint: string attribute}}
  %0 = tconv.torch_conv_transpose %x, %w {padding_mode = 0 : i64} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @pad_mode_float(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op attribute 'pad_mode' failed to satisfy constraint: string attribute}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = 1.0} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @pad_mode_bare_word(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{expected attribute value}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = same} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @weight_init_number(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op attribute 'weight_init' failed to satisfy constraint: string attribute}}
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = 0.5} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @pad_hi_float_element(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{expected integer literal}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0.5>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @missing_pad_hi(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op requires attribute 'pad_hi'}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// Generic form, wrongly typed property in <{...}>.
func.func @generic_property_scalar(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{invalid properties {stride = 2 : i64} for op tconv.torch_conv_transpose: Invalid attribute `stride` in property conversion: 2 : i64}}
  %0 = "tconv.torch_conv_transpose"(%x, %w) <{stride = 2 : i64}> : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// Generic form, wrongly typed inherent attribute in {...}.
func.func @generic_attr_dict_scalar(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op attribute 'stride' failed to satisfy constraint: i64 dense array attribute}}
  %0 = "tconv.torch_conv_transpose"(%x, %w) {stride = 2 : i64} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//===----------------------------------------------------------------------===//
// Operand and result types
//===----------------------------------------------------------------------===//

// -----

func.func @unranked_input(%x: tensor<*xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<*xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @unranked_weight(%x: tensor<1x3x5xf32>, %w: tensor<*xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op operand #1 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<*xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @unranked_bias(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<*xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op operand #2 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<*xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @unranked_result(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<*xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op result #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @integer_elements(%x: tensor<1x3x5xi32>, %w: tensor<3x4x3xi32>) -> tensor<1x4x7xi32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x3x5xi32>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xi32>, tensor<3x4x3xi32>) -> tensor<1x4x7xi32>
  return %0 : tensor<1x4x7xi32>
}

// -----

func.func @integer_weight(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xi8>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op operand #1 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<3x4x3xi8>'}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xi8>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @integer_result(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xi32> {
  // expected-error@+1 {{'tconv.conv_transpose' op result #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x4x7xi32>'}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xi32>
  return %0 : tensor<1x4x7xi32>
}

// -----

func.func @index_elements(%x: tensor<1x3x5xindex>, %w: tensor<3x4x3xindex>) -> tensor<1x4x7xindex> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x3x5xindex>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xindex>, tensor<3x4x3xindex>) -> tensor<1x4x7xindex>
  return %0 : tensor<1x4x7xindex>
}

// -----

func.func @complex_elements(%x: tensor<1x3x5xcomplex<f32>>, %w: tensor<3x4x3xcomplex<f32>>) -> tensor<1x4x7xcomplex<f32>> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x3x5xcomplex<f32>>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xcomplex<f32>>, tensor<3x4x3xcomplex<f32>>) -> tensor<1x4x7xcomplex<f32>>
  return %0 : tensor<1x4x7xcomplex<f32>>
}

// -----

func.func @f8_elements(%x: tensor<1x3x5xf8E4M3FN>, %w: tensor<3x4x3xf8E4M3FN>) -> tensor<1x4x7xf8E4M3FN> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x3x5xf8E4M3FN>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf8E4M3FN>, tensor<3x4x3xf8E4M3FN>) -> tensor<1x4x7xf8E4M3FN>
  return %0 : tensor<1x4x7xf8E4M3FN>
}

// -----

func.func @vector_weight(%x: tensor<1x3x5xf32>, %w: vector<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #1 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'vector<3x4x3xf32>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, vector<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @memref_input(%x: memref<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'memref<1x3x5xf32>'}}
  %0 = tconv.torch_conv_transpose %x, %w : (memref<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
