// Left/right limb swaps: at the start of a swap each limb's joints jump away
// from their own previous rotation onto (the mirror of) the other side's
// previous rotation; at the end they jump back. Frames in between are
// flagged on both limbs.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

#include <cmath>

namespace mm {
namespace {

// A joint's jump counts at a swap boundary when it reaches flipMinDegrees,
// or kMinJumpDegrees and kRelativeJump times the joint's typical change per
// frame: at 120 fps, or when both limbs hold similar poses, a swap moves
// each joint by far less than 30 degrees, yet far more than its motion does
// in a frame.
constexpr double kMinJumpDegrees = 5.0;
constexpr double kRelativeJump = 8.0;
// ... and a jump under flipMinDegrees must land within this share of itself
// of the other side's rotation (0.5 for larger jumps).
constexpr double kSmallJumpMatch = 0.35;

// Is frame f (>= 1) a swap boundary of this limb pair? `minRad[j]`: the
// smallest jump of joint j that counts; minRad.back(): flipMinDegrees.
// `strong` (optional): every jumping joint, and at least three, landed on
// the other side.
bool isSwapBoundary(const AnalysisContext& ctx, const LimbPairing& pairing, int f, const std::vector<double>& minRad,
                    bool* strong = nullptr) {
  const Clip& clip = *ctx.clip;
  const int axis = pairing.mirrorAxis;
  auto reflect = [axis](const Eigen::Quaterniond& q) { return axis >= 0 ? mirrorRotation(q, axis) : q; };
  // Count the jumping joints first (the precomputed per-frame rotations
  // only): most frames have fewer than two, and need no angle.
  int jumping = 0;
  for (const auto& [left, right] : pairing.joints)
    for (int self : {left, right}) {
      const size_t i = ctx.at(self, f);
      jumping += double(ctx.wx[i]) * ctx.wx[i] + double(ctx.wy[i]) * ctx.wy[i] + double(ctx.wz[i]) * ctx.wz[i] >=
                 minRad[self] * minRad[self];
    }
  if (jumping < 2) return false;
  int changed = 0, swapped = 0;
  for (const auto& [left, right] : pairing.joints) {
    for (int side = 0; side < 2; ++side) {
      const int self = side == 0 ? left : right;
      const int other = side == 0 ? right : left;
      // The screen again, per joint (radians).
      const size_t i = ctx.at(self, f);
      const double moved2 = double(ctx.wx[i]) * ctx.wx[i] + double(ctx.wy[i]) * ctx.wy[i] + double(ctx.wz[i]) * ctx.wz[i];
      if (moved2 < minRad[self] * minRad[self]) continue;
      const double moved = std::sqrt(moved2);
      ++changed;
      const double toOther = angleBetween(clip.rotation(f, self), reflect(clip.rotation(f - 1, other)));
      // Small jumps (under minRad) must land closer: noise jumps too.
      if (toOther < (moved < minRad.back() ? kSmallJumpMatch : 0.5) * moved) ++swapped;
    }
  }
  if (strong) *strong = changed >= 3 && swapped == changed;
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
    // Per joint, plus flipMinDegrees itself last.
    std::vector<double> jointMin(ctx.joints + 1, minRad);
    // The typical change: the median over at most kSpeedSamples evenly
    // spaced frames (a statistic; an hour of frames would add nothing).
    constexpr int kSpeedSamples = 4096;
    const int n = std::max(0, F - 1), samples = std::min(n, kSpeedSamples);
    std::vector<float> speed(static_cast<size_t>(samples));
    for (const auto& [left, right] : pairing.joints)
      for (int j : {left, right}) {
        const size_t o = ctx.at(j, 0);
        for (int i = 0; i < samples; ++i) {
          const size_t f = o + 1 + static_cast<size_t>(i) * n / samples;
          speed[i] = std::sqrt(ctx.wx[f] * ctx.wx[f] + ctx.wy[f] * ctx.wy[f] + ctx.wz[f] * ctx.wz[f]);
        }
        const double typical = quality::medianInPlace(speed.data(), speed.size());
        jointMin[j] = std::min(minRad, std::max(degToRad(kMinJumpDegrees), kRelativeJump * typical));
      }
    std::vector<int> boundaries;
    // A jump where a frozen span or missing data ends is theirs.
    auto explained = [&](int f) {
      for (int g = std::max(0, f - 1); g <= f; ++g)
        for (BodyPart p : sides[limb])
          for (ArtifactType t : {ArtifactType::Frozen, ArtifactType::Missing})
            if (report.score(t, g, p) >= 0.5f) return true;
      return false;
    };
    std::vector<char> strong;
    for (int f = 1; f < F; ++f) {
      bool clear = false;
      if (isSwapBoundary(ctx, pairing, f, jointMin, &clear) && !explained(f)) {
        boundaries.push_back(f);
        strong.push_back(clear);
      }
    }
    // An odd count leaves one boundary without its partner: a swap that
    // holds the take's first (or last) frames shows only its other end.
    // Within flipMaxSeconds of that edge, the edge is the partner, if the
    // boundary is clear (every jumping joint lands on the other side: a
    // lone look-alike of running legs crossing is not).
    if (boundaries.size() % 2 == 1) {
      if (boundaries.front() <= maxLen && strong.front()) boundaries.insert(boundaries.begin(), 0);
      else if (F - boundaries.back() <= maxLen && strong.back()) boundaries.push_back(F);
    }
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
