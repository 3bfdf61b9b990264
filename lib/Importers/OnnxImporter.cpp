//===- OnnxImporter.cpp - OnnxModel to tconv MLIR -------------------------===//
//
// One func.func per ConvTranspose node: its arguments are the node's inputs in
// order (X, W[, B]), its body one tconv.onnx_conv_transpose carrying the
// node's attributes as written, and a return. The result type is whatever the
// dialect infers: output lengths have one owner (ShapeArithmetic, called by
// the op), and the importer never computes one.
//
//===----------------------------------------------------------------------===//

#include "tconv/Importers/OnnxImporter.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <cstring>
#include <map>
#include <set>

using namespace mlir;
using namespace mlir::tconv;
using ::tconv::onnx_import::OnnxAttribute;
using ::tconv::onnx_import::onnxElementTypeName;
using ::tconv::onnx_import::OnnxModel;
using ::tconv::onnx_import::OnnxNode;

/// Discardable attribute carrying the ONNX tensor name of a func argument or
/// result (MLIR block arguments have no names of their own).
static constexpr llvm::StringLiteral kOnnxNameAttr = "onnx.name";

static bool isDefaultDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

static bool isConvTranspose(const OnnxNode &node) {
  return node.opType == "ConvTranspose" && isDefaultDomain(node.domain);
}

Location mlir::tconv::onnxNodeLocation(MLIRContext &context,
                                       StringRef modelPath,
                                       const OnnxNode &node, size_t index) {
  std::string label =
      node.name.empty()
          ? "node #" + std::to_string(index) + " (" + node.opType + ", unnamed)"
          : "node '" + node.name + "' (" + node.opType + " #" +
                std::to_string(index) + ")";
  return NameLoc::get(StringAttr::get(&context, label),
                      FileLineColLoc::get(&context, modelPath, 0, 0));
}

//===----------------------------------------------------------------------===//
// Fusion: the elementwise neighbours of each ConvTranspose
//===----------------------------------------------------------------------===//

namespace {

/// A stage being matched: the OnnxFusedStage, the nodes (by index) it
/// covers, the tensor it produces, and a residual's other operand.
struct MatchedStage {
  OnnxFusedStage stage;
  std::vector<size_t> nodes;
  std::string output;
  std::string residual;
};

/// Finds, for every ConvTranspose node, the elementwise nodes before it
/// (prologue) and after it (epilogue) that nothing else uses, with the rules
/// of tconv-import-torch (docs/importers.md, "Fusion").
class NeighbourFinder {
public:
  explicit NeighbourFinder(const OnnxModel &model) : model(model) {
    for (auto [i, node] : llvm::enumerate(model.nodes)) {
      for (const std::string &in : node.inputs)
        if (!in.empty())
          users[in].push_back(i);
      for (const std::string &out : node.outputs)
        producers[out] = i;
    }
    for (const std::string &out : model.outputs)
      users[out].push_back(kGraphOutput);
  }

  void run() {
    for (auto [i, node] : llvm::enumerate(model.nodes))
      if (isConvTranspose(node) && node.inputs.size() >= 2)
        findPrologue(i);
    for (auto [i, node] : llvm::enumerate(model.nodes))
      if (isConvTranspose(node) && node.outputs.size() == 1)
        findEpilogue(i);
  }

  std::map<size_t, std::vector<MatchedStage>> prologues, epilogues;
  std::map<size_t, std::string> kernelInputs;

  /// Whether node `n` is in a func: a stage's node, or a Constant only
  /// stages read.
  bool isFused(size_t n) const {
    if (claimed.count(n))
      return true;
    const OnnxNode &node = model.nodes[n];
    if (node.opType != "Constant" || node.outputs.size() != 1)
      return false;
    auto it = users.find(node.outputs[0]);
    return it != users.end() &&
           llvm::all_of(it->second, [&](size_t u) { return claimed.count(u); });
  }

private:
  static constexpr size_t kGraphOutput = ~size_t(0);

  std::optional<size_t> producer(const std::string &tensor) const {
    auto it = producers.find(tensor);
    if (it == producers.end())
      return std::nullopt;
    return it->second;
  }
  std::optional<size_t> soleUser(const std::string &tensor) const {
    auto it = users.find(tensor);
    if (it == users.end() || it->second.size() != 1 ||
        it->second.front() == kGraphOutput || claimed.count(it->second[0]))
      return std::nullopt;
    return it->second.front();
  }

