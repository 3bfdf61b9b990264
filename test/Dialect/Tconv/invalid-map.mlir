// RUN: tconv-opt %s -split-input-file -verify-diagnostics
// Every verifier rule of tconv.map: its operands' shapes, its body's
// arguments, terminator and ops; and of tconv.channel_broadcast.

func.func @no_operands() -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.map' op expects at least one operand (the tensor it maps)}}
  %0 = tconv.map : () -> tensor<1x2x3xf32> {
  ^bb0:
    %c = arith.constant 0.0 : f32
    tconv.yield %c : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @rank_two(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'tconv.map' op expects its first operand to be (N, C, S...) with 1 to 3 spatial dims, got 'tensor<2x3xf32>'}}
  %0 = tconv.map %x : (tensor<2x3xf32>) -> tensor<2x3xf32> {
  ^bb0(%v: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<2x3xf32>
}

// -----

func.func @result_type(%x: tensor<1x2x3xf32>) -> tensor<1x2x4xf32> {
  // expected-error@+1 {{'tconv.map' op expects the result type to be the first operand's, 'tensor<1x2x3xf32>', got 'tensor<1x2x4xf32>'}}
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x4xf32> {
  ^bb0(%v: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x4xf32>
}

// -----

func.func @per_channel_size(%x: tensor<1x2x3xf32>, %a: tensor<3xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.map' op expects operand 1 of rank 1 to hold one value per channel (2), got 'tensor<3xf32>'}}
  %0 = tconv.map %x, %a : (tensor<1x2x3xf32>, tensor<3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32, %w: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @full_shape(%x: tensor<1x2x?xf32>, %r: tensor<1x3x5xf32>) -> tensor<1x2x?xf32> {
  // expected-error@+1 {{'tconv.map' op expects operand 1 to be per channel (rank 1) or of the first operand's shape tensor<1x2x?xf32>, got 'tensor<1x3x5xf32>'}}
  %0 = tconv.map %x, %r : (tensor<1x2x?xf32>, tensor<1x3x5xf32>) -> tensor<1x2x?xf32> {
  ^bb0(%v: f32, %w: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x?xf32>
}

// -----

func.func @element_type(%x: tensor<1x2x3xf32>, %a: tensor<2xf16>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.map' op expects operand 1 to have element type 'f32', got 'tensor<2xf16>'}}
  %0 = tconv.map %x, %a : (tensor<1x2x3xf32>, tensor<2xf16>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32, %w: f16):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @argument_count(%x: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.map' op expects the body to take one argument per operand (1), got 2}}
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32, %w: f32):
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @argument_type(%x: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.map' op expects body argument 0 to be 'f32', got 'f64'}}
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f64):
    %t = arith.truncf %v : f64 to f32
    tconv.yield %t : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @yield_type(%x: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32):
    %e = arith.extf %v : f32 to f64
    // expected-error@+1 {{'tconv.yield' op expects to yield 'f32', got 'f64'}}
    tconv.yield %e : f64
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @tensor_in_body(%x: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32):
    // expected-error@+1 {{'arith.constant' op cannot be in a tconv.map body: it must operate on scalars, got 'tensor<2xf32>'}}
    %c = arith.constant dense<1.0> : tensor<2xf32>
    tconv.yield %v : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @uses_value_from_above(%x: tensor<1x2x3xf32>, %s: f32) -> tensor<1x2x3xf32> {
  // expected-note@+1 {{required by region isolation constraints}}
  %0 = tconv.map %x : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  ^bb0(%v: f32):
    // expected-error@+1 {{'arith.mulf' op using value defined outside the region}}
    %m = arith.mulf %v, %s : f32
    tconv.yield %m : f32
  }
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @broadcast_rank(%a: tensor<2x2xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.channel_broadcast' op expects one value per channel (a rank-1 tensor), got 'tensor<2x2xf32>'}}
  %0 = tconv.channel_broadcast %a : tensor<2x2xf32> to tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @broadcast_channels(%a: tensor<3xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.channel_broadcast' op expects 'tensor<3xf32>' to hold one value per channel of 'tensor<1x2x3xf32>'}}
  %0 = tconv.channel_broadcast %a : tensor<3xf32> to tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @broadcast_sizes(%a: tensor<2xf32>) -> tensor<1x2x?xf32> {
  // expected-error@+1 {{'tconv.channel_broadcast' op expects one index operand per dynamic dim of the result (1), got 0}}
  %0 = tconv.channel_broadcast %a : tensor<2xf32> to tensor<1x2x?xf32>
  return %0 : tensor<1x2x?xf32>
}

// -----

func.func @broadcast_element_type(%a: tensor<2xf16>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'tconv.channel_broadcast' op expects the result's element type to be 'f16', got 'tensor<1x2x3xf32>'}}
  %0 = tconv.channel_broadcast %a : tensor<2xf16> to tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}
