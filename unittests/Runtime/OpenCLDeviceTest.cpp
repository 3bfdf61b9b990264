//===- OpenCLDeviceTest.cpp - Device errors of the OpenCL kernels ---------===//
//
// runtime-tests-opencl only: a device failure comes back as a non-zero return
// code after halide_error. NoPlatformIsAnError runs as its own ctest with
// OCL_ICD_VENDORS pointing at an empty directory (no OpenCL platform at all)
// and TCONV_EXPECT_NO_OPENCL_PLATFORM=1; in the main run it is skipped.
//
//===----------------------------------------------------------------------===//

#include "KernelRunner.h"
#include "OpenCLDevice.h"

#include <cstdlib>

using namespace tconv_rt;

namespace {

TEST(OpenCLDevice, NoPlatformIsAnError) {
  if (!std::getenv("TCONV_EXPECT_NO_OPENCL_PLATFORM"))
    GTEST_SKIP() << "runs as the ctest runtime-tests-opencl-no-platform, with "
                    "OCL_ICD_VENDORS set to an empty directory";
  const KernelCase &c = caseNamed("t2_basic");
  CallOperands ops = makeOperands(c, c.calls.front(), 1);
  resetCapturedErrors();
  const int rc = callKernel(c, ops);
  const std::string message = takeCapturedErrors();
  EXPECT_NE(rc, 0) << "the kernel ran without an OpenCL platform";
  EXPECT_FALSE(message.empty()) << "no halide_error message";
  EXPECT_NE(message.find("CL"), std::string::npos) << message;
  // And again: the runtime does not cache a half-made context.
  resetCapturedErrors();
  EXPECT_NE(callKernel(c, ops), 0);
  EXPECT_FALSE(takeCapturedErrors().empty());
}

TEST(OpenCLDevice, DeviceIsUsable) {
  if (std::getenv("TCONV_EXPECT_NO_OPENCL_PLATFORM"))
    GTEST_SKIP() << "no platform in this run";
  const OpenCLDeviceInfo &d = openclDevice();
  ASSERT_TRUE(d.error.empty()) << d.error;
  std::cout << "OpenCL device: " << d.name << "\n";
}

} // namespace
