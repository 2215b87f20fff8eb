#pragma once
// Gaussian smoothing: convolution with a sampled, normalised Gaussian that
// reaches four standard deviations each side.

#include <Eigen/Core>
#include <string>

namespace mm {

struct GaussianFilter {
  double sigmaSeconds = 0.05;  // standard deviation, > 0
  double sampleHz = 30.0;      // frames per second

  std::string validate() const;  // empty if usable
  int reach() const;             // kernel half-width in frames: ceil(4 sigma fps)
  Eigen::VectorXd kernel() const;  // 2 reach() + 1 weights, sum 1; needs validate()
  void run(Eigen::MatrixXd& columns) const;  // every column in place; needs validate()
};

}  // namespace mm
