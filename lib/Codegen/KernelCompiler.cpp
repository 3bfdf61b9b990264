//===- KernelCompiler.cpp - Ahead-of-time kernel emission -----------------===//

#include "tconv/Codegen/KernelCompiler.h"

#include "CpuSchedule.h"
#include "GpuSchedule.h"
#include "ParamInit.h"
#include "TransposedConvAlgorithm.h"

#include <cstdint>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif
#include <limits>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tconv::codegen {

std::string checkTarget(const std::string &target) {
  if (!Halide::Target::validate_target_string(target))
    return "invalid Halide target '" + target +
           "' (expected e.g. 'host' or 'x86-64-linux-avx2-fma-f16c')";
  return "";
}

namespace {

/// Whether this CPU executes AVX512-FP16 (CPUID leaf 7, EDX bit 23).
bool hostHasAvx512Fp16() {
#if defined(__x86_64__) || defined(__i386__)
  unsigned eax, ebx, ecx, edx;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
    return (edx >> 23) & 1;
#endif
  return false;
}

/// The Halide target for a target string. Halide 14 calls an AVX512-BF16
/// CPU without AVX512-FP16 (AMD Zen 4) "sapphirerapids", and LLVM then emits
/// AVX512-FP16 instructions (vmovw) for f16/bf16 kernels that fault there
/// with SIGILL. For "host" the feature is kept only when the CPU has FP16.
Halide::Target resolveTarget(const std::string &target) {
  Halide::Target t(target);
  if (target.rfind("host", 0) == 0 &&
      t.has_feature(Halide::Target::AVX512_SapphireRapids) &&
      !hostHasAvx512Fp16())
    t = t.without_feature(Halide::Target::AVX512_SapphireRapids);
  return t;
}

/// Halide indexes with 32-bit integers (without the large_buffers feature).
bool fitsIndex(int64_t value) {
  return value >= 0 && value <= std::numeric_limits<int32_t>::max();
}

std::string checkShape(const TransposedConvSpec &spec) {
  const int64_t rank = spec.spatialRank;
  if (rank < 1 || rank > 3)
    return "spatial rank " + std::to_string(rank) + " is not 1, 2 or 3";
  if (int64_t(spec.inputSize.size()) != rank ||
      int64_t(spec.kernelSize.size()) != rank ||
      int64_t(spec.stride.size()) != rank ||
      int64_t(spec.dilation.size()) != rank ||
      int64_t(spec.padding.size()) != rank)
    return "spatial vectors must have " + std::to_string(rank) + " entries";
  if (spec.groups < 1 || spec.inChannels < 1 || spec.outChannels < 1 ||
      spec.inChannels % spec.groups != 0 || spec.outChannels % spec.groups != 0)
    return "channels (" + std::to_string(spec.inChannels) + " in, " +
           std::to_string(spec.outChannels) +
           " out) must be positive multiples of groups (" +
           std::to_string(spec.groups) + ")";
  if (!isDynamicSize(spec.batch) && spec.batch < 1)
    return "batch must be positive, got " + std::to_string(spec.batch);
  std::vector<int64_t> outputSize = spec.outputSize();
  int64_t inputElements = spec.inChannels, outputElements = spec.outChannels,
          weightElements = spec.inChannels * (spec.outChannels / spec.groups);
  for (int64_t i = 0; i < rank; ++i) {
    std::string dim = " of spatial dimension " + std::to_string(i);
    if (spec.kernelSize[i] < 1 || spec.stride[i] < 1 || spec.dilation[i] < 1)
      return "kernel size, stride and dilation" + dim + " must be positive";
    if (spec.padding[i].trailingZeros < 0)
      return "trailing zeros" + dim + " must not be negative";
    if (!isDynamicSize(spec.inputSize[i]) && spec.inputSize[i] < 1)
      return "input size" + dim + " must be positive";
    if (!isDynamicSize(outputSize[i]) && outputSize[i] < 1)
      return "output size" + dim + " is " + std::to_string(outputSize[i]) +
             ", must be positive";
    if (!isDynamicSize(spec.inputSize[i]))
      inputElements *= spec.inputSize[i];
    if (!isDynamicSize(outputSize[i]))
      outputElements *= outputSize[i];
    weightElements *= spec.kernelSize[i];
    if (!fitsIndex(inputElements) || !fitsIndex(outputElements) ||
        !fitsIndex(weightElements))
      return "tensor sizes exceed 2^31 elements";
  }
  return "";
}

/// Writes files under temporary names first; commit() renames them into
/// place, and the destructor removes whatever is left (a failed compile).
class StagedFiles {
public:
  explicit StagedFiles(const std::string &dir) : dir(dir) {}
  ~StagedFiles() {
    for (auto &[temp, final] : files) {
      std::error_code ignored;
      fs::remove(temp, ignored);
    }
  }

  std::string stage(const std::string &fileName) {
    std::string final = (fs::path(dir) / fileName).string();
    std::string temp = final + ".tmp" + std::to_string(::getpid());
    files.emplace_back(temp, final);
    return temp;
  }

