#include "motion/repair/gapfill.h"

#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/repair/boundaryvelocity.h"
#include "motion/repair/hermite.h"
#include "motion/repair/tangentspace.h"
#include "motion/rotations.h"

#include <cmath>

namespace mm {
namespace {

// One joint's gap [start, end) with its bracketing frames; left < 0 or
// right >= frames where the gap touches a clip end.
struct Gap {
  int joint;
  int start, end;
  int left() const { return start - 1; }
  int right() const { return end; }
};

class GapFiller {
 public:
  GapFiller(Clip& clip, const FillMask& mask, const GapFillOptions& options)
      : mClip(clip), mMask(mask), mOptions(options), mFit{options.contextSeconds, options.velocityDegree} {}

  // Writes the gap's rotations and translations (not the validity).
  // Returns false if a Pattern gap fell back to Cubic.
  bool fill(const Gap& g, const PatternDonor* donor) {
    bool patterned = false;
    if (mOptions.method == FillMethod::Pattern && donor && donorKnown(g, donor->donor)) {
      fillRotationFromDonor(g, *donor);
      patterned = true;
    } else {
      fillRotation(g, mOptions.method == FillMethod::Linear ? FillMethod::Linear : FillMethod::Cubic);
    }
    if (mClip.hasTrack(g.joint))
      fillTranslation(g, mOptions.method == FillMethod::Linear ? FillMethod::Linear : FillMethod::Cubic);
    return patterned || mOptions.method != FillMethod::Pattern;
  }

 private:
  bool inside(int f) const { return f >= 0 && f < mClip.frameCount(); }
  double seconds(const Gap& g) const { return (g.right() - g.left()) / mClip.fps(); }
  double at(const Gap& g, int f) const { return static_cast<double>(f - g.left()) / (g.right() - g.left()); }

  // Keeps the filled quaternions sign-continuous with the frame before.
  void store(int f, int j, const Eigen::Quaterniond& q) {
    mClip.rotation(f, j) = f > 0 ? alignSign(q, mClip.rotation(f - 1, j)) : q;
  }

  // Whether the velocity at a bracketing frame can be estimated: a known
  // frame lies beyond it.
  bool velocityKnown(const Gap& g, int edge, int side) const {
    const int f = edge + side;
    return inside(f) && !mMask.at(f, g.joint);
  }
  // An end velocity faded towards the straight path's over the gap
  // (velocityHorizonSeconds); unchanged without a horizon.
  Eigen::Vector3d faded(const Gap& g, const Eigen::Vector3d& velocity, const Eigen::Vector3d& straight) const {
    const double h = mOptions.velocityHorizonSeconds, T = seconds(g);
    if (!(h > 0)) return velocity;
    return straight + (h * h / (h * h + T * T)) * (velocity - straight);
  }

  void fillRotation(const Gap& g, FillMethod method) {
    const int j = g.joint;
    if (!inside(g.left()) || !inside(g.right())) {
      const Eigen::Quaterniond hold = mClip.rotation(inside(g.left()) ? g.left() : g.right(), j);
      for (int f = g.start; f < g.end; ++f) store(f, j, hold);
      return;
    }
    const Eigen::Quaterniond q0 = mClip.rotation(g.left(), j), q1 = mClip.rotation(g.right(), j);
    Eigen::Vector3d w0 = Eigen::Vector3d::Zero(), w1 = Eigen::Vector3d::Zero();
    if (method == FillMethod::Cubic) {
      // The SLERP's constant body-frame velocity, the fallback and the
      // direction the velocities fade towards.
      const Eigen::Vector3d v = quatLog(q0.conjugate() * alignSign(q1, q0)) / seconds(g);
      w0 = velocityKnown(g, g.left(), -1) ? faded(g, angularVelocity(mClip, mMask, j, g.left(), -1, mFit), v) : v;
      w1 = velocityKnown(g, g.right(), +1) ? faded(g, angularVelocity(mClip, mMask, j, g.right(), +1, mFit), v) : v;
    }
    for (int f = g.start; f < g.end; ++f)
      store(f, j, method == FillMethod::Cubic ? hermiteRotation(q0, w0, q1, w1, seconds(g), at(g, f))
                                              : slerpRotation(q0, q1, at(g, f)));
  }

  void fillTranslation(const Gap& g, FillMethod method) {
    const int j = g.joint;
    if (!inside(g.left()) || !inside(g.right())) {
      const Eigen::Vector3d hold = mClip.translation(inside(g.left()) ? g.left() : g.right(), j);
      for (int f = g.start; f < g.end; ++f) mClip.translation(f, j) = hold;
      return;
    }
    const Eigen::Vector3d p0 = mClip.translation(g.left(), j), p1 = mClip.translation(g.right(), j);
    if (method == FillMethod::Linear) {
      for (int f = g.start; f < g.end; ++f) mClip.translation(f, j) = p0 + at(g, f) * (p1 - p0);
      return;
    }
    const Eigen::Vector3d c = (p1 - p0) / seconds(g);  // the LERP's velocity
    const Eigen::Vector3d v0 = velocityKnown(g, g.left(), -1) ? faded(g, trackVelocity(mClip, mMask, j, g.left(), -1, mFit), c) : c;
    const Eigen::Vector3d v1 = velocityKnown(g, g.right(), +1) ? faded(g, trackVelocity(mClip, mMask, j, g.right(), +1, mFit), c) : c;
    for (int f = g.start; f < g.end; ++f) mClip.translation(f, j) = hermitePosition(p0, v0, p1, v1, seconds(g), at(g, f));
  }

