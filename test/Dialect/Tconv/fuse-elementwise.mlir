// RUN: tconv-opt %s -split-input-file --tconv-fuse-elementwise | FileCheck %s
// --tconv-fuse-elementwise: the elementwise ops on a canonical conv's input
// become one tconv.map (the prologue), those on its result another (the
// epilogue); splats become scalar constants, tconv.channel_broadcast of a
// per-channel argument and full-shape arguments become map operands.

// HiFi-GAN's leaky ReLU on the input, with a dynamic length: tensor.splat
// and its tensor.dim are gone with the ops that used them.
// CHECK-LABEL: func @leaky_relu_prologue
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x?xf32>, %[[W:.*]]: tensor<4x2x16xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK-NOT: tensor.splat
// CHECK-NOT: tensor.dim
// CHECK: %[[P:.*]] = tconv.map %[[X]] : (tensor<1x4x?xf32>) -> tensor<1x4x?xf32> {
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[SLOPE:.*]] = arith.constant 1.000000e-01 : f32
// CHECK: %[[POS:.*]] = arith.cmpf ogt, %[[V]], %[[ZERO]] : f32
// CHECK: %[[NEG:.*]] = arith.mulf %[[V]], %[[SLOPE]] : f32
// CHECK: %[[R:.*]] = arith.select %[[POS]], %[[V]], %[[NEG]] : f32
// CHECK: tconv.yield %[[R]] : f32
// CHECK: %[[Y:.*]] = tconv.conv_transpose %[[P]], %[[W]], %[[B]]
// CHECK: return %[[Y]]
func.func @leaky_relu_prologue(%x: tensor<1x4x?xf32>, %w: tensor<4x2x16xf32>, %b: tensor<2xf32>) -> tensor<1x2x?xf32> {
  %c0 = arith.constant 0.0 : f32
  %c01 = arith.constant 0.1 : f32
  %c2 = arith.constant 2 : index
  %d = tensor.dim %x, %c2 : tensor<1x4x?xf32>
  %zero = tensor.splat %c0[%d] : tensor<1x4x?xf32>
  %slope = tensor.splat %c01[%d] : tensor<1x4x?xf32>
  %pos = arith.cmpf ogt, %x, %zero : tensor<1x4x?xf32>
  %neg = arith.mulf %x, %slope : tensor<1x4x?xf32>
  %act = arith.select %pos, %x, %neg : tensor<1x4x?xi1>, tensor<1x4x?xf32>
  %y = tconv.conv_transpose %act, %w, %b {dilation = array<i64: 1>, pad_hi = array<i64: 4>, pad_lo = array<i64: 4>, stride = array<i64: 8>} : (tensor<1x4x?xf32>, tensor<4x2x16xf32>, tensor<2xf32>) -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}

// -----

// The exact GELU after the conv, its dynamic splats sized from the result.
// CHECK-LABEL: func @gelu_epilogue
// CHECK: %[[Y:.*]] = tconv.conv_transpose
// CHECK: %[[E:.*]] = tconv.map %[[Y]] : (tensor<1x3x?xf32>) -> tensor<1x3x?xf32> {
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK: %[[S:.*]] = arith.mulf %[[V]], %{{.*}} : f32
// CHECK: %[[ERF:.*]] = math.erf %[[S]] : f32
// CHECK: %[[ONE:.*]] = arith.addf %[[ERF]], %{{.*}} : f32
// CHECK: %[[H:.*]] = arith.mulf %[[V]], %{{.*}} : f32
// CHECK: %[[R:.*]] = arith.mulf %[[H]], %[[ONE]] : f32
// CHECK: tconv.yield %[[R]] : f32
// CHECK: return %[[E]]
func.func @gelu_epilogue(%x: tensor<1x2x?xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x?xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 1>} : (tensor<1x2x?xf32>, tensor<2x3x3xf32>) -> tensor<1x3x?xf32>
  %c2 = arith.constant 2 : index
  %d = tensor.dim %y, %c2 : tensor<1x3x?xf32>
  %rs = arith.constant 0.707106769 : f32
  %h = arith.constant 0.5 : f32
  %o = arith.constant 1.0 : f32
  %rst = tensor.splat %rs[%d] : tensor<1x3x?xf32>
  %ht = tensor.splat %h[%d] : tensor<1x3x?xf32>
  %ot = tensor.splat %o[%d] : tensor<1x3x?xf32>
  %s = arith.mulf %y, %rst : tensor<1x3x?xf32>
  %e = math.erf %s : tensor<1x3x?xf32>
  %one = arith.addf %e, %ot : tensor<1x3x?xf32>
  %half = arith.mulf %y, %ht : tensor<1x3x?xf32>
  %r = arith.mulf %half, %one : tensor<1x3x?xf32>
  return %r : tensor<1x3x?xf32>
}

// -----

// BigVGAN's Snake (alpha per input channel) before, a residual and tanh
// after: the map operands follow the func's argument order.
// CHECK-LABEL: func @snake_and_residual
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8xf32>, %[[W:.*]]: tensor<4x2x4xf32>, %[[A:.*]]: tensor<4xf32>, %[[RES:.*]]: tensor<1x2x16xf32>)
// CHECK-NOT: tconv.channel_broadcast
// CHECK: %[[P:.*]] = tconv.map %[[X]], %[[A]] : (tensor<1x4x8xf32>, tensor<4xf32>) -> tensor<1x4x8xf32> {
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %[[AV:.*]]: f32):
// CHECK: %[[AX:.*]] = arith.mulf %[[AV]], %[[V]] : f32
// CHECK: math.sin %[[AX]] : f32
// CHECK: tconv.yield
// CHECK: %[[Y:.*]] = tconv.conv_transpose %[[P]], %[[W]]
// CHECK: %[[E:.*]] = tconv.map %[[Y]], %[[RES]] : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
// CHECK-NEXT: ^bb0(%[[YV:.*]]: f32, %[[RV:.*]]: f32):
// CHECK: %[[SUM:.*]] = arith.addf %[[YV]], %[[RV]] : f32
// CHECK: %[[T:.*]] = math.tanh %[[SUM]] : f32
// CHECK: tconv.yield %[[T]] : f32
// CHECK: return %[[E]]
func.func @snake_and_residual(%x: tensor<1x4x8xf32>, %w: tensor<4x2x4xf32>, %alpha: tensor<4xf32>, %res: tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
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

// -----

// MindSpore 2-D output_padding: the epilogue maps the zero-padded result.
// CHECK-LABEL: func @epilogue_after_trailing_zeros
// CHECK: %[[Y:.*]] = tconv.conv_transpose
// CHECK: %[[PAD:.*]] = tensor.pad %[[Y]]
// CHECK: %[[E:.*]] = tconv.map %[[PAD]] : (tensor<1x1x10x9xf32>) -> tensor<1x1x10x9xf32>
// CHECK: math.exp
// CHECK: return %[[E]]
func.func @epilogue_after_trailing_zeros(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x10x9xf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %0 = tconv.conv_transpose %x, %w {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x9xf32>
  %padded = tensor.pad %0 low[0, 0, 0, 0] high[0, 0, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %cst : f32
  } : tensor<1x1x9x9xf32> to tensor<1x1x10x9xf32>
  %e = math.exp %padded : tensor<1x1x10x9xf32>
  return %e : tensor<1x1x10x9xf32>
}

// -----

// Nothing to fuse: the func is left as it is.
// CHECK-LABEL: func @bare
// CHECK-NOT: tconv.map
// CHECK: tconv.conv_transpose
func.func @bare(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  return %y : tensor<1x3x7xf32>
}
