#include "inference/motionfeatures.h"

#include "motion/bodyparts.h"
#include "motion/canonicalmirror.h"
#include "motion/clip.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace mm::inference {

namespace {

using CJ = CanonicalJoint;
constexpr int kN = kCanonicalJointCount;
constexpr std::array<CJ, 4> kContactJoints = {CJ::LeftFoot, CJ::LeftToe, CJ::RightFoot, CJ::RightToe};
// A foot is in contact when it is this close to the clip's floor and slower
// than this horizontally (loose: contacts are an input hint, not a label).
constexpr double kContactHeight = 0.06;  // metres above the lowest foot height
constexpr double kContactSpeed = 0.6;    // m/s

Eigen::Quaterniond yawRotation(double yaw) { return Eigen::Quaterniond(Eigen::AngleAxisd(yaw, Eigen::Vector3d::UnitY())); }

double headingOf(const Eigen::Quaterniond& pelvisGlobal) {
  const Eigen::Vector3d forward = pelvisGlobal * Eigen::Vector3d::UnitZ();
  return std::atan2(forward.x(), forward.z());
}

double wrapAngle(double a) {
  a = std::fmod(a + kPi, 2.0 * kPi);
  if (a < 0) a += 2.0 * kPi;
  return a - kPi;
}

}  // namespace

MotionFeatures encodeMotion(const CanonicalMotion& motion, const std::vector<std::uint8_t>* hidden) {
  MotionFeatures out;
  const int F = motion.frames;
  out.frames = F;
  out.fps = motion.fps;
  out.mapped = motion.mapped;
  if (F <= 0) return out;
  out.values.assign(static_cast<size_t>(F) * kFeatureCount, 0.0f);
  out.rootPositions.resize(F);
  out.yaws.resize(F);

  for (int f = 0; f < F; ++f) {
    out.rootPositions[f] = motion.position(f, CJ::Pelvis);
    const double yaw = headingOf(motion.rotation(f, CJ::Pelvis));
    out.yaws[f] = f == 0 ? yaw : out.yaws[f - 1] + wrapAngle(yaw - out.yaws[f - 1]);
  }

  // What a frame's finite differences may read. The root hides with the
  // torso; a foot with the torso or its leg.
  const bool hides = hidden && hidden->size() == static_cast<size_t>(F) * kBodyPartCount;
  auto partHidden = [&](int f, BodyPart p) {
    return hides && (*hidden)[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(p)] != 0;
  };
  auto rootHidden = [&](int f) { return partHidden(f, BodyPart::Torso); };
  auto footHidden = [&](int f, int i) { return rootHidden(f) || partHidden(f, i < 2 ? BodyPart::LeftLeg : BodyPart::RightLeg); };
  // The frame g whose step (g - 1, g) stands for frame f's motion: f itself,
  // frame 1 for frame 0; a known frame never steps from or to a hidden one
  // (it takes the step on its other side, or none: -1).
  auto stepFrame = [&](int f, auto isHidden) {
    if (F < 2) return -1;
    if (isHidden(f)) return std::max(f, 1);
    if (f > 0 && !isHidden(f - 1)) return f;
    if (f + 1 < F && !isHidden(f + 1)) return f + 1;
    return -1;
  };

  double floor = 1e30;
  for (int f = 0; f < F; ++f)
    for (int i = 0; i < 4; ++i)
      if (!footHidden(f, i)) floor = std::min(floor, motion.position(f, kContactJoints[i]).y());
  if (floor == 1e30)  // every foot hidden: their contacts are generated anyway
    for (int f = 0; f < F; ++f)
      for (CJ c : kContactJoints) floor = std::min(floor, motion.position(f, c).y());

  for (int f = 0; f < F; ++f) {
    float* x = out.frame(f);
    const Eigen::Vector3d& root = out.rootPositions[f];
    x[kRootHeightFeature] = static_cast<float>(root.y());
    // Frame 0 has no predecessor: it repeats frame 1's motion so the
    // feature stays smooth (decoding never reads it).
    if (const int g = stepFrame(f, rootHidden); g > 0) {
      const Eigen::Vector3d step = yawRotation(out.yaws[g - 1]).conjugate() * (out.rootPositions[g] - out.rootPositions[g - 1]);
      x[kRootVelocityFeature] = static_cast<float>(step.x() * motion.fps);
      x[kRootVelocityFeature + 1] = static_cast<float>(step.z() * motion.fps);
      x[kYawRateFeature] = static_cast<float>((out.yaws[g] - out.yaws[g - 1]) * motion.fps);
    }
    const Eigen::Quaterniond heading = yawRotation(out.yaws[f]);
    const Eigen::Quaterniond headingInv = heading.conjugate();
    for (int c = 0; c < kN; ++c) {
      const Eigen::Quaterniond local = c == 0 ? headingInv * motion.rotations[CanonicalMotion::index(f, CJ::Pelvis)]
                                              : motion.rotations[CanonicalMotion::index(f, static_cast<CJ>(c))];
      const Rot6 r = quatTo6D(local);
      for (int k = 0; k < 6; ++k) x[kRotationFeature + 6 * c + k] = static_cast<float>(r[k]);
    }
    for (int c = 1; c < kN; ++c) {
      const Eigen::Vector3d rel = headingInv * (motion.positions[CanonicalMotion::index(f, static_cast<CJ>(c))] - root);
      for (int k = 0; k < 3; ++k) x[kPositionFeature + 3 * (c - 1) + k] = static_cast<float>(rel[k]);
    }
    for (int i = 0; i < 4; ++i) {
      const int g = stepFrame(f, [&](int h) { return footHidden(h, i); });
      double speed = 0.0;
      if (g > 0) {
        const Eigen::Vector3d d = motion.position(g, kContactJoints[i]) - motion.position(g - 1, kContactJoints[i]);
        speed = std::hypot(d.x(), d.z()) * motion.fps;
      }
      const bool low = motion.position(f, kContactJoints[i]).y() - floor < kContactHeight;
      x[kContactFeature + i] = low && speed < kContactSpeed ? 1.0f : 0.0f;
    }
  }
  return out;
}