  /// Whether node `n` is an unclaimed default-domain `op` with `inputs`
  /// inputs and one output: a node the multi-node stages may take.
  bool isFreeNode(size_t n, StringRef op, size_t inputs) const {
    return n != kGraphOutput && !claimed.count(n) &&
           model.nodes[n].opType == op &&
           isDefaultDomain(model.nodes[n].domain) &&
           model.nodes[n].inputs.size() == inputs &&
           model.nodes[n].outputs.size() == 1;
  }

  /// The value of a one-element FLOAT/DOUBLE initializer or Constant.
  std::optional<double> scalar(const std::string &tensor) const {
    const ::tconv::onnx_import::OnnxInitializer *init = nullptr;
    if (auto it = model.initializers.find(tensor);
        it != model.initializers.end())
      init = &it->second;
    else if (auto p = producer(tensor)) {
      const OnnxNode &node = model.nodes[*p];
      if (node.opType == "Constant" && isDefaultDomain(node.domain))
        for (const OnnxAttribute &attr : node.attributes)
          if (attr.name == "value" && attr.kind == OnnxAttribute::Kind::Tensor)
            init = &attr.t;
    }
    if (!init || !init->dataError.empty())
      return std::nullopt;
    const std::vector<uint8_t> &bytes = init->littleEndianData;
    if (init->elementType == ::tconv::onnx_import::kOnnxFloat &&
        bytes.size() == 4) {
      float v;
      std::memcpy(&v, bytes.data(), 4);
      return v;
    }
    if (init->elementType == ::tconv::onnx_import::kOnnxDouble &&
        bytes.size() == 8) {
      double v;
      std::memcpy(&v, bytes.data(), 8);
      return v;
    }
    return std::nullopt;
  }

  static const OnnxAttribute *attribute(const OnnxNode &node, StringRef name) {
    for (const OnnxAttribute &attr : node.attributes)
      if (attr.name == name)
        return &attr;
    return nullptr;
  }

  /// The stage node `n` computes from `data` alone (and scalars, or a
  /// residual in an epilogue).
  std::optional<MatchedStage> classify(size_t n, const std::string &data,
                                       bool epilogue) const {
    const OnnxNode &node = model.nodes[n];
    if (!isDefaultDomain(node.domain) || node.outputs.size() != 1)
      return std::nullopt;
    MatchedStage m;
    m.nodes = {n};
    m.output = node.outputs[0];
    m.stage.nodes = {node.name};
    const StringRef op = node.opType;
    auto floatAttr = [&](StringRef name, double fallback) -> std::optional<double> {
      const OnnxAttribute *attr = attribute(node, name);
      if (!attr)
        return fallback;
      if (attr->kind != OnnxAttribute::Kind::Float)
        return std::nullopt;
      return attr->f;
    };
    if (llvm::is_contained({"LeakyRelu", "Relu", "Elu", "Tanh", "Sigmoid",
                            "Neg", "Gelu"},
                           op)) {
      if (node.inputs.size() != 1 || node.inputs[0] != data)
        return std::nullopt;
      static const llvm::StringMap<std::string> kinds = {
          {"LeakyRelu", "leaky_relu"}, {"Relu", "relu"}, {"Elu", "elu"},
          {"Tanh", "tanh"},           {"Sigmoid", "sigmoid"}, {"Neg", "neg"},
          {"Gelu", "gelu"}};
      m.stage.kind = kinds.lookup(op);
      if (op == "LeakyRelu" || op == "Elu") {
        m.stage.value = floatAttr("alpha", op == "LeakyRelu" ? 0.01 : 1.0);
        if (!m.stage.value)
          return std::nullopt;
      }
      if (op == "Gelu") {
        const OnnxAttribute *attr = attribute(node, "approximate");
        m.stage.approximate = attr ? attr->s : "none";
        if (m.stage.approximate != "none" && m.stage.approximate != "tanh")
          return std::nullopt;
      }
      return m;
    }
    if (!llvm::is_contained({"Add", "Sub", "Mul", "Div"}, op) ||
        node.inputs.size() != 2 || node.inputs[0] == node.inputs[1])
      return std::nullopt;
    bool dataFirst = node.inputs[0] == data;
    if (!dataFirst && node.inputs[1] != data)
      return std::nullopt;
    const std::string &other = node.inputs[dataFirst ? 1 : 0];
    if (std::optional<double> value = scalar(other)) {
      m.stage.value = value;
      if (op == "Add" || op == "Mul")
        m.stage.kind = op == "Add" ? "add" : "mul";
      else if (op == "Sub")
        m.stage.kind = dataFirst ? "sub" : "rsub";
      else
        m.stage.kind = dataFirst ? "div" : "rdiv";
      return m;
    }
    // A residual: a tensor of the result's own shape (no broadcasting).
    auto otherType = model.tensorTypes.find(other);
    auto outType = model.tensorTypes.find(node.outputs[0]);
    if (op != "Add" || !epilogue || otherType == model.tensorTypes.end() ||
        outType == model.tensorTypes.end() || !otherType->second.shape ||
        otherType->second.shape != outType->second.shape ||
        otherType->second.elementType != outType->second.elementType)
      return std::nullopt;
    m.stage.kind = "residual";
    m.residual = other;
    return m;
  }

