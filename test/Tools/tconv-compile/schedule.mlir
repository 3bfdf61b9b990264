// --schedule picks the schedule: the kernel variant the registry picks
// (tconv, the default), a variant by name with its default parameters, or one
// of Halide 14's autoschedulers as a baseline (docs/performance.md). The
// kernel's header says which variant and parameters it was built with.

// An unknown name: one clear error, nothing written.
// RUN: rm -rf %t && not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=auto-bogus 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not ls %t
// UNKNOWN: tconv-compile: error: unknown schedule 'auto-bogus' (expected tconv, cpu-phase-lanes, cpu-tap-gemm, cpu-channel-lanes, cpu-column-gemm, cpu-phases-in-slices, cpu-phase-gemm, gpu-shared-tiles, auto-adams2019, auto-li2018 or auto-mullapudi2016)

// Autoschedulers are CPU-only.
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=auto-li2018 --target=host-opencl 2>&1 | FileCheck %s --check-prefix=GPU
// GPU: tconv-compile: error: compiling 'seed_ex1': --schedule=auto-li2018 is for CPU targets only, not 'host-opencl'

// So is a CPU variant, and the GPU variant is GPU-only.
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=cpu-phase-gemm --target=host-opencl 2>&1 | FileCheck %s --check-prefix=GEMM-GPU
// GEMM-GPU: error: compiling 'seed_ex1': --schedule=cpu-phase-gemm is for CPU targets only, not 'host-opencl'
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=gpu-shared-tiles --target=x86-64-linux-avx2-fma-f16c 2>&1 | FileCheck %s --check-prefix=GPU-CPU
// GPU-CPU: error: compiling 'seed_ex1': --schedule=gpu-shared-tiles is for GPU targets only, not 'x86-64-linux-avx2-fma-f16c'

// The phases-in-slices variant needs phases with equal tap counts; stride 1
// has one phase but no stride to slice.
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t --schedule=cpu-phases-in-slices --target=x86-64-linux-avx2-fma-f16c 2>&1 | FileCheck %s --check-prefix=SLICES
// SLICES: error: compiling 'seed_ex1': --schedule=cpu-phases-in-slices does not support this kernel

// A variant by name: its default parameters, written in the header.
// RUN: rm -rf %t && tconv-compile %S/Inputs/dynamic_length.mlir -o %t --target=x86-64-linux-avx512 --schedule=cpu-phases-in-slices
// RUN: FileCheck %s --check-prefix=NAMED < %t/up_dyn.h
// NAMED: /* tconv kernel up_dyn: {{[0-9]+}} specializations, dispatched on the innermost input length:
// NAMED-NEXT: *   cpu-phases-in-slices (blocks_per_chunk={{[0-9]+}}, channels_per_block={{[0-9]+}}, channels_per_slice=16, pack_by_copy=0, parallel=0, vectors_per_tile=1): lengths 1..16
// NAMED-NOT: cpu-phase-gemm
// NAMED: int up_dyn(struct halide_buffer_t *_input_buffer, struct halide_buffer_t *_weight_buffer, struct halide_buffer_t *_bias_buffer, struct halide_buffer_t *_output_buffer)
// RUN: rm -rf %t && tconv-compile %S/Inputs/dynamic_length.mlir -o %t --target=x86-64-linux-avx512 --schedule=cpu-phase-gemm
// RUN: FileCheck %s --check-prefix=NAMED-GEMM < %t/up_dyn.h
// NAMED-GEMM: *   cpu-phase-gemm (blocks_per_chunk={{[0-9]+}}, channels_per_block={{[0-9]+}}, pack_by_copy=0, parallel=0, vectors_per_tile=1): lengths 1..16
// NAMED-GEMM-NOT: cpu-phases-in-slices

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

// The default is the hand-written schedule, the variant the registry picks.
// RUN: rm -rf %t && tconv-compile %S/Inputs/one_kernel.mlir -o %t --target=x86-64-linux-avx2-fma-f16c --schedule=tconv --emit=stmt
// RUN: FileCheck %s --check-prefix=TCONV < %t/seed_ex1.stmt
// TCONV: co_chunk
// RUN: FileCheck %s --check-prefix=TCONV-HEADER < %t/seed_ex1.h
// TCONV-HEADER: /* tconv kernel seed_ex1: cpu-phase-gemm (blocks_per_chunk=16, channels_per_block=4, pack_by_copy=0, parallel=0, vectors_per_tile=2) */
// The autoscheduled kernel's header names it too.
// RUN: rm -rf %t && tconv-compile %S/Inputs/one_kernel.mlir -o %t --target=x86-64-linux-avx2-fma-f16c --schedule=auto-li2018
// RUN: FileCheck %s --check-prefix=LI-HEADER < %t/seed_ex1.h
// LI-HEADER: /* tconv kernel seed_ex1: auto-li2018 () */
