#include "motion/repair/symmetrickernel.h"

#include "motion/repair/oddreflection.h"

namespace mm {

void convolveSymmetric(const Eigen::VectorXd& kernel, Eigen::MatrixXd& columns) {
  const int r = static_cast<int>(kernel.size() / 2);
  const Eigen::Index n = columns.rows();
  if (n == 0 || r == 0) {
    if (kernel.size() == 1) columns *= kernel[0];
    return;
  }
  for (Eigen::Index c = 0; c < columns.cols(); ++c) {
    const Eigen::VectorXd x = padOddReflection(columns.col(c), r);
    for (Eigen::Index i = 0; i < n; ++i) columns(i, c) = kernel.dot(x.segment(i, 2 * r + 1));
  }
}

}  // namespace mm
