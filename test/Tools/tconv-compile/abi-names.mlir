// Every kernel's buffer arguments keep their names in the header (and the
// metadata), however many kernels one tconv-compile process compiles: Halide
// calls the n-th Func named "output" of a process "output$n", which used to
// leak into the ABI of every kernel after the first ("_output__1_buffer").

// RUN: rm -rf %t && tconv-compile %S/Inputs/two_kernels.mlir -o %t --target=x86-64-linux-avx2-fma-f16c
// RUN: FileCheck %s --check-prefix=FIRST < %t/first.h
// RUN: FileCheck %s --check-prefix=SECOND < %t/second.h
// FIRST: int first(struct halide_buffer_t *_input_buffer, struct halide_buffer_t *_weight_buffer, struct halide_buffer_t *_output_buffer);
// FIRST-NOT: _output_{{_?[0-9]+}}_buffer
// SECOND: int second(struct halide_buffer_t *_input_buffer, struct halide_buffer_t *_weight_buffer, struct halide_buffer_t *_bias_buffer, struct halide_buffer_t *_output_buffer);
// SECOND-NOT: _output_{{_?[0-9]+}}_buffer
