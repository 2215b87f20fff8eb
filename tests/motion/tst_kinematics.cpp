#include "motion/kinematics.h"
#include "motion/rotations.h"

#include <QtTest>

using namespace mm;

namespace {
// Root at (1,2,3) -> elbow offset (0,10,0) -> wrist offset (5,0,0) -> tip (0,0,2).
Clip armClip() {
  Skeleton s;
  s.addJoint("root", Skeleton::kNoParent, Eigen::Vector3d(1, 2, 3));
  s.addJoint("elbow", 0, Eigen::Vector3d(0, 10, 0));
  s.addJoint("wrist", 1, Eigen::Vector3d(5, 0, 0));
  s.addJoint("tip", 2, Eigen::Vector3d(0, 0, 2));
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  return Clip(s, 3, 30.0);
}
bool near(const Eigen::Vector3d& a, const Eigen::Vector3d& b, double tol = 1e-12) { return (a - b).norm() < tol; }
}  // namespace

class TestKinematics : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void restPose() {
    const Clip c = armClip();
    const GlobalPoses g = computeGlobalPoses(c);
    QCOMPARE(g.frames, 3);
    QCOMPARE(g.joints, 4);
    QVERIFY(near(g.position(0, 0), {1, 2, 3}));
    QVERIFY(near(g.position(2, 1), {1, 12, 3}));
    QVERIFY(near(g.position(1, 3), {6, 12, 5}));
  }

  // Values worked out by hand.
  void handComputed() {
    Clip c = armClip();
    // Frame 1: root moves to (0,0,0) and turns 90 deg about Z: the elbow's
    // offset (0,10,0) becomes (-10,0,0). Elbow turns 90 deg about Y: the
    // wrist offset (5,0,0) is first turned by Ry(90) -> (0,0,-5), then by
    // Rz(90) (which leaves Z alone) -> (0,0,-5). Tip (0,0,2): Ry(90) ->
    // (2,0,0), Rz(90) -> (0,2,0).
    c.translation(1, 0) = Eigen::Vector3d::Zero();
    c.rotation(1, 0) = Eigen::Quaterniond(Eigen::AngleAxisd(kPi / 2, Eigen::Vector3d::UnitZ()));
    c.rotation(1, 1) = Eigen::Quaterniond(Eigen::AngleAxisd(kPi / 2, Eigen::Vector3d::UnitY()));
    const GlobalPoses g = computeGlobalPoses(c);
    QVERIFY(near(g.position(1, 0), {0, 0, 0}));
    QVERIFY(near(g.position(1, 1), {-10, 0, 0}));
    QVERIFY(near(g.position(1, 2), {-10, 0, -5}));
    QVERIFY(near(g.position(1, 3), {-10, 2, -5}));
    // Global rotation of the wrist is the product of its ancestors'.
    const Eigen::Quaterniond expected = c.rotation(1, 0) * c.rotation(1, 1);
    QVERIFY(angleBetween(g.rotation(1, 2), expected) < 1e-12);
    // Other frames unchanged.
    QVERIFY(near(g.position(0, 3), {6, 12, 5}));
  }

  // Translation tracks on non-root joints replace the offset.
  void translationTrack() {
    Clip c = armClip();
    c.addTrack(2);
    c.translation(2, 2) = Eigen::Vector3d(7, 0, 0);
    const GlobalPoses g = computeGlobalPoses(c);
    QVERIFY(near(g.position(2, 2), {8, 12, 3}));
    QVERIFY(near(g.position(0, 2), {6, 12, 3}));
  }

  void frameRange() {
    Clip c = armClip();
    c.translation(2, 0) = Eigen::Vector3d(100, 0, 0);
    GlobalPoses g;
    ForwardKinematicsJob job{&c, 1, 3, &g};
    QVERIFY(job.run());
    QCOMPARE(g.frames, 2);
    QVERIFY(near(g.position(1, 0), {100, 0, 0}));
  }

  // Validity: each required input removed in turn fails.
  void jobValidation() {
    Clip c = armClip();
    GlobalPoses g;
    QVERIFY((ForwardKinematicsJob{&c, 0, -1, &g}.validate()));
    QVERIFY(!(ForwardKinematicsJob{nullptr, 0, -1, &g}.run()));
    QVERIFY(!(ForwardKinematicsJob{&c, 0, -1, nullptr}.run()));
    QVERIFY(!(ForwardKinematicsJob{&c, 2, 1, &g}.run()));
    QVERIFY(!(ForwardKinematicsJob{&c, 0, 4, &g}.run()));
    QVERIFY(!(ForwardKinematicsJob{&c, -1, 2, &g}.run()));
  }

  // SoA layout: joint-major, a joint's frames are contiguous.
  void layout() {
    Clip c = armClip();
    for (int f = 0; f < 3; ++f) c.translation(f, 0) = Eigen::Vector3d(f, 0, 0);
    const GlobalPoses g = computeGlobalPoses(c);
    QCOMPARE(g.px[g.index(0, 0)], 0.0);
    QCOMPARE(g.px[1], 1.0);
    QCOMPARE(g.px[2], 2.0);
    QCOMPARE(g.index(1, 2), size_t(2 * 3 + 1));
  }
};

QTEST_APPLESS_MAIN(TestKinematics)
#include "tst_kinematics.moc"
