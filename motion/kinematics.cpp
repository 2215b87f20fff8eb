#include "motion/kinematics.h"

namespace mm {

void GlobalPoses::resize(int frameCount, int jointCount) {
  frames = frameCount;
  joints = jointCount;
  const size_t n = static_cast<size_t>(frameCount) * jointCount;
  for (auto* v : {&px, &py, &pz, &qw, &qx, &qy, &qz}) v->resize(n);
}

bool ForwardKinematicsJob::validate() const {
  if (!clip || !output) return false;
  const int last = end < 0 ? clip->frameCount() : end;
  return begin >= 0 && begin <= last && last <= clip->frameCount();
}

bool ForwardKinematicsJob::run() const {
  if (!validate()) return false;
  const int last = end < 0 ? clip->frameCount() : end;
  const int F = last - begin;
  const int J = clip->jointCount();
  GlobalPoses& out = *output;
  out.resize(F, J);
  const Skeleton& s = clip->skeleton();
  const Eigen::Quaterniond* rot = clip->rotations().data() + static_cast<size_t>(begin) * J;
  for (int j = 0; j < J; ++j) {
    const int p = s.parent(j);
    const bool track = clip->hasTrack(j);
    const Eigen::Vector3d& offset = s.offset(j);
    double* __restrict ox = out.px.data() + static_cast<size_t>(j) * F;
    double* __restrict oy = out.py.data() + static_cast<size_t>(j) * F;
    double* __restrict oz = out.pz.data() + static_cast<size_t>(j) * F;
    double* __restrict ow = out.qw.data() + static_cast<size_t>(j) * F;
    double* __restrict oqx = out.qx.data() + static_cast<size_t>(j) * F;
    double* __restrict oqy = out.qy.data() + static_cast<size_t>(j) * F;
    double* __restrict oqz = out.qz.data() + static_cast<size_t>(j) * F;
    if (p < 0) {
      for (int f = 0; f < F; ++f) {
        const Eigen::Quaterniond& q = rot[static_cast<size_t>(f) * J + j];
        const Eigen::Vector3d& t = track ? clip->translation(begin + f, j) : offset;
        ox[f] = t.x(); oy[f] = t.y(); oz[f] = t.z();
        ow[f] = q.w(); oqx[f] = q.x(); oqy[f] = q.y(); oqz[f] = q.z();
      }
      continue;
    }
    const double* __restrict ppx = out.px.data() + static_cast<size_t>(p) * F;
    const double* __restrict ppy = out.py.data() + static_cast<size_t>(p) * F;
    const double* __restrict ppz = out.pz.data() + static_cast<size_t>(p) * F;
    const double* __restrict pw = out.qw.data() + static_cast<size_t>(p) * F;
    const double* __restrict pqx = out.qx.data() + static_cast<size_t>(p) * F;
    const double* __restrict pqy = out.qy.data() + static_cast<size_t>(p) * F;
    const double* __restrict pqz = out.qz.data() + static_cast<size_t>(p) * F;
    for (int f = 0; f < F; ++f) {
      const Eigen::Quaterniond& q = rot[static_cast<size_t>(f) * J + j];
      const Eigen::Vector3d& t = track ? clip->translation(begin + f, j) : offset;
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
