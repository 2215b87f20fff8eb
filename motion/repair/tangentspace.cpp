#include "motion/repair/tangentspace.h"

#include <cmath>

namespace mm {

Eigen::Vector3d quatLog(const Eigen::Quaterniond& q) {
  const double sign = q.w() < 0.0 ? -1.0 : 1.0;
  const Eigen::Vector3d v = sign * q.vec();
  const double w = sign * q.w();
  const double n = v.norm();
  // angle = 2 atan2(n, w); the series keeps full precision where n is tiny.
  const double scale = n < 1e-8 ? 2.0 / w * (1.0 - n * n / (3.0 * w * w)) : 2.0 * std::atan2(n, w) / n;
  return scale * v;
}

Eigen::Quaterniond quatExp(const Eigen::Vector3d& r) {
  const double angle = r.norm();
  const double h = 0.5 * angle;
  // sin(h) / angle, by its series where the angle is tiny.
  const double s = angle < 1e-8 ? 0.5 - h * h / 12.0 : std::sin(h) / angle;
  return Eigen::Quaterniond(std::cos(h), s * r.x(), s * r.y(), s * r.z());
}

}  // namespace mm