  std::string commit() {
    for (auto &[temp, final] : files) {
      std::error_code error;
      fs::rename(temp, final, error);
      if (error)
        return "cannot write " + final + ": " + error.message();
    }
    files.clear();
    return "";
  }

private:
  std::string dir;
  std::vector<std::pair<std::string, std::string>> files;
};

std::string checkOutDir(const std::string &outDir) {
  std::error_code error;
  if (!fs::is_directory(outDir, error))
    return "output directory '" + outDir + "' does not exist";
  return "";
}

/// Halide's name of the autoscheduler behind `schedule` ("auto-li2018" ->
/// "Li2018") and its plugin's file stem ("autoschedule_li2018").
struct Autoscheduler {
  const char *schedule, *name, *plugin;
};
constexpr Autoscheduler kAutoschedulers[] = {
    {"auto-adams2019", "Adams2019", "autoschedule_adams2019"},
    {"auto-li2018", "Li2018", "autoschedule_li2018"},
    {"auto-mullapudi2016", "Mullapudi2016", "autoschedule_mullapudi2016"},
};

/// Runs `compile`, which returns "" or an error, and turns whatever Halide
/// (or anything else) throws into the message: every AOT entry point reports
/// failures as strings, never as exceptions.
template <typename Compile>
static std::string catchingHalideErrors(const std::string &what,
                                        Compile &&compile) {
  try {
    return compile();
  } catch (const Halide::Error &e) {
    return std::string("Halide: ") + e.what();
  } catch (const std::exception &e) {
    return e.what();
  } catch (...) {
    return "unknown error while compiling " + what;
  }
}

/// Loads the plugin of `as` once per process. Debian installs the plugins
/// next to libHalide, in halide14/ (not on the loader's path), so that
/// directory is tried first, then $TCONV_HALIDE_PLUGIN_DIR, then the bare
/// name on the loader's path.
std::string loadAutoscheduler(const Autoscheduler &as) {
  static std::set<std::string> loaded;
  if (loaded.count(as.name))
    return "";
  std::vector<std::string> candidates;
  if (const char *dir = std::getenv("TCONV_HALIDE_PLUGIN_DIR"))
    candidates.push_back(std::string(dir) + "/lib" + as.plugin + ".so");
  Dl_info info;
  if (dladdr(reinterpret_cast<void *>(&Halide::load_plugin), &info) &&
      info.dli_fname) {
    fs::path halideDir = fs::path(info.dli_fname).parent_path();
    candidates.push_back((halideDir / "halide14" / ("lib" + std::string(as.plugin) + ".so")).string());
    candidates.push_back((halideDir / ("lib" + std::string(as.plugin) + ".so")).string());
  }
  candidates.push_back("lib" + std::string(as.plugin) + ".so");
  std::string tried;
  for (const std::string &path : candidates) {
    // Probe with dlopen first: Halide's load_plugin asserts on failure.
    void *handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_GLOBAL);
    if (!handle) {
      tried += "\n  " + path + ": " + dlerror();
      continue;
    }
    Halide::load_plugin(path); // registers the autoscheduler
    loaded.insert(as.name);
    return "";
  }
  return std::string("cannot load the Halide autoscheduler plugin for '") +
         as.schedule + "' (lib" + as.plugin +
         ".so; Debian package libhalide14-0-dev; or set TCONV_HALIDE_PLUGIN_DIR "
         "to its directory); tried:" + tried;
}

/// Estimates for the autoschedulers: the static sizes, 1024 for a dynamic
/// length, 1 for a dynamic batch.
void setEstimates(TransposedConvPipeline &p) {
  const TransposedConvSpec &spec = p.spec;
  const int rank = int(spec.spatialRank);
  auto orDefault = [](int64_t size, int64_t fallback) {
    return int(isDynamicSize(size) ? fallback : size);
  };
  std::vector<int64_t> outSize = spec.outputSize();
  Halide::Region in, w, out;
  for (int j = 0; j < rank; ++j) {
    int64_t i = rank - 1 - j;
    int64_t dynamicOut = transposedOutputLength(
        1024, spec.kernelSize[i], spec.stride[i], spec.dilation[i],
        spec.padding[i]);
    in.push_back({0, orDefault(spec.inputSize[i], 1024)});
    w.push_back({0, int(spec.kernelSize[i])});
    out.push_back({0, orDefault(outSize[i], dynamicOut)});
  }
  in.push_back({0, int(spec.inChannels)});
  in.push_back({0, orDefault(spec.batch, 1)});
  w.push_back({0, int(spec.outChannels / spec.groups)});
  w.push_back({0, int(spec.inChannels)});
  out.push_back({0, int(spec.outChannels)});
  out.push_back({0, orDefault(spec.batch, 1)});
  p.input.set_estimates(in);
  p.weight.set_estimates(w);
  if (p.bias)
    p.bias->set_estimates({{0, int(spec.outChannels)}});
  p.output.set_estimates(out);
}

} // namespace

const char *const kScheduleNames[4] = {"tconv", "auto-adams2019", "auto-li2018",
                                       "auto-mullapudi2016"};

