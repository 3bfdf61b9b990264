// Two compiles of the same file (two processes) write byte-identical
// headers: the include guard is the final file name's, not the temporary
// one's that Halide wrote ("..._h_tmp<pid>" before).

// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: tconv-compile %s -o %t/a --target=x86-64-linux-avx2-fma-f16c
// RUN: cp %t/a/up.h %t/first.h
// RUN: tconv-compile %s -o %t/a --target=x86-64-linux-avx2-fma-f16c
// RUN: cmp %t/first.h %t/a/up.h
// RUN: FileCheck %s < %t/a/up.h
// CHECK: #ifndef HALIDE_{{[A-Za-z0-9_]*}}_up_h{{$}}
// CHECK-NEXT: #define HALIDE_{{[A-Za-z0-9_]*}}_up_h{{$}}

func.func @up(%x: tensor<1x4x10xf32>, %w: tensor<4x4x4xf32>) -> tensor<1x4x20xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x4x10xf32>, tensor<4x4x4xf32>) -> tensor<1x4x20xf32>
  return %0 : tensor<1x4x20xf32>
}
