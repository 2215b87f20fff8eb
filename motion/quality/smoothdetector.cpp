// Over-smoothing: a low-pass filter over a span keeps the motion's speed but
// removes its high frequencies, on every joint at once. Natural slow, smooth
// movements lower the ratio on some joints, rarely on most of a moving body.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

#include <cmath>

namespace mm {

void detectOverSmoothing(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 8) return;
  const int half = std::max(1, ctx.framesFor(preset.smoothWindowSeconds) / 2);
  const double movingRadPerFrame = degToRad(preset.smoothMovingDegreesPerSecond) / ctx.fps;
  const double moving2 = movingRadPerFrame * movingRadPerFrame;
  const double relative2 = preset.smoothRelative * preset.smoothRelative;
  std::vector<int> moving(F, 0), smoothed(F, 0);
  std::vector<double> hp(F + 1, 0.0), vp(F + 1, 0.0), he(F), ve(F);
  std::vector<float> ratio(F, 0.0f), usable(F + 1);
  for (int j = 0; j < ctx.joints; ++j) {
    if (!ctx.step(static_cast<double>(j) / ctx.joints)) return;
    const size_t o = ctx.at(j, 0);
    const float* x = ctx.wx.data() + o;
    const float* y = ctx.wy.data() + o;
    const float* z = ctx.wz.data() + o;
    // Per-frame terms first (a loop that vectorises), then the two running
    // sums (a chain of dependent additions, kept apart from the rest).
    he[0] = he[1] = he[F - 1] = 0.0;
    for (int f = 2; f < F - 1; ++f) {
      const double dx = x[f + 1] - 2.0 * x[f] + x[f - 1], dy = y[f + 1] - 2.0 * y[f] + y[f - 1],
                   dz = z[f + 1] - 2.0 * z[f] + z[f - 1];
      he[f] = dx * dx + dy * dy + dz * dz;
    }
    for (int f = 0; f < F; ++f) ve[f] = double(x[f]) * x[f] + double(y[f]) * y[f] + double(z[f]) * z[f];
    for (int f = 0; f < F; ++f) {
      hp[f + 1] = hp[f] + he[f];
      vp[f + 1] = vp[f] + ve[f];
    }
    // Squared ratios (energy over speed squared): the same order, no roots.
    size_t count = 0;
    for (int f = 0; f < F; ++f) {
      const int lo = std::max(0, f - half), hi = std::min(F, f + half + 1);
      const double v = vp[hi] - vp[lo];
      ratio[f] = v > moving2 * (hi - lo) ? static_cast<float>((hp[hi] - hp[lo]) / v) : -1.0f;
      usable[count] = ratio[f];
      count += ratio[f] >= 0;  // branch-free compaction
    }
    if (count < static_cast<size_t>(F / 4)) continue;  // a joint that rarely moves says nothing
    const double baseline = quality::sampledMedian(usable.data(), count);
    for (int f = 0; f < F; ++f) {  // branch-free: vectorises
      const bool isMoving = ratio[f] >= 0;
      moving[f] += isMoving;
      smoothed[f] += isMoving & (ratio[f] * relative2 < baseline);
    }
  }
  for (int f = 0; f < F; ++f)
    if (moving[f] >= 3 && smoothed[f] >= preset.smoothJointShare * moving[f])
      for (BodyPart p : kAllBodyParts) report.flag(ArtifactType::OverSmoothed, f, p, 0.75f);
}

}  // namespace mm
