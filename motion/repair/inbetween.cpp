#include "motion/repair/inbetween.h"

#include "motion/clip.h"
#include "motion/repair/gapfill.h"

#include <numeric>
#include <vector>

namespace mm {

const char* inbetweenMethodName(InbetweenMethod method) {
  switch (method) {
    case InbetweenMethod::SlerpLerp: return "slerp_lerp";
    case InbetweenMethod::Hermite: return "hermite";
  }
  return "unknown";
}

InbetweenResult inbetween(Clip& clip, FrameRange range, const InbetweenOptions& options) {
  InbetweenResult result;
  const int F = clip.frameCount();
  if (!range.isInside(F)) {
    result.error = "frame range [" + std::to_string(range.start) + ", " + std::to_string(range.end) +
                   ") is empty or outside the clip's " + std::to_string(F) + " frames";
    return result;
  }
  if (range.start == 0 && range.end == F) {
    result.error = "frame range covers the whole clip: no frame to in-between from";
    return result;
  }
  // In-betweening is gap filling of every joint over the range, with all
  // other frames as context, whatever their validity.
  std::vector<int> joints(static_cast<size_t>(clip.jointCount()));
  std::iota(joints.begin(), joints.end(), 0);
  FillMask mask(F, clip.jointCount());
  mask.mark(range, joints);
  GapFillOptions fill;
  fill.method = options.method == InbetweenMethod::SlerpLerp ? FillMethod::Linear : FillMethod::Cubic;
  fill.contextSeconds = options.contextSeconds;
  fill.velocityDegree = options.velocityDegree;
  fill.velocityHorizonSeconds = options.velocityHorizonSeconds;
  result.error = fillGaps(clip, mask, fill).error;
  return result;
}

}  // namespace mm
