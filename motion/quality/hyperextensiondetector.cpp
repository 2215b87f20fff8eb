// Hyperextension: an elbow or knee bent backwards. Both are hinges that bend
// one way only; the way is learnt from the clip (naturalHingeAxis), and a
// frame bent the other way by more than hyperextensionDegrees is flagged on
// the limb, together with the fast swing that carries the joint into and out
// of that bend from near straight.
//
// The bend is the geometry of the limb chain's joint positions (upper,
// middle, lower joint: shoulder-elbow-wrist, hip-knee-ankle, found by
// findHingeChain on any rig): the angle between the upper bone (middle -
// upper) and the lower bone (lower - middle) and the axis of their cross
// product, seen in the upper bone's frame, where a hinge's axis stays put.
// Read from the local translations and the middle joint's rotation, which
// give exactly those two bone vectors in that frame without forward
// kinematics; no rest pose or axis convention of a rig enters, and the
// natural side is whichever way the take bends. Each flag's confidence is
// how clearly the take shows that side (0.5..1).
#include "motion/corrupt/bodygeometry.h"
#include "motion/quality/detectors.h"

#include <algorithm>
#include <cmath>
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {
namespace {
// A joint turning backwards faster than this (degrees per second) next to a
// backward bend is on its way into it (or back out): the swing belongs to it.
constexpr double kSwingDegreesPerSecond = 90.0;
// ... as long as it is bent the natural way by less than this many times
// hyperextensionDegrees (a knee straightening fast from a stride is not).
constexpr double kSwingReach = 2.0;
// ... and never less than this (degrees): the swing into a bend is as fast
// whatever the threshold.
constexpr double kMinSwingReachDegrees = 30.0;

// atan2 to within 1e-5 rad (a minimax polynomial for atan on [0, 1] with the
// octant folded in), several times cheaper than libm's: the bend angle of
// every limb in every frame is the detector's inner loop, and thresholds in
// degrees need nothing finer.
double fastAtan2(double y, double x) {
  const double ax = std::abs(x), ay = std::abs(y);
  const double hi = std::max(ax, ay), lo = std::min(ax, ay);
  if (hi == 0.0) return 0.0;
  const double t = lo / hi, t2 = t * t;
  double a = t * (0.9998660 + t2 * (-0.3302995 + t2 * (0.1801410 + t2 * (-0.0851330 + t2 * 0.0208351))));
  if (ay > ax) a = kPi / 2 - a;
  if (x < 0) a = kPi - a;
  return y < 0 ? -a : a;
}
}  // namespace

void detectHyperextension(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const Clip& clip = *ctx.clip;
  const int F = ctx.frames;
  const double threshold = degToRad(preset.hyperextensionDegrees);
  const double swing = degToRad(kSwingDegreesPerSecond) / ctx.fps;
  std::vector<double> back(F), cosine(F);
  std::vector<Eigen::Vector3d> bend(F);
  for (const std::optional<HingeChain>& chain : ctx.hinges) {
    if (!chain) continue;
    // Bones of fixed length (no moving track): the unit bone directions are
    // constants, so a frame costs one rotation (hingeBend's value, without
    // its two normalisations per frame).
    const auto moves = [&](int joint) {
      return std::find(ctx.trackJoints.begin(), ctx.trackJoints.end(), joint) != ctx.trackJoints.end();
    };
    const Eigen::Vector3d upper = clip.localTranslation(0, chain->middle), lower = clip.localTranslation(0, chain->lower);
    if (!moves(chain->middle) && !moves(chain->lower) && upper.norm() > 0.0 && lower.norm() > 0.0) {
      const Eigen::Vector3d u = upper.normalized(), l = lower.normalized();
      for (int f = 0; f < F; ++f) {
        const Eigen::Vector3d v = clip.rotation(f, chain->middle) * l;
        cosine[f] = u.dot(v);
        bend[f] = u.cross(v);
      }
    } else {
      for (int f = 0; f < F; ++f) bend[f] = hingeBend(clip, *chain, f, &cosine[f]);
    }
    const std::optional<Eigen::Vector3d> axis = naturalHingeAxis(clip, *chain, bend);
    if (!axis) continue;
    // How clearly the take shows the natural side: the share of the clearly
    // bent frames (over 5 degrees) that bend that way. A limb bent both ways
    // about as often leaves the side, and so each flag, less certain.
    // (Counted in the pass below, which projects every frame's bend anyway.)
    constexpr double kClearSine = 0.0871557427;  // sin(5 degrees)
    long long bent = 0, natural = 0;
    // Only angles within kSwingReach thresholds of straight matter below;
    // bends well the natural way skip the arctangent (a clear negative).
    const double reach = std::max(kSwingReach * threshold, degToRad(kMinSwingReachDegrees));
    const double clearTan = reach < kPi / 2 ? std::tan(reach) : HUGE_VAL;
    for (int f = 0; f < F; ++f) {
      if (!clip.isValid(f, chain->middle)) {
        back[f] = -kPi;
        continue;
      }
      const double d = bend[f].dot(*axis);
      const bool clear = std::abs(d) > kClearSine;
      bent += clear;
      natural += clear & (d > 0.0);
      back[f] = (d > 0.0 && cosine[f] > 0.0 && d > cosine[f] * clearTan) ? -kPi / 2 : -fastAtan2(d, cosine[f]);
    }
    const double share = bent > 0 ? static_cast<double>(natural) / bent : 1.0;
    const float confidence = static_cast<float>(std::clamp(0.5 + (share - 0.5) * 1.25, 0.5, 1.0));
    for (int a = 0; a < F;) {
      if (!(back[a] > threshold)) {
        ++a;
        continue;
      }
      int b = a;
      while (b < F && back[b] > threshold) ++b;
      // Frames arriving at (leaving) the bend fast, still close to straight,
      // belong to it.
      int s = a, e = b;
      const double straightish = -reach;
      while (s >= 2 && back[s - 1] - back[s - 2] > swing && back[s - 1] > straightish) --s;
      while (e + 1 < F && back[e] - back[e + 1] > swing && back[e] > straightish) ++e;
      for (int f = s; f < e; ++f) {
        const float severity = f >= a && f < b ? quality::severity(back[f], threshold) : 0.5f;
        report.flag(ArtifactType::Hyperextension, f, chain->part, severity, confidence);
      }
      a = b;
    }
  }
}

}  // namespace mm
