// Jitter: high-frequency energy of a joint's local rotation (its third
// difference, RMS over a short window) far above what the same joint shows
// over the rest of the clip.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {

void detectJitter(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 5) return;
  const int half = std::max(1, ctx.framesFor(preset.jitterWindowSeconds) / 2);
  const double minRad = degToRad(preset.jitterMinDegrees);
  std::vector<double> h2(F, 0.0), prefix(F + 1, 0.0);
  std::vector<float> energy(F, 0.0f);
  for (int j = 0; j < ctx.joints; ++j) {
    const size_t o = ctx.at(j, 0);
    const float* x = ctx.wx.data() + o;
    const float* y = ctx.wy.data() + o;
    const float* z = ctx.wz.data() + o;
    // Third difference of rotation = second difference of w, centred on f.
    for (int f = 2; f < F - 1; ++f) {
      const double dx = x[f + 1] - 2.0 * x[f] + x[f - 1];
      const double dy = y[f + 1] - 2.0 * y[f] + y[f - 1];
      const double dz = z[f + 1] - 2.0 * z[f] + z[f - 1];
      h2[f] = dx * dx + dy * dy + dz * dz;
    }
    for (int f = 0; f < F; ++f) prefix[f + 1] = prefix[f] + h2[f];
    for (int f = 0; f < F; ++f) {
      const int a = std::max(0, f - half), b = std::min(F, f + half + 1);
      energy[f] = static_cast<float>(std::sqrt((prefix[b] - prefix[a]) / (b - a)));
    }
    const double threshold = std::max(minRad, preset.jitterRelative * quality::median(energy));
    const BodyPart part = ctx.partOf[j];
    for (int f = 0; f < F; ++f)
      if (energy[f] > threshold) report.flag(ArtifactType::Jitter, f, part, quality::severity(energy[f], threshold));
  }
}

void detectMissing(const AnalysisContext& ctx, const QualityPreset&, QualityReport& report) {
  const Clip& clip = *ctx.clip;
  if (!clip.hasMissing()) return;
  for (int f = 0; f < ctx.frames; ++f)
    for (int j = 0; j < ctx.joints; ++j)
      if (!clip.isValid(f, j)) report.flag(ArtifactType::Missing, f, ctx.partOf[j], 1.0f);
}

}  // namespace mm
