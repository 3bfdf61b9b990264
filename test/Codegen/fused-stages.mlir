// The fused stages are part of the vectorized kernel, not a pass of their
// own: the leaky ReLU prologue is computed in the packing of the padded
// input (16 lanes, with the zero padding selected after it), and the exact
// GELU epilogue (erf as Halide's f32 polynomial) and tanh are vector
// arithmetic on the output block, without a libm call per element.
// HiFi-GAN's first upsampling layer, narrowed to 64 -> 32 channels.

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --emit=stmt,assembly
// RUN: FileCheck %s < %t/gelu_layer.stmt
// RUN: FileCheck %s --check-prefix=TANH < %t/tanh_layer.stmt
// RUN: not grep -E "call.*(erf|tanh|exp|log)" %t/gelu_layer.s %t/tanh_layer.s
// RUN: FileCheck %s --check-prefix=HEADER < %t/snake_residual.h

// CHECK-LABEL: produce padded_input {
// CHECK: padded_input[ramp({{.*}}, 1, 16){{.*}}] = {{.*}}select((uint1x16)strict_float({{.*}}is_nan_f32({{.*}} > {{.*}}), {{.*}}*x16(0.100000f))
// The epilogue is applied to the phase sums' 16-lane vectors, which are
// interleaved into the output's store.
// CHECK-LABEL: consume phase_sums {
// CHECK: (float32x16)abs({{.*}}*x16(0.707107f))
// CHECK: output[ramp(

// (The second kernel's Funcs are numbered: phase_sums$1, output$1.)
// TANH-LABEL: consume phase_sums$1 {
// TANH: x16(-9.000000f)
// TANH: output$1[ramp(

// The header states the extra operands' ABI: after the bias, before the
// output, in the func's argument order.
// HEADER: /* Fused: prologue of 5 scalar ops on the input; epilogue of 2 scalar ops on the output; extra operands, after the bias and before the output:
// HEADER-NEXT: extra0: one value per input channel (C), for the prologue
// HEADER-NEXT: extra1: the output's shape (N, C, S...), for the epilogue */
// HEADER: int snake_residual(struct halide_buffer_t *_input_buffer, struct halide_buffer_t *_weight_buffer, struct halide_buffer_t *_bias_buffer, struct halide_buffer_t *_extra0_buffer, struct halide_buffer_t *_extra1_buffer, struct halide_buffer_t *_output_buffer);

func.func @gelu_layer(%x: tensor<1x64x32xf32>, %w: tensor<64x32x16xf32>, %b: tensor<32xf32>) -> tensor<1x32x256xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x64x32xf32>
  %slope = arith.constant dense<0.1> : tensor<1x64x32xf32>
  %pos = arith.cmpf ogt, %x, %zero : tensor<1x64x32xf32>
  %neg = arith.mulf %x, %slope : tensor<1x64x32xf32>
  %act = arith.select %pos, %x, %neg : tensor<1x64x32xi1>, tensor<1x64x32xf32>
  %y = tconv.torch_conv_transpose %act, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x64x32xf32>, tensor<64x32x16xf32>, tensor<32xf32>) -> tensor<1x32x256xf32>
  %rs = arith.constant dense<0.707106769> : tensor<1x32x256xf32>
  %h = arith.constant dense<0.5> : tensor<1x32x256xf32>
  %o = arith.constant dense<1.0> : tensor<1x32x256xf32>
  %s = arith.mulf %y, %rs : tensor<1x32x256xf32>
  %e = math.erf %s : tensor<1x32x256xf32>
  %one = arith.addf %e, %o : tensor<1x32x256xf32>
  %half = arith.mulf %y, %h : tensor<1x32x256xf32>
  %r = arith.mulf %half, %one : tensor<1x32x256xf32>
  return %r : tensor<1x32x256xf32>
}

func.func @tanh_layer(%x: tensor<1x64x32xf32>, %w: tensor<64x32x16xf32>) -> tensor<1x32x256xf32> {
  %y = tconv.torch_conv_transpose %x, %w {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x64x32xf32>, tensor<64x32x16xf32>) -> tensor<1x32x256xf32>
  %t = math.tanh %y : tensor<1x32x256xf32>
  return %t : tensor<1x32x256xf32>
}

func.func @snake_residual(%x: tensor<1x4x8xf32>, %w: tensor<4x2x4xf32>, %b: tensor<2xf32>, %alpha: tensor<4xf32>, %res: tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
  %a = tconv.channel_broadcast %alpha : tensor<4xf32> to tensor<1x4x8xf32>
  %ax = arith.mulf %a, %x : tensor<1x4x8xf32>
  %s = math.sin %ax : tensor<1x4x8xf32>
  %s2 = arith.mulf %s, %s : tensor<1x4x8xf32>
  %q = arith.divf %s2, %a : tensor<1x4x8xf32>
  %sn = arith.addf %x, %q : tensor<1x4x8xf32>
  %y = tconv.torch_conv_transpose %sn, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x4x8xf32>, tensor<4x2x4xf32>, tensor<2xf32>) -> tensor<1x2x16xf32>
  %r = arith.addf %y, %res : tensor<1x2x16xf32>
  %t = math.tanh %r : tensor<1x2x16xf32>
  return %t : tensor<1x2x16xf32>
}
