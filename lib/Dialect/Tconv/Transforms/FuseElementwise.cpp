//===- FuseElementwise.cpp - The --tconv-fuse-elementwise pass ------------===//
//
// Gathers the elementwise tensor ops before a canonical tconv.conv_transpose
// (on its input) and after it (on its result) into two tconv.map ops, the
// prologue and the epilogue, whose scalar bodies the code generator fuses
// into the kernel (docs/fusion.md). What the pass cannot gather is an error
// naming the op: a func is fused whole or not compiled.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvOps.h"
#include "tconv/Dialect/Tconv/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVFUSEELEMENTWISE
#include "tconv/Dialect/Tconv/Transforms/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

namespace {

/// An arith or math op that maps tensors elementwise (the Elementwise trait:
/// its scalar form computes each element), with one result.
bool isElementwiseTensorOp(Operation *op) {
  if (!isa_and_nonnull<arith::ArithDialect, math::MathDialect>(
          op->getDialect()) ||
      !op->hasTrait<OpTrait::Elementwise>() || op->getNumRegions() != 0 ||
      op->getNumResults() != 1)
    return false;
  return llvm::all_of(op->getOperandTypes(), llvm::IsaPred<RankedTensorType>) &&
         isa<RankedTensorType>(op->getResult(0).getType());
}

/// The scalar of a splat tensor: arith.constant dense<c>, or tensor.splat of
/// a scalar arith.constant (the form with dynamic dims).
std::optional<TypedAttr> matchSplat(Value value) {
  if (auto splat = value.getDefiningOp<tensor::SplatOp>()) {
    TypedAttr scalar;
    if (matchPattern(splat.getInput(), m_Constant(&scalar)))
      return scalar;
    return std::nullopt;
  }
  SplatElementsAttr dense;
  if (matchPattern(value, m_Constant(&dense)))
    return dense.getSplatValue<TypedAttr>();
  return std::nullopt;
}

/// One side of the convolution being gathered into a tconv.map.
class StageBuilder {
public:
  StageBuilder(func::FuncOp func, Value data, StringRef stage)
      : func(func), data(data), stage(stage) {}

  /// Classifies `operand` (of `user`, not computed in the stage): a splat, a
  /// per-channel or full-shape func argument. Emits the error otherwise.
  LogicalResult addLeaf(Operation *user, unsigned index, Value operand) {
    if (operand == data)
      return success();
    if (auto scalar = matchSplat(operand)) {
      splats[operand] = *scalar;
      return success();
    }
    if (auto broadcast = operand.getDefiningOp<ChannelBroadcastOp>()) {
      auto argument = dyn_cast<BlockArgument>(broadcast.getValues());
      if (!argument || argument.getOwner() != &func.getBody().front())
        return broadcast.emitError("cannot fuse this tconv.channel_broadcast "
                                   "into the ")
               << stage
               << ": only one of a func argument (the kernel's extra "
                  "operand) can be fused";
      perChannel[operand] = argument;
      arguments.insert(argument);
      return success();
    }
    if (auto argument = dyn_cast<BlockArgument>(operand);
        argument && argument.getOwner() == &func.getBody().front()) {
      arguments.insert(argument);
      return success();
    }
    InFlightDiagnostic diag =
        user->emitError("cannot fuse '")
        << user->getName() << "' into the " << stage << ": its operand #"
        << index << " ";
    if (Operation *def = operand.getDefiningOp())
      diag << "is computed by '" << def->getName()
           << "', which is not a splat constant, a tconv.channel_broadcast of "
              "an argument, or an elementwise op of the "
           << stage;
    else
      diag << "is not an argument of the func";
    return diag;
  }

