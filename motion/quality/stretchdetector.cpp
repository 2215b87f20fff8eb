// Stretch: in files whose joints carry position channels, a bone's length
// (the length of its joint's translation) changes over time. The length it
// should have is the skeleton's rest offset where a fifth of the frames or
// more keep that, else the most common length. Clips whose only translation
// track places the body have nothing to check.
#include "motion/corrupt/bodygeometry.h"
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"

#include <algorithm>
#include <cmath>

namespace mm {
namespace {
constexpr double kRestShare = 0.2;  // of the frames
}  // namespace

void detectStretch(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  if (ctx.trackJoints.size() < 2 || ctx.frames == 0) return;  // the root's track is never a bone
  const Clip& clip = *ctx.clip;
  const std::vector<char> placement = placementJoints(clip.skeleton());
  const double toMeters = 1.0 / ctx.unitsPerMeter;
  std::vector<float> length(ctx.frames), sorted;
  for (size_t t = 0; t < ctx.trackJoints.size(); ++t) {
    const int j = ctx.trackJoints[t];
    if (placement[j]) continue;
    // The track's path length bounds how far its length can stray: a bone
    // that barely moves (the usual case) is done without a square root.
    double travel = 0.0;
    const size_t o = t * static_cast<size_t>(ctx.frames);
    for (int f = 1; f < ctx.frames; ++f)
      travel += std::abs(ctx.vx[o + f]) + std::abs(ctx.vy[o + f]) + std::abs(ctx.vz[o + f]);
    if (travel <= preset.stretchMeters) continue;
    for (int f = 0; f < ctx.frames; ++f) length[f] = static_cast<float>(clip.translation(f, j).norm() * toMeters);
    // The bone's own length: the most common one (the fullest band of one
    // threshold's width), which a stretched span shorter than the rest of
    // the clip cannot move, while the median follows one that covers half.
    sorted = length;
    std::sort(sorted.begin(), sorted.end());
    const double band = std::max(preset.stretchRelative * sorted[sorted.size() / 2], preset.stretchMeters);
    size_t best = 0, bestAt = 0;
    for (size_t a = 0, b = 0; a < sorted.size(); ++a) {
      while (b < sorted.size() && sorted[b] <= sorted[a] + band) ++b;
      if (b - a > best) {
        best = b - a;
        bestAt = a;
      }
    }
    // The rest offset of the file's skeleton is the bone's declared length:
    // it wins where a fair share of the frames keep it, even when a stretch
    // covers most of a short clip.
    const double rest = clip.skeleton().offset(j).norm() * toMeters;
    const double restBand = std::max(preset.stretchRelative * rest, preset.stretchMeters);
    const auto lo = std::lower_bound(sorted.begin(), sorted.end(), static_cast<float>(rest - restBand));
    const auto hi = std::upper_bound(sorted.begin(), sorted.end(), static_cast<float>(rest + restBand));
    const bool restHolds = (hi - lo) >= kRestShare * static_cast<double>(sorted.size());
    const double bone = restHolds ? rest : sorted[bestAt + best / 2];
    const double threshold = std::max(preset.stretchRelative * bone, preset.stretchMeters);
    for (int f = 0; f < ctx.frames; ++f) {
      const double off = std::abs(length[f] - bone);
      if (off > threshold && clip.isValid(f, j))
        report.flag(ArtifactType::Stretch, f, ctx.partOf[j], quality::severity(off, threshold));
    }
  }
}

}  // namespace mm
