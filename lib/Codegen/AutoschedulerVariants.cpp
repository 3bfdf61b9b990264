//===- AutoschedulerVariants.cpp - Halide's autoschedulers as variants ----===//
//
// Baselines for the benchmark: Halide 14's autoschedulers (Adams2019, Li2018,
// Mullapudi2016) on the unscheduled algorithm, for this machine's core count
// and Halide's generic cache size. Never a default; chosen by name
// (--schedule=auto-*), CPU targets only. Their plugins are loaded on first use.
//
//===----------------------------------------------------------------------===//

#include "KernelVariant.h"

#include <algorithm>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace fs = std::filesystem;

namespace tconv::codegen {

namespace {

/// Estimates for the autoschedulers: the static sizes, 1024 for a dynamic
/// length, 1 for a dynamic batch.
void setEstimates(ConvTransposePipeline &p) {
  const ConvTransposeSpec &spec = p.spec;
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
  for (size_t k = 0; k < p.extraOperands.size(); ++k) {
    const ConvTransposeSpec::ExtraOperand &kind = spec.extraOperands[k];
    if (kind.shape == ExtraOperandShape::Full)
      p.extraOperands[k].set_estimates(kind.forPrologue ? in : out);
    else
      p.extraOperands[k].set_estimates(
          {{0, int(kind.forPrologue ? spec.inChannels : spec.outChannels)}});
  }
  p.output.set_estimates(out);
}

class AutoschedulerVariant : public KernelVariant {
public:
  /// `name` is the variant's ("auto-li2018"), `halideName` the
  /// autoscheduler's ("Li2018"), `plugin` its library's stem.
  AutoschedulerVariant(const char *name, const char *halideName,
                       const char *plugin)
      : variantName(name), halideName(halideName), plugin(plugin) {}

  const char *name() const override { return variantName; }
  bool supports(const ShapeFacts &f) const override { return !f.gpu; }
  bool defaultFor(const ShapeFacts &) const override { return false; }
  bool tunable() const override { return false; }

  /// Loads the plugin once per process. Debian installs the plugins next to
  /// libHalide, in halide14/ (not on the loader's path), so that directory is
  /// tried after $TCONV_HALIDE_PLUGIN_DIR, then the bare name.
  Status prepare() const override {
    static std::mutex mutex;
    static std::set<std::string> loaded;
    std::lock_guard<std::mutex> lock(mutex);
    if (loaded.count(halideName))
      return Status::success();
    const std::string file = "lib" + std::string(plugin) + ".so";
    std::vector<std::string> candidates;
    if (const char *dir = std::getenv("TCONV_HALIDE_PLUGIN_DIR"))
      candidates.push_back(std::string(dir) + "/" + file);
    Dl_info info;
    if (dladdr(reinterpret_cast<void *>(&Halide::load_plugin), &info) &&
        info.dli_fname) {
      fs::path halideDir = fs::path(info.dli_fname).parent_path();
      candidates.push_back((halideDir / "halide14" / file).string());
      candidates.push_back((halideDir / file).string());
    }
    candidates.push_back(file);
    std::string tried;
    for (const std::string &path : candidates) {
      // Probe with dlopen first: Halide's load_plugin asserts on failure.
      void *handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_GLOBAL);
      if (!handle) {
        tried += "\n  " + path + ": " + dlerror();
        continue;
      }
      Halide::load_plugin(path); // registers the autoscheduler
      loaded.insert(halideName);
      return Status::success();
    }
    return Status::error(
        std::string("cannot load the Halide autoscheduler plugin for '") +
        variantName + "' (" + file +
        "; Debian package libhalide14-0-dev; or set TCONV_HALIDE_PLUGIN_DIR "
        "to its directory); tried:" +
        tried);
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                               const VariantParams &) const override {
    ConvTransposePipeline p = buildConvTransposePipeline(f.spec);
    setEstimates(p);
    Halide::MachineParams machine = Halide::MachineParams::generic();
    machine.parallelism = int(std::max(1u, std::thread::hardware_concurrency()));
    // The autoscheduler schedules the Funcs themselves.
    Halide::Pipeline(p.output).auto_schedule(halideName, f.target, machine);
    return p;
  }

private:
  const char *variantName, *halideName, *plugin;
};

} // namespace

const std::vector<const KernelVariant *> &autoschedulerVariants() {
  static const AutoschedulerVariant adams("auto-adams2019", "Adams2019",
                                          "autoschedule_adams2019");
  static const AutoschedulerVariant li("auto-li2018", "Li2018",
                                       "autoschedule_li2018");
  static const AutoschedulerVariant mullapudi(
      "auto-mullapudi2016", "Mullapudi2016", "autoschedule_mullapudi2016");
  static const std::vector<const KernelVariant *> variants = {&adams, &li,
                                                              &mullapudi};
  return variants;
}

} // namespace tconv::codegen
