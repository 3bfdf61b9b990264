//===- ConvTransposeSpec.h - What the code generator compiles ---*- C++ -*-===//
//
// A canonical tconv.conv_transpose (plus MindSpore 2-D trailing zeros) described
// without MLIR types, so the Halide code generator does not depend on the
// dialect. tconv-compile fills it from the normalized IR.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_CODEGEN_CONVTRANSPOSESPEC_H
#define TCONV_CODEGEN_CONVTRANSPOSESPEC_H

#include "tconv/Codegen/ElementwiseProgram.h"
#include "tconv/Support/ShapeArithmetic.h"
#include "tconv/Support/Status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tconv::codegen {

enum class ElementType { F16, BF16, F32, F64 };

/// Name used in diagnostics ("f32", ...).
const char *elementTypeName(ElementType type);

/// The scalar type of a fused stage's values of this element type.
ScalarType scalarTypeOf(ElementType type);

/// One canonical transposed convolution, channels-first:
///   input  (N, Cin, S0, S1, ...)      weight (Cin, Cout/groups, K0, K1, ...)
///   bias   (Cout)  [optional]         output (N, Cout, O0, O1, ...)
/// with O_i = transposedOutputLength(S_i, K_i, stride_i, dilation_i, padding_i).
/// Spatial vectors have `spatialRank` entries, outermost spatial dim first (MLIR
/// order). Sizes may be kDynamicSize for the batch and the input spatial sizes.
struct ConvTransposeSpec {
  int64_t spatialRank = 1;
  ElementType elementType = ElementType::F32;
  int64_t batch = kDynamicSize;
  int64_t inChannels = 0;
  int64_t outChannels = 0;
  int64_t groups = 1;
  bool hasBias = false;
  std::vector<int64_t> inputSize;
  std::vector<int64_t> kernelSize;
  std::vector<int64_t> stride;
  std::vector<int64_t> dilation;
  std::vector<DimPadding> padding;
  /// MindSpore's weight_init / bias_init names as written (any case), kept on
  /// the canonical op as tconv.weight_init / tconv.bias_init; empty: the
  /// default (PyTorch's, = MindSpore r2.1+'s None). Only <func>_init_params
  /// reads them (ParamInit.h, docs/initialization.md).
  std::string weightInit, biasInit;

  /// Fused elementwise code (docs/fusion.md): the prologue maps every input
  /// element before the zero padding, the epilogue every output element
  /// (after the bias and any trailing zeros) before the store.
  std::optional<ElementwiseStage> prologue, epilogue;
  /// The extra operands of the prologue and epilogue, in ABI order (after
  /// input, weight and bias, before the output). Each belongs to one stage:
  /// a prologue's has the input's shape (or Cin), an epilogue's the output's
  /// (or Cout).
  struct ExtraOperand {
    ExtraOperandShape shape;
    bool forPrologue;
  };
  std::vector<ExtraOperand> extraOperands;

  /// Output spatial sizes (kDynamicSize where the input size is dynamic).
  std::vector<int64_t> outputSize() const;
};

/// Whether `spec` describes a transposed convolution the code generator can
/// index: rank 1 to 3 with that many entries in every spatial vector,
/// positive sizes, channels that divide into groups, a positive output, and
/// tensors under 2^31 elements. A spec may come from any C++ caller, not
/// only from a verified MLIR op, so the API checks it before compiling.
Status checkWellFormed(const ConvTransposeSpec &spec);

} // namespace tconv::codegen

#endif // TCONV_CODEGEN_CONVTRANSPOSESPEC_H
