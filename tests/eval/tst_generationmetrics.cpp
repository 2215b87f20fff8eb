// The measures of `eval generate` (app/eval/generationmetrics.h): the Fréchet
// distance against closed forms, diversity and multimodality on points whose
// distances are known, the recogniser on synthetic features (and its choice
// of method by leave-one-out), and the motion statistics of real takes.
#include "app/eval/generationmetrics.h"

#include "io/motionfile.h"

#include <QtTest>

#include <cmath>
#include <random>

using mm::eval::Feature;

namespace {

std::vector<Feature> gaussian(int n, const Feature& mean, double sd, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  std::vector<Feature> out;
  for (int i = 0; i < n; ++i) {
    Feature v = mean;
    for (double& x : v) x += sd * z(rng);
    out.push_back(v);
  }
  return out;
}

}  // namespace

class TestGenerationMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void frechetOfIdenticalSetsIsZero() {
    const std::vector<Feature> a = gaussian(300, {0, 1, 2, 3, 4}, 1.5, 1);
    QVERIFY(std::abs(mm::eval::frechetDistance(a, a)) < 1e-6);
  }

  // The same set moved by s: equal covariances, so the distance is |s|^2.
  void frechetOfShiftedMeanIsSquaredShift() {
    const std::vector<Feature> a = gaussian(300, {0, 0, 0, 0}, 1.0, 2);
    const Feature shift = {1.0, -2.0, 0.5, 3.0};
    std::vector<Feature> b = a;
    for (Feature& v : b)
      for (size_t d = 0; d < v.size(); ++d) v[d] += shift[d];
    const double expected = 1.0 + 4.0 + 0.25 + 9.0;
    QVERIFY2(std::abs(mm::eval::frechetDistance(a, b) - expected) < 1e-6,
             qPrintable(QString::number(mm::eval::frechetDistance(a, b), 'g', 12)));
  }

  // One dimension: the distance is (mu_a - mu_b)^2 + (sd_a - sd_b)^2 (sample sd).
  void frechetInOneDimension() {
    const std::vector<Feature> a = {{0.0}, {2.0}}, b = {{1.0}, {5.0}};  // means 1 and 3, sample sd sqrt(2) and sqrt(8)
    const double expected = 4.0 + std::pow(std::sqrt(2.0) - std::sqrt(8.0), 2);
    QVERIFY(std::abs(mm::eval::frechetDistance(a, b, 0.0) - expected) < 1e-9);
    QCOMPARE(mm::eval::frechetDistance({}, b), -1.0);
  }

  void frechetGrowsWithSpread() {
    const std::vector<Feature> a = gaussian(400, {0, 0, 0}, 1.0, 3), b = gaussian(400, {0, 0, 0}, 3.0, 4);
    const double f = mm::eval::frechetDistance(a, b);
    QVERIFY2(f > 3 * 3.0 && f < 3 * 5.0, qPrintable(QString::number(f)));  // about 3 x (3 - 1)^2 = 12
  }

  void diversityAndMultimodality() {
    const std::vector<Feature> two = {{0, 0}, {3, 4}};
    QCOMPARE(mm::eval::diversity(two, 50, 7), 5.0);
    QCOMPARE(mm::eval::diversity({{1, 1}}, 50, 7), 0.0);
    // Groups 0: distances 1 (one pair); 1: points 0, 2, 4 on a line: pairs 2, 4, 2 (mean 8/3); 2: alone.
    const std::vector<Feature> xs = {{0}, {1}, {10}, {12}, {14}, {99}};
    const std::vector<int> groups = {0, 0, 1, 1, 1, 2};
    QVERIFY(std::abs(mm::eval::multimodality(xs, groups) - (1.0 + 8.0 / 3.0) / 2.0) < 1e-12);
    QCOMPARE(mm::eval::multimodality({{0}, {1}}, {0, 1}), -1.0);
    QCOMPARE(mm::eval::quantile({4, 1, 3, 2}, 0.5), 2.5);
    QCOMPARE(mm::eval::quantile({4, 1, 3, 2}, 1.0), 4.0);
  }

  void standardiser() {
    const std::vector<Feature> xs = gaussian(100, {5, -3}, 2.0, 5);
    const mm::eval::Standardiser s = mm::eval::Standardiser::fit(xs);
    const std::vector<Feature> z = s.apply(xs);
    const mm::eval::Standardiser again = mm::eval::Standardiser::fit(z);
    for (int d = 0; d < 2; ++d) {
      QVERIFY(std::abs(again.mean[d]) < 1e-12);
      QVERIFY(std::abs(again.sd[d] - 1.0) < 1e-12);
    }
  }

  // Three well separated clusters: every method recognises them all.
  void recogniserOnSeparatedClusters() {
    std::vector<Feature> xs;
    std::vector<int> ys;
    const Feature centres[3] = {{0, 0, 0, 0}, {10, 0, 0, 0}, {0, 10, 0, 5}};
    for (int c = 0; c < 3; ++c)
      for (const Feature& v : gaussian(12, centres[c], 0.5, 10 + c)) xs.push_back(v), ys.push_back(c * 7);
    mm::eval::Recogniser r;
    r.fit(xs, ys);
    QCOMPARE(r.looAccuracy(), 1.0);
    QCOMPARE(r.candidates().size(), size_t(4));
    for (double a : r.candidates()) QCOMPARE(a, 1.0);
    QCOMPARE(r.methodName(), std::string("1-NN"));  // ties: the first candidate
    QCOMPARE(r.predict({9, 1, 0, 0}), 7);
    QCOMPARE(r.predict({0, 9, 0, 4}), 14);
    QCOMPARE(r.predict({0.3, -0.2, 0, 0}), 0);
  }

  // Overlapping classes in many noisy dimensions: the chosen method is the
  // best candidate left-one-out, and it beats chance clearly.
  void recogniserChoosesByLeaveOneOut() {
    std::vector<Feature> xs;
    std::vector<int> ys;
    Feature a(10, 0.0), b(10, 0.0);
    a[0] = -1.2;
    b[0] = 1.2;
    for (const Feature& v : gaussian(40, a, 1.0, 20)) xs.push_back(v), ys.push_back(0);
    for (const Feature& v : gaussian(40, b, 1.0, 21)) xs.push_back(v), ys.push_back(1);
    mm::eval::Recogniser r;
    r.fit(xs, ys);
    double best = 0;
    for (double c : r.candidates()) best = std::max(best, c);
    QCOMPARE(r.looAccuracy(), best);
    QVERIFY2(r.looAccuracy() > 0.75, qPrintable(QString::number(r.looAccuracy())));
    // The class means are the right model here; 1-NN pays for the noise.
    QVERIFY2(r.candidates()[3] > r.candidates()[0], qPrintable(QString::number(r.candidates()[0])));
  }

  // Real takes: the walk moves its hips forward, the kick mostly stays; the
  // features have their documented size and are finite.
  void motionFeaturesOfRealTakes() {
    const mm::LoadResult walk = mm::loadMotion(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
    const mm::LoadResult kick = mm::loadMotion(MM_TEST_DATA_DIR "/bandai_kick_40.bvh");
    QVERIFY(walk.ok() && kick.ok());
    Feature fw, fk;
    std::string error;
    QVERIFY2(mm::eval::motionFeatures(*walk.clip, &fw, &error), error.c_str());
    QVERIFY2(mm::eval::motionFeatures(*kick.clip, &fk, &error), error.c_str());
    QCOMPARE(fw.size(), mm::eval::motionFeatureNames().size());
    QCOMPARE(fk.size(), fw.size());
    for (double x : fw) QVERIFY(std::isfinite(x));
    QVERIFY2(fw[0] > 0.5 && fw[0] < 2.5, qPrintable(QString::number(fw[0])));  // a walk: about 1 m/s
    QVERIFY2(fw[2] > 0.7 && fw[2] < 1.2, qPrintable(QString::number(fw[2])));  // hips about 0.9 m up
    QVERIFY(fw[0] > fk[0]);
    // Head above the hips, feet below.
    QVERIFY(fw[4] > 0.3 && fw[13] < -0.5 && fw[16] < -0.5);
    // Travel relative to facing: the walk goes forward, hardly sideways; its
    // mirror image in time (played backwards) walks back.
    const size_t fwd = fw.size() - 2, left = fw.size() - 1;
    QVERIFY2(fw[fwd] > 0.5 && std::abs(fw[left]) < 0.3 * fw[fwd], qPrintable(QString("%1 %2").arg(fw[fwd]).arg(fw[left])));
    mm::Clip backwards = *walk.clip;
    for (int f = 0; f < backwards.frameCount(); ++f)
      for (int j = 0; j < backwards.jointCount(); ++j) {
        const int g = backwards.frameCount() - 1 - f;
        backwards.rotation(f, j) = walk.clip->rotation(g, j);
        if (backwards.hasTrack(j)) backwards.translation(f, j) = walk.clip->translation(g, j);
      }
    Feature fb;
    QVERIFY(mm::eval::motionFeatures(backwards, &fb, &error));
    QVERIFY(std::abs(fb[fwd] + fw[fwd]) < 1e-6 * std::abs(fw[fwd]) + 0.02);
    mm::Clip tiny = walk.clip->subClip(0, 3);
    QVERIFY(!mm::eval::motionFeatures(tiny, &fw, &error));
  }
};

QTEST_GUILESS_MAIN(TestGenerationMetrics)
#include "tst_generationmetrics.moc"