  bool donorKnown(const Gap& g, int donor) const {
    for (int f = g.left(); f <= g.right(); ++f)
      if (inside(f) && mMask.at(f, donor)) return false;
    return true;
  }

  void fillRotationFromDonor(const Gap& g, const PatternDonor& d) {
    auto donorAt = [&](int f) {
      const Eigen::Quaterniond& q = mClip.rotation(f, d.donor);
      return d.mirrorAxis >= 0 ? mirrorRotation(q, d.mirrorAxis) : q;
    };
    // Body-frame offsets e = D^-1 q at the known ends.
    auto offsetAt = [&](int f) { return Eigen::Quaterniond(donorAt(f).conjugate() * mClip.rotation(f, g.joint)); };
    const bool hasLeft = inside(g.left()), hasRight = inside(g.right());
    const Eigen::Quaterniond eL = hasLeft ? offsetAt(g.left()) : offsetAt(g.right());
    const Eigen::Quaterniond eR = hasRight ? offsetAt(g.right()) : eL;
    for (int f = g.start; f < g.end; ++f) {
      const Eigen::Quaterniond e = hasLeft && hasRight ? slerpRotation(eL, eR, at(g, f)) : eL;
      store(f, g.joint, (donorAt(f) * e).normalized());
    }
  }

  Clip& mClip;
  const FillMask& mMask;
  const GapFillOptions& mOptions;
  VelocityFit mFit;
};

}  // namespace

const char* fillMethodName(FillMethod method) {
  switch (method) {
    case FillMethod::Linear: return "linear";
    case FillMethod::Cubic: return "cubic";
    case FillMethod::Pattern: return "pattern";
  }
  return "unknown";
}

std::vector<PatternDonor> mirroredLimbDonors(const Skeleton& skeleton, const BodyPartMap& parts) {
  std::vector<PatternDonor> out;
  for (const auto& [left, right] : {std::pair{BodyPart::LeftArm, BodyPart::RightArm},
                                    std::pair{BodyPart::LeftLeg, BodyPart::RightLeg}}) {
    const std::optional<LimbPairing> pairing = pairLimbs(skeleton, parts, left, right);
    if (!pairing) continue;
    for (const auto& [l, r] : pairing->joints) {
      out.push_back({l, r, pairing->mirrorAxis});
      out.push_back({r, l, pairing->mirrorAxis});
    }
  }
  return out;
}

std::string GapFillOptions::validate(int jointCount) const {
  if (!(contextSeconds > 0) || !std::isfinite(contextSeconds)) return "velocity context must be a positive number of seconds";
  if (!(velocityHorizonSeconds >= 0) || !std::isfinite(velocityHorizonSeconds))
    return "velocity horizon must be zero or more seconds";
  if (velocityDegree < 1 || velocityDegree > 3) return "velocity fit degree must be 1, 2 or 3";
  if (method == FillMethod::Pattern && donors.empty()) return "pattern fill needs at least one donor joint";
  std::vector<bool> seen(static_cast<size_t>(std::max(0, jointCount)), false);
  for (const PatternDonor& d : donors) {
    if (d.target < 0 || d.target >= jointCount) return "donor target joint " + std::to_string(d.target) + " is not in the skeleton";
    if (d.donor < 0 || d.donor >= jointCount) return "donor joint " + std::to_string(d.donor) + " is not in the skeleton";
    if (d.donor == d.target) return "joint " + std::to_string(d.target) + " cannot be its own donor";
    if (d.mirrorAxis < -1 || d.mirrorAxis > 2) return "donor mirror axis must be -1, 0, 1 or 2";
    if (seen[d.target]) return "joint " + std::to_string(d.target) + " has more than one donor";
    seen[d.target] = true;
  }
  return {};
}

GapFillResult fillGaps(Clip& clip, const FillMask& mask, const GapFillOptions& options) {
  GapFillResult result;
  const int F = clip.frameCount(), J = clip.jointCount();
  if (mask.frameCount() != F || mask.jointCount() != J) {
    result.error = "fill mask of " + std::to_string(mask.frameCount()) + " frames x " + std::to_string(mask.jointCount()) +
                   " joints does not match the clip's " + std::to_string(F) + " x " + std::to_string(J);
    return result;
  }
  if (result.error = options.validate(J); !result.error.empty()) return result;

  std::vector<const PatternDonor*> donorOf(static_cast<size_t>(J), nullptr);
  for (const PatternDonor& d : options.donors) donorOf[d.target] = &d;
  GapFiller filler(clip, mask, options);
  for (int j = 0; j < J; ++j) {
    for (int f = 0; f < F;) {
      if (!mask.at(f, j)) {
        ++f;
        continue;
      }
      Gap g{j, f, f};
      while (g.end < F && mask.at(g.end, j)) ++g.end;
      f = g.end;
      ++result.gaps;
      if (g.start == 0 && g.end == F) {
        result.unfilledSamples += F;
        continue;
      }
      if (!filler.fill(g, donorOf[j])) ++result.fallbackGaps;
      for (int k = g.start; k < g.end; ++k) clip.setValid(k, j, true);
      result.filledSamples += g.end - g.start;
    }
  }
  return result;
}

}  // namespace mm