  /// torch.onnx's exact GELU before opset 20, from `x`:
  /// Mul(Mul(x, Add(Erf(Div(x, sqrt 2)), 1)), 0.5), operands either way round.
  std::optional<MatchedStage> matchErfGelu(const std::string &x) const {
    auto it = users.find(x);
    if (it == users.end() || it->second.size() != 2)
      return std::nullopt;
    auto is = [&](size_t n, StringRef op) {
      return isFreeNode(n, op, op == "Erf" ? 1 : 2);
    };
    auto withScalar = [&](size_t n, const std::string &in, double want) {
      const OnnxNode &node = model.nodes[n];
      const std::string &other =
          node.inputs[0] == in ? node.inputs[1] : node.inputs[0];
      std::optional<double> v = scalar(other);
      return (node.inputs[0] == in || node.inputs[1] == in) && v &&
             std::abs(*v - want) <= 1e-6 * want;
    };
    size_t div = it->second[0], mul = it->second[1];
    if (!is(div, "Div"))
      std::swap(div, mul);
    if (!is(div, "Div") || !is(mul, "Mul") ||
        model.nodes[div].inputs[0] != x ||
        !withScalar(div, x, std::sqrt(2.0)))
      return std::nullopt;
    std::optional<size_t> erf = soleUser(model.nodes[div].outputs[0]);
    if (!erf || !is(*erf, "Erf"))
      return std::nullopt;
    std::optional<size_t> add = soleUser(model.nodes[*erf].outputs[0]);
    if (!add || !is(*add, "Add") ||
        !withScalar(*add, model.nodes[*erf].outputs[0], 1.0))
      return std::nullopt;
    std::optional<size_t> addUser = soleUser(model.nodes[*add].outputs[0]);
    const std::vector<std::string> &mulIn = model.nodes[mul].inputs;
    if (addUser != mul ||
        !((mulIn[0] == x && mulIn[1] == model.nodes[*add].outputs[0]) ||
          (mulIn[1] == x && mulIn[0] == model.nodes[*add].outputs[0])))
      return std::nullopt;
    std::optional<size_t> half = soleUser(model.nodes[mul].outputs[0]);
    if (!half || !is(*half, "Mul") ||
        !withScalar(*half, model.nodes[mul].outputs[0], 0.5))
      return std::nullopt;
    MatchedStage m;
    m.stage.kind = "gelu";
    m.stage.approximate = "none";
    m.nodes = {div, *erf, *add, mul, *half};
    for (size_t n : m.nodes)
      m.stage.nodes.push_back(model.nodes[n].name);
    m.output = model.nodes[*half].outputs[0];
    return m;
  }

