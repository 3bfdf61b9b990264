//===- KernelCompiler.cpp - Ahead-of-time kernel emission -----------------===//

#include "tconv/Codegen/KernelCompiler.h"
#include "tconv/Codegen/Tuning.h"

#include "ConvTransposeAlgorithm.h"
#include "GpuSchedule.h"
#include "HostTarget.h"
#include "KernelPlan.h"
#include "ParamInit.h"
#include "StagedFiles.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <system_error>
#include <tuple>

namespace fs = std::filesystem;

namespace tconv::codegen {

Status checkTarget(const std::string &target) {
  if (!Halide::Target::validate_target_string(target))
    return Status::error(
        "invalid Halide target '" + target +
        "' (expected e.g. 'host' or 'x86-64-linux-avx2-fma-f16c')");
  return Status::success();
}

namespace {

Status checkOutDir(const std::string &outDir) {
  std::error_code error;
  if (!fs::is_directory(outDir, error))
    return Status::error("output directory '" + outDir + "' does not exist");
  return Status::success();
}

/// Runs `compile`, which returns a Status, and turns whatever Halide (or
/// anything else) throws into an error Status: every AOT entry point reports
/// failures as values, never as exceptions.
template <typename Compile>
static Status catchingHalideErrors(const std::string &what, Compile &&compile) {
  try {
    return compile();
  } catch (const Halide::Error &e) {
    return Status::error(std::string("Halide: ") + e.what());
  } catch (const std::exception &e) {
    return Status::error(e.what());
  } catch (...) {
    return Status::error("unknown error while compiling " + what);
  }
}

} // namespace

std::vector<std::string> scheduleNames() {
  std::vector<std::string> names = {"tconv"};
  for (const KernelVariant *variant : kernelVariants())
    names.push_back(variant->name());
  return names;
}

Status checkSchedule(const std::string &schedule) {
  std::vector<std::string> names = scheduleNames();
  if (std::find(names.begin(), names.end(), schedule) != names.end())
    return Status::success();
  std::string list;
  for (size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return Status::error("unknown schedule '" + schedule + "' (expected " + list +
                       ")");
}

Status checkSupported(const ConvTransposeSpec &spec,
                      const std::string &target) {
  if (Status s = checkTarget(target); !s.ok())
    return s;
  if (Status s = checkWellFormed(spec); !s.ok())
    return s;
  try {
    Halide::Target t = resolveTarget(target);
    if (t.has_gpu_feature())
      if (Status s = checkGpuSupport(spec, t); !s.ok())
        return s;
    if (!t.supports_type(halideType(spec.elementType)))
      return Status::error(
          std::string("element type ") + elementTypeName(spec.elementType) +
          " is not supported by Halide on target '" + target + "'");
  } catch (const std::exception &e) {
    return Status::error(e.what());
  }
  return Status::success();
}

namespace {

/// For a kernel with fused stages (docs/fusion.md): what they do and the ABI
/// of their extra operands, which come after the bias and before the output.
std::string fusionHeaderNote(const ConvTransposeSpec &spec) {
  if (!spec.prologue && !spec.epilogue)
    return "";
  std::string note = "/* Fused: ";
  for (auto [stage, name, side] :
       {std::tuple{&spec.prologue, "prologue", "input"},
        std::tuple{&spec.epilogue, "epilogue", "output"}})
    if (*stage)
      note += std::string(name) + " of " +
              std::to_string((*stage)->program.instructions.size()) +
              " scalar ops on the " + side + "; ";
  if (spec.extraOperands.empty())
    return note + "no extra operands. */\n";
  note += "extra operands, after the bias and before the output:";
  for (size_t k = 0; k < spec.extraOperands.size(); ++k) {
    const ConvTransposeSpec::ExtraOperand &extra = spec.extraOperands[k];
    const char *side = extra.forPrologue ? "input" : "output";
    note += "\n     extra" + std::to_string(k) + ": " +
            (extra.shape == ExtraOperandShape::PerChannel
                 ? std::string("one value per ") + side + " channel (C)"
                 : std::string("the ") + side + "'s shape (N, C, S...)") +
            ", for the " + (extra.forPrologue ? "prologue" : "epilogue");
  }
  return note + " */\n";
}

} // namespace

Status compileKernel(const ConvTransposeSpec &spec,
                     const std::string &functionName, const std::string &target,
                     const std::string &outDir, const EmitOptions &emit,
                     const std::string &schedule,
                     const TuningDatabase *tuning, int64_t tuningThreads) {
  if (Status s = checkSchedule(schedule); !s.ok())
    return s;
  if (Status s = checkSupported(spec, target); !s.ok())
    return s;
  if (Status s = checkOutDir(outDir); !s.ok())
    return s;
  return catchingHalideErrors(functionName, [&]() -> Status {
    // The runtime comes once per program from compileRuntime.
    Halide::Target t =
        resolveTarget(target).with_feature(Halide::Target::NoRuntime);
    const bool gpu = t.has_gpu_feature();
    if (gpu)
      t = gpuTargetFor(spec, t);
    if (emit.deviceCode && !gpu)
      return Status::error("device code (--emit=device) needs a GPU target "
                           "(OpenCL or CUDA), not '" +
                           target + "'");
    const ShapeFacts facts = computeShapeFacts(spec, t);
    const KernelVariant *forced =
        schedule == "tconv" ? nullptr : findVariant(schedule);
    if (forced && forced->forGpu() != gpu)
      return Status::error("--schedule=" + schedule + " is for " +
                           (gpu ? "CPU" : "GPU") + " targets only, not '" +
                           target + "'");
    if (forced && !forced->supports(facts))
      return Status::error("--schedule=" + schedule +
                           " does not support this kernel: it needs " +
                           forced->requirement());
    if (forced)
      if (Status s = forced->prepare(); !s.ok())
        return s;
    // A tuning database entry for the kernel's shape, target and length, if
    // any, else the rules (a forced variant: its rules).
    const std::string signature = shapeSignature(spec);
    const std::string tunedFor = tuningTarget(target);
    const int64_t threads =
        tuningThreads > 0 ? tuningThreads : defaultThreadCount();
    std::optional<Status> tuningError; // the first bad entry's error
    ChoiceFunction choose = [&](const ShapeFacts &f) -> VariantChoice {
      if (forced)
        return {forced, forced->defaultParams(f)};
      if (tuning && !f.dynamicLength())
        if (const TunedEntry *e = tuning->find(
                signature, tunedFor, f.spec.inputSize[f.spec.spatialRank - 1],
                threads)) {
          if (e->variant == kRulesVariant)
            return defaultChoice(f); // measured: nothing beat the rules
          const KernelVariant *v = findVariant(e->variant);
          // An entry written before a parameter existed means the old
          // behaviour (KernelVariant::paramsAddedLater).
          const VariantParams params =
              v ? v->withParamsAddedLater(e->params) : e->params;
          const Status valid =
              !v ? Status::error("unknown variant '" + e->variant + "'")
              : !v->supports(f)
                  ? Status::error("variant '" + e->variant +
                                  "' does not support this kernel")
                  : v->checkParams(f, params);
          if (valid.ok())
            return {v, params, /*tuned=*/true};
          if (!tuningError)
            tuningError = Status::error("tuning database entry for lengths " +
                                        std::to_string(e->minLength) + ".." +
                                        (isDynamicSize(e->maxLength)
                                             ? std::string()
                                             : std::to_string(e->maxLength)) +
                                        ": " + valid.message());
        }
      return defaultChoice(f);
    };
    const KernelPlan plan = planKernel(facts, choose);
    if (tuningError)
      return *tuningError;
    Halide::Module module = compilePlan(plan, facts, functionName);

    StagedFiles files(outDir);
    std::map<Halide::OutputFileType, std::string> outputs = {
        {Halide::OutputFileType::object, files.stage(functionName + ".o")},
        {Halide::OutputFileType::c_header, files.stage(functionName + ".h")}};
    if (emit.assembly)
      outputs[Halide::OutputFileType::assembly] =
          files.stage(functionName + ".s");
    if (emit.stmt)
      outputs[Halide::OutputFileType::stmt] =
          files.stage(functionName + ".stmt");
    if (emit.llvmIR)
      outputs[Halide::OutputFileType::llvm_assembly] =
          files.stage(functionName + ".ll");
    module.compile(outputs);
    // The header says how the kernel was built, and for a GPU where the
    // buffers live; the device code as text.
    std::string note = "/* tconv kernel " + functionName + ": " +
                       plan.describe() + " */\n";
    if (gpu)
      note += gpuHeaderNote(t);
    note += fusionHeaderNote(spec);
    const std::string header = outputs[Halide::OutputFileType::c_header];
    std::ifstream in(header);
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    in.close();
    std::ofstream(header, std::ios::trunc) << note << text;
    if (emit.deviceCode)
      std::ofstream(files.stage(functionName + deviceCodeExtension(t)))
          << deviceCodeOf(module);
    return files.commit();
  });
}

Status checkParamInit(const ConvTransposeSpec &spec) {
  const WeightFans fans = weightFans(spec);
  if (Expected<ParamDistribution> weight =
          resolveInitializer(spec.weightInit, false, fans);
      !weight.ok())
    return weight.status();
  // A bias_init without a bias is checked too: MindSpore looks the name up
  // either way.
  return resolveInitializer(spec.biasInit, true, fans).status();
}

Status compileParamInit(const ConvTransposeSpec &spec,
                        const std::string &functionName,
                        const std::string &target, const std::string &outDir) {
  if (Status s = checkSupported(spec, target); !s.ok())
    return s;
  if (Status s = checkParamInit(spec); !s.ok())
    return s;
  if (Status s = checkOutDir(outDir); !s.ok())
    return s;
  const std::string name = functionName + "_init_params";
  return catchingHalideErrors(name, [&]() -> Status {
    // CPU code for the target's host. A GPU feature stays in the target: no
    // Func runs on the device, but Halide then marks the outputs host_dirty,
    // so the kernel copies them to the device at its next call.
    Halide::Target t =
        resolveTarget(target).with_feature(Halide::Target::NoRuntime);
    ParamInitPipeline pipeline = buildParamInitPipeline(spec);
    StagedFiles files(outDir);
    std::map<Halide::OutputFileType, std::string> outputs = {
        {Halide::OutputFileType::object, files.stage(name + ".o")},
        {Halide::OutputFileType::c_header, files.stage(name + ".h")}};
    Halide::Pipeline(pipeline.outputs())
        .compile_to_module({pipeline.seed}, name, t)
        .compile(outputs);
    return files.commit();
  });
}

Status compileRuntime(const std::string &target, const std::string &outDir) {
  if (Status s = checkTarget(target); !s.ok())
    return s;
  if (Status s = checkOutDir(outDir); !s.ok())
    return s;
  return catchingHalideErrors("the Halide runtime", [&]() -> Status {
    StagedFiles files(outDir);
    Halide::compile_standalone_runtime(files.stage("halide_runtime.o"),
                                       resolveTarget(target));
    return files.commit();
  });
}

} // namespace tconv::codegen
