#pragma once
// Bit-for-bit clip comparison for round-trip tests: every quaternion
// coefficient, translation, offset and flag must keep its exact bits.

#include "motion/clip.h"

#include <QString>

#include <cstring>

namespace mm::test {

inline bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
inline bool sameBits(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return sameBits(a.x(), b.x()) && sameBits(a.y(), b.y()) && sameBits(a.z(), b.z());
}

// Empty when equal; otherwise the first difference.
inline QString clipDifference(const Clip& a, const Clip& b) {
  const Skeleton& s = a.skeleton();
  const Skeleton& t = b.skeleton();
  if (s.jointCount() != t.jointCount()) return QStringLiteral("joint count");
  if (a.frameCount() != b.frameCount()) return QStringLiteral("frame count %1 vs %2").arg(a.frameCount()).arg(b.frameCount());
  if (!sameBits(a.fps(), b.fps())) return QStringLiteral("fps");
  if (a.trackCount() != b.trackCount()) return QStringLiteral("track count");
  for (int j = 0; j < s.jointCount(); ++j) {
    const QString at = QStringLiteral(" of joint %1").arg(j);
    if (s.name(j) != t.name(j)) return "name" + at;
    if (s.parent(j) != t.parent(j)) return "parent" + at;
    if (!sameBits(s.offset(j), t.offset(j))) return "offset" + at;
    if (s.channels(j) != t.channels(j)) return "channels" + at;
    if (s.endSite(j).has_value() != t.endSite(j).has_value() || (s.endSite(j) && !sameBits(*s.endSite(j), *t.endSite(j))))
      return "end site" + at;
    const EulerStyle &e = s.eulerStyle(j), &f = t.eulerStyle(j);
    if (e.wrapped != f.wrapped || e.first.has_value() != f.first.has_value() || (e.first && !sameBits(*e.first, *f.first)))
      return "Euler style" + at;
    if (a.hasTrack(j) != b.hasTrack(j)) return "track" + at;
  }
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < s.jointCount(); ++j) {
      const QString at = QStringLiteral(" at frame %1 joint %2").arg(f).arg(j);
      if (std::memcmp(a.rotation(f, j).coeffs().data(), b.rotation(f, j).coeffs().data(), 4 * sizeof(double)) != 0)
        return "rotation" + at;
      if (a.hasTrack(j) && !sameBits(a.translation(f, j), b.translation(f, j))) return "translation" + at;
      if (a.isValid(f, j) != b.isValid(f, j)) return "validity" + at;
    }
  return {};
}

}  // namespace mm::test
