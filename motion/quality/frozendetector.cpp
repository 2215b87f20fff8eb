// Frozen frames: every joint of a part (practically) stops while the frames
// around the stop move. A take that stands still is not frozen: its context
// does not move either.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {

void detectFrozen(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 3) return;
  const double toDegPerSec = radToDeg(1.0) * ctx.fps;
  // Speeds are compared squared (radians per frame), roots taken once per frame.
  const double toDegPerSec2 = toDegPerSec * toDegPerSec;
  const int minLen = ctx.framesFor(preset.frozenMinSeconds);
  const int context = ctx.framesFor(preset.frozenContextSeconds);
  std::vector<float> speed(F);
  for (int p = 0; p < kBodyPartCount; ++p) {
    if (!ctx.step(static_cast<double>(p) / kBodyPartCount)) return;
    // Part speed: the fastest joint of the part, degrees per second.
    std::fill(speed.begin(), speed.end(), 0.0f);
    bool any = false;
    for (int j = 0; j < ctx.joints; ++j) {
      if (static_cast<int>(ctx.partOf[j]) != p) continue;
      any = true;
      const size_t o = ctx.at(j, 0);
      const float* x = ctx.wx.data() + o;
      const float* y = ctx.wy.data() + o;
      const float* z = ctx.wz.data() + o;
      for (int f = 1; f < F; ++f) speed[f] = std::max(speed[f], x[f] * x[f] + y[f] * y[f] + z[f] * z[f]);
    }
    if (!any) continue;
    for (int f = 1; f < F; ++f) speed[f] = static_cast<float>(std::sqrt(speed[f] * toDegPerSec2));
    for (int a = 1; a < F;) {
      if (speed[a] >= preset.frozenDegreesPerSecond) {
        ++a;
        continue;
      }
      int b = a;
      while (b < F && speed[b] < preset.frozenDegreesPerSecond) ++b;
      if (b - a >= minLen) {
        std::vector<float> around;
        for (int f = std::max(1, a - context); f < a; ++f) around.push_back(speed[f]);
        // The frame after the stop catches up with the motion: skip it.
        for (int f = b + 1; f < std::min(F, b + 1 + context); ++f) around.push_back(speed[f]);
        if (!around.empty() && quality::median(around) > preset.movingDegreesPerSecond)
          for (int f = a; f < b; ++f) report.flag(ArtifactType::Frozen, f, static_cast<BodyPart>(p), 1.0f);
      }
      a = b;
    }
  }
}

}  // namespace mm
