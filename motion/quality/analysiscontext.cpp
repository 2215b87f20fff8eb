#include "motion/quality/analysiscontext.h"

#include <algorithm>
#include <cmath>

namespace mm {

int AnalysisContext::framesFor(double seconds) const {
  return std::max(1, static_cast<int>(std::lround(seconds * fps)));
}

AnalysisContext AnalysisContext::build(const Clip& clip, const BodyPartMap& parts) {
  AnalysisContext c;
  c.rebuild(clip, parts);
  return c;
}

// Resizes `v` to `n` in chunks, reporting [from, to) of the current pass
// between them: an hour-long take's first analysis faults in hundreds of MB
// of buffers, seconds on a busy machine, and progress must keep coming.
template <typename T>
bool AnalysisContext::growInChunks(std::vector<T>& v, size_t n, double from, double to) const {
  constexpr size_t kChunk = size_t(1) << 21;
  if (v.size() >= n) {
    v.resize(n);
    return true;
  }
  v.reserve(n);
  const size_t start = v.size();
  while (v.size() < n) {
    v.resize(std::min(n, v.size() + kChunk));
    if (!step(from + (to - from) * double(v.size() - start) / double(n - start))) return false;
  }
  return true;
}

void AnalysisContext::rebuild(const Clip& clip, const BodyPartMap& parts) {
  AnalysisContext& c = *this;
  if (!step(0.0)) return;
  c.clip = &clip;
  c.frames = clip.frameCount();
  c.joints = clip.jointCount();
  c.fps = clip.fps();
  c.unitsPerMeter = clip.unitsPerMeter();
  c.partOf.resize(c.joints);
  for (int j = 0; j < c.joints; ++j) c.partOf[j] = parts.part(j);
  const int F = c.frames, J = c.joints;
  // Rows are overwritten below (frame 0 is set here): no clearing pass.
  const size_t n = static_cast<size_t>(F) * J;
  // Grown in chunks: an hour-long take's first analysis faults in hundreds
  // of MB here, seconds on a busy machine, and progress must keep coming.
  int grown = 0;
  for (auto* v : {&c.wx, &c.wy, &c.wz}) {
    if (!growInChunks(*v, n, 0.1 * grown / 3.0, 0.1 * (grown + 1) / 3.0)) return;
    ++grown;
    for (int j = 0; j < J && F > 0; ++j) (*v)[c.at(j, 0)] = 0.0f;
  }

  // The feet (and through them the hips and the root) are the only joints
  // whose global poses the detectors read.
  const BodyPart legs[2] = {BodyPart::LeftLeg, BodyPart::RightLeg};
  c.poseJoints.clear();
  for (int side = 0; side < 2; ++side) {
    c.ankle[side] = c.toe[side] = -1;
    if (auto chain = findLegChain(clip.skeleton(), parts, legs[side])) {
      c.ankle[side] = chain->ankle;
      c.poseJoints.push_back(chain->ankle);
      for (int child : clip.skeleton().children(chain->ankle))
        if (parts.part(child) == legs[side]) {
          c.toe[side] = child;
          c.poseJoints.push_back(child);
          break;
        }
    }
  }
  ForwardKinematicsJob fk;
  fk.clip = &clip;
  fk.output = &c.poses;
  fk.joints = &c.poseJoints;
  // The feet's pose rows (the joints and their ancestors) are grown here in
  // chunks too, so fk.prepare() finds them sized.
  {
    std::vector<char> wanted(static_cast<size_t>(J), 0);
    size_t rows = 0;
    for (int j : c.poseJoints)
      for (int a = j; a >= 0 && !wanted[static_cast<size_t>(a)]; a = clip.skeleton().parent(a), ++rows)
        wanted[static_cast<size_t>(a)] = 1;
    const size_t m = static_cast<size_t>(F) * rows;
    int k = 0;
    for (auto* v : {&c.poses.px, &c.poses.py, &c.poses.pz, &c.poses.qw, &c.poses.qx, &c.poses.qy, &c.poses.qz}) {
      if (!growInChunks(*v, m, 0.1 + 0.15 * k / 7.0, 0.1 + 0.15 * (k + 1) / 7.0)) return;
      ++k;
    }
  }
  fk.prepare();
  if (!step(0.25)) return;

  // One pass over the clip's memory, in frame blocks that stay in cache:
  // angular velocities, which tracks move, and the feet's forward kinematics.
  // (Three separate sweeps of an hour-long take cost three times the memory
  // traffic, which is what bounds this stage.)
  const Eigen::Quaterniond* q = clip.rotations().data();
  // Tracks are stored frame-major in joint order, the root's (joint 0, always
  // tracked) first: frame f's tracks are `nTrack` doubles from track 0. A
  // coordinate moves if it ever differs from frame 0 (branch-free, so it
  // vectorises).
  const int nTrack = clip.trackCount() * 3;
  const double* tracks = F > 0 && nTrack > 0 ? clip.translation(0, 0).data() : nullptr;
  // Largest |change from frame 0| of each track coordinate (a max of
  // doubles vectorises; a flag per coordinate did not).
  std::vector<double> change(static_cast<size_t>(nTrack), 0.0);
  constexpr int kBlock = ForwardKinematicsJob::kFrameBlock;
  for (int b0 = 0; b0 < F; b0 += kBlock) {
    // Every 32 blocks (4,096 frames): a few ms on a 60-joint rig.
    if ((b0 / kBlock) % 32 == 0 && !step(0.25 + 0.65 * b0 / F)) return;
    const int b1 = std::min(F, b0 + kBlock);
    for (int j = 0; j < J; ++j) {
      float* __restrict ox = c.wx.data() + c.at(j, 0);
      float* __restrict oy = c.wy.data() + c.at(j, 0);
      float* __restrict oz = c.wz.data() + c.at(j, 0);
      for (int f = std::max(1, b0); f < b1; ++f) {
        // d = conj(prev) * cur; for the small per-frame rotations of motion
        // capture 2 * vec(d) is the rotation vector (sin(x/2) ~ x/2), and
        // exact enough for larger ones to rank them.
        const Eigen::Quaterniond& a = q[static_cast<size_t>(f - 1) * J + j];
        const Eigen::Quaterniond& b = q[static_cast<size_t>(f) * J + j];
        const double w = a.w() * b.w() + a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
        const double x = a.w() * b.x() - a.x() * b.w() - a.y() * b.z() + a.z() * b.y();
        const double y = a.w() * b.y() + a.x() * b.z() - a.y() * b.w() - a.z() * b.x();
        const double z = a.w() * b.z() - a.x() * b.y() + a.y() * b.x() - a.z() * b.w();
        const double s = w < 0 ? -2.0 : 2.0;
        ox[f] = static_cast<float>(s * x);
        oy[f] = static_cast<float>(s * y);
        oz[f] = static_cast<float>(s * z);
      }
    }
    if (tracks)
      for (int f = std::max(1, b0); f < b1; ++f) {
        const double* v = tracks + static_cast<size_t>(f) * nTrack;
        double* __restrict m = change.data();
        for (int k = 0; k < nTrack; ++k) m[k] = std::max(m[k], std::abs(v[k] - tracks[k]));
      }
    fk.computeFrames(b0, b1);
  }
  if (!step(0.9)) return;
  // Only tracks that move: rigs such as Bandai's carry a constant offset
  // track on every joint, which can neither pop nor stretch.
  c.trackJoints.clear();
  for (int j = 0; j < J && tracks; ++j) {
    if (!clip.hasTrack(j)) continue;
    const size_t k = (clip.translation(0, j).data() - tracks);
    if (change[k] > 0.0 || change[k + 1] > 0.0 || change[k + 2] > 0.0) c.trackJoints.push_back(j);
  }
  const size_t nt = static_cast<size_t>(F) * c.trackJoints.size();
  c.vx.assign(nt, 0.0f);
  c.vy.assign(nt, 0.0f);
  c.vz.assign(nt, 0.0f);
  // Frame by frame (the tracks' storage order), so memory is read in
  // sequence once rather than once per moving track with a stride.
  const double toMeters = 1.0 / c.unitsPerMeter;
  const size_t T = c.trackJoints.size();
  std::vector<size_t> offset(T);
  for (size_t t = 0; t < T; ++t) offset[t] = clip.translation(0, c.trackJoints[t]).data() - tracks;
  for (int f = 1; f < F && T > 0; ++f) {
    const double* cur = tracks + static_cast<size_t>(f) * nTrack;
    const double* prev = cur - nTrack;
    for (size_t t = 0; t < T; ++t) {
      const double* a = cur + offset[t];
      const double* b = prev + offset[t];
      const size_t i = t * F + f;
      c.vx[i] = static_cast<float>((a[0] - b[0]) * toMeters);
      c.vy[i] = static_cast<float>((a[1] - b[1]) * toMeters);
      c.vz[i] = static_cast<float>((a[2] - b[2]) * toMeters);
    }
  }
  if (!step(0.95)) return;
  c.up = detectUpAxis(clip, parts);
  const BodyPart limbs[4] = {BodyPart::LeftArm, BodyPart::RightArm, BodyPart::LeftLeg, BodyPart::RightLeg};
  for (int k = 0; k < 4; ++k) c.hinges[k] = findHingeChain(clip.skeleton(), parts, limbs[k]);
  c.floor = estimateFloor(c);
  c.mFootSupports = SupportMap{};
  c.limbPairs[0] = pairLimbs(clip.skeleton(), parts, BodyPart::LeftArm, BodyPart::RightArm);
  c.limbPairs[1] = pairLimbs(clip.skeleton(), parts, BodyPart::LeftLeg, BodyPart::RightLeg);
}

}  // namespace mm
