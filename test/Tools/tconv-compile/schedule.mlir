// --schedule picks the CPU schedule: the hand-written one (default) or one of
// Halide 14's autoschedulers as a baseline (docs/performance.md).

// An unknown name: one clear error, nothing written.
// RUN: rm -rf %t && not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=auto-bogus 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not ls %t
// UNKNOWN: tconv-compile: error: unknown schedule 'auto-bogus' (expected tconv, auto-adams2019, auto-li2018 or auto-mullapudi2016)

// Autoschedulers are CPU-only.
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=auto-li2018 --target=host-opencl 2>&1 | FileCheck %s --check-prefix=GPU
// GPU: tconv-compile: error: compiling 'seed_ex1': --schedule=auto-li2018 is for CPU targets only, not 'host-opencl'

// Mullapudi2016 loads from Halide's plugin and schedules the kernel: the same
// files and ABI as the default schedule, and a parallel loop in the lowered
// statement (the hand-written schedule's loop names do not appear).
// RUN: rm -rf %t && tconv-compile %S/Inputs/one_kernel.mlir -o %t --target=x86-64-linux-avx2-fma-f16c --schedule=auto-mullapudi2016 --emit=stmt
// RUN: ls %t | FileCheck %s
// CHECK: halide_runtime.o
// CHECK-NEXT: seed_ex1.h
// CHECK-NEXT: seed_ex1.o
// CHECK-NEXT: seed_ex1.stmt
// CHECK-NOT: {{.}}
// RUN: FileCheck %s --check-prefix=HEADER < %t/seed_ex1.h
// HEADER: int seed_ex1(struct halide_buffer_t *_input_buffer, struct halide_buffer_t *_weight_buffer, struct halide_buffer_t *_output_buffer)
// RUN: FileCheck %s --check-prefix=STMT < %t/seed_ex1.stmt
// STMT-NOT: co_chunk
// STMT: produce output

// The default is the hand-written schedule.
// RUN: rm -rf %t && tconv-compile %S/Inputs/one_kernel.mlir -o %t --target=x86-64-linux-avx2-fma-f16c --schedule=tconv --emit=stmt
// RUN: FileCheck %s --check-prefix=TCONV < %t/seed_ex1.stmt
// TCONV: co_chunk
