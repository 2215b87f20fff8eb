#include "motion/repair/savitzkygolay.h"

#include "motion/repair/symmetrickernel.h"

#include <Eigen/QR>
#include <cmath>

namespace mm {

int SavitzkyGolayFilter::halfWidth() const {
  if (!(windowSeconds > 0) || !(sampleHz > 0)) return 0;
  // The window in whole frames, made odd by rounding up: 5 frames -> h = 2,
  // 4 frames -> h = 2 as well.
  return static_cast<int>(std::lround(windowSeconds * sampleHz) / 2);
}

std::string SavitzkyGolayFilter::validate() const {
  if (!(sampleHz > 0)) return "frame rate must be positive";
  if (!(windowSeconds > 0) || !std::isfinite(windowSeconds)) return "Savitzky-Golay window must be a positive number of seconds";
  if (polyOrder < 0) return "Savitzky-Golay polynomial order must be at least 0";
  if (2 * halfWidth() + 1 <= polyOrder)
    return "Savitzky-Golay window of " + std::to_string(2 * halfWidth() + 1) +
           " frames is too short for polynomial order " + std::to_string(polyOrder);
  return {};
}

Eigen::VectorXd SavitzkyGolayFilter::kernel() const {
  // The fitted polynomial's value at the centre is the first row of the
  // pseudo-inverse of the Vandermonde matrix (times are in frames, scaled to
  // [-1, 1] to keep it well conditioned).
  const int h = halfWidth();
  const int n = 2 * h + 1;
  Eigen::MatrixXd A(n, polyOrder + 1);
  for (int i = 0; i < n; ++i) {
    const double t = h > 0 ? static_cast<double>(i - h) / h : 0.0;
    double p = 1.0;
    for (int k = 0; k <= polyOrder; ++k, p *= t) A(i, k) = p;
  }
  const Eigen::MatrixXd pinv = A.completeOrthogonalDecomposition().pseudoInverse();
  return pinv.row(0).transpose();
}

void SavitzkyGolayFilter::run(Eigen::MatrixXd& columns) const { convolveSymmetric(kernel(), columns); }

}  // namespace mm