std::string checkSchedule(const std::string &schedule) {
  for (const char *name : kScheduleNames)
    if (schedule == name)
      return "";
  return "unknown schedule '" + schedule +
         "' (expected tconv, auto-adams2019, auto-li2018 or auto-mullapudi2016)";
}

std::string checkSupported(const TransposedConvSpec &spec,
                           const std::string &target) {
  if (std::string error = checkTarget(target); !error.empty())
    return error;
  if (std::string error = checkShape(spec); !error.empty())
    return error;
  try {
    Halide::Target t = resolveTarget(target);
    if (t.has_gpu_feature())
      if (std::string error = checkGpuSupport(spec, t); !error.empty())
        return error;
    if (!t.supports_type(halideType(spec.elementType)))
      return std::string("element type ") + elementTypeName(spec.elementType) +
             " is not supported by Halide on target '" + target + "'";
  } catch (const std::exception &e) {
    return e.what();
  }
  return "";
}

std::string compileKernel(const TransposedConvSpec &spec,
                          const std::string &functionName,
                          const std::string &target, const std::string &outDir,
                          const EmitOptions &emit,
                          const std::string &schedule) {
  if (std::string error = checkSchedule(schedule); !error.empty())
    return error;
  if (std::string error = checkSupported(spec, target); !error.empty())
    return error;
  if (std::string error = checkOutDir(outDir); !error.empty())
    return error;
  return catchingHalideErrors(functionName, [&]() -> std::string {
    // The runtime comes once per program from compileRuntime.
    Halide::Target t =
        resolveTarget(target).with_feature(Halide::Target::NoRuntime);
    const bool gpu = t.has_gpu_feature();
    if (gpu)
      t = gpuTargetFor(spec, t);
    if (emit.deviceCode && !gpu)
      return "device code (--emit=device) needs a GPU target (OpenCL or "
             "CUDA), not '" + target + "'";
    const Autoscheduler *autoscheduler = nullptr;
    for (const Autoscheduler &as : kAutoschedulers)
      if (schedule == as.schedule)
        autoscheduler = &as;
    if (autoscheduler && gpu)
      return "--schedule=" + schedule + " is for CPU targets only, not '" +
             target + "'";
    if (autoscheduler)
      if (std::string error = loadAutoscheduler(*autoscheduler); !error.empty())
        return error;
    TransposedConvPipeline pipeline =
        gpu             ? buildGpuPipeline(spec, t)
        : autoscheduler ? buildTransposedConvPipeline(spec)
                        : buildCpuPipeline(spec, t);
    Halide::Pipeline halidePipeline(pipeline.output);
    if (autoscheduler) {
      // A baseline: Halide's autoscheduler on the unscheduled algorithm, for
      // this machine's core count, Halide's generic cache size and balance.
      setEstimates(pipeline);
      Halide::MachineParams machine = Halide::MachineParams::generic();
      machine.parallelism =
          int(std::max(1u, std::thread::hardware_concurrency()));
      halidePipeline.auto_schedule(autoscheduler->name, t, machine);
    }

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
    Halide::Module module =
        halidePipeline.compile_to_module(pipeline.arguments(), functionName, t);
    module.compile(outputs);
    if (gpu) {
      // The header says where the buffers live; the device code as text.
      const std::string header = outputs[Halide::OutputFileType::c_header];
      std::ifstream in(header);
      std::string text((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
      std::ofstream(header, std::ios::trunc) << gpuHeaderNote(t) << text;
      if (emit.deviceCode)
        std::ofstream(files.stage(functionName + deviceCodeExtension(t)))
            << deviceCodeOf(module);
    }
    return files.commit();
  });
}

std::string checkParamInit(const TransposedConvSpec &spec) {
  const WeightFans fans = weightFans(spec);
  ParamDistribution ignored;
  if (std::string error =
          resolveInitializer(spec.weightInit, false, fans, ignored);
      !error.empty())
    return error;
  // A bias_init without a bias is checked too: MindSpore looks the name up
  // either way.
  return resolveInitializer(spec.biasInit, true, fans, ignored);
}

std::string compileParamInit(const TransposedConvSpec &spec,
                             const std::string &functionName,
                             const std::string &target,
                             const std::string &outDir) {
  if (std::string error = checkSupported(spec, target); !error.empty())
    return error;
  if (std::string error = checkParamInit(spec); !error.empty())
    return error;
  if (std::string error = checkOutDir(outDir); !error.empty())
    return error;
  const std::string name = functionName + "_init_params";
  return catchingHalideErrors(name, [&]() -> std::string {
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

std::string compileRuntime(const std::string &target,
                           const std::string &outDir) {
  if (std::string error = checkTarget(target); !error.empty())
    return error;
  if (std::string error = checkOutDir(outDir); !error.empty())
    return error;
  return catchingHalideErrors("the Halide runtime", [&]() -> std::string {
    StagedFiles files(outDir);
    Halide::compile_standalone_runtime(files.stage("halide_runtime.o"),
                                       resolveTarget(target));
    return files.commit();
  });
}

} // namespace tconv::codegen
