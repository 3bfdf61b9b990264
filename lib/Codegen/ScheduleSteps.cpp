//===- ScheduleSteps.cpp - Steps the CPU and GPU schedules share ----------===//

#include "ScheduleSteps.h"

#include "StridePhases.h"

#include <algorithm>
#include <string>

using namespace Halide;

namespace tconv::codegen {

std::pair<std::vector<Var>, std::vector<Var>>
splitOutputByStridePhase(ConvTransposePipeline &p) {
  std::vector<Var> q, r;
  for (int j = 0; j < int(p.spec.spatialRank); ++j) {
    q.push_back(Var("xq" + std::to_string(j)));
    r.push_back(Var("xr" + std::to_string(j)));
    p.output.split(p.outputVars[j], q[j], r[j], int(p.phases[j].stride),
                   TailStrategy::GuardWithIf);
  }
  return {q, r};
}

void computePaddedInputPerTile(ConvTransposePipeline &p, Var tile,
                               int64_t rows, int lanes) {
  // Row q of dimension 0 reads input positions q + offset: the phases'
  // offsets (the phase forms and the taps as columns), or, with the phases
  // as lanes, -u for u in [0, K/s). The tile's rows read
  // [q0 + lowest, q0 + rows - 1 + highest].
  const DimPhases &dim = p.phases[0];
  const InputOffsets offsets =
      p.phasesAsLanes ? InputOffsets{1 - dim.phases[0].tapCount, 0}
                      : inputOffsetRange(dim);
  // At least one vector: a shorter row would be vectorized past its end.
  const int64_t extent =
      std::max<int64_t>(rows + offsets.highest - offsets.lowest, lanes);
  p.paddedInput.compute_at(p.output, tile)
      .bound_extent(p.outputVars[0], int32_t(extent));
  if (lanes > 1)
    p.paddedInput.vectorize(p.outputVars[0], lanes);
  if (p.packedByCopy()) {
    Stage copy = p.paddedInput.update(0);
    copy.reorder(p.outputVars[0], p.packedPoints.x);
    if (lanes > 1)
      copy.vectorize(p.outputVars[0], lanes, TailStrategy::GuardWithIf);
  }
}

Var fuseIntoTiles(ConvTransposePipeline &p, const std::vector<Var> &loops,
                  bool parallel) {
  Var fused = loops.front();
  for (size_t k = 1; k < loops.size(); ++k) {
    Var next(k + 1 == loops.size() ? "tile" : "tile" + std::to_string(k));
    p.output.fuse(fused, loops[k], next);
    fused = next;
  }
  if (parallel)
    p.output.parallel(fused);
  return fused;
}

void scheduleTrailingZeros(ConvTransposePipeline &p, int lanes) {
  for (size_t k = 0; k < p.trailingZeroDims.size(); ++k) {
    Stage zeros = p.output.update(int(k));
    if (p.trailingZeroDims[k] == 0)
      zeros.unscheduled();
    else
      zeros.vectorize(p.outputVars[0], lanes, TailStrategy::GuardWithIf);
  }
}

} // namespace tconv::codegen
