//===- tconv-import-onnx.cpp - ONNX ConvTranspose nodes to tconv MLIR -----===//
//
//   tconv-import-onnx MODEL.onnx -o OUT.mlir
//
// Writes OUT.mlir with one func.func per ConvTranspose node (arguments X, W[,
// B] in node order, one tconv.onnx_conv_transpose), OUT.<func>.<X|W|B>.bin
// with the raw little-endian values of every argument that is a graph
// initializer, and OUT.weights.json listing them. Other nodes are listed on
// stderr. The module is verified before anything is written: an invalid node
// leaves no output. The output's directory is created. `-o -` prints the
// module to stdout (models without initializers only). docs/importers.md.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Importers/OnnxImporter.h"
#include "tconv/Importers/OnnxModel.h"
#include "tconv/Tools/ToolMain.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

using namespace mlir;
namespace cl = llvm::cl;
namespace oi = ::tconv::onnx_import;

static cl::OptionCategory category("tconv-import-onnx options");
static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<model.onnx>"),
                                          cl::cat(category));
static cl::opt<std::string>
    outputFilename("o", cl::Required,
                   cl::desc("Output .mlir file ('-' for stdout; weight files "
                            "and the manifest go beside it)"),
                   cl::value_desc("file"), cl::cat(category));

static cl::opt<bool>
    noFuse("no-fuse",
           cl::desc("Import each ConvTranspose alone, without the elementwise "
                    "nodes around it (LeakyRelu before it, Tanh after it, ...)"),
           cl::cat(category));

static constexpr const char *kTool = "tconv-import-onnx";

static int fail(const llvm::Twine &message) {
  return ::tconv::tools::reportToolError(kTool, message);
}

/// Prints "tconv-import-onnx: error: MODEL: node 'n' (ConvTranspose #0): msg":
/// the importer's locations carry the model path and the node, and an ONNX
/// model has no line numbers to show.
static void printDiagnostic(Diagnostic &diag) {
  std::string file, node;
  diag.getLocation()->walk([&](Location loc) {
    if (auto name = dyn_cast<NameLoc>(loc))
      node = name.getName().str();
    else if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
      file = fileLoc.getFilename().str();
    return WalkResult::advance();
  });
  const char *severity = "error";
  switch (diag.getSeverity()) {
  case DiagnosticSeverity::Warning:
    severity = "warning";
    break;
  case DiagnosticSeverity::Note:
    severity = "note";
    break;
  case DiagnosticSeverity::Remark:
    severity = "remark";
    break;
  case DiagnosticSeverity::Error:
    break;
  }
  llvm::errs() << kTool << ": " << severity << ": ";
  if (!file.empty())
    llvm::errs() << file << ": ";
  if (!node.empty())
    llvm::errs() << node << ": ";
  llvm::errs() << diag.str() << "\n";
  for (Diagnostic &note : diag.getNotes())
    printDiagnostic(note);
}

static std::string describeNode(const mlir::tconv::OnnxSkippedNode &node) {
  return node.opType + (node.name.empty() ? " #" + std::to_string(node.index)
                                          : " '" + node.name + "'");
}

static std::string formatShape(llvm::ArrayRef<int64_t> dims) {
  std::string text = "[";
  for (auto [i, d] : llvm::enumerate(dims))
    text += (i ? ", " : "") + std::to_string(d);
  return text + "]";
}

static std::string dtypeName(int32_t elementType) {
  switch (elementType) {
  case oi::kOnnxFloat:
    return "f32";
  case oi::kOnnxFloat16:
    return "f16";
  case oi::kOnnxDouble:
    return "f64";
  case oi::kOnnxBFloat16:
    return "bf16";
  default:
    return oi::onnxElementTypeName(elementType);
  }
}

