#include "motion/repair/hermite.h"

#include "motion/repair/tangentspace.h"
#include "motion/rotations.h"

namespace mm {

Eigen::Quaterniond slerpRotation(const Eigen::Quaterniond& q0, const Eigen::Quaterniond& q1, double u) {
  const Eigen::Vector3d v = quatLog(q0.conjugate() * alignSign(q1, q0));
  return (q0 * quatExp(u * v)).normalized();
}

Eigen::Vector3d hermitePosition(const Eigen::Vector3d& p0, const Eigen::Vector3d& v0, const Eigen::Vector3d& p1,
                                const Eigen::Vector3d& v1, double seconds, double u) {
  const double u2 = u * u, u3 = u2 * u;
  const double h00 = 2 * u3 - 3 * u2 + 1, h10 = u3 - 2 * u2 + u, h01 = -2 * u3 + 3 * u2, h11 = u3 - u2;
  return h00 * p0 + h10 * seconds * v0 + h01 * p1 + h11 * seconds * v1;
}

Eigen::Quaterniond hermiteRotation(const Eigen::Quaterniond& q0, const Eigen::Vector3d& w0,
                                   const Eigen::Quaterniond& q1, const Eigen::Vector3d& w1, double seconds, double u) {
  // The SLERP q0 exp(u v) turns at the constant body velocity v per unit u,
  // the same vector seen from q0 and from q1 (exp(v) commutes with v).
  const Eigen::Vector3d v = quatLog(q0.conjugate() * alignSign(q1, q0));
  const Eigen::Vector3d m0 = seconds * w0 - v, m1 = seconds * w1 - v;
  const double u2 = u * u, u3 = u2 * u;
  const Eigen::Vector3d r = (u3 - 2 * u2 + u) * m0 + (u3 - u2) * m1;
  return (q0 * quatExp(u * v) * quatExp(r)).normalized();
}

}  // namespace mm
