#include "motion/kinematics.h"

#include <algorithm>

namespace mm {

void GlobalPoses::resize(int frameCount, int jointCount) {
  frames = frameCount;
  joints = jointCount;
  rowOf.clear();
  const size_t n = static_cast<size_t>(frameCount) * jointCount;
  for (auto* v : {&px, &py, &pz, &qw, &qx, &qy, &qz}) v->resize(n);
}

namespace {

// Frames [b0, b1) of the output (clip frames begin + b0 ..) for every joint
// the output has a row for.
void computeBlock(const Clip& clip, int begin, int b0, int b1, GlobalPoses& out) {
  const int J = clip.jointCount();
  const Skeleton& s = clip.skeleton();
  const Eigen::Quaterniond* rot = clip.rotations().data() + static_cast<size_t>(begin) * J;
  for (int j = 0; j < J; ++j) {
    if (!out.has(j)) continue;
    const int p = s.parent(j);
    const bool track = clip.hasTrack(j);
    const Eigen::Vector3d& offset = s.offset(j);
    const size_t row = out.index(0, j);
    double* __restrict ox = out.px.data() + row;
    double* __restrict oy = out.py.data() + row;
    double* __restrict oz = out.pz.data() + row;
    double* __restrict ow = out.qw.data() + row;
    double* __restrict oqx = out.qx.data() + row;
    double* __restrict oqy = out.qy.data() + row;
    double* __restrict oqz = out.qz.data() + row;
    if (p < 0) {
      for (int f = b0; f < b1; ++f) {
        const Eigen::Quaterniond& q = rot[static_cast<size_t>(f) * J + j];
        const Eigen::Vector3d& t = track ? clip.translation(begin + f, j) : offset;
        ox[f] = t.x(); oy[f] = t.y(); oz[f] = t.z();
        ow[f] = q.w(); oqx[f] = q.x(); oqy[f] = q.y(); oqz[f] = q.z();
      }
      continue;
    }
    const size_t prow = out.index(0, p);
    const double* __restrict ppx = out.px.data() + prow;
    const double* __restrict ppy = out.py.data() + prow;
    const double* __restrict ppz = out.pz.data() + prow;
    const double* __restrict pw = out.qw.data() + prow;
    const double* __restrict pqx = out.qx.data() + prow;
    const double* __restrict pqy = out.qy.data() + prow;
    const double* __restrict pqz = out.qz.data() + prow;
    for (int f = b0; f < b1; ++f) {
      const Eigen::Quaterniond& q = rot[static_cast<size_t>(f) * J + j];
      const Eigen::Vector3d& t = track ? clip.translation(begin + f, j) : offset;
      const double aw = pw[f], ax = pqx[f], ay = pqy[f], az = pqz[f];
      // position = parentPos + parentRot * t  (v' = v + 2w(u x v) + 2u x (u x v))
      const double cx = ay * t.z() - az * t.y(), cy = az * t.x() - ax * t.z(), cz = ax * t.y() - ay * t.x();
      const double dx = ay * cz - az * cy, dy = az * cx - ax * cz, dz = ax * cy - ay * cx;
      ox[f] = ppx[f] + t.x() + 2.0 * (aw * cx + dx);
      oy[f] = ppy[f] + t.y() + 2.0 * (aw * cy + dy);
      oz[f] = ppz[f] + t.z() + 2.0 * (aw * cz + dz);
      // rotation = parentRot * q
      const double bw = q.w(), bx = q.x(), by = q.y(), bz = q.z();
      ow[f] = aw * bw - ax * bx - ay * by - az * bz;
      oqx[f] = aw * bx + ax * bw + ay * bz - az * by;
      oqy[f] = aw * by - ax * bz + ay * bw + az * bx;
      oqz[f] = aw * bz + ax * by - ay * bx + az * bw;
    }
  }
}

}  // namespace

bool ForwardKinematicsJob::validate() const {
  if (!clip || !output) return false;
  const int last = end < 0 ? clip->frameCount() : end;
  return begin >= 0 && begin <= last && last <= clip->frameCount();
}

bool ForwardKinematicsJob::prepare() const {
  if (!validate()) return false;
  const int last = end < 0 ? clip->frameCount() : end;
  const int F = last - begin;
  const int J = clip->jointCount();
  const Skeleton& s = clip->skeleton();
  GlobalPoses& out = *output;
  // Rows: every joint, or the requested joints with their ancestors (parents
  // come before children in a skeleton, so rows keep joint order).
  std::vector<char> wanted;
  if (joints) {
    wanted.assign(J, 0);
    for (int j : *joints)
      for (int a = (j >= 0 && j < J) ? j : -1; a >= 0 && !wanted[a]; a = s.parent(a)) wanted[a] = 1;
  }
  std::vector<int> rowOf;
  int rows = J;
  if (joints) {
    rowOf.assign(J, -1);
    rows = 0;
    for (int j = 0; j < J; ++j)
      if (wanted[j]) rowOf[j] = rows++;
  }
  out.frames = F;
  out.joints = J;
  out.rowOf = std::move(rowOf);
  for (auto* v : {&out.px, &out.py, &out.pz, &out.qw, &out.qx, &out.qy, &out.qz})
    v->resize(static_cast<size_t>(F) * rows);
  return true;
}

void ForwardKinematicsJob::computeFrames(int b0, int b1) const { computeBlock(*clip, begin, b0, b1, *output); }

bool ForwardKinematicsJob::run() const {
  if (!prepare()) return false;
  // Blocks of frames, each swept joint by joint: the clip is frame-major and
  // the output joint-major, so a block's source frames stay in cache while
  // every joint of the block reads them.
  const int F = output->frames;
  for (int b0 = 0; b0 < F; b0 += kFrameBlock) computeFrames(b0, std::min(F, b0 + kFrameBlock));
  return true;
}

GlobalPoses computeGlobalPoses(const Clip& clip) {
  GlobalPoses out;
  ForwardKinematicsJob job;
  job.clip = &clip;
  job.output = &out;
  job.run();
  return out;
}

}  // namespace mm