  /// torch.onnx's SiLU (ONNX has no op for it before opset 22): Mul(x,
  /// Sigmoid(x)), operands either way round, `mul` being the Mul and x read
  /// by nothing else. Its `nodes` are {Sigmoid, Mul}; x is `input`.
  std::optional<MatchedStage> matchSilu(size_t mul, std::string &input) const {
    if (!isFreeNode(mul, "Mul", 2))
      return std::nullopt;
    const std::vector<std::string> &in = model.nodes[mul].inputs;
    for (int side : {0, 1}) {
      const std::string &x = in[side], &gate = in[1 - side];
      std::optional<size_t> sigmoid = producer(gate);
      if (!sigmoid || !isFreeNode(*sigmoid, "Sigmoid", 1) ||
          model.nodes[*sigmoid].inputs[0] != x || soleUser(gate) != mul)
        continue;
      auto xUsers = users.find(x);
      if (xUsers == users.end() || xUsers->second.size() != 2)
        continue;
      MatchedStage m;
      m.stage.kind = "silu";
      m.nodes = {*sigmoid, mul};
      for (size_t n : m.nodes)
        m.stage.nodes.push_back(model.nodes[n].name);
      m.output = model.nodes[mul].outputs[0];
      input = x;
      return m;
    }
    return std::nullopt;
  }

  /// Whether every user of `tensor` is one of `nodes` (not a graph output).
  bool onlyUsers(const std::string &tensor,
                 const std::vector<size_t> &nodes) const {
    auto it = users.find(tensor);
    return it != users.end() && llvm::all_of(it->second, [&](size_t u) {
             return llvm::is_contained(nodes, u);
           });
  }

  void findPrologue(size_t conv) {
    std::vector<MatchedStage> stages;
    std::string value = model.nodes[conv].inputs[0];
    std::vector<size_t> readers = {conv}; // the nodes that read `value`
    while (onlyUsers(value, readers)) {
      std::optional<size_t> p = producer(value);
      if (!p || claimed.count(*p))
        break;
      std::string siluInput;
      if (std::optional<MatchedStage> silu = matchSilu(*p, siluInput)) {
        if (std::optional<size_t> q = producer(siluInput);
            !stages.empty() && q && isConvTranspose(model.nodes[*q]))
          break;
        claimed.insert(silu->nodes.begin(), silu->nodes.end());
        readers = silu->nodes;
        stages.insert(stages.begin(), std::move(*silu));
        value = siluInput;
        continue;
      }
      const OnnxNode &node = model.nodes[*p];
      // The data: the one input that is not a scalar constant.
      std::string data;
      unsigned tensors = 0;
      for (const std::string &in : node.inputs)
        if (!in.empty() && !scalar(in)) {
          data = in;
          ++tensors;
        }
      if (tensors != 1)
        break;
      // Between two layers the first op after a layer stays its epilogue's
      // unless it is the only one (as tconv-import-torch decides).
      if (std::optional<size_t> q = producer(data);
          !stages.empty() && q && isConvTranspose(model.nodes[*q]))
        break;
      std::optional<MatchedStage> stage = classify(*p, data, false);
      if (!stage)
        break;
      claimed.insert(*p);
      stages.insert(stages.begin(), std::move(*stage));
      value = data;
      readers = {*p};
    }
    kernelInputs[conv] = value;
    prologues[conv] = std::move(stages);
  }

  /// The SiLU that reads `x` (matchSilu, which requires x's two users to be
  /// its nodes).
  std::optional<MatchedStage> matchSiluOf(const std::string &x) const {
    auto it = users.find(x);
    if (it == users.end())
      return std::nullopt;
    for (size_t u : it->second) {
      std::string input;
      std::optional<MatchedStage> m =
          u == kGraphOutput ? std::nullopt : matchSilu(u, input);
      if (m && input == x)
        return m;
    }
    return std::nullopt;
  }

  void findEpilogue(size_t conv) {
    std::vector<MatchedStage> stages;
    std::string value = model.nodes[conv].outputs[0];
    while (true) {
      std::optional<MatchedStage> stage = matchErfGelu(value);
      if (!stage)
        stage = matchSiluOf(value);
      if (!stage) {
        std::optional<size_t> u = soleUser(value);
        if (!u || isConvTranspose(model.nodes[*u]))
          break;
        stage = classify(*u, value, true);
      }
      if (!stage)
        break;
      claimed.insert(stage->nodes.begin(), stage->nodes.end());
      value = stage->output;
      stages.push_back(std::move(*stage));
    }
    epilogues[conv] = std::move(stages);
  }