CanonicalMotion decodeMotion(const MotionFeatures& features, const std::vector<std::uint8_t>* anchors) {
  CanonicalMotion out;
  const int F = features.frames;
  out.frames = F;
  out.fps = features.fps;
  out.mapped = features.mapped;
  if (F <= 0) return out;
  out.positions.resize(static_cast<size_t>(F) * kN);
  out.rotations.resize(static_cast<size_t>(F) * kN);
  const double dt = 1.0 / features.fps;
  auto anchored = [&](int f) { return f == 0 || (anchors && (*anchors)[f] != 0); };

  // Yaw first (positions are integrated in the heading frames).
  std::vector<double> yaw(F);
  std::vector<Eigen::Vector3d> root(F);
  auto integrateYaw = [&](int f) { return yaw[f - 1] + features.frame(f)[kYawRateFeature] * dt; };
  auto integrateRoot = [&](int f) {
    const float* x = features.frame(f);
    const Eigen::Vector3d step(x[kRootVelocityFeature] * dt, 0.0, x[kRootVelocityFeature + 1] * dt);
    Eigen::Vector3d p = root[f - 1] + yawRotation(yaw[f - 1]) * step;
    p.y() = x[kRootHeightFeature];
    return p;
  };
  // Walks runs of unanchored frames; `value(f)` integrates one frame, `truth`
  // is the anchor value; the error at the closing anchor is spread linearly.
  auto solve = [&](auto& track, auto integrate, auto truth, auto difference) {
    int f = 0;
    while (f < F) {
      if (anchored(f)) {
        track[f] = truth(f);
        ++f;
        continue;
      }
      const int begin = f;
      while (f < F && !anchored(f)) {
        track[f] = integrate(f);
        ++f;
      }
      if (f < F) {
        // Typed, not auto: an Eigen expression would outlive its temporaries.
        const std::decay_t<decltype(track[0])> error = difference(integrate(f), truth(f));
        const int n = f - begin + 1;
        for (int g = begin; g < f; ++g) track[g] = track[g] - error * (static_cast<double>(g - begin + 1) / n);
      }
    }
  };
  solve(yaw, integrateYaw, [&](int f) { return features.yaws[f]; }, [](double a, double b) { return wrapAngle(a - b); });
  solve(root, integrateRoot, [&](int f) { return features.rootPositions[f]; },
        [](const Eigen::Vector3d& a, const Eigen::Vector3d& b) -> Eigen::Vector3d { return a - b; });
  // The linear correction of the root path must not move the height, which
  // is stored per frame.
  for (int f = 0; f < F; ++f)
    if (!anchored(f)) root[f].y() = features.frame(f)[kRootHeightFeature];

  for (int f = 0; f < F; ++f) {
    const float* x = features.frame(f);
    const Eigen::Quaterniond heading = yawRotation(yaw[f]);
    for (int c = 0; c < kN; ++c) {
      Rot6 r;
      for (int k = 0; k < 6; ++k) r[k] = x[kRotationFeature + 6 * c + k];
      Eigen::Quaterniond q = sixDToQuat(r);
      if (c == 0) q = heading * q;
      q.normalize();
      const size_t i = CanonicalMotion::index(f, static_cast<CJ>(c));
      if (f > 0) q = alignSign(q, out.rotations[i - kN]);
      else if (q.w() < 0) q.coeffs() = -q.coeffs();
      out.rotations[i] = q;
    }
    out.positions[CanonicalMotion::index(f, CJ::Pelvis)] = root[f];
    for (int c = 1; c < kN; ++c) {
      const Eigen::Vector3d rel(x[kPositionFeature + 3 * (c - 1)], x[kPositionFeature + 3 * (c - 1) + 1],
                                x[kPositionFeature + 3 * (c - 1) + 2]);
      out.positions[CanonicalMotion::index(f, static_cast<CJ>(c))] = root[f] + heading * rel;
    }
  }
  return out;
}