  /// Creates the tconv.map of `ops` (in block order) before `insertBefore`
  /// and returns it; `yielded` is the value it computes.
  MapOp build(ArrayRef<Operation *> ops, Value yielded,
              Operation *insertBefore) {
    SmallVector<Value> operands = {data};
    SmallVector<BlockArgument> sorted(arguments.begin(), arguments.end());
    llvm::sort(sorted, [](BlockArgument a, BlockArgument b) {
      return a.getArgNumber() < b.getArgNumber();
    });
    for (BlockArgument argument : sorted)
      if (argument != data)
        operands.push_back(argument);

    OpBuilder builder(insertBefore);
    auto map = MapOp::create(builder, insertBefore->getLoc(), data.getType(),
                             operands);
    Block *body = builder.createBlock(&map.getBody());
    IRMapping scalars;
    for (Value operand : operands)
      scalars.map(operand,
                  body->addArgument(getElementTypeOrSelf(operand.getType()),
                                    operand.getLoc()));
    for (auto [tensor, argument] : perChannel)
      scalars.map(tensor, scalars.lookup(argument));
    for (auto [tensor, scalar] : splats)
      scalars.map(tensor, arith::ConstantOp::create(builder, tensor.getLoc(),
                                                    scalar));
    for (Operation *op : ops) {
      Operation *scalarOp = builder.clone(*op, scalars);
      for (Value result : scalarOp->getResults())
        result.setType(getElementTypeOrSelf(result.getType()));
    }
    YieldOp::create(builder, yielded.getLoc(), scalars.lookup(yielded));
    return map;
  }

private:
  func::FuncOp func;
  Value data;
  StringRef stage;
  llvm::MapVector<Value, TypedAttr> splats;
  llvm::MapVector<Value, BlockArgument> perChannel;
  llvm::SetVector<BlockArgument> arguments;
};

/// Orders `ops` as they appear in the block (operands before users).
SmallVector<Operation *> inBlockOrder(const llvm::SetVector<Operation *> &ops) {
  SmallVector<Operation *> sorted(ops.begin(), ops.end());
  llvm::sort(sorted, [](Operation *a, Operation *b) {
    return a->isBeforeInBlock(b);
  });
  return sorted;
}

/// The epilogue: every op computed from `head` up to the return.
LogicalResult fuseEpilogue(func::FuncOp func, Value head) {
  llvm::SetVector<Operation *> ops;
  SmallVector<Value> worklist = {head};
  func::ReturnOp ret;
  // Shape queries (the dynamic sizes of splats) read the conv's result
  // instead of the ops that go into the map: elementwise ops keep the shape.
  SmallVector<tensor::DimOp> shapeQueries;
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      if (auto r = dyn_cast<func::ReturnOp>(user)) {
        ret = r;
        continue;
      }
      if (auto dim = dyn_cast<tensor::DimOp>(user)) {
        shapeQueries.push_back(dim);
        continue;
      }
      if (!isElementwiseTensorOp(user))
        return user->emitError("cannot fuse '")
               << user->getName()
               << "' into the epilogue of tconv.conv_transpose: only "
                  "elementwise arith and math ops on tensors can follow it";
      if (ops.insert(user))
        worklist.push_back(user->getResult(0));
    }
  }
  if (ops.empty())
    return success();
  if (!ret || ret.getNumOperands() != 1 ||
      !ops.contains(ret.getOperand(0).getDefiningOp()))
    return func.emitError("cannot fuse the epilogue of '")
           << func.getSymName()
           << "': the func must return the one value its elementwise ops "
              "compute from the convolution";
  StageBuilder stage(func, head, "epilogue");
  for (Operation *op : ops)
    for (auto [index, operand] : llvm::enumerate(op->getOperands()))
      if (!ops.contains(operand.getDefiningOp()) &&
          failed(stage.addLeaf(op, index, operand)))
        return failure();
  SmallVector<Operation *> sorted = inBlockOrder(ops);
  MapOp map = stage.build(sorted, ret.getOperand(0), ret);
  ret->setOperand(0, map.getResult());
  for (tensor::DimOp dim : shapeQueries)
    dim.getSourceMutable().assign(head);
  for (Operation *op : llvm::reverse(sorted))
    op->erase();
  return success();
}