  const OnnxModel &model;
  std::map<std::string, std::vector<size_t>> users;
  std::map<std::string, size_t> producers;
  std::set<size_t> claimed;
};

/// Builds the ops of the stages on tensors of one type, as
/// tconv-import-torch writes them (each as ATen defines it).
class StageBuilder {
public:
  StageBuilder(OpBuilder &b, Location loc, RankedTensorType type, Value base)
      : b(b), loc(loc), type(type), base(base) {}

  Value splat(double v) {
    Type et = type.getElementType();
    if (type.hasStaticShape())
      return arith::ConstantOp::create(
          b, loc, DenseElementsAttr::get(type, b.getFloatAttr(et, v)));
    if (dims.empty())
      for (int64_t i = 0; i < type.getRank(); ++i)
        if (type.isDynamicDim(i))
          dims.push_back(tensor::DimOp::create(
              b, loc, base, arith::ConstantIndexOp::create(b, loc, i)));
    Value scalar = arith::ConstantOp::create(b, loc, b.getFloatAttr(et, v));
    return tensor::SplatOp::create(b, loc, scalar, type, dims);
  }

  Value stage(const OnnxFusedStage &s, Value x, Value residual) {
    const StringRef k = s.kind;
    auto gtZero = [&] {
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x,
                                   splat(0.0));
    };
    auto mul = [&](Value a, Value c) { return arith::MulFOp::create(b, loc, a, c); };
    auto add = [&](Value a, Value c) { return arith::AddFOp::create(b, loc, a, c); };
    if (k == "leaky_relu")
      return arith::SelectOp::create(b, loc, gtZero(), x,
                                     mul(x, splat(*s.value)));
    if (k == "relu")
      return arith::MaximumFOp::create(b, loc, x, splat(0.0));
    if (k == "elu")
      return arith::SelectOp::create(
          b, loc, gtZero(), x,
          mul(math::ExpM1Op::create(b, loc, x), splat(*s.value)));
    if (k == "gelu" && s.approximate == "none")
      return mul(mul(x, splat(0.5)),
                 add(math::ErfOp::create(b, loc, mul(x, splat(M_SQRT1_2))),
                     splat(1.0)));
    if (k == "gelu") {
      Value inner = add(x, mul(mul(mul(x, x), x), splat(0.044715)));
      Value t = math::TanhOp::create(b, loc, mul(inner, splat(M_SQRT2 * M_2_SQRTPI * 0.5)));
      return mul(mul(x, splat(0.5)), add(t, splat(1.0)));
    }
    if (k == "tanh")
      return math::TanhOp::create(b, loc, x);
    if (k == "sigmoid" || k == "silu") { // 1 / (1 + exp(-x)), x / (1 + exp(-x))
      Value numerator = k == "sigmoid" ? splat(1.0) : x;
      return arith::DivFOp::create(
          b, loc, numerator,
          add(math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x)),
              splat(1.0)));
    }
    if (k == "neg")
      return arith::NegFOp::create(b, loc, x);
    if (k == "residual")
      return add(x, residual);
    Value c = splat(*s.value);
    if (k == "add")
      return add(x, c);
    if (k == "mul")
      return mul(x, c);
    if (k == "sub")
      return arith::SubFOp::create(b, loc, x, c);
    if (k == "rsub")
      return arith::SubFOp::create(b, loc, c, x);
    if (k == "div")
      return arith::DivFOp::create(b, loc, x, c);
    return arith::DivFOp::create(b, loc, c, x); // rdiv
  }

private:
  OpBuilder &b;
  Location loc;
  RankedTensorType type;
  Value base;
  SmallVector<Value> dims;
};

} // namespace

