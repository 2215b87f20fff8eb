#include "motion/quality/analysiscontext.h"

#include <algorithm>
#include <cmath>

namespace mm {

int AnalysisContext::framesFor(double seconds) const {
  return std::max(1, static_cast<int>(std::lround(seconds * fps)));
}

AnalysisContext AnalysisContext::build(const Clip& clip, const BodyPartMap& parts) {
  AnalysisContext c;
  c.clip = &clip;
  c.frames = clip.frameCount();
  c.joints = clip.jointCount();
  c.fps = clip.fps();
  c.unitsPerMeter = clip.unitsPerMeter();
  c.partOf.resize(c.joints);
  for (int j = 0; j < c.joints; ++j) c.partOf[j] = parts.part(j);
  const size_t n = static_cast<size_t>(c.frames) * c.joints;
  c.wx.assign(n, 0.0f);
  c.wy.assign(n, 0.0f);
  c.wz.assign(n, 0.0f);
  const int F = c.frames, J = c.joints;
  const Eigen::Quaterniond* q = clip.rotations().data();
  for (int f = 1; f < F; ++f) {
    const Eigen::Quaterniond* prev = q + static_cast<size_t>(f - 1) * J;
    const Eigen::Quaterniond* cur = q + static_cast<size_t>(f) * J;
    for (int j = 0; j < J; ++j) {
      // d = conj(prev) * cur; for the small per-frame rotations of motion
      // capture 2 * vec(d) is the rotation vector (sin(x/2) ~ x/2), and
      // exact enough for larger ones to rank them.
      const Eigen::Quaterniond& a = prev[j];
      const Eigen::Quaterniond& b = cur[j];
      const double w = a.w() * b.w() + a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
      const double x = a.w() * b.x() - a.x() * b.w() - a.y() * b.z() + a.z() * b.y();
      const double y = a.w() * b.y() + a.x() * b.z() - a.y() * b.w() - a.z() * b.x();
      const double z = a.w() * b.z() - a.x() * b.y() + a.y() * b.x() - a.z() * b.w();
      const double s = w < 0 ? -2.0 : 2.0;
      const size_t i = c.at(j, f);
      c.wx[i] = static_cast<float>(s * x);
      c.wy[i] = static_cast<float>(s * y);
      c.wz[i] = static_cast<float>(s * z);
    }
  }
  for (int j = 0; j < J; ++j)
    if (clip.hasTrack(j)) c.trackJoints.push_back(j);
  const size_t nt = static_cast<size_t>(F) * c.trackJoints.size();
  c.vx.assign(nt, 0.0f);
  c.vy.assign(nt, 0.0f);
  c.vz.assign(nt, 0.0f);
  const double toMeters = 1.0 / c.unitsPerMeter;
  for (size_t t = 0; t < c.trackJoints.size(); ++t) {
    const int j = c.trackJoints[t];
    for (int f = 1; f < F; ++f) {
      const Eigen::Vector3d d = (clip.translation(f, j) - clip.translation(f - 1, j)) * toMeters;
      const size_t i = t * F + f;
      c.vx[i] = static_cast<float>(d.x());
      c.vy[i] = static_cast<float>(d.y());
      c.vz[i] = static_cast<float>(d.z());
    }
  }
  c.poses = computeGlobalPoses(clip);
  c.up = detectUpAxis(clip, parts);
  const BodyPart legs[2] = {BodyPart::LeftLeg, BodyPart::RightLeg};
  for (int side = 0; side < 2; ++side)
    if (auto chain = findLegChain(clip.skeleton(), parts, legs[side])) {
      c.ankle[side] = chain->ankle;
      for (int child : clip.skeleton().children(chain->ankle))
        if (parts.part(child) == legs[side]) {
          c.toe[side] = child;
          break;
        }
    }
  const BodyPart limbs[4] = {BodyPart::LeftArm, BodyPart::RightArm, BodyPart::LeftLeg, BodyPart::RightLeg};
  for (int k = 0; k < 4; ++k) c.hinges[k] = findHingeChain(clip.skeleton(), parts, limbs[k]);
  c.floor = estimateFloor(c);
  c.limbPairs[0] = pairLimbs(clip.skeleton(), parts, BodyPart::LeftArm, BodyPart::RightArm);
  c.limbPairs[1] = pairLimbs(clip.skeleton(), parts, BodyPart::LeftLeg, BodyPart::RightLeg);
  return c;
}

}  // namespace mm
