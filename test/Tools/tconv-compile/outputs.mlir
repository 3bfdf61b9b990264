// tconv-compile writes <func>.o and <func>.h per func, halide_runtime.o once,
// and the artifacts --emit asks for.

// RUN: rm -rf %t && tconv-compile %S/Inputs/one_kernel.mlir -o %t --target=x86-64-linux-avx2-fma-f16c --emit=assembly,stmt,llvm
// RUN: ls %t | FileCheck %s
// CHECK: halide_runtime.o
// CHECK-NEXT: seed_ex1.h
// CHECK-NEXT: seed_ex1.ll
// CHECK-NEXT: seed_ex1.o
// CHECK-NEXT: seed_ex1.s
// CHECK-NEXT: seed_ex1.stmt
// CHECK-NOT: {{.}}

// The header declares the ABI: input, weight, output (no bias here).
// RUN: FileCheck %s --check-prefix=HEADER < %t/seed_ex1.h
// HEADER: int seed_ex1(struct halide_buffer_t *_input_buffer, struct halide_buffer_t *_weight_buffer, struct halide_buffer_t *_output_buffer)
