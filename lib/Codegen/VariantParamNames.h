//===- VariantParamNames.h - The kernel variants' parameter names -*- C++ -*-===//
//
// The names under which the kernel variants' parameters appear in header
// comments, `tconv-tune --verbose` and the tuning database. One list, so two
// variants that mean the same thing (a block of vectors, a slice of input
// channels, a parallel loop) spell it the same way, and a name read from a
// database means one thing.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_VARIANTPARAMNAMES_H
#define TCONV_LIB_CODEGEN_VARIANTPARAMNAMES_H

namespace tconv::codegen::params {

// CPU register blocks and tiles.
inline constexpr const char *kVectorsPerTile = "vectors_per_tile";
inline constexpr const char *kVectorsPerBlock = "vectors_per_block";
inline constexpr const char *kPositionsPerBlock = "positions_per_block";
inline constexpr const char *kChannelsPerBlock = "channels_per_block";
inline constexpr const char *kTapsPerBlock = "taps_per_block";
inline constexpr const char *kBlocksPerTile = "blocks_per_tile";
inline constexpr const char *kBlocksPerChunk = "blocks_per_chunk";
inline constexpr const char *kChannelsPerTile = "channels_per_tile";
inline constexpr const char *kChannelsPerSlice = "channels_per_slice";
/// 0 or 1: whether the tiles run on the thread pool.
inline constexpr const char *kParallel = "parallel";
/// 0 or 1: the packed input as zeros plus a copy of the input's own points
/// (PipelineForm::packByCopy); absent in tuning databases written before it
/// existed, meaning 0.
inline constexpr const char *kPackByCopy = "pack_by_copy";
/// 0 or 1: tiles of positions are the outer (and parallel) loop, each
/// packing its own input, rather than blocks of output columns.
inline constexpr const char *kTilesOuter = "tiles_outer";

// GPU thread blocks.
inline constexpr const char *kThreadsQ = "threads_q";
inline constexpr const char *kRegsQ = "regs_q";
inline constexpr const char *kThreadsC = "threads_c";
inline constexpr const char *kRegsC = "regs_c";
inline constexpr const char *kCiChunk = "ci_chunk";

} // namespace tconv::codegen::params

#endif // TCONV_LIB_CODEGEN_VARIANTPARAMNAMES_H
