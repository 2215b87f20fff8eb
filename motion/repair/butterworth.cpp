#include "motion/repair/butterworth.h"

#include "motion/repair/oddreflection.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>

namespace mm {
namespace {

// Least-squares line c + s n through the first `count` samples.
void fitLine(const Eigen::VectorXd& x, int count, double* c, double* s) {
  count = std::min<int>(count, static_cast<int>(x.size()));
  if (count < 2) {
    *c = count == 1 ? x[0] : 0.0;
    *s = 0.0;
    return;
  }
  double mn = 0.0, mx = 0.0;
  for (int i = 0; i < count; ++i) {
    mn += i;
    mx += x[i];
  }
  mn /= count;
  mx /= count;
  double snn = 0.0, snx = 0.0;
  for (int i = 0; i < count; ++i) {
    snn += (i - mn) * (i - mn);
    snx += (i - mn) * (x[i] - mx);
  }
  *s = snx / snn;
  *c = mx - *s * mn;
}

// One pass of the cascade over x in place. Before the first sample the input
// is taken to have been the line c + s n for ever: each section then sits in
// its steady state, whose output is the same line delayed by the section's
// group delay at 0 Hz (exact for a line, since the gain at 0 Hz is 1).
void cascade(const std::vector<Biquad>& sections, Eigen::VectorXd& x, int fitCount) {
  double c = 0.0, s = 0.0;
  fitLine(x, fitCount, &c, &s);
  for (const Biquad& q : sections) {
    const double delay = (q.b1 + 2.0 * q.b2) / (q.b0 + q.b1 + q.b2) - (q.a1 + 2.0 * q.a2) / (1.0 + q.a1 + q.a2);
    auto in = [&](double n) { return c + s * n; };
    auto out = [&](double n) { return c + s * (n - delay); };
    double z2 = q.b2 * in(-1) - q.a2 * out(-1);
    double z1 = q.b1 * in(-1) - q.a1 * out(-1) + q.b2 * in(-2) - q.a2 * out(-2);
    for (Eigen::Index n = 0; n < x.size(); ++n) {
      const double xn = x[n];
      const double yn = q.b0 * xn + z1;
      z1 = q.b1 * xn - q.a1 * yn + z2;
      z2 = q.b2 * xn - q.a2 * yn;
      x[n] = yn;
    }
    c -= s * delay;
  }
}

}  // namespace

std::string ButterworthFilter::validate() const {
  if (order != 2 && order != 4) return "Butterworth order must be 2 or 4";
  if (!(sampleHz > 0)) return "frame rate must be positive";
  if (!(cutoffHz > 0) || !(cutoffHz < 0.5 * sampleHz)) return "Butterworth cut-off must be between 0 Hz and half the frame rate";
  return {};
}

std::vector<Biquad> ButterworthFilter::sections() const {
  // Analog prototype: poles -sin(t) +- i cos(t), t = (2k - 1) pi / (2 order),
  // i.e. sections 1 / (s^2 + 2 sin(t) s + 1); bilinear transform with the
  // cut-off pre-warped to K = tan(pi fc / fs).
  const double K = std::tan(kPi * cutoffHz / sampleHz);
  std::vector<Biquad> out;
  for (int k = 1; 2 * k <= order; ++k) {
    const double d = 2.0 * std::sin((2 * k - 1) * kPi / (2.0 * order));
    const double a0 = 1.0 + d * K + K * K;
    Biquad q;
    q.b0 = K * K / a0;
    q.b1 = 2.0 * q.b0;
    q.b2 = q.b0;
    q.a1 = 2.0 * (K * K - 1.0) / a0;
    q.a2 = (1.0 - d * K + K * K) / a0;
    out.push_back(q);
  }
  return out;
}

int ButterworthFilter::reach() const {
  // The slowest pole decays with time constant 1 / (2 pi fc sin(pi / (2 order)))
  // (0.42 / fc for order 4); two cut-off periods are about five of them.
  return std::max(3 * order, static_cast<int>(std::ceil(2.0 * sampleHz / cutoffHz)));
}

void ButterworthFilter::run(Eigen::MatrixXd& columns) const {
  const std::vector<Biquad> q = sections();
  const int pad = reach();
  const Eigen::Index n = columns.rows();
  if (n == 0) return;
  for (Eigen::Index c = 0; c < columns.cols(); ++c) {
    Eigen::VectorXd x = padOddReflection(columns.col(c), pad);
    cascade(q, x, pad);
    x.reverseInPlace();
    cascade(q, x, pad);
    x.reverseInPlace();
    columns.col(c) = x.segment(pad, n);
  }
}

}  // namespace mm
