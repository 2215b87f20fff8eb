#pragma once
// Error measures of repaired or generated motion against ground truth, as
// the evaluations (motionmender-cli eval ...) and BENCHMARKS.md define them:
// joint position error (MPJPE), and the LAFAN1 in-betweening metrics of
// Harvey et al. 2020 (L2P, L2Q, NPSS), computed as the LAFAN1 benchmark code
// computes them so that numbers compare with published ones.
//
// The LAFAN1 metrics take sequences as frames x features matrices (one row
// per frame of the gap, columns joints x coordinates): global joint
// positions (x, y, z per joint) or global joint quaternions (w, x, y, z per
// joint). Matrices compared with each other must have the same shape.

#include <Eigen/Core>
#include <vector>

namespace mm {

struct GlobalPoses;

// Running mean of distances (any unit).
struct MeanError {
  double sum = 0.0;
  long long count = 0;
  void add(double value) {
    sum += value;
    ++count;
  }
  void add(const MeanError& other) {
    sum += other.sum;
    count += other.count;
  }
  double mean() const { return count ? sum / count : 0.0; }
};

// Adds, for each frame in [begin, end) of both pose sets (same frames and
// joints) and each of `joints` (all joints when nullptr; joints either set
// did not compute are skipped), the distance between the two global
// positions times `scale` (e.g. 1000 / unitsPerMeter for millimetres) to
// `out`: their mean is the MPJPE.
void addJointPositionErrors(const GlobalPoses& a, const GlobalPoses& b, int begin, int end, double scale,
                            MeanError& out, const std::vector<int>* joints = nullptr);

// Per-feature mean and standard deviation (population, as numpy's default)
// over every row added: the normalisation of L2P.
class FeatureMoments {
 public:
  // Adds every row of `rows` (frames x features). All calls must have the
  // same number of columns.
  void add(const Eigen::MatrixXd& rows);
  long long count() const { return mCount; }
  Eigen::RowVectorXd mean() const;
  // Standard deviations; a feature that never varies gets 1 (no scaling).
  Eigen::RowVectorXd stddev() const;

 private:
  long long mCount = 0;
  Eigen::RowVectorXd mSum, mSumSquares;
};

// L2P: mean over frames of the L2 norm of the difference between the
// normalised rows ((x - mean) / std per feature) of `truth` and `predicted`.
// 0 for identical sequences, 0 for no rows.
double l2pLoss(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted, const Eigen::RowVectorXd& mean,
               const Eigen::RowVectorXd& stddev);

// L2Q: mean over frames of the L2 norm of the difference of the quaternion
// rows (4 columns per joint, any order of the components). q and -q are the
// same rotation: each predicted quaternion is first taken in the hemisphere
// of the true one, so only rotation differences count.
double l2qLoss(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted);

// NPSS (normalised power spectrum similarity, Gopalakrishnan et al. 2019) as
// the LAFAN1 benchmark computes it: per feature (column), the power
// spectrum over time is the square of the real part of the DFT of the
// column, normalised to sum 1; the distance is the L1 norm of the difference
// of the two cumulative spectra (the earth mover's distance), and the
// features' distances are averaged weighted by the true spectrum's total
// power. Sequences are accumulated so that a batch's NPSS weights every
// (sequence, feature) pair by its power, as the benchmark does.
class NpssAccumulator {
 public:
  // One sequence pair (frames x features, at least one frame).
  void add(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted);
  // Weighted mean distance; 0 when nothing with power was added.
  double value() const { return mWeight > 0 ? mWeighted / mWeight : 0.0; }

 private:
  double mWeighted = 0.0;
  double mWeight = 0.0;
};

// NPSS of one sequence pair.
double npss(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted);

}  // namespace mm
