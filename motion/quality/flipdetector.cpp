// Left/right limb swaps: at the start of a swap each limb's joints jump away
// from their own previous rotation onto (the mirror of) the other side's
// previous rotation; at the end they jump back. Frames in between are
// flagged on both limbs.
#include "motion/quality/detectors.h"
#include "motion/rotations.h"

#include <cmath>

namespace mm {
namespace {

// Is frame f (>= 1) a swap boundary of this limb pair?
bool isSwapBoundary(const AnalysisContext& ctx, const LimbPairing& pairing, int f, double minRad) {
  const Clip& clip = *ctx.clip;
  const int axis = pairing.mirrorAxis;
  auto reflect = [axis](const Eigen::Quaterniond& q) { return axis >= 0 ? mirrorRotation(q, axis) : q; };
  int changed = 0, swapped = 0;
  for (const auto& [left, right] : pairing.joints) {
    for (int side = 0; side < 2; ++side) {
      const int self = side == 0 ? left : right;
      const int other = side == 0 ? right : left;
      // Cheap screen with the precomputed per-frame rotation (radians).
      const size_t i = ctx.at(self, f);
      const double moved = std::sqrt(double(ctx.wx[i]) * ctx.wx[i] + double(ctx.wy[i]) * ctx.wy[i] +
                                     double(ctx.wz[i]) * ctx.wz[i]);
      if (moved < minRad) continue;
      ++changed;
      const double toOther = angleBetween(clip.rotation(f, self), reflect(clip.rotation(f - 1, other)));
      if (toOther < 0.5 * moved) ++swapped;
    }
  }
  return changed >= 2 && swapped * 10 >= changed * 6;
}

}  // namespace

void detectFlips(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  const double minRad = degToRad(preset.flipMinDegrees);
  const int maxLen = ctx.framesFor(preset.flipMaxSeconds);
  const BodyPart sides[2][2] = {{BodyPart::LeftArm, BodyPart::RightArm}, {BodyPart::LeftLeg, BodyPart::RightLeg}};
  for (int limb = 0; limb < 2; ++limb) {
    if (!ctx.limbPairs[limb]) continue;
    const LimbPairing& pairing = *ctx.limbPairs[limb];
    std::vector<int> boundaries;
    for (int f = 1; f < F; ++f)
      if (isSwapBoundary(ctx, pairing, f, minRad)) boundaries.push_back(f);
    for (size_t k = 0; k + 1 < boundaries.size(); ++k) {
      const int start = boundaries[k], end = boundaries[k + 1];
      if (end - start > maxLen) continue;
      for (int f = start; f < end; ++f)
        for (BodyPart p : sides[limb]) report.flag(ArtifactType::Flip, f, p, 1.0f);
      ++k;  // the swap back closes this swap
    }
  }
}

}  // namespace mm