FeatureStats computeFeatureStats(const std::vector<const std::vector<float>*>& clips) {
  FeatureStats s;
  std::vector<double> sum(kFeatureCount, 0.0), sq(kFeatureCount, 0.0);
  double n = 0;
  for (const std::vector<float>* c : clips) {
    const size_t frames = c->size() / kFeatureCount;
    for (size_t f = 0; f < frames; ++f)
      for (int k = 0; k < kFeatureCount; ++k) {
        const double v = (*c)[f * kFeatureCount + k];
        sum[k] += v;
        sq[k] += v * v;
      }
    n += static_cast<double>(frames);
  }
  s.mean.resize(kFeatureCount);
  s.std.resize(kFeatureCount);
  for (int k = 0; k < kFeatureCount; ++k) {
    const double m = n > 0 ? sum[k] / n : 0.0;
    const double var = n > 0 ? std::max(0.0, sq[k] / n - m * m) : 1.0;
    s.mean[k] = static_cast<float>(m);
    // 1e-2 keeps near-constant features (a joint that never turns, contacts)
    // from being amplified into noise the model would have to learn.
    s.std[k] = static_cast<float>(std::max(std::sqrt(var), 1e-2));
  }
  return s;
}

void normalizeFeatures(const FeatureStats& stats, float* values, int frames) {
  for (int f = 0; f < frames; ++f)
    for (int k = 0; k < kFeatureCount; ++k) {
      float& v = values[static_cast<size_t>(f) * kFeatureCount + k];
      v = (v - stats.mean[k]) / stats.std[k];
    }
}

void denormalizeFeatures(const FeatureStats& stats, float* values, int frames) {
  for (int f = 0; f < frames; ++f)
    for (int k = 0; k < kFeatureCount; ++k) {
      float& v = values[static_cast<size_t>(f) * kFeatureCount + k];
      v = v * stats.std[k] + stats.mean[k];
    }
}

bool encodeClip(const Clip& clip, CanonicalRig* rig, MotionFeatures* out, std::string* error,
                const std::vector<std::uint8_t>* hidden, bool mirrored) {
  std::string why;
  CanonicalRig mapped = CanonicalRig::map(clip.skeleton(), &why);
  if (!mapped.isUsable()) {
    if (error) *error = why.empty() ? "the skeleton does not map onto the canonical rig" : why;
    return false;
  }
  const CanonicalMotion motion = mapped.toCanonical(clip, &why);
  if (motion.frames != clip.frameCount() || clip.frameCount() == 0) {
    if (error) *error = why.empty() ? "the clip has no frames" : why;
    return false;
  }
  *out = encodeMotion(mirrored ? mirrorMotion(motion) : motion, hidden);
  if (rig) *rig = std::move(mapped);
  return true;
}

}  // namespace mm::inference
