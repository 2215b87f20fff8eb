#include "motion/repair/oddreflection.h"

namespace mm {
namespace {

// Value of the endlessly reflected signal at index k (any integer): each
// reflection about an end sample e turns x into 2 e - x, so the value is
// offset + sign * x[k'] for some k' inside the signal.
double reflectedAt(const Eigen::Ref<const Eigen::VectorXd>& x, long k) {
  const long last = static_cast<long>(x.size()) - 1;
  double offset = 0.0, sign = 1.0;
  while (k < 0 || k > last) {
    const double edge = k < 0 ? x[0] : x[last];
    offset += sign * 2.0 * edge;
    sign = -sign;
    k = k < 0 ? -k : 2 * last - k;
  }
  return offset + sign * x[k];
}

}  // namespace

Eigen::VectorXd padOddReflection(const Eigen::Ref<const Eigen::VectorXd>& x, int pad) {
  const long n = x.size();
  if (n == 0) return Eigen::VectorXd();
  pad = pad > 0 ? pad : 0;
  Eigen::VectorXd out(n + 2 * pad);
  if (n == 1) return Eigen::VectorXd::Constant(out.size(), x[0]);
  for (long i = 0; i < out.size(); ++i) out[i] = reflectedAt(x, i - pad);
  return out;
}

}  // namespace mm