static int writeFile(const std::string &path, llvm::StringRef contents) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return fail("cannot write '" + path + "': " + ec.message());
  os << contents;
  os.close();
  if (os.has_error())
    return fail("cannot write '" + path + "': " + os.error().message());
  return 0;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  ::tconv::tools::parseToolOptions(
      argc, argv, category,
      "tconv-import-onnx: ONNX ConvTranspose nodes to tconv MLIR\n");

  std::string readError;
  std::optional<oi::OnnxModel> model =
      oi::readOnnxModel(inputFilename, readError);
  if (!model)
    return fail("cannot read '" + inputFilename + "': " + readError);

  DialectRegistry registry;
  registry.insert<mlir::tconv::TconvDialect, func::FuncDialect,
                  arith::ArithDialect, math::MathDialect,
                  tensor::TensorDialect>();
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  context.getDiagEngine().registerHandler(
      [](Diagnostic &diag) { printDiagnostic(diag); });

  FailureOr<mlir::tconv::OnnxImportResult> imported =
      mlir::tconv::importOnnxModel(*model, context, {/*fuse=*/!noFuse});
  if (failed(imported) || failed(verify(*imported->module)))
    return 1;

  if (!imported->skipped.empty()) {
    llvm::errs() << kTool << ": skipped " << imported->skipped.size()
                 << " unsupported node"
                 << (imported->skipped.size() > 1 ? "s" : "") << ":";
    for (auto [i, node] : llvm::enumerate(imported->skipped))
      llvm::errs() << (i ? ", " : " ") << describeNode(node);
    llvm::errs() << "\n";
  }

  // Everything is checked and rendered before the first file is written.
  const bool toStdout = outputFilename == "-";
  if (toStdout && !imported->weights.empty())
    return fail("'" + inputFilename +
                "' has initializers as ConvTranspose "
                "inputs, whose values are written beside the output: give "
                "-o FILE instead of -o -");
  llvm::StringRef stem = outputFilename;
  stem.consume_back(".mlir");

  struct WeightFile {
    std::string path;
    const oi::OnnxInitializer *init;
  };
  std::vector<WeightFile> weightFiles;
  std::string header;
  llvm::raw_string_ostream headerOs(header);
  headerOs << "// Imported by tconv-import-onnx from '" << inputFilename
           << "' (opset " << model->opsetVersion << ").\n";
  llvm::json::Array manifestWeights;
  for (const mlir::tconv::OnnxWeightBinding &w : imported->weights) {
    const oi::OnnxInitializer &init = model->initializers.at(w.tensorName);
    if (!init.dataError.empty())
      return fail("cannot write initializer '" + w.tensorName + "' (input " +
                  w.operandName + " of @" + w.funcName +
                  "): " + init.dataError);
    std::string path =
        (stem + "." + w.funcName + "." + w.operandName + ".bin").str();
    std::string file = llvm::sys::path::filename(path).str();
    if (weightFiles.empty())
      headerOs << "// Initializers (raw little-endian, listed in "
               << llvm::sys::path::filename(stem) << ".weights.json):\n";
    headerOs << "//   @" << w.funcName << " argument " << w.argumentIndex
             << " (" << w.operandName << ") = '" << w.tensorName << "' "
             << dtypeName(init.elementType) << " " << formatShape(init.dims)
             << " in " << file << "\n";
    manifestWeights.push_back(
        llvm::json::Object{{"func", w.funcName},
                           {"argument", int64_t(w.argumentIndex)},
                           {"operand", w.operandName},
                           {"tensor", w.tensorName},
                           {"dtype", dtypeName(init.elementType)},
                           {"shape", llvm::json::Array(init.dims)},
                           {"file", file}});
    weightFiles.push_back({path, &init});
  }
  llvm::json::Array manifestSkipped;
  for (const mlir::tconv::OnnxSkippedNode &node : imported->skipped) {
    headerOs << "// Skipped (unsupported): " << describeNode(node) << "\n";
    manifestSkipped.push_back(
        llvm::json::Object{{"op_type", node.opType},
                           {"name", node.name},
                           {"index", int64_t(node.index)}});
  }

  // What each func fuses (not written with --no-fuse, whose output is the
  // layers alone, as before fusion).
  llvm::json::Array manifestFuncs;
  for (const mlir::tconv::OnnxFusedFunc &f : imported->funcs) {
    auto stages = [](const std::vector<mlir::tconv::OnnxFusedStage> &list) {
      llvm::json::Array out;
      for (const mlir::tconv::OnnxFusedStage &s : list) {
        llvm::json::Object entry{{"op", s.kind},
                                 {"nodes", llvm::json::Array(s.nodes)}};
        if (s.value)
          entry[s.kind == "leaky_relu" || s.kind == "elu" ? "alpha"
                                                          : "scalar"] =
              *s.value;
        if (!s.approximate.empty())
          entry["approximate"] = s.approximate;
        out.push_back(std::move(entry));
      }
      return out;
    };
    llvm::json::Array extras;
    for (const auto &[argument, tensor] : f.residuals)
      extras.push_back(llvm::json::Object{{"argument", int64_t(argument)},
                                          {"tensor", tensor},
                                          {"kind", "input"}});
    if (!f.prologue.empty() || !f.epilogue.empty()) {
      headerOs << "// Fused into @" << f.funcName << ":";
      for (const auto &s : f.prologue)
        headerOs << " " << s.kind;
      headerOs << " -> ConvTranspose ->";
      for (const auto &s : f.epilogue)
        headerOs << " " << s.kind;
      headerOs << "\n";
    }
    manifestFuncs.push_back(
        llvm::json::Object{{"func", f.funcName},
                           {"prologue", stages(f.prologue)},
                           {"epilogue", stages(f.epilogue)},
                           {"extra_operands", std::move(extras)}});
  }

  std::string mlirText = header;
  llvm::raw_string_ostream mlirOs(mlirText);
  imported->module->print(mlirOs);

  if (toStdout) {
    llvm::outs() << mlirText;
    return 0;
  }
  llvm::StringRef dir = llvm::sys::path::parent_path(outputFilename);
  if (!dir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(dir))
      return fail("cannot create the output directory '" + dir +
                  "': " + ec.message());
  for (const WeightFile &w : weightFiles) {
    llvm::StringRef bytes(
        reinterpret_cast<const char *>(w.init->littleEndianData.data()),
        w.init->littleEndianData.size());
    if (int rc = writeFile(w.path, bytes))
      return rc;
  }
  std::string manifest;
  llvm::raw_string_ostream manifestOs(manifest);
  llvm::json::Object manifestObject{
      {"generator", kTool},
      {"model", inputFilename.getValue()},
      {"opset", model->opsetVersion},
      {"mlir", llvm::sys::path::filename(outputFilename).str()},
      {"weights", std::move(manifestWeights)},
      {"skipped", std::move(manifestSkipped)}};
  if (!noFuse)
    manifestObject["funcs"] = std::move(manifestFuncs);
  manifestOs << llvm::formatv("{0:2}\n",
                              llvm::json::Value(std::move(manifestObject)));
  if (int rc = writeFile((stem + ".weights.json").str(), manifest))
    return rc;
  return writeFile(outputFilename, mlirText);
}