namespace {

/// Gives every func a distinct name that is also a valid C identifier: the
/// func name becomes the kernel's C symbol and header name in tconv-compile.
class FuncNamer {
public:
  std::string name(const OnnxNode &node, size_t index) {
    std::string base = node.name.empty()
                           ? node.opType + "_" + std::to_string(index)
                           : sanitize(node.name);
    std::string candidate = base;
    for (unsigned n = 1; !used.insert(candidate).second; ++n)
      candidate = base + "_" + std::to_string(n);
    return candidate;
  }

private:
  static std::string sanitize(StringRef text) {
    std::string out;
    for (char c : text)
      out += llvm::isAlnum(c) ? c : '_';
    // Leading digits are not C, and leading underscores are reserved in C.
    if (!llvm::isAlpha(out.front()))
      out = "node_" + out;
    static const llvm::StringSet<> cKeywords = {
        "auto",     "break",    "case",     "char",   "const",   "continue",
        "default",  "do",       "double",   "else",   "enum",    "extern",
        "float",    "for",      "goto",     "if",     "inline",  "int",
        "long",     "register", "restrict", "return", "short",   "signed",
        "sizeof",   "static",   "struct",   "switch", "typedef", "union",
        "unsigned", "void",     "volatile", "while",  "main",    "bool",
        "true",     "false",    "class",    "new",    "delete",  "this",
        "template", "typename", "namespace"};
    // halide_* is the Halide runtime's namespace (same rule as
    // tconv-import-torch).
    if (cKeywords.contains(out) || StringRef(out).starts_with("halide_"))
      out += "_";
    return out;
  }

  llvm::StringSet<> used;
};

class OnnxImporter {
public:
  OnnxImporter(const OnnxModel &model, MLIRContext &context,
               OnnxImportOptions options)
      : model(model), context(context), builder(&context), options(options),
        neighbours(model) {}

  FailureOr<OnnxImportResult> run();

private:
  LogicalResult importNode(const OnnxNode &node, size_t index);
  FailureOr<RankedTensorType> operandType(StringRef operandName,
                                          const std::string &tensor,
                                          Location loc, bool &isInitializer);
  LogicalResult setAttributes(OnnxConvTransposeOp::Properties &props,
                              const OnnxNode &node, Location loc);

  const OnnxModel &model;
  MLIRContext &context;
  OpBuilder builder;
  OnnxImportOptions options;
  NeighbourFinder neighbours;
  OnnxImportResult result;
  FuncNamer namer;
  /// Result types of the ConvTranspose nodes imported so far, by output
  /// tensor: a node fed by another one takes the dialect's type rather than
  /// ONNX shape inference's (onnx 1.12 disagrees on SAME_* with
  /// output_padding, docs/importers.md).
  llvm::StringMap<Type> producedTypes;
};

} // namespace

static Type mlirElementType(MLIRContext &context, int32_t onnxType) {
  using namespace ::tconv::onnx_import;
  Builder b(&context);
  switch (onnxType) {
  case kOnnxFloat:
    return b.getF32Type();
  case kOnnxFloat16:
    return b.getF16Type();
  case kOnnxDouble:
    return b.getF64Type();
  case kOnnxBFloat16:
    return b.getBF16Type();
  default:
    return {};
  }
}

FailureOr<RankedTensorType> OnnxImporter::operandType(StringRef operandName,
                                                      const std::string &tensor,
                                                      Location loc,
                                                      bool &isInitializer) {
  isInitializer = false;
  if (auto it = producedTypes.find(tensor); it != producedTypes.end())
    return cast<RankedTensorType>(it->second);

  int32_t elementType;
  std::vector<int64_t> shape;
  if (auto it = model.initializers.find(tensor);
      it != model.initializers.end()) {
    // An initializer that is also a graph input is a default the caller may
    // override (IR >= 4); tconv treats it as the weight it defaults to.
    isInitializer = true;
    elementType = it->second.elementType;
    shape = it->second.dims;
  } else if (auto it = model.tensorTypes.find(tensor);
             it != model.tensorTypes.end() && it->second.shape) {
    elementType = it->second.elementType;
    shape = *it->second.shape;
  } else {
    InFlightDiagnostic diag = emitError(loc)
                              << "the shape of input " << operandName << " '"
                              << tensor << "' is unknown: it is not a graph "
                              << "input or initializer and has no value_info "
                                 "with a shape";
    if (!model.shapeInferenceError.empty())
      diag << " (ONNX shape inference failed: " << model.shapeInferenceError
           << ")";
    return failure();
  }
  for (int64_t d : shape)
    if (d < 0 && d != ShapedType::kDynamic)
      return emitError(loc) << "input " << operandName << " '" << tensor
                            << "' has a negative dimension " << d;
  Type element = mlirElementType(context, elementType);
  if (!element)
    return emitError(loc) << "input " << operandName << " '" << tensor
                          << "' has element type "
                          << onnxElementTypeName(elementType)
                          << "; tconv supports FLOAT, FLOAT16, BFLOAT16 and "
                             "DOUBLE";
  return RankedTensorType::get(shape, element);
}

