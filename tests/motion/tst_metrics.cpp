// Error measures (motion/metrics): zero for identical motion, the values of
// small cases worked out by hand, and the LAFAN1 benchmark's conventions
// (population std, power-weighted NPSS over a batch, real-part spectra).
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/metrics/motionmetrics.h"
#include "testutil_repair.h"

#include <QtTest>

#include <cmath>

using namespace mm;

namespace {

Eigen::MatrixXd rows(std::initializer_list<std::initializer_list<double>> values) {
  Eigen::MatrixXd m(values.size(), values.begin()->size());
  int r = 0;
  for (const auto& row : values) {
    int c = 0;
    for (double v : row) m(r, c++) = v;
    ++r;
  }
  return m;
}

// A smooth multi-feature sequence (frames x features).
Eigen::MatrixXd wave(int frames, int features, double phase = 0.0) {
  Eigen::MatrixXd m(frames, features);
  for (int f = 0; f < frames; ++f)
    for (int c = 0; c < features; ++c) m(f, c) = std::sin(0.3 * f + 0.7 * c + phase) + 0.1 * c;
  return m;
}

}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void identicalIsZero() {
    const Eigen::MatrixXd a = wave(30, 12);
    const Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(12), sd = Eigen::RowVectorXd::Ones(12);
    QCOMPARE(l2pLoss(a, a, mean, sd), 0.0);
    QCOMPARE(l2qLoss(a, a), 0.0);
    QCOMPARE(npss(a, a), 0.0);
    QCOMPARE(l2pLoss(Eigen::MatrixXd(0, 12), Eigen::MatrixXd(0, 12), mean, sd), 0.0);  // no rows
  }

  void l2pKnownCase() {
    // Two frames, three features, every prediction off by 1: each frame's
    // normalised error is |(1, 1, 1) / std|.
    const Eigen::MatrixXd truth = rows({{0, 0, 0}, {1, 2, 3}});
    const Eigen::MatrixXd pred = truth.array() + 1.0;
    const Eigen::RowVectorXd mean = Eigen::RowVectorXd::Constant(3, 5.0);  // cancels in the difference
    QVERIFY(std::abs(l2pLoss(truth, pred, mean, Eigen::RowVectorXd::Ones(3)) - std::sqrt(3.0)) < 1e-12);
    QVERIFY(std::abs(l2pLoss(truth, pred, mean, Eigen::RowVectorXd::Constant(3, 2.0)) - std::sqrt(3.0) / 2) < 1e-12);
    // One frame off by (3, 4, 0), the other exact: mean of 5 and 0.
    const Eigen::MatrixXd pred2 = rows({{3, 4, 0}, {1, 2, 3}});
    QVERIFY(std::abs(l2pLoss(truth, pred2, mean, Eigen::RowVectorXd::Ones(3)) - 2.5) < 1e-12);
  }

  void l2qKnownCase() {
    // Identity against a half turn about X: |(1,0,0,0) - (0,1,0,0)| = sqrt(2).
    const Eigen::MatrixXd truth = rows({{1, 0, 0, 0}});
    QVERIFY(std::abs(l2qLoss(truth, rows({{0, 1, 0, 0}})) - std::sqrt(2.0)) < 1e-12);
    // q and -q are the same rotation.
    QCOMPARE(l2qLoss(truth, rows({{-1, 0, 0, 0}})), 0.0);
    // Two joints: the per-frame norm runs over both.
    QVERIFY(std::abs(l2qLoss(rows({{1, 0, 0, 0, 1, 0, 0, 0}}), rows({{0, 1, 0, 0, 0, 1, 0, 0}})) - 2.0) < 1e-12);
  }

  void npssKnownCase() {
    // Impulse [1, 0, 0, 0]: Re DFT = [1, 1, 1, 1], normalised power 1/4
    // each, cumulative 1/4, 1/2, 3/4, 1. Constant [1, 1, 1, 1]: Re DFT
    // [4, 0, 0, 0], cumulative 1, 1, 1, 1. EMD = 3/4 + 1/2 + 1/4 + 0.
    const Eigen::MatrixXd impulse = rows({{1}, {0}, {0}, {0}}), constant = rows({{1}, {1}, {1}, {1}});
    QVERIFY(std::abs(npss(impulse, constant) - 1.5) < 1e-12);
    QVERIFY(std::abs(npss(constant, impulse) - 1.5) < 1e-12);
    // Spectra are normalised: scale does not matter.
    const Eigen::MatrixXd a = wave(20, 5);
    QVERIFY(npss(a, 3.0 * a) < 1e-12);
    // Different motion scores above zero.
    QVERIFY(npss(a, wave(20, 5, 1.0)) > 0.01);
  }

  void npssWeightsByPower() {
    // Two features with the known distance 1.5; the first has 4x the
    // power of the second (amplitude 2): the batch value is still 1.5, and
    // a second pair with distance 0 weighs in by its power.
    NpssAccumulator acc;
    acc.add(rows({{2, 1}, {0, 0}, {0, 0}, {0, 0}}), rows({{1, 1}, {1, 1}, {1, 1}, {1, 1}}));
    QVERIFY(std::abs(acc.value() - 1.5) < 1e-12);
    // The true features' powers (sums of Re DFT^2) are 4 x 2^2 = 16 and
    // 4 x 1^2 = 4; an identical pair of the same total power 20 halves the value.
    acc.add(rows({{2, 1}, {0, 0}, {0, 0}, {0, 0}}), rows({{2, 1}, {0, 0}, {0, 0}, {0, 0}}));
    QVERIFY(std::abs(acc.value() - 0.75) < 1e-12);
  }

  void featureMoments() {
    FeatureMoments m;
    m.add(rows({{1, 10, 7}, {3, 10, 7}}));
    m.add(rows({{5, 10, 7}}));
    QCOMPARE(m.count(), 3LL);
    QVERIFY((m.mean() - rows({{3, 10, 7}})).norm() < 1e-12);
    // Population std of 1, 3, 5 is sqrt(8/3); constant features get 1.
    QVERIFY(std::abs(m.stddev()[0] - std::sqrt(8.0 / 3.0)) < 1e-12);
    QCOMPARE(m.stddev()[1], 1.0);
    QCOMPARE(m.stddev()[2], 1.0);
  }

  void jointPositionErrors() {
    const Clip a = testrepair::bandaiKick40();
    QVERIFY(a.frameCount() == 40);
    Clip b = a;
    const int hips = b.skeleton().findJoint("Hips");
    for (int f = 0; f < b.frameCount(); ++f) b.translation(f, hips) += Eigen::Vector3d(3, 0, 4);  // 5 cm
    const GlobalPoses pa = computeGlobalPoses(a), pb = computeGlobalPoses(b);
    MeanError same, moved, some;
    addJointPositionErrors(pa, pa, 0, 40, 10.0, same);
    QCOMPARE(same.mean(), 0.0);
    QCOMPARE(same.count, 40LL * a.jointCount());
    // Every joint below the hips moves by 5 cm = 50 mm; joint_Root above it does not.
    const std::vector<int> below = {hips, b.skeleton().findJoint("Head"), b.skeleton().findJoint("Foot_L")};
    addJointPositionErrors(pa, pb, 10, 20, 10.0, some, &below);
    QCOMPARE(some.count, 30LL);
    QVERIFY(std::abs(some.mean() - 50.0) < 1e-9);
    addJointPositionErrors(pa, pb, 0, 40, 10.0, moved);
    QVERIFY(std::abs(moved.mean() - 50.0 * (a.jointCount() - 1) / a.jointCount()) < 1e-9);
  }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
