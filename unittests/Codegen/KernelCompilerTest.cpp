//===- KernelCompilerTest.cpp - AOT emission, errors and generated code ---===//

#include "CodegenTestUtils.h"
#include "tconv/Codegen/KernelCompiler.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace tconv;
using namespace tconv::codegen;
using namespace tconv::codegen::testing;

namespace fs = std::filesystem;

namespace {

/// A fresh directory per test, removed afterwards.
class KernelCompilerTest : public ::testing::Test {
protected:
  void SetUp() override {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = fs::temp_directory_path() /
          ("tconv-codegen-" + std::string(info->name()) + "-" +
           std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string read(const std::string &file) {
    std::ifstream in(dir / file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::vector<std::string> listing() {
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir;
};

/// The HiFi-GAN first-layer kernel (K=16, s=8, p=4) with fewer channels.
TransposedConvSpec hifiganLikeSpec(ElementType type = ElementType::F32) {
  reference::ConvShape shape = {1,  64,  32,  1, {100}, {16},
                                {8}, {1}, {{4, 4}}};
  return makeSpec(shape, type, /*hasBias=*/true);
}

TEST_F(KernelCompilerTest, WritesAllArtifactsAtomically) {
  EmitOptions emit{/*assembly=*/true, /*stmt=*/true, /*llvmIR=*/true};
  ASSERT_EQ(compileKernel(hifiganLikeSpec(), "tconv_up", "host", dir.string(),
                          emit),
            "");
  EXPECT_EQ(listing(), (std::vector<std::string>{"tconv_up.h", "tconv_up.ll",
                                                 "tconv_up.o", "tconv_up.s",
                                                 "tconv_up.stmt"}));
  // ABI: input, weight, bias, output, in that order.
  std::regex signature(R"(int tconv_up\(struct halide_buffer_t \*_input_buffer, )"
                       R"(struct halide_buffer_t \*_weight_buffer, )"
                       R"(struct halide_buffer_t \*_bias_buffer, )"
                       R"(struct halide_buffer_t \*_output_buffer\))");
  EXPECT_TRUE(std::regex_search(read("tconv_up.h"), signature))
      << read("tconv_up.h");
}

TEST_F(KernelCompilerTest, WritesRuntime) {
  ASSERT_EQ(compileRuntime("host", dir.string()), "");
  EXPECT_EQ(listing(), std::vector<std::string>{"halide_runtime.o"});
}

TEST_F(KernelCompilerTest, RejectsBadTarget) {
  EXPECT_EQ(checkTarget("host"), "");
  EXPECT_EQ(checkTarget("x86-64-linux-avx2-fma-f16c"), "");
  EXPECT_NE(checkTarget("x86-64-linux-bogus").find("invalid Halide target"),
            std::string::npos);
  EXPECT_NE(compileKernel(hifiganLikeSpec(), "k", "nonsense", dir.string(), {}),
            "");
  EXPECT_NE(compileRuntime("nonsense", dir.string()), "");
  EXPECT_TRUE(listing().empty());
}

TEST_F(KernelCompilerTest, RejectsUnsupportedElementType) {
  // Halide has no f64 on OpenCL devices without cl_khr_fp64.
  std::string error =
      checkSupported(hifiganLikeSpec(ElementType::F64), "x86-64-linux-opencl");
  EXPECT_NE(error.find("element type f64 is not supported"), std::string::npos)
      << error;
  EXPECT_EQ(checkSupported(hifiganLikeSpec(ElementType::F16), "arm-64-linux"),
            "");
  EXPECT_EQ(checkSupported(hifiganLikeSpec(ElementType::BF16), "host"), "");
}

TEST_F(KernelCompilerTest, RejectsInvalidShapesAndDirectories) {
  TransposedConvSpec spec = hifiganLikeSpec();
  spec.groups = 3; // 64 and 32 channels are not multiples of 3
  EXPECT_NE(checkSupported(spec, "host").find("multiples of groups"),
            std::string::npos);
  spec = hifiganLikeSpec();
  spec.padding[0] = {500, 500, 0}; // crops more than the full output
  EXPECT_NE(checkSupported(spec, "host").find("must be positive"),
            std::string::npos);
  EXPECT_NE(compileKernel(hifiganLikeSpec(), "k", "host",
                          (dir / "missing").string(), {}),
            "");
}

/// Compiles the HiFi-GAN-like kernel for `target` and returns its assembly.
std::string assemblyFor(const fs::path &dir, const std::string &target) {
  EmitOptions emit;
  emit.assembly = true;
  std::string error =
      compileKernel(hifiganLikeSpec(), "tconv_up", target, dir.string(), emit);
  EXPECT_EQ(error, "");
  std::ifstream in(dir / "tconv_up.s");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(KernelCompilerTest, Avx2UsesYmmFmaAndThreads) {
  std::string s = assemblyFor(dir, "x86-64-linux-avx2-fma-f16c");
  EXPECT_TRUE(std::regex_search(s, std::regex(R"(vfmadd\d+ps\s[^\n]*%ymm)")));
  EXPECT_NE(s.find("halide_do_par_for"), std::string::npos);
}

TEST_F(KernelCompilerTest, Avx512UsesZmmFma) {
  std::string s = assemblyFor(dir, "x86-64-linux-avx512");
  EXPECT_TRUE(std::regex_search(s, std::regex(R"(vfmadd\d+ps\s[^\n]*%zmm)")));
  EXPECT_NE(s.find("halide_do_par_for"), std::string::npos);
}

TEST_F(KernelCompilerTest, Arm64UsesNeonFmla) {
  std::string s = assemblyFor(dir, "arm-64-linux");
  EXPECT_TRUE(std::regex_search(s, std::regex(R"(fmla\s+v\d+\.4s)")));
  EXPECT_NE(s.find("halide_do_par_for"), std::string::npos);
}

} // namespace
