//===- OpenCLDevice.h - What the OpenCL device of the tests supports -*- C++ -*-===//
//
// runtime-tests-opencl only. The kernels are compiled for
// host-opencl-cl_doubles-cl_half, so f64 and f16 kernels need cl_khr_fp64 and
// cl_khr_fp16 on the device at run time (docs/gpu.md). This asks the device
// Halide's OpenCL runtime picks by default (the first device of the first
// platform) which of them it has, so a test can skip with the reason instead
// of failing on a program build error. bf16 needs no extension: Halide
// converts it with integer operations.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_RUNTIME_OPENCLDEVICE_H
#define TCONV_UNITTESTS_RUNTIME_OPENCLDEVICE_H

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include "NaiveReference.h"

#include <string>

namespace tconv_rt {

struct OpenCLDeviceInfo {
  std::string error; ///< non-empty: no usable device (why)
  std::string name, extensions;
};

inline const OpenCLDeviceInfo &openclDevice() {
  static const OpenCLDeviceInfo info = [] {
    OpenCLDeviceInfo d;
    cl_platform_id platform;
    cl_uint platforms = 0;
    if (clGetPlatformIDs(1, &platform, &platforms) != CL_SUCCESS || !platforms) {
      d.error = "no OpenCL platform (is an ICD such as pocl-opencl-icd installed?)";
      return d;
    }
    cl_device_id device;
    cl_uint devices = 0;
    if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &device, &devices) !=
            CL_SUCCESS ||
        !devices) {
      d.error = "the first OpenCL platform has no device";
      return d;
    }
    char text[16384] = {0};
    clGetDeviceInfo(device, CL_DEVICE_NAME, sizeof text - 1, text, nullptr);
    d.name = text;
    std::fill(std::begin(text), std::end(text), 0);
    clGetDeviceInfo(device, CL_DEVICE_EXTENSIONS, sizeof text - 1, text, nullptr);
    d.extensions = text;
    return d;
  }();
  return info;
}

/// Empty when a kernel of element type `dtype` can run on the device, else
/// why not. `notCompiled`: gen_runtime_cases.py left the case out of the
/// OpenCL kernel library (an element type tconv-compile rejects for OpenCL).
inline std::string openclSkipReason(DType dtype, bool notCompiled = false) {
  if (notCompiled)
    return std::string(dtypeName(dtype)) +
           " is not compiled for OpenCL: Halide 14's OpenCL C backend has no "
           "bfloat16 type, so tconv-compile rejects it (docs/gpu.md)";
  const OpenCLDeviceInfo &d = openclDevice();
  if (!d.error.empty())
    return d.error;
  const char *needed = dtype == DType::F64   ? "cl_khr_fp64"
                       : dtype == DType::F16 ? "cl_khr_fp16"
                                             : nullptr;
  if (needed && (" " + d.extensions + " ").find(std::string(" ") + needed + " ") ==
                    std::string::npos)
    return std::string("the OpenCL device '") + d.name + "' lacks " + needed +
           ", which " + dtypeName(dtype) +
           " kernels need (docs/gpu.md); Halide would fail the program build";
  return "";
}

} // namespace tconv_rt

#endif // TCONV_UNITTESTS_RUNTIME_OPENCLDEVICE_H
