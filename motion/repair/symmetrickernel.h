#pragma once
// Convolution with a symmetric FIR kernel over odd-reflection padded columns:
// the shared step of the Savitzky-Golay and Gaussian filters. A symmetric
// kernel has no phase shift, and one whose weights sum to 1 and whose first
// moment is 0 keeps a straight line, at the ends too thanks to the padding.

#include <Eigen/Core>

namespace mm {

// `kernel` has 2 r + 1 weights, centre at index r; every column of `columns`
// (samples over time) is replaced by its convolution with it.
void convolveSymmetric(const Eigen::VectorXd& kernel, Eigen::MatrixXd& columns);

}  // namespace mm