/// The prologue: every op the convolution's input is computed by, from the
/// func's first argument.
LogicalResult fusePrologue(func::FuncOp func, ConvTransposeOp conv) {
  Value input = conv.getInput();
  Operation *root = input.getDefiningOp();
  if (!root)
    return success();
  if (!isElementwiseTensorOp(root))
    return root->emitError("cannot fuse '")
           << root->getName()
           << "' into the prologue of tconv.conv_transpose: only elementwise "
              "arith and math ops on tensors can compute its input";
  if (func.getNumArguments() == 0)
    return func.emitError("expects the func's first argument to be the "
                          "kernel's input");
  BlockArgument data = func.getArgument(0);
  llvm::SetVector<Operation *> ops;
  SmallVector<Operation *> worklist = {root};
  StageBuilder stage(func, data, "prologue");
  bool readsData = false;
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    if (!ops.insert(op))
      continue;
    for (auto [index, operand] : llvm::enumerate(op->getOperands())) {
      Operation *def = operand.getDefiningOp();
      readsData |= operand == data;
      if (def && isElementwiseTensorOp(def))
        worklist.push_back(def);
      else if (failed(stage.addLeaf(op, index, operand)))
        return failure();
    }
  }
  if (!readsData)
    return root->emitError("cannot fuse the prologue of tconv.conv_transpose: "
                           "it must compute the input from the func's first "
                           "argument (the kernel's input)");
  SmallVector<tensor::DimOp> shapeQueries;
  for (Operation *op : ops)
    for (Operation *user : op->getUsers())
      if (auto dim = dyn_cast<tensor::DimOp>(user))
        shapeQueries.push_back(dim);
      else if (user != conv.getOperation() && !ops.contains(user))
        return op->emitError("cannot fuse '")
               << op->getName()
               << "' into the prologue: its result is also used by '"
               << user->getName() << "'";
  if (llvm::any_of(conv->getOpOperands(), [&](OpOperand &use) {
        return use.getOperandNumber() != 0 && ops.contains(use.get().getDefiningOp());
      }))
    return conv.emitError("cannot fuse a prologue into the weight or bias");
  SmallVector<Operation *> sorted = inBlockOrder(ops);
  MapOp map = stage.build(sorted, input, conv);
  conv.getInputMutable().assign(map.getResult());
  for (tensor::DimOp dim : shapeQueries)
    dim.getSourceMutable().assign(data);
  for (Operation *op : llvm::reverse(sorted))
    op->erase();
  return success();
}

/// Erases the splats, broadcasts and shape computations the stages no
/// longer use.
void eraseDeadPureOps(func::FuncOp func) {
  bool erased = true;
  while (erased) {
    erased = false;
    for (Operation &op :
         llvm::make_early_inc_range(llvm::reverse(func.getBody().front())))
      if (!op.hasTrait<OpTrait::IsTerminator>() && op.use_empty() &&
          isMemoryEffectFree(&op) && !isa<ConvTransposeOp>(op)) {
        op.erase();
        erased = true;
      }
  }
}

struct TconvFuseElementwisePass
    : public mlir::tconv::impl::TconvFuseElementwiseBase<
          TconvFuseElementwisePass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    // A func of any other form is left as it is: the kernel extraction
    // names what it expects.
    SmallVector<ConvTransposeOp> convs(func.getOps<ConvTransposeOp>());
    if (convs.size() != 1)
      return;
    ConvTransposeOp conv = convs.front();
    // MindSpore 2-D output_padding's zeros come after the bias: the epilogue
    // maps them too.
    Value head = conv.getResult();
    if (head.hasOneUse())
      if (auto pad = dyn_cast<tensor::PadOp>(*head.getUsers().begin()))
        head = pad.getResult();
    if (failed(fuseEpilogue(func, head)) || failed(fusePrologue(func, conv)))
      return signalPassFailure();
    eraseDeadPureOps(func);
  }
};

} // namespace
