#pragma once
// Savitzky-Golay smoothing: each sample becomes the value at its own time of
// the least-squares polynomial through the window around it. Keeps
// polynomials up to the order exactly away from the ends (lines at the ends
// too, through the odd-reflection padding) and preserves peaks better than a
// moving average of the same width.

#include <Eigen/Core>
#include <string>

namespace mm {

struct SavitzkyGolayFilter {
  // Window length in seconds; rounded to whole frames n and made odd
  // upwards, 2 h + 1 frames with h = floor(n / 2), which must exceed polyOrder.
  double windowSeconds = 0.25;
  int polyOrder = 3;       // >= 0
  double sampleHz = 30.0;  // frames per second

  std::string validate() const;  // empty if usable
  int halfWidth() const;         // h, in frames
  int reach() const { return halfWidth(); }
  // The 2 h + 1 weights (sum 1). Needs validate().
  Eigen::VectorXd kernel() const;
  void run(Eigen::MatrixXd& columns) const;  // every column in place; needs validate()
};

}  // namespace mm
