// The repair filters: exact on constants and lines, bit-identical outside
// their range, measurably less noise inside it, safe on rotations through
// 180 degrees, and errors instead of changes for bad arguments.
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/portablerandom.h"
#include "motion/repair/butterworth.h"
#include "motion/repair/filterclip.h"
#include "motion/repair/oddreflection.h"
#include "motion/repair/savitzkygolay.h"
#include "motion/repair/tangentspace.h"
#include "motion/rotations.h"
#include "testutil_repair.h"

#include <QtTest>

#include <cmath>
#include <complex>
#include <numeric>

using namespace mm;
using namespace mm::testrepair;

Q_DECLARE_METATYPE(mm::FilterSpec)

namespace {

std::vector<int> allJoints(const Clip& c) {
  std::vector<int> j(static_cast<size_t>(c.jointCount()));
  std::iota(j.begin(), j.end(), 0);
  return j;
}

Eigen::Quaterniond rotationOf(const Eigen::Vector3d& axis, double degrees) {
  return Eigen::Quaterniond(Eigen::AngleAxisd(degToRad(degrees), axis.normalized()));
}

// Largest rotation angle (radians) and largest relative translation error
// between two clips over frames [begin, end) of every joint.
struct Difference {
  double angle = 0.0;
  double translation = 0.0;  // |a - b| / max(|b|, 1)
};
Difference difference(const Clip& a, const Clip& b, int begin, int end) {
  Difference d;
  for (int f = begin; f < end; ++f)
    for (int j = 0; j < a.jointCount(); ++j) {
      d.angle = std::max(d.angle, angleBetween(a.rotation(f, j), b.rotation(f, j)));
      if (a.hasTrack(j))
        d.translation = std::max(d.translation, (a.translation(f, j) - b.translation(f, j)).norm() /
                                                    std::max(1.0, b.translation(f, j).norm()));
    }
  return d;
}

// RMS over frames [begin, end) of joint j: rotation error in degrees, or
// translation error in file units.
double rmsAngle(const Clip& a, const Clip& b, int j, int begin, int end) {
  double s = 0.0;
  for (int f = begin; f < end; ++f) s += std::pow(radToDeg(angleBetween(a.rotation(f, j), b.rotation(f, j))), 2);
  return std::sqrt(s / (end - begin));
}
double rmsTranslation(const Clip& a, const Clip& b, int j, int begin, int end) {
  double s = 0.0;
  for (int f = begin; f < end; ++f) s += (a.translation(f, j) - b.translation(f, j)).squaredNorm();
  return std::sqrt(s / (end - begin));
}

// A smooth clip in centimetres: the root sways and moves forward, every joint
// turns through slow sinusoids about all three axes.
Clip smoothClip(double fps, double seconds) {
  const int frames = static_cast<int>(std::lround(fps * seconds));
  Clip c(humanoid(), frames, fps);
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps;
    c.translation(f, 0) = Eigen::Vector3d(10 * std::sin(2 * kPi * 0.25 * t), 95 + 2 * std::sin(2 * kPi * 0.5 * t), 60 * t);
    for (int j = 0; j < c.jointCount(); ++j) {
      const double p = 0.7 * j;
      c.rotation(f, j) = eulerToQuat(Eigen::Vector3d(degToRad(20 * std::sin(2 * kPi * 0.4 * t + p)),
                                                     degToRad(10 * std::sin(2 * kPi * 0.3 * t + 2 * p)),
                                                     degToRad(15 * std::cos(2 * kPi * 0.5 * t + p))),
                                     EulerOrder::ZXY);
    }
  }
  c.makeSignContinuous();
  return c;
}

// White noise: rotation vectors with sigma `degrees` per component, root
// translation sigma `units` per axis. Portable draws, so every platform sees
// the same numbers.
void addNoise(Clip& c, double degrees, double units, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (int f = 0; f < c.frameCount(); ++f) {
    for (int j = 0; j < c.jointCount(); ++j) {
      const Eigen::Vector3d r(portable::normal(rng), portable::normal(rng), portable::normal(rng));
      c.rotation(f, j) = (c.rotation(f, j) * quatExp(degToRad(degrees) * r)).normalized();
    }
    c.translation(f, 0) += units * Eigen::Vector3d(portable::normal(rng), portable::normal(rng), portable::normal(rng));
  }
  c.makeSignContinuous();
}

