// The GPU schedule on CUDA, checked on the PTX (no GPU is needed: the PTX is
// what Halide embeds in the object; --emit=device writes it as <func>.ptx).
// The kernel is HiFi-GAN's first upsampling layer (ConvTranspose1d(512, 256,
// 16, stride=8, padding=4)) on 32 frames: one kernel entry; the input tile
// and the weights staged in shared memory (st.shared by all threads, then
// ld.shared with barriers between); the per-thread register block as f32
// FMAs; and no local memory at all (no spilled or dynamically indexed
// registers: no ld.local / st.local).

// RUN: rm -rf %t && tconv-compile %s -o %t/sm70 --target=host-cuda-cuda_capability_70 --emit=device
// RUN: FileCheck %s < %t/sm70/hifigan_up1.ptx
// RUN: not grep -q -E "(ld|st)\.local" %t/sm70/hifigan_up1.ptx
// RUN: tconv-compile %s -o %t/sm61 --target=host-cuda-cuda_capability_61 --emit=device
// RUN: FileCheck %s < %t/sm61/hifigan_up1.ptx
// RUN: not grep -q -E "(ld|st)\.local" %t/sm61/hifigan_up1.ptx
// The object and the header are still written; the header says where the
// buffers live.
// RUN: FileCheck %s --check-prefix=HEADER < %t/sm70/hifigan_up1.h
// RUN: test -f %t/sm70/hifigan_up1.o -a -f %t/sm70/halide_runtime.o

// CHECK: .target sm_{{61|70}}
// CHECK: .visible .entry _kernel_output{{.*}}(
// CHECK-DAG: .shared
// CHECK-DAG: st.shared.f32
// CHECK-DAG: bar.sync
// CHECK-DAG: ld.shared.f32
// CHECK-DAG: fma.rn.f32

// HEADER: tconv GPU kernel (CUDA;
// HEADER: halide_copy_to_host
// HEADER: int hifigan_up1(

func.func @hifigan_up1(%x: tensor<1x512x32xf32>, %w: tensor<512x256x16xf32>, %b: tensor<256xf32>) -> tensor<1x256x256xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<1x512x32xf32>, tensor<512x256x16xf32>, tensor<256xf32>) -> tensor<1x256x256xf32>
  return %0 : tensor<1x256x256xf32>
}
