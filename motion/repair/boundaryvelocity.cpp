#include "motion/repair/boundaryvelocity.h"

#include "motion/clip.h"
#include "motion/repair/fillmask.h"
#include "motion/repair/tangentspace.h"
#include "motion/rotations.h"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>

namespace mm {
namespace {

// Known frames edge, edge + side, ... (at most the context's length).
int contextLength(const Clip& clip, const FillMask& mask, int joint, int edge, int side, const VelocityFit& fit) {
  const int want = 1 + std::max(2, static_cast<int>(std::lround(fit.contextSeconds * clip.fps())));
  int n = 0;
  for (int f = edge; n < want && f >= 0 && f < clip.frameCount() && !mask.at(f, joint); f += side) ++n;
  return n;
}

// d/dt at t = 0 of the least-squares polynomial through values.row(k) at
// time k * side / fps.
Eigen::Vector3d slopeAtEdge(const Eigen::MatrixX3d& values, int side, double fps, int degree) {
  const int n = static_cast<int>(values.rows());
  const int d = std::min(degree, n - 1);
  if (d < 1) return Eigen::Vector3d::Zero();
  // Time in units of the window (s in [0, 1] times side) keeps the
  // Vandermonde matrix well conditioned.
  const double span = n - 1;
  Eigen::MatrixXd A(n, d + 1);
  for (int k = 0; k < n; ++k) {
    const double s = side * k / span;
    double p = 1.0;
    for (int i = 0; i <= d; ++i, p *= s) A(k, i) = p;
  }
  const Eigen::MatrixXd c = A.colPivHouseholderQr().solve(values);
  return c.row(1).transpose() * (fps / span);
}

}  // namespace

Eigen::Vector3d trackVelocity(const Clip& clip, const FillMask& mask, int joint, int edge, int side,
                              const VelocityFit& fit) {
  const int n = contextLength(clip, mask, joint, edge, side, fit);
  Eigen::MatrixX3d y(n, 3);
  for (int k = 0; k < n; ++k) y.row(k) = clip.translation(edge + side * k, joint).transpose();
  return slopeAtEdge(y, side, clip.fps(), fit.degree);
}

Eigen::Vector3d angularVelocity(const Clip& clip, const FillMask& mask, int joint, int edge, int side,
                                const VelocityFit& fit) {
  const int n = contextLength(clip, mask, joint, edge, side, fit);
  const Eigen::Quaterniond refInverse = clip.rotation(edge, joint).conjugate();
  Eigen::MatrixX3d y(n, 3);
  for (int k = 0; k < n; ++k) y.row(k) = quatLog(refInverse * clip.rotation(edge + side * k, joint)).transpose();
  return slopeAtEdge(y, side, clip.fps(), fit.degree);
}

}  // namespace mm
