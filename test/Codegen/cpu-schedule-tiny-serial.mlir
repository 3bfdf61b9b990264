// A kernel of under 1 MFLOP runs its tasks in one loop on the calling thread:
// waking a second worker costs about as much as the whole call
// (CpuRules.h, rule 4). It is still vectorized. With a dynamic batch the
// work is unknown at compile time, so the same layer keeps its parallel loop.

// RUN: rm -rf %t && tconv-compile %s -o %t --target=x86-64-linux-avx512 --emit=assembly
// RUN: FileCheck %s --check-prefix=SERIAL < %t/seed_ex1.s
// RUN: FileCheck %s --check-prefix=PARALLEL < %t/seed_ex1_any_batch.s

// (The loops live in the kernel's specialization, which the exported
// seed_ex1 calls: KernelPlan.h.)
// SERIAL-NOT: halide_do_par_for
// SERIAL: vfmadd{{[0-9]+}}ps {{.*}}%zmm{{[0-9]+}}, %zmm{{[0-9]+}}, %zmm{{[0-9]+}}
// SERIAL-NOT: halide_do_par_for

// PARALLEL-DAG: call{{.*}} halide_do_par_for
// PARALLEL-DAG: vfmadd{{[0-9]+}}ps {{.*}}%zmm{{[0-9]+}}, %zmm{{[0-9]+}}, %zmm{{[0-9]+}}

// 2 * 3 * 64 * 4 * 50 = 76,800 FLOP.
func.func @seed_ex1(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1>, padding = array<i64: 0>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}

func.func @seed_ex1_any_batch(%x: tensor<?x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<?x64x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1>, padding = array<i64: 0>} : (tensor<?x3x50xf32>, tensor<3x64x4xf32>) -> tensor<?x64x53xf32>
  return %0 : tensor<?x64x53xf32>
}