LogicalResult
OnnxImporter::setAttributes(OnnxConvTransposeOp::Properties &props,
                            const OnnxNode &node, Location loc) {
  using Kind = OnnxAttribute::Kind;
  llvm::StringSet<> seen;
  for (const OnnxAttribute &attr : node.attributes) {
    if (!seen.insert(attr.name).second)
      return emitError(loc) << "attribute '" << attr.name << "' is given twice";
    const auto expect = [&](Kind kind, StringRef what) -> LogicalResult {
      if (attr.kind == kind)
        return success();
      return emitError(loc) << "attribute '" << attr.name << "' must be "
                            << what << ", got " << attr.typeName;
    };
    DenseI64ArrayAttr *list = llvm::StringSwitch<DenseI64ArrayAttr *>(attr.name)
                                  .Case("pads", &props.pads)
                                  .Case("output_padding", &props.output_padding)
                                  .Case("output_shape", &props.output_shape)
                                  .Case("dilations", &props.dilations)
                                  .Case("strides", &props.strides)
                                  .Case("kernel_shape", &props.kernel_shape)
                                  .Default(nullptr);
    if (list) {
      if (failed(expect(Kind::Ints, "a list of integers (INTS)")))
        return failure();
      *list = builder.getDenseI64ArrayAttr(attr.ints);
    } else if (attr.name == "auto_pad") {
      if (failed(expect(Kind::String, "a string (STRING)")))
        return failure();
      props.auto_pad = builder.getStringAttr(attr.s);
    } else if (attr.name == "group") {
      if (failed(expect(Kind::Int, "an integer (INT)")))
        return failure();
      props.group = builder.getI64IntegerAttr(attr.i);
    } else {
      return emitError(loc) << "unknown ConvTranspose attribute '" << attr.name
                            << "' (expected auto_pad, dilations, group, "
                               "kernel_shape, output_padding, output_shape, "
                               "pads, strides)";
    }
  }
  return success();
}

