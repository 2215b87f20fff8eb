#pragma once
// Odd-reflection padding for the zero-phase filters: the signal is extended
// past each end by its point reflection about the end sample,
// x[-k] = 2 x[0] - x[k], so a constant or a straight line continues exactly
// and a filter that keeps lines in the interior keeps them up to the ends.

#include <Eigen/Core>

namespace mm {

// `x` with `pad` (>= 0) reflected samples before and after it (size
// x.size() + 2 pad). Reflections repeat when pad exceeds the signal, so any
// pad works; a single sample is continued as a constant. Empty stays empty.
Eigen::VectorXd padOddReflection(const Eigen::Ref<const Eigen::VectorXd>& x, int pad);

}  // namespace mm
