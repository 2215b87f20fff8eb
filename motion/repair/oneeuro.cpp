#include "motion/repair/oneeuro.h"

#include "motion/rotations.h"

#include <algorithm>
#include <cmath>

namespace mm {
namespace {

double smoothingFactor(double cutoffHz, double sampleHz) {
  const double tau = 1.0 / (2.0 * kPi * cutoffHz);
  return 1.0 / (1.0 + tau * sampleHz);
}

// Filters the given columns together (one shared cut-off).
void runGroup(const OneEuroFilter& p, Eigen::MatrixXd& x, Eigen::Index first, Eigen::Index count) {
  const Eigen::Index n = x.rows();
  if (n == 0) return;
  const double alphaD = smoothingFactor(p.derivativeCutoffHz, p.sampleHz);
  Eigen::VectorXd prevRaw = x.block(0, first, 1, count).transpose();
  Eigen::VectorXd est = prevRaw;
  Eigen::VectorXd dEst = Eigen::VectorXd::Zero(count);
  for (Eigen::Index i = 1; i < n; ++i) {
    const Eigen::VectorXd raw = x.block(i, first, 1, count).transpose();
    dEst += alphaD * ((raw - prevRaw) * p.sampleHz - dEst);
    const double cutoff = p.minCutoffHz + p.beta * p.speedScale * dEst.norm();
    est += smoothingFactor(cutoff, p.sampleHz) * (raw - est);
    prevRaw = raw;
    x.block(i, first, 1, count) = est.transpose();
  }
}

}  // namespace

std::string OneEuroFilter::validate() const {
  if (!(sampleHz > 0)) return "frame rate must be positive";
  if (!(minCutoffHz > 0) || !std::isfinite(minCutoffHz)) return "1-euro minimum cut-off must be a positive number of Hz";
  if (!(beta >= 0) || !std::isfinite(beta)) return "1-euro beta must be zero or positive";
  if (!(derivativeCutoffHz > 0) || !std::isfinite(derivativeCutoffHz))
    return "1-euro derivative cut-off must be a positive number of Hz";
  if (!(speedScale >= 0) || !std::isfinite(speedScale)) return "1-euro speed scale must be zero or positive";
  return {};
}

int OneEuroFilter::reach() const {
  // Five time constants of the slowest low-pass: its weight on older samples
  // is below 1 %.
  const double tau = 1.0 / (2.0 * kPi * std::min(minCutoffHz, derivativeCutoffHz));
  return std::max(1, static_cast<int>(std::ceil(5.0 * tau * sampleHz)));
}

void OneEuroFilter::run(Eigen::MatrixXd& columns) const {
  if (sharedCutoff) {
    runGroup(*this, columns, 0, columns.cols());
    return;
  }
  for (Eigen::Index c = 0; c < columns.cols(); ++c) runGroup(*this, columns, c, 1);
}

}  // namespace mm
