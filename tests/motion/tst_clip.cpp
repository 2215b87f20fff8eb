#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/resample.h"
#include "motion/rotations.h"
#include "motion/units.h"

#include <QtTest>

using namespace mm;

namespace {
Skeleton chain(double scale) {
  // A rough human: hips, spine to head (0.6 m up) and two legs (0.9 m down).
  Skeleton s;
  s.addJoint("Hips", Skeleton::kNoParent, Eigen::Vector3d(0, 0.95, 0) * scale);
  s.addJoint("Spine", 0, Eigen::Vector3d(0, 0.2, 0) * scale);
  s.addJoint("Chest", 1, Eigen::Vector3d(0, 0.2, 0) * scale);
  s.addJoint("Head", 2, Eigen::Vector3d(0, 0.25, 0) * scale);
  s.addJoint("LeftUpLeg", 0, Eigen::Vector3d(0.1, 0, 0) * scale);
  s.addJoint("LeftLeg", 4, Eigen::Vector3d(0, -0.45, 0) * scale);
  s.addJoint("LeftFoot", 5, Eigen::Vector3d(0, -0.42, 0) * scale);
  s.addJoint("RightUpLeg", 0, Eigen::Vector3d(-0.1, 0, 0) * scale);
  s.addJoint("RightLeg", 7, Eigen::Vector3d(0, -0.45, 0) * scale);
  s.addJoint("RightFoot", 8, Eigen::Vector3d(0, -0.42, 0) * scale);
  s.setEndSite(3, Eigen::Vector3d(0, 0.1, 0) * scale);
  return s;
}
}  // namespace

class TestClip : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void construction() {
    const Clip c(chain(1), 10, 30);
    QCOMPARE(c.frameCount(), 10);
    QCOMPARE(c.jointCount(), 10);
    QVERIFY(c.hasTrack(0));
    QVERIFY(!c.hasTrack(1));
    QCOMPARE(c.duration(), 10 / 30.0);
    QVERIFY(c.validate().empty());
    QVERIFY(c.rootTranslation(3).isApprox(Eigen::Vector3d(0, 0.95, 0)));
  }

  void validateCatchesProblems() {
    Clip c(chain(1), 4, 30);
    c.rotation(2, 3) = Eigen::Quaterniond(2, 0, 0, 0);
    QVERIFY(c.validate().find("frame 2") != std::string::npos);
    c.rotation(2, 3).setIdentity();
    c.setFps(0);
    QVERIFY(!c.validate().empty());
    Skeleton bad = chain(1);
    bad.setName(2, "Spine");
    QVERIFY(bad.validate().find("twice") != std::string::npos);
  }

  void validityMask() {
    Clip c(chain(1), 5, 30);
    QVERIFY(!c.hasMissing());
    c.setValid(1, 2, true);  // no allocation needed
    QVERIFY(!c.hasMissing());
    c.setValid(3, 4, false);
    QVERIFY(c.hasMissing());
    QCOMPARE(c.missingCount(), 1);
    QVERIFY(!c.isValid(3, 4));
    QVERIFY(c.isValid(3, 3));
    const Clip sub = c.subClip(2, 5);
    QCOMPARE(sub.frameCount(), 3);
    QVERIFY(!sub.isValid(1, 4));
  }

  void signContinuity() {
    Clip c(chain(1), 3, 30);
    const Eigen::Quaterniond q(Eigen::AngleAxisd(0.3, Eigen::Vector3d::UnitX()));
    c.rotation(0, 1) = q;
    c.rotation(1, 1) = Eigen::Quaterniond(-q.coeffs());
    c.rotation(2, 1) = q;
    c.makeSignContinuous();
    QVERIFY(c.rotation(1, 1).coeffs().dot(c.rotation(0, 1).coeffs()) > 0);
    QVERIFY(c.rotation(2, 1).coeffs().dot(c.rotation(1, 1).coeffs()) > 0);
  }

  void appendFrames() {
    Clip c(chain(1), 0, 30);
    c.addTrack(2);
    QCOMPARE(c.appendFrames(2), 0);
    QCOMPARE(c.appendFrames(1), 2);
    QCOMPARE(c.frameCount(), 3);
    QVERIFY(c.translation(2, 2).isApprox(c.skeleton().offset(2)));
    QVERIFY(c.validate().empty());
  }

  void units_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("perMeter");
    QTest::newRow("m") << 1.0 << 1.0;
    QTest::newRow("cm") << 100.0 << 100.0;
    QTest::newRow("mm") << 1000.0 << 1000.0;
    QTest::newRow("in") << 39.3701 << 39.3701;
  }
  void units() {
    QFETCH(double, scale);
    QFETCH(double, perMeter);
    const UnitGuess g = detectUnits(chain(scale));
    QCOMPARE(g.unitsPerMeter, perMeter);
    QVERIFY(g.heightMeters() > 1.0 && g.heightMeters() < 2.2);
  }

  // A far-away root placement (Bandai's Hips offset of 4.5 m) does not count.
  void unitsIgnoreRootPlacement() {
    Skeleton s;
    s.addJoint("joint_Root", Skeleton::kNoParent, Eigen::Vector3d::Zero());
    const Skeleton body = chain(100);
    for (int j = 0; j < body.jointCount(); ++j)
      s.addJoint(body.name(j), j == 0 ? 0 : body.parent(j) + 1, j == 0 ? Eigen::Vector3d(0, 94, -452) : body.offset(j));
    QCOMPARE(detectUnits(s).unitsPerMeter, 100.0);
  }

  void resampleHalfAndDouble() {
    Clip c(chain(1), 31, 30);
    for (int f = 0; f < 31; ++f) {
      c.rotation(f, 1) = Eigen::Quaterniond(Eigen::AngleAxisd(f * 0.02, Eigen::Vector3d::UnitZ()));
      c.translation(f, 0) = Eigen::Vector3d(f * 0.1, 0.95, 0);
    }
    c.setValid(10, 2, false);
    const Clip up = resample(c, 120);
    QCOMPARE(up.fps(), 120.0);
    QCOMPARE(up.frameCount(), 121);
    // Frame 2 at 120 fps is t = 1/60 s = source frame 0.5: halfway by SLERP and LERP.
    const Eigen::Quaterniond mid(Eigen::AngleAxisd(0.01, Eigen::Vector3d::UnitZ()));
    QVERIFY(angleBetween(up.rotation(2, 1), mid) < 1e-12);
    QVERIFY(up.rootTranslation(2).isApprox(Eigen::Vector3d(0.05, 0.95, 0)));
    QVERIFY(angleBetween(up.rotation(120, 1), c.rotation(30, 1)) < 1e-12);
    QVERIFY(!up.isValid(40, 2));  // source frame 10
    QVERIFY(!up.isValid(39, 2));  // blends frames 9 and 10
    QVERIFY(up.isValid(44, 2));
    const Clip down = resample(c, 15);
    QCOMPARE(down.frameCount(), 16);
    QVERIFY(angleBetween(down.rotation(3, 1), c.rotation(6, 1)) < 1e-12);
    QVERIFY(down.validate().empty());
  }
};

QTEST_APPLESS_MAIN(TestClip)
#include "tst_clip.moc"
