//===- KernelCompilerTest.cpp - AOT emission, errors and generated code ---===//

#include "tconv/Codegen/KernelCompiler.h"
#include "CodegenTestUtils.h"
#include "StatusTesting.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace tconv;
using namespace tconv::codegen;
using namespace tconv::codegen::testing;

namespace fs = std::filesystem;

using ::testing::HasSubstr;
using ::testing::StartsWith;

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
ConvTransposeSpec hifiganLikeSpec(ElementType type = ElementType::F32) {
  reference::ConvShape shape = {1,  64,  32,  1, {100}, {16},
                                {8}, {1}, {{4, 4}}};
  return makeSpec(shape, type, /*hasBias=*/true);
}

TEST_F(KernelCompilerTest, WritesAllArtifactsAtomically) {
  EmitOptions emit{/*assembly=*/true, /*stmt=*/true, /*llvmIR=*/true};
  Status s =
      compileKernel(hifiganLikeSpec(), "tconv_up", "host", dir.string(), emit);
  ASSERT_TRUE(isOk(s));
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
  Status s = compileRuntime("host", dir.string());
  ASSERT_TRUE(isOk(s));
  EXPECT_EQ(listing(), std::vector<std::string>{"halide_runtime.o"});
}

TEST_F(KernelCompilerTest, RejectsBadTarget) {
  EXPECT_TRUE(isOk(checkTarget("host")));
  EXPECT_TRUE(isOk(checkTarget("x86-64-linux-avx2-fma-f16c")));
  const std::string invalid =
      "invalid Halide target 'x86-64-linux-bogus' (expected e.g. 'host' or "
      "'x86-64-linux-avx2-fma-f16c')";
  Status bogus = checkTarget("x86-64-linux-bogus");
  EXPECT_FALSE(bogus.ok());
  EXPECT_EQ(bogus.message(), invalid);
  // Both entry points check the target before touching the directory.
  Status kernel =
      compileKernel(hifiganLikeSpec(), "k", "nonsense", dir.string(), {});
  EXPECT_FALSE(kernel.ok());
  EXPECT_THAT(kernel.message(), StartsWith("invalid Halide target 'nonsense'"));
  Status runtime = compileRuntime("nonsense", dir.string());
  EXPECT_FALSE(runtime.ok());
  EXPECT_THAT(runtime.message(),
              StartsWith("invalid Halide target 'nonsense'"));
  EXPECT_TRUE(listing().empty());
}

TEST_F(KernelCompilerTest, RejectsUnsupportedElementType) {
  // Halide has no f64 on OpenCL devices without cl_khr_fp64.
  Status f64 =
      checkSupported(hifiganLikeSpec(ElementType::F64), "x86-64-linux-opencl");
  EXPECT_FALSE(f64.ok());
  EXPECT_THAT(f64.message(), StartsWith("element type f64 is not supported"));
  EXPECT_THAT(f64.message(), HasSubstr("'cl_doubles'"));
  Status f16 =
      checkSupported(hifiganLikeSpec(ElementType::F16), "arm-64-linux");
  EXPECT_TRUE(isOk(f16));
  Status bf16 = checkSupported(hifiganLikeSpec(ElementType::BF16), "host");
  EXPECT_TRUE(isOk(bf16));
}

TEST_F(KernelCompilerTest, RejectsInvalidShapesAndDirectories) {
  ConvTransposeSpec spec = hifiganLikeSpec();
  spec.groups = 3; // 64 and 32 channels are not multiples of 3
  Status groups = checkSupported(spec, "host");
  EXPECT_FALSE(groups.ok());
  EXPECT_EQ(groups.message(), "channels (64 in, 32 out) must be positive "
                              "multiples of groups (3)");
  spec = hifiganLikeSpec();
  spec.padding[0] = {500, 500, 0}; // crops more than the full output
  Status cropped = checkSupported(spec, "host");
  EXPECT_FALSE(cropped.ok());
  // (100 - 1) * 8 + 16 - 500 - 500
  EXPECT_EQ(cropped.message(),
            "output size of spatial dimension 0 is -192, must be positive");
  const std::string missing = (dir / "missing").string();
  Status noDir = compileKernel(hifiganLikeSpec(), "k", "host", missing, {});
  EXPECT_FALSE(noDir.ok());
  EXPECT_EQ(noDir.message(),
            "output directory '" + missing + "' does not exist");
}

/// A spec from a C++ caller may carry any fused program: each malformed one
/// is rejected with a message naming the stage and the problem.
TEST_F(KernelCompilerTest, RejectsMalformedFusedStages) {
  const ScalarType f32 = ScalarType::F32;
  auto withEpilogue = [&](ElementwiseProgram program,
                          std::vector<int> extras = {}) {
    ConvTransposeSpec spec = hifiganLikeSpec();
    spec.epilogue = ElementwiseStage{std::move(program), std::move(extras)};
    return spec;
  };
  auto messageOf = [](const ConvTransposeSpec &spec) {
    Status s = checkSupported(spec, "host");
    EXPECT_FALSE(s.ok());
    return s.message();
  };
  // tanh(arg0): well formed.
  ElementwiseProgram tanh{{f32}, {{ScalarOpcode::Tanh, f32, {0}}}, 1};
  EXPECT_TRUE(isOk(checkSupported(withEpilogue(tanh), "host")));

  ElementwiseProgram undefined = tanh;
  undefined.instructions[0].operands = {3};
  EXPECT_EQ(messageOf(withEpilogue(undefined)),
            "the epilogue instruction 0 (math.tanh) uses value 3 before it is "
            "defined");

  ElementwiseProgram mistyped{
      {f32}, {{ScalarOpcode::Compare, ScalarType::Bool, {0, 0}}}, 1};
  EXPECT_EQ(messageOf(withEpilogue(mistyped)),
            "the epilogue program must yield the kernel's element type");

  ElementwiseProgram badSelect{
      {f32}, {{ScalarOpcode::Select, f32, {0, 0, 0}}}, 1};
  EXPECT_EQ(messageOf(withEpilogue(badSelect)),
            "the epilogue instruction 0: arith.select takes an i1 and two "
            "values of its result type");

  // An extra operand the spec does not declare, or declares for the other
  // stage, or that no stage uses.
  ElementwiseProgram add{{f32, f32}, {{ScalarOpcode::Add, f32, {0, 1}}}, 2};
  EXPECT_EQ(messageOf(withEpilogue(add)),
            "the epilogue program takes 2 arguments, expected 1 + 0 extra "
            "operands");
  ConvTransposeSpec wrongSide = withEpilogue(add, {0});
  wrongSide.extraOperands = {{ExtraOperandShape::PerChannel, true}};
  EXPECT_EQ(messageOf(wrongSide),
            "the epilogue names extra operand 0, which is not one of its own");
  ConvTransposeSpec unused = withEpilogue(tanh);
  unused.extraOperands = {{ExtraOperandShape::Full, false}};
  EXPECT_EQ(messageOf(unused),
            "extra operand 0 must be used by exactly one stage, used 0 times");
}

/// Compiles the HiFi-GAN-like kernel for `target` and returns its assembly.
std::string assemblyFor(const fs::path &dir, const std::string &target) {
  EmitOptions emit;
  emit.assembly = true;
  Status s =
      compileKernel(hifiganLikeSpec(), "tconv_up", target, dir.string(), emit);
  EXPECT_TRUE(isOk(s));
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
