// RUN: tconv-opt %s -split-input-file --tconv-fuse-elementwise -verify-diagnostics
// What --tconv-fuse-elementwise cannot gather: each is an error naming the
// op, so tconv-compile never compiles a func with part of it left out.

func.func @non_elementwise_after(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  %t = math.tanh %y : tensor<1x3x7xf32>
  %c0 = arith.constant 0 : index
  %v = arith.constant 1.0 : f32
  // expected-error@+1 {{cannot fuse 'tensor.insert' into the epilogue of tconv.conv_transpose: only elementwise arith and math ops on tensors can follow it}}
  %p = tensor.insert %v into %t[%c0, %c0, %c0] : tensor<1x3x7xf32>
  return %p : tensor<1x3x7xf32>
}

// -----

func.func @non_elementwise_before(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %c0 = arith.constant 0 : index
  %v = arith.constant 1.0 : f32
  // expected-error@+1 {{cannot fuse 'tensor.insert' into the prologue of tconv.conv_transpose: only elementwise arith and math ops on tensors can compute its input}}
  %t = tensor.insert %v into %x[%c0, %c0, %c0] : tensor<1x2x5xf32>
  %y = tconv.conv_transpose %t, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  return %y : tensor<1x3x7xf32>
}

// -----

func.func @non_splat_constant(%x: tensor<1x2x3xf32>, %w: tensor<2x1x1xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x1x1xf32>) -> tensor<1x1x3xf32>
  %c = arith.constant dense<[[[1.0, 2.0, 3.0]]]> : tensor<1x1x3xf32>
  // expected-error@+1 {{cannot fuse 'arith.mulf' into the epilogue: its operand #1 is computed by 'arith.constant', which is not a splat constant, a tconv.channel_broadcast of an argument, or an elementwise op of the epilogue}}
  %r = arith.mulf %y, %c : tensor<1x1x3xf32>
  return %r : tensor<1x1x3xf32>
}

// -----

func.func @broadcast_of_a_computed_value(%x: tensor<1x2x3xf32>, %w: tensor<2x1x1xf32>, %v: tensor<1xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x1x1xf32>) -> tensor<1x1x3xf32>
  %t = math.tanh %v : tensor<1xf32>
  // expected-error@+1 {{cannot fuse this tconv.channel_broadcast into the epilogue: only one of a func argument (the kernel's extra operand) can be fused}}
  %b = tconv.channel_broadcast %t : tensor<1xf32> to tensor<1x1x3xf32>
  %r = arith.addf %y, %b : tensor<1x1x3xf32>
  return %r : tensor<1x1x3xf32>
}

// -----

// The activation's result is also returned... by a second use: the model
// needs the intermediate, so nothing may be fused.
func.func @prologue_value_used_twice(%x: tensor<1x2x3xf32>, %w: tensor<2x1x1xf32>) -> (tensor<1x1x3xf32>, tensor<1x2x3xf32>) {
  // expected-error@+1 {{cannot fuse 'math.tanh' into the prologue: its result is also used by 'func.return'}}
  %t = math.tanh %x : tensor<1x2x3xf32>
  %y = tconv.conv_transpose %t, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x1x1xf32>) -> tensor<1x1x3xf32>
  return %y, %t : tensor<1x1x3xf32>, tensor<1x2x3xf32>
}

// -----

func.func @prologue_without_the_input(%x: tensor<1x2x3xf32>, %w: tensor<2x1x1xf32>, %z: tensor<1x2x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{cannot fuse the prologue of tconv.conv_transpose: it must compute the input from the func's first argument (the kernel's input)}}
  %t = math.tanh %z : tensor<1x2x3xf32>
  %y = tconv.conv_transpose %t, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x1x1xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// A skip connection from the input to the output crosses the convolution.
func.func @skip_across(%x: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>) -> tensor<1x2x3xf32> {
  %t = math.tanh %x : tensor<1x2x3xf32>
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  // expected-error@+1 {{cannot fuse 'arith.addf' into the epilogue: its operand #1 is computed by 'math.tanh', which is not a splat constant, a tconv.channel_broadcast of an argument, or an elementwise op of the epilogue}}
  %r = arith.addf %y, %t : tensor<1x2x3xf32>
  return %r : tensor<1x2x3xf32>
}

// -----

func.func @epilogue_not_returned(%x: tensor<1x2x3xf32>, %w: tensor<2x1x1xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x1x1xf32>) -> tensor<1x1x3xf32>
  %t = math.tanh %y : tensor<1x1x3xf32>
  // expected-error@-3 {{cannot fuse the epilogue of 'epilogue_not_returned': the func must return the one value its elementwise ops compute from the convolution}}
  return %y : tensor<1x1x3xf32>
}
