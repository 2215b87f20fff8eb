#include "motion/repair/gaussianfilter.h"

#include "motion/repair/symmetrickernel.h"

#include <cmath>

namespace mm {

std::string GaussianFilter::validate() const {
  if (!(sampleHz > 0)) return "frame rate must be positive";
  if (!(sigmaSeconds > 0) || !std::isfinite(sigmaSeconds)) return "Gaussian sigma must be a positive number of seconds";
  return {};
}

int GaussianFilter::reach() const { return static_cast<int>(std::ceil(4.0 * sigmaSeconds * sampleHz)); }

Eigen::VectorXd GaussianFilter::kernel() const {
  const int r = reach();
  const double sigma = sigmaSeconds * sampleHz;  // frames
  Eigen::VectorXd k(2 * r + 1);
  for (int i = -r; i <= r; ++i) k[i + r] = std::exp(-0.5 * (i / sigma) * (i / sigma));
  return k / k.sum();
}

void GaussianFilter::run(Eigen::MatrixXd& columns) const { convolveSymmetric(kernel(), columns); }

}  // namespace mm
