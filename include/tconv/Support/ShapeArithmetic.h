//===- ShapeArithmetic.h - Padding and length arithmetic of tconv -*- C++ -*-===//
//
// The one owner of every padding and output-length formula in tconv. The op
// verifiers, result type inference, the normalization patterns and the code
// generator all call these functions; nothing else computes a pad or a length.
//
// Formulas and their provenance: docs/spec.md and docs/semantics.md.
// Everything here is per spatial dimension and free of MLIR and Halide types, so
// the code generator can use it without the dialect.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_SHAPEARITHMETIC_H
#define TCONV_SUPPORT_SHAPEARITHMETIC_H

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace tconv {

/// Marks a size unknown until run time. Equal to mlir::ShapedType::kDynamic,
/// which the dialect checks with a static_assert.
inline constexpr int64_t kDynamicSize = std::numeric_limits<int64_t>::min();

inline bool isDynamicSize(int64_t size) { return size == kDynamicSize; }

/// How one spatial dimension of the canonical op is cropped or extended.
///
/// The canonical op computes the full transposed output of length
/// F = (L-1)*s + d*(k-1) + 1, drops `padLo` positions at its start and `padHi`
/// at its end (a negative value appends positions that receive no input, only
/// the bias), and finally appends `trailingZeros` hard zeros after the bias is
/// added. Only MindSpore's 2-D output_padding produces trailing zeros; the
/// canonical op itself has none and the normalizer emits them as a tensor.pad.
struct DimPadding {
  int64_t padLo = 0;
  int64_t padHi = 0;
  int64_t trailingZeros = 0;

  bool operator==(const DimPadding &other) const {
    return padLo == other.padLo && padHi == other.padHi &&
           trailingZeros == other.trailingZeros;
  }
};

/// d*(k-1) + 1: the extent of a kernel of size k dilated by d.
int64_t dilatedKernelExtent(int64_t kernel, int64_t dilation);

/// F - padLo - padHi + trailingZeros. Dynamic when L is dynamic. The result may
/// be zero or negative for invalid configurations: callers diagnose that.
int64_t transposedOutputLength(int64_t inputLength, int64_t kernel,
                               int64_t stride, int64_t dilation,
                               const DimPadding &padding);

/// The checked forms of the three functions above: std::nullopt when the
/// result or an intermediate value does not fit in int64_t (a dynamic input
/// length still gives kDynamicSize). The verifiers reject such configurations,
/// so on a verified op the unchecked forms are exact.
std::optional<int64_t> checkedDilatedKernelExtent(int64_t kernel,
                                                  int64_t dilation);
std::optional<int64_t> checkedFullTransposedLength(int64_t inputLength,
                                                   int64_t kernel,
                                                   int64_t stride,
                                                   int64_t dilation);
std::optional<int64_t> checkedTransposedOutputLength(int64_t inputLength,
                                                     int64_t kernel,
                                                     int64_t stride,
                                                     int64_t dilation,
                                                     const DimPadding &padding);

/// Exclusive upper bound on output_padding shared by PyTorch and MindSpore:
/// output_padding must be smaller than max(stride, dilation).
int64_t outputPaddingLimit(int64_t stride, int64_t dilation);

//===----------------------------------------------------------------------===//
// PyTorch nn.ConvTranspose{1,2,3}d
//===----------------------------------------------------------------------===//

/// PyTorch crops `padding` from both ends of the full output and re-extends the
/// end by `output_padding`: (p, p - op).
DimPadding torchDimPadding(int64_t padding, int64_t outputPadding);

//===----------------------------------------------------------------------===//
// MindSpore nn.Conv{1,2,3}dTranspose
//===----------------------------------------------------------------------===//

enum class MsPadMode { Same, Valid, Pad };

/// Parses MindSpore's pad_mode string. MindSpore checks it case-sensitively
/// ("same", "valid", "pad"); anything else is std::nullopt.
std::optional<MsPadMode> parseMsPadMode(std::string_view padMode);

/// MindSpore's canonical padding of one spatial dimension.
///
/// `padBegin`/`padEnd` are the dimension's entries of `padding` (only non-zero
/// with pad_mode "pad"). `outputPadding` is interpreted the way the class of
/// the given spatial rank implements it:
///   * 1-D: the class has no output_padding (must be 0);
///   * 2-D: hard zeros appended after the bias add (trailingZeros);
///   * 3-D: the Conv3DTranspose primitive's torch-like (head, tail - op) with
///     pad_mode "pad"; pad_mode "same" discards it (the primitive does).
DimPadding msDimPadding(MsPadMode mode, int64_t spatialRank, int64_t kernel,
                        int64_t stride, int64_t dilation, int64_t padBegin,
                        int64_t padEnd, int64_t outputPadding);

//===----------------------------------------------------------------------===//
// ONNX ConvTranspose (opset 11+)
//===----------------------------------------------------------------------===//

enum class OnnxAutoPad { NotSet, SameUpper, SameLower, Valid };

/// Parses ONNX's auto_pad string, case-sensitively as ONNX and onnxruntime
/// compare it ("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"); anything else
/// is std::nullopt.
std::optional<OnnxAutoPad> parseOnnxAutoPad(std::string_view autoPad);

/// The total padding T that ONNX splits between the two ends, before
/// onnxruntime's clamp at 0: F + op - O with an output_shape O (needs a static
/// input length), dk - s + op for SAME_* without one (independent of L; the
/// target L*s cancels). Only meaningful when onnxUsesTotalPadding() holds.
/// std::nullopt on int64_t overflow.
std::optional<int64_t> onnxTotalPadding(int64_t inputLength, int64_t kernel,
                                        int64_t stride, int64_t dilation,
                                        int64_t outputPadding,
                                        std::optional<int64_t> outputShape);

/// Whether the mode derives its pads from a total (SAME_*, or any mode with an
/// output_shape) rather than from `pads` (NOTSET) or nothing (VALID).
bool onnxUsesTotalPadding(OnnxAutoPad mode, bool hasOutputShape);

/// ONNX's canonical padding of one spatial dimension, the rule of the current
/// spec text as onnxruntime >= 1.14 implements it (docs/spec.md sections 1 and
/// 3.3):
///   NOTSET without output_shape: (pads_begin, pads_end - op)
///   VALID  without output_shape: (0, -op)
///   otherwise T = max(0, onnxTotalPadding(...)), lo = floor(T/2) for
///   SAME_UPPER and ceil(T/2) for every other mode, and
///   hi = T - lo - op without output_shape (output L*s when T >= 0 before the
///   clamp), hi = F - lo - O with output_shape O (output exactly O).
/// std::nullopt on int64_t overflow.
std::optional<DimPadding>
onnxDimPadding(OnnxAutoPad mode, int64_t inputLength, int64_t kernel,
               int64_t stride, int64_t dilation, int64_t padBegin,
               int64_t padEnd, int64_t outputPadding,
               std::optional<int64_t> outputShape);

} // namespace tconv

#endif // TCONV_SUPPORT_SHAPEARITHMETIC_H
