#include "motion/metrics/motionmetrics.h"

#include "motion/kinematics.h"

#include <cmath>

namespace mm {

void addJointPositionErrors(const GlobalPoses& a, const GlobalPoses& b, int begin, int end, double scale,
                            MeanError& out, const std::vector<int>* joints) {
  auto add = [&](int j) {
    if (j < 0 || j >= a.joints || !a.has(j) || !b.has(j)) return;
    for (int f = begin; f < end; ++f) out.add((a.position(f, j) - b.position(f, j)).norm() * scale);
  };
  if (joints)
    for (int j : *joints) add(j);
  else
    for (int j = 0; j < a.joints; ++j) add(j);
}

void FeatureMoments::add(const Eigen::MatrixXd& rows) {
  if (mCount == 0 && mSum.size() == 0) {
    mSum = Eigen::RowVectorXd::Zero(rows.cols());
    mSumSquares = Eigen::RowVectorXd::Zero(rows.cols());
  }
  mSum += rows.colwise().sum();
  mSumSquares += rows.array().square().matrix().colwise().sum();
  mCount += rows.rows();
}

Eigen::RowVectorXd FeatureMoments::mean() const {
  return mCount ? Eigen::RowVectorXd(mSum / static_cast<double>(mCount)) : mSum;
}

Eigen::RowVectorXd FeatureMoments::stddev() const {
  Eigen::RowVectorXd s = Eigen::RowVectorXd::Ones(mSum.size());
  if (!mCount) return s;
  const Eigen::RowVectorXd m = mean();
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const double var = std::max(0.0, mSumSquares[i] / mCount - m[i] * m[i]);
    const double sd = std::sqrt(var);
    // Relative to the feature's size: a constant feature's variance is
    // rounding noise.
    s[i] = sd > 1e-9 * std::max(1.0, std::abs(m[i])) ? sd : 1.0;
  }
  return s;
}

double l2pLoss(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted, const Eigen::RowVectorXd& mean,
               const Eigen::RowVectorXd& stddev) {
  if (truth.rows() == 0) return 0.0;
  double sum = 0.0;
  for (Eigen::Index f = 0; f < truth.rows(); ++f) {
    // (t - m) / s - (p - m) / s, written as the benchmark does it.
    const Eigen::RowVectorXd a = (truth.row(f) - mean).cwiseQuotient(stddev);
    const Eigen::RowVectorXd b = (predicted.row(f) - mean).cwiseQuotient(stddev);
    sum += (a - b).norm();
  }
  return sum / truth.rows();
}

double l2qLoss(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted) {
  if (truth.rows() == 0) return 0.0;
  double sum = 0.0;
  for (Eigen::Index f = 0; f < truth.rows(); ++f) {
    double s = 0.0;
    for (Eigen::Index c = 0; c + 3 < truth.cols(); c += 4) {
      const Eigen::Vector4d t = truth.row(f).segment<4>(c).transpose();
      Eigen::Vector4d p = predicted.row(f).segment<4>(c).transpose();
      if (t.dot(p) < 0.0) p = -p;
      s += (t - p).squaredNorm();
    }
    sum += std::sqrt(s);
  }
  return sum / truth.rows();
}

void NpssAccumulator::add(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted) {
  const Eigen::Index T = truth.rows();
  if (T == 0) return;
  // Real part of the DFT: Re X[k] = sum_t x[t] cos(2 pi k t / T). Gaps are
  // short (tens of frames), so the direct sum costs nothing.
  Eigen::MatrixXd cosines(T, T);
  for (Eigen::Index k = 0; k < T; ++k)
    for (Eigen::Index t = 0; t < T; ++t)
      cosines(k, t) = std::cos(2.0 * 3.14159265358979323846 * static_cast<double>((k * t) % T) / T);
  const Eigen::MatrixXd powerTruth = (cosines * truth).array().square().matrix();
  const Eigen::MatrixXd powerPred = (cosines * predicted).array().square().matrix();
  for (Eigen::Index c = 0; c < truth.cols(); ++c) {
    const double totalTruth = powerTruth.col(c).sum(), totalPred = powerPred.col(c).sum();
    if (!(totalTruth > 0)) continue;  // weight 0
    double cdfTruth = 0.0, cdfPred = 0.0, emd = 0.0;
    for (Eigen::Index k = 0; k < T; ++k) {
      cdfTruth += powerTruth(k, c) / totalTruth;
      cdfPred += totalPred > 0 ? powerPred(k, c) / totalPred : 0.0;
      emd += std::abs(cdfPred - cdfTruth);
    }
    mWeighted += emd * totalTruth;
    mWeight += totalTruth;
  }
}

double npss(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted) {
  NpssAccumulator a;
  a.add(truth, predicted);
  return a.value();
}

}  // namespace mm