void addRows() {
  QTest::addColumn<FilterSpec>("spec");
  QTest::newRow("butterworth2") << FilterSpec::butterworth(4.0, 2);
  QTest::newRow("butterworth4") << FilterSpec::butterworth(4.0, 4);
  QTest::newRow("savitzky_golay") << FilterSpec::savitzkyGolay(0.3, 3);
  QTest::newRow("gaussian") << FilterSpec::gaussian(0.04);
}

}  // namespace

class TestRepairFilters : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void oddReflection() {
    Eigen::VectorXd x(3);
    x << 1.0, 2.0, 4.0;
    const Eigen::VectorXd p = padOddReflection(x, 4);
    // Past the far end the reflections are reflected again.
    Eigen::VectorXd want(11);
    want << -5.0, -4.0, -2.0, 0.0, 1.0, 2.0, 4.0, 6.0, 7.0, 8.0, 10.0;
    QCOMPARE(p.size(), want.size());
    for (int i = 0; i < want.size(); ++i) QCOMPARE(p[i], want[i]);
    QCOMPARE(padOddReflection(Eigen::VectorXd::Constant(1, 5.0), 2), Eigen::VectorXd::Constant(5, 5.0));
  }

  void butterworthDesign() {
    // Unit gain at 0 Hz, -3 dB at the cut-off per pass, for both orders.
    for (int order : {2, 4}) {
      const ButterworthFilter bw{order, 6.0, 60.0};
      QVERIFY(bw.validate().empty());
      auto gain = [&](double hz) {
        std::complex<double> h = 1.0;
        const std::complex<double> z1 = std::exp(std::complex<double>(0, -2 * kPi * hz / 60.0));
        for (const Biquad& q : bw.sections())
          h *= (q.b0 + q.b1 * z1 + q.b2 * z1 * z1) / (1.0 + q.a1 * z1 + q.a2 * z1 * z1);
        return std::abs(h);
      };
      QVERIFY(std::abs(gain(0.0) - 1.0) < 1e-12);
      QVERIFY(std::abs(gain(6.0) - std::sqrt(0.5)) < 1e-12);
      QVERIFY(gain(20.0) < (order == 2 ? 0.1 : 0.01));
    }
  }

  void savitzkyGolayKernel() {
    // Window 5, order 2: the classic (-3, 12, 17, 12, -3) / 35.
    const SavitzkyGolayFilter sg{5.0 / 30.0, 2, 30.0};
    QVERIFY(sg.validate().empty());
    const Eigen::VectorXd k = sg.kernel();
    const double want[5] = {-3, 12, 17, 12, -3};
    QCOMPARE(k.size(), Eigen::Index(5));
    for (int i = 0; i < 5; ++i) QVERIFY(std::abs(k[i] - want[i] / 35.0) < 1e-14);
  }

  void crossFade() {
    const std::vector<double> w = crossFadeWeights(10, 3, true, true);
    QCOMPARE(w.size(), size_t(10));
    QVERIFY(w[0] > 0 && w[0] < w[1] && w[1] < w[2] && w[2] < 1.0);
    QCOMPARE(w[3], 1.0);
    for (int k = 0; k < 10; ++k) QCOMPARE(w[k], w[9 - k]);
    const std::vector<double> in = crossFadeWeights(10, 3, false, true);
    QCOMPARE(in[0], 1.0);
    QVERIFY(in[9] < 1.0);
    // The fade never takes more than half the range.
    QCOMPARE(crossFadeWeights(4, 10, true, true)[1], crossFadeWeights(4, 2, true, true)[1]);
  }

  void keepsConstant_data() {
    addRows();
    QTest::newRow("one_euro") << FilterSpec::oneEuro(1.0, 0.5);
  }
  void keepsConstant() {
    QFETCH(FilterSpec, spec);
    Clip c(humanoid(), 150, 60.0);
    for (int f = 0; f < c.frameCount(); ++f) {
      c.translation(f, 0) = Eigen::Vector3d(12.5, 95.0, -3.25);
      for (int j = 0; j < c.jointCount(); ++j) c.rotation(f, j) = rotationOf(Eigen::Vector3d(1, j, 2), 10.0 + 11.0 * j);
    }
    for (FrameRange r : {FrameRange{0, 150}, FrameRange{30, 120}}) {
      Clip out = c;
      QVERIFY(filterClip(out, spec, r, allJoints(out)).empty());
      const Difference d = difference(out, c, 0, c.frameCount());
      QVERIFY2(d.angle < 1e-9 && d.translation < 1e-9, qPrintable(QString("%1 %2").arg(d.angle).arg(d.translation)));
    }
  }

  // A straight line passes unchanged, up to the clip ends, for the
  // zero-phase filters (odd-reflection padding continues it exactly).
  void keepsLine_data() { addRows(); }
  void keepsLine() {
    QFETCH(FilterSpec, spec);
    Clip c(humanoid(), 150, 60.0);
    for (int f = 0; f < c.frameCount(); ++f)
      c.translation(f, 0) = Eigen::Vector3d(10, 95, -40) + (f / 60.0) * Eigen::Vector3d(50, -10, 130);
    for (FrameRange r : {FrameRange{0, 150}, FrameRange{1, 149}, FrameRange{60, 90}}) {
      Clip out = c;
      QVERIFY(filterClip(out, spec, r, {0}).empty());
      double worst = 0.0;
      for (int f = 0; f < c.frameCount(); ++f)
        worst = std::max(worst, (out.translation(f, 0) - c.translation(f, 0)).norm() / c.translation(f, 0).norm());
      QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
    }
  }

  // Symmetric kernels average pairs of samples of a steady turn onto the
  // turn itself: a constant angular velocity is kept exactly.
  void keepsSteadyTurn() {
    Clip c(humanoid(), 120, 60.0);
    const int j = c.skeleton().findJoint("UpperArm_L");
    const Eigen::Vector3d w = degToRad(90.0) * Eigen::Vector3d(1, 2, -1).normalized();  // rad/s
    for (int f = 0; f < c.frameCount(); ++f) c.rotation(f, j) = rotationOf(Eigen::Vector3d(0, 0, 1), 30) * quatExp(w * f / 60.0);
    for (const FilterSpec& spec : {FilterSpec::gaussian(0.04), FilterSpec::savitzkyGolay(0.3, 2)}) {
      Clip out = c;
      QVERIFY(filterClip(out, spec, {30, 90}, {j}).empty());
      QVERIFY(difference(out, c, 0, c.frameCount()).angle < 1e-9);
    }
  }

  void outsideRangeBitIdentical_data() {
    addRows();
    QTest::newRow("one_euro") << FilterSpec::oneEuro(1.0, 0.5);
  }
  void outsideRangeBitIdentical() {
    QFETCH(FilterSpec, spec);
    Clip c = smoothClip(60.0, 3.0);
    addNoise(c, 2.0, 0.5, 7);
    c.setValid(50, 3, false);
    c.setValid(70, c.skeleton().findJoint("Hand_L"), false);
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    std::vector<int> joints = parts.jointsOf(BodyPart::LeftArm);
    joints.push_back(0);
    Clip out = c;
    QVERIFY(filterClip(out, spec, {40, 100}, joints).empty());
    std::vector<bool> listed(c.jointCount(), false);
    for (int j : joints) listed[j] = true;
    bool changedInside = false;
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        const bool may = listed[j] && f >= 40 && f < 100;
        if (!may) QVERIFY2(sameSample(out, c, f, j), qPrintable(QString("frame %1 joint %2").arg(f).arg(j)));
        if (may && !sameSample(out, c, f, j)) changedInside = true;
        QCOMPARE(out.isValid(f, j), c.isValid(f, j));
      }
    QVERIFY(changedInside);
    QVERIFY(out.validate().empty());
  }

  // White noise on a smooth motion comes out at least `factor` times
  // smaller (RMS against the clean motion, root translation and a joint's
  // rotation), and the cross-fade starts the change gently.
  void reducesNoise_data() {
    QTest::addColumn<FilterSpec>("spec");
    QTest::addColumn<double>("factor");
    QTest::newRow("butterworth2") << FilterSpec::butterworth(3.0, 2) << 2.5;
    QTest::newRow("butterworth4") << FilterSpec::butterworth(3.0, 4) << 2.5;
    QTest::newRow("savitzky_golay") << FilterSpec::savitzkyGolay(0.4, 3) << 2.5;
    QTest::newRow("gaussian") << FilterSpec::gaussian(0.05) << 2.5;
  }
  void reducesNoise() {
    QFETCH(FilterSpec, spec);
    QFETCH(double, factor);
    const Clip clean = smoothClip(60.0, 4.0);
    Clip noisy = clean;
    addNoise(noisy, 1.5, 0.4, 11);
    Clip out = noisy;
    const FrameRange r{30, 210};
    QVERIFY(filterClip(out, spec, r, allJoints(out)).empty());
    const int j = out.skeleton().findJoint("LowerArm_R");
    const int b = r.start + 6, e = r.end - 6;  // past the cross-fades
    const double rotBefore = rmsAngle(noisy, clean, j, b, e), rotAfter = rmsAngle(out, clean, j, b, e);
    const double posBefore = rmsTranslation(noisy, clean, 0, b, e), posAfter = rmsTranslation(out, clean, 0, b, e);
    qInfo("%s: rotation RMS %.3f -> %.3f deg (x%.1f), root %.3f -> %.3f cm (x%.1f)", QTest::currentDataTag(), rotBefore,
          rotAfter, rotBefore / rotAfter, posBefore, posAfter, posBefore / posAfter);
    QVERIFY(rotBefore / rotAfter > factor);
    QVERIFY(posBefore / posAfter > factor);
    // At the range's first frame the output has barely left the input.
    double edge = 0.0, middle = 0.0;
    for (int k = 0; k < out.jointCount(); ++k) {
      edge = std::max(edge, angleBetween(out.rotation(r.start, k), noisy.rotation(r.start, k)));
      middle = std::max(middle, angleBetween(out.rotation(120, k), noisy.rotation(120, k)));
    }
    QVERIFY(edge < 0.1 * middle);
  }

  // The 1€ filter: jitter at rest is removed; with beta > 0 a fast move lags
  // less than with beta = 0 (the adaptive cut-off).
  void oneEuro() {
    Clip still(humanoid(), 240, 60.0);
    Clip noisy = still;
    addNoise(noisy, 1.0, 0.3, 5);
    Clip out = noisy;
    QVERIFY(filterClip(out, FilterSpec::oneEuro(1.0, 0.0), {0, 240}, allJoints(out)).empty());
    const int j = 5;
    QVERIFY(rmsAngle(noisy, still, j, 60, 240) / rmsAngle(out, still, j, 60, 240) > 3.0);
    QVERIFY(rmsTranslation(noisy, still, 0, 60, 240) / rmsTranslation(out, still, 0, 60, 240) > 3.0);

    const Clip moving = smoothClip(60.0, 4.0);
    Clip slow = moving, fast = moving;
    QVERIFY(filterClip(slow, FilterSpec::oneEuro(0.5, 0.0), {0, 240}, allJoints(slow)).empty());
    QVERIFY(filterClip(fast, FilterSpec::oneEuro(0.5, 5.0), {0, 240}, allJoints(fast)).empty());
    QVERIFY(rmsTranslation(fast, moving, 0, 60, 240) < 0.5 * rmsTranslation(slow, moving, 0, 60, 240));
  }

  // A joint swinging through 180 degrees (the quaternion's w changes sign,
  // a rotation vector would wrap from pi to -pi) filters exactly like the
  // same motion swinging through 0 degrees, turned by 180 degrees: the
  // filter has no special place. Nor does it matter which sign each input
  // quaternion has.
  void rotationThrough180() {
    const double fps = 60.0;
    const Eigen::Vector3d axis = Eigen::Vector3d(0.2, 1, 0.1).normalized();
    const Eigen::Quaterniond half = rotationOf(axis, 180.0);
    Clip clean(humanoid(), 240, fps);
    const int j = clean.skeleton().findJoint("Head");
    for (int f = 0; f < clean.frameCount(); ++f)
      clean.rotation(f, j) = rotationOf(axis, 40.0 * std::sin(2 * kPi * 0.5 * f / fps));
    Clip noisyAt0 = clean;
    addNoise(noisyAt0, 1.5, 0.0, 3);
    Clip cleanAt180 = clean, noisyAt180 = noisyAt0;
    for (int f = 0; f < clean.frameCount(); ++f) {
      cleanAt180.rotation(f, j) = half * clean.rotation(f, j);
      noisyAt180.rotation(f, j) = half * noisyAt0.rotation(f, j);
    }
    cleanAt180.makeSignContinuous();
    noisyAt180.makeSignContinuous();
    Clip flipped = noisyAt180;  // same rotations, every other sign flipped
    for (int f = 0; f < flipped.frameCount(); f += 2) flipped.rotation(f, j).coeffs() *= -1.0;

    const FilterSpec spec = FilterSpec::butterworth(3.0, 4);
    Clip outAt0 = noisyAt0, outAt180 = noisyAt180, outFlipped = flipped;
    QVERIFY(filterClip(outAt0, spec, {0, 240}, {j}).empty());
    QVERIFY(filterClip(outAt180, spec, {0, 240}, {j}).empty());
    QVERIFY(filterClip(outFlipped, spec, {0, 240}, {j}).empty());
    QVERIFY(rmsAngle(noisyAt180, cleanAt180, j, 0, 240) / rmsAngle(outAt180, cleanAt180, j, 0, 240) > 2.0);
    double worst = 0.0;
    for (int f = 0; f < 240; ++f)
      worst = std::max(worst, angleBetween(outAt180.rotation(f, j), half * outAt0.rotation(f, j)));
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
    QVERIFY(difference(outAt180, outFlipped, 0, 240).angle < 1e-9);
  }

  void badArguments() {
    const Clip c = smoothClip(30.0, 2.0);
    Clip out = c;
    const std::vector<int> one{1};
    QVERIFY(!filterClip(out, FilterSpec::gaussian(0.05), {-1, 10}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::gaussian(0.05), {10, 61}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::gaussian(0.05), {10, 10}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::gaussian(0.05), {0, 60}, {out.jointCount()}).empty());
    QVERIFY(!filterClip(out, FilterSpec::gaussian(0.05), {0, 60}, {-1}).empty());
    QVERIFY(!filterClip(out, FilterSpec::gaussian(0.0), {0, 60}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::butterworth(15.0), {0, 60}, one).empty());  // Nyquist at 30 fps
    QVERIFY(!filterClip(out, FilterSpec::butterworth(0.0), {0, 60}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::butterworth(5.0, 3), {0, 60}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::savitzkyGolay(0.1, 3), {0, 60}, one).empty());  // 3 frames, order 3
    QVERIFY(!filterClip(out, FilterSpec::savitzkyGolay(0.5, -1), {0, 60}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::oneEuro(0.0, 0.1), {0, 60}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::oneEuro(1.0, -0.1), {0, 60}, one).empty());
    QVERIFY(!filterClip(out, FilterSpec::oneEuro(1.0, 0.1, 0.0), {0, 60}, one).empty());
    FilterSpec fade = FilterSpec::gaussian(0.05);
    fade.fadeSeconds = -1;
    QVERIFY(!filterClip(out, fade, {0, 60}, one).empty());
    QVERIFY(sameClip(out, c));
    // An empty joint list is valid and changes nothing.
    QVERIFY(filterClip(out, FilterSpec::gaussian(0.05), {0, 60}, {}).empty());
    QVERIFY(sameClip(out, c));
  }

  // The real fixture (30 fps, centimetres, a kick): noise added to every
  // rotation and to the root is reduced, the rest is untouched.
  void bandaiFixture() {
    const Clip clean = bandaiKick40();
    QCOMPARE(clean.frameCount(), 40);
    Clip noisy = clean;
    addNoise(noisy, 1.0, 0.3, 21);
    Clip out = noisy;
    QVERIFY(filterClip(out, FilterSpec::butterworth(8.0, 4), {5, 35}, allJoints(out)).empty());
    for (int f = 0; f < 40; ++f)
      if (f < 5 || f >= 35)
        for (int j = 0; j < out.jointCount(); ++j) QVERIFY(sameSample(out, noisy, f, j));
    double before = 0.0, after = 0.0;
    for (int j = 0; j < out.jointCount(); ++j) {
      before += rmsAngle(noisy, clean, j, 10, 30);
      after += rmsAngle(out, clean, j, 10, 30);
    }
    qInfo("kick: mean rotation RMS %.3f -> %.3f deg; root %.3f -> %.3f cm", before / out.jointCount(),
          after / out.jointCount(), rmsTranslation(noisy, clean, 0, 10, 30), rmsTranslation(out, clean, 0, 10, 30));
    QVERIFY(before / after > 1.3);
    QVERIFY(rmsTranslation(noisy, clean, 0, 10, 30) / rmsTranslation(out, clean, 0, 10, 30) > 1.3);
    QVERIFY(out.validate().empty());
  }
};

QTEST_APPLESS_MAIN(TestRepairFilters)
#include "tst_repair_filters.moc"
