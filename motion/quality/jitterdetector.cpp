// Jitter: high-frequency energy (third difference of the local rotations,
// RMS over a short window) well above what the same joints show over the
// rest of the clip, on most joints of a part at once. Natural bursts such as
// a heel strike raise one or two joints; noise on a part raises them all.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {
namespace {
constexpr double kMaxSpikeShare = 0.5;  // of a window's high-frequency energy
}

void detectJitter(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 5) return;
  const int half = std::max(1, ctx.framesFor(preset.jitterWindowSeconds) / 2);
  const double minRad = degToRad(preset.jitterMinDegrees);
  std::vector<double> h2(F, 0.0), hp(F + 1, 0.0);
  std::vector<float> level(F, 0.0f);
  // Per part: each animated joint's level relative to its own baseline, per frame.
  std::vector<std::vector<std::vector<float>>> perJoint(kBodyPartCount);
  for (int j = 0; j < ctx.joints; ++j) {
    const size_t o = ctx.at(j, 0);
    const float* x = ctx.wx.data() + o;
    const float* y = ctx.wy.data() + o;
    const float* z = ctx.wz.data() + o;
    for (int f = 2; f < F - 1; ++f) {
      const double dx = x[f + 1] - 2.0 * x[f] + x[f - 1];
      const double dy = y[f + 1] - 2.0 * y[f] + y[f - 1];
      const double dz = z[f + 1] - 2.0 * z[f] + z[f - 1];
      h2[f] = dx * dx + dy * dy + dz * dz;
    }
    for (int f = 0; f < F; ++f) hp[f + 1] = hp[f] + h2[f];
    std::vector<float> rel(F, 0.0f);
    for (int f = 0; f < F; ++f) {
      const int lo = std::max(0, f - half), hi = std::min(F, f + half + 1);
      level[f] = static_cast<float>(std::sqrt((hp[hi] - hp[lo]) / (hi - lo)));
      // One discontinuity (a pop, a swap) fills a window with a single spike;
      // jitter spreads its energy. Windows ruled by one spike are not jitter.
      double peak = 0.0;
      for (int k = lo; k < hi; ++k) peak = std::max(peak, h2[k]);
      rel[f] = peak <= kMaxSpikeShare * (hp[hi] - hp[lo]) ? 1.0f : 0.0f;
    }
    const double baseline = quality::median(level);
    if (baseline <= 0.0) continue;  // a joint that never moves says nothing
    for (int f = 0; f < F; ++f) rel[f] = (rel[f] > 0 && level[f] >= minRad) ? static_cast<float>(level[f] / baseline) : 0.0f;
    perJoint[static_cast<int>(ctx.partOf[j])].push_back(std::move(rel));
  }
  std::vector<float> column;
  for (int p = 0; p < kBodyPartCount; ++p) {
    const auto& joints = perJoint[p];
    if (joints.empty()) continue;
    column.resize(joints.size());
    for (int f = 0; f < F; ++f) {
      for (size_t k = 0; k < joints.size(); ++k) column[k] = joints[k][f];
      const double typical = quality::median(column);
      if (typical > preset.jitterRelative)
        report.flag(ArtifactType::Jitter, f, static_cast<BodyPart>(p), quality::severity(typical, preset.jitterRelative));
    }
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