LogicalResult OnnxImporter::importNode(const OnnxNode &node, size_t index) {
  Location loc = onnxNodeLocation(context, model.path, node, index);
  static const char *const operandNames[] = {"X", "W", "B"};

  // Inputs in node order; a trailing "" is ONNX's absent optional bias.
  std::vector<std::string> inputs = node.inputs;
  if (inputs.size() == 3 && inputs[2].empty())
    inputs.pop_back();
  if (inputs.size() < 2 || inputs.size() > 3)
    return emitError(loc) << "expects 2 or 3 inputs (X, W[, B]), got "
                          << node.inputs.size();
  if (node.outputs.size() != 1 || node.outputs[0].empty())
    return emitError(loc) << "expects one output Y, got "
                          << node.outputs.size();

  const std::string funcName = namer.name(node, index);
  SmallVector<Type> argTypes;
  for (auto [i, tensor] : llvm::enumerate(inputs)) {
    if (tensor.empty())
      return emitError(loc)
             << "input " << operandNames[i] << " is required but absent";
    bool isInitializer;
    FailureOr<RankedTensorType> type =
        operandType(operandNames[i], tensor, loc, isInitializer);
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
    if (isInitializer)
      result.weights.push_back(
          {funcName, unsigned(i), operandNames[i], tensor});
  }

  builder.setInsertionPointToEnd(result.module->getBody());
  auto func = func::FuncOp::create(builder, loc, funcName,
                                   builder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  builder.setInsertionPointToStart(entry);

  // The prologue maps the func's first argument (the tensor before it) to
  // the node's X.
  const std::vector<MatchedStage> noStages;
  const std::vector<MatchedStage> &prologue =
      options.fuse ? neighbours.prologues[index] : noStages;
  const std::vector<MatchedStage> &epilogue =
      options.fuse ? neighbours.epilogues[index] : noStages;
  SmallVector<Value> operands(entry->getArguments());
  {
    StageBuilder stages(builder, loc, cast<RankedTensorType>(argTypes[0]),
                        operands[0]);
    for (const MatchedStage &m : prologue)
      operands[0] = stages.stage(m.stage, operands[0], Value());
  }

  OperationState state(loc, OnnxConvTransposeOp::getOperationName());
  state.addOperands(operands);
  auto &props = state.getOrAddProperties<OnnxConvTransposeOp::Properties>();
  if (failed(setAttributes(props, node, loc)))
    return failure();

  if (model.opsetVersion < 11 &&
      StringRef(props.auto_pad ? props.auto_pad.getValue() : "")
          .starts_with("SAME"))
    emitWarning(loc) << "opset " << model.opsetVersion
                     << " model with auto_pad=" << props.auto_pad.getValue()
                     << ": producers before April 2021 may have meant the "
                        "opposite split of an odd padding total; tconv "
                        "follows the current ONNX spec (docs/importers.md)";

  // The generated inferring builder aborts the process when inference fails;
  // calling inference first turns an invalid node into the dialect's
  // diagnostic (emitted at `loc`, which names the node) and a clean failure.
  SmallVector<Type, 1> resultTypes;
  if (failed(OnnxConvTransposeOp::inferReturnTypes(
          &context, loc, state.operands,
          state.attributes.getDictionary(&context), state.getRawProperties(),
          state.regions, resultTypes)))
    return failure();
  state.addTypes(resultTypes);
  Operation *op = builder.create(state);
  producedTypes[node.outputs[0]] = resultTypes.front();

  // The epilogue, on the result; a residual is one more argument.
  OnnxFusedFunc fused{funcName, {}, {}, {}};
  Value y = op->getResult(0);
  std::string resultName = node.outputs[0];
  StageBuilder stages(builder, loc, cast<RankedTensorType>(resultTypes[0]),
                      y);
  for (const MatchedStage &m : epilogue) {
    Value residual;
    if (m.stage.kind == "residual") {
      fused.residuals.push_back({entry->getNumArguments(), m.residual});
      inputs.push_back(m.residual);
      argTypes.push_back(resultTypes[0]);
      residual = entry->addArgument(resultTypes[0], loc);
    }
    y = stages.stage(m.stage, y, residual);
    resultName = m.output;
    fused.epilogue.push_back(m.stage);
  }
  for (const MatchedStage &m : prologue)
    fused.prologue.push_back(m.stage);
  func::ReturnOp::create(builder, loc, y);
  func.setFunctionType(builder.getFunctionType(argTypes, y.getType()));

  if (!prologue.empty())
    inputs[0] = neighbours.kernelInputs[index];
  for (auto [i, tensor] : llvm::enumerate(inputs))
    func.setArgAttr(i, kOnnxNameAttr, builder.getStringAttr(tensor));
  func.setResultAttr(0, kOnnxNameAttr, builder.getStringAttr(resultName));
  if (options.fuse)
    result.funcs.push_back(std::move(fused));
  return success();
}

FailureOr<OnnxImportResult> OnnxImporter::run() {
  Location modelLoc = FileLineColLoc::get(&context, model.path, 0, 0);
  result.module = ModuleOp::create(modelLoc);
  if (options.fuse)
    neighbours.run();
  size_t imported = 0;
  for (auto [index, node] : llvm::enumerate(model.nodes)) {
    if (!isConvTranspose(node)) {
      if (!options.fuse || !neighbours.isFused(index))
        result.skipped.push_back({node.opType, node.name, index});
      continue;
    }
    if (failed(importNode(node, index)))
      return failure();
    ++imported;
  }
  if (imported == 0) {
    InFlightDiagnostic diag = emitError(modelLoc)
                              << "no ConvTranspose node to import";
    if (model.nodes.empty())
      diag << " (the graph has no nodes)";
    else
      diag << " (the graph's " << model.nodes.size()
           << " nodes are all unsupported)";
    return failure();
  }
  return std::move(result);
}

FailureOr<OnnxImportResult>
mlir::tconv::importOnnxModel(const OnnxModel &model, MLIRContext &context,
                             OnnxImportOptions options) {
  return OnnxImporter(model, context, options).run();
}
