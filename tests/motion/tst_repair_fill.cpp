// Gap filling and in-betweening: exact where the answer is known (lines,
// steady turns, cubics, mirrored limbs), better than the linear baseline on
// curved motion, bit-identical outside what they fill, errors instead of
// changes for bad arguments.
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/kinematics.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"
#include "motion/repair/tangentspace.h"
#include "motion/rotations.h"
#include "testutil_repair.h"

#include <QtTest>

#include <cmath>

using namespace mm;
using namespace mm::testrepair;

Q_DECLARE_METATYPE(mm::FillMethod)
Q_DECLARE_METATYPE(mm::InbetweenMethod)

namespace {

Eigen::Quaterniond rotationOf(const Eigen::Vector3d& axis, double degrees) {
  return Eigen::Quaterniond(Eigen::AngleAxisd(degToRad(degrees), axis.normalized()));
}

// Every joint turns at its own constant body-frame angular velocity (at
// most 90 deg/s) from its own start; the root moves in a straight line.
Clip steadyClip(double fps, double seconds) {
  const int frames = static_cast<int>(std::lround(fps * seconds));
  Clip c(humanoid(), frames, fps);
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps;
    c.translation(f, 0) = Eigen::Vector3d(-20, 95, 10) + t * Eigen::Vector3d(40, 5, 120);
    for (int j = 0; j < c.jointCount(); ++j) {
      const Eigen::Vector3d w = degToRad(30.0 + 3.0 * j) * Eigen::Vector3d(1, 0.3 * j, 2 - 0.1 * j).normalized();
      c.rotation(f, j) = rotationOf(Eigen::Vector3d(j, 1, 1), 5.0 * j) * quatExp(w * t);
    }
  }
  c.makeSignContinuous();
  return c;
}

// Smooth curved motion: the root walks round a circle, every joint swings
// through sinusoids about all three axes.
Clip curvedClip(double fps, double seconds) {
  const int frames = static_cast<int>(std::lround(fps * seconds));
  Clip c(humanoid(), frames, fps);
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps;
    const double a = 2 * kPi * 0.3 * t;
    c.translation(f, 0) = Eigen::Vector3d(150 * std::cos(a), 95 + 3 * std::sin(2 * kPi * 1.1 * t), 150 * std::sin(a));
    for (int j = 0; j < c.jointCount(); ++j) {
      const double p = 0.9 * j;
      c.rotation(f, j) = eulerToQuat(Eigen::Vector3d(degToRad(35 * std::sin(2 * kPi * 0.7 * t + p)),
                                                     degToRad(20 * std::sin(2 * kPi * 0.5 * t + 2 * p)),
                                                     degToRad(25 * std::cos(2 * kPi * 0.9 * t + p))),
                                     EulerOrder::ZXY);
    }
  }
  c.makeSignContinuous();
  return c;
}

// curvedClip with every right-limb rotation the mirror image (through x = 0,
// the humanoid's plane of symmetry) of its left partner's.
Clip mirroredClip(double fps, double seconds) {
  Clip c = curvedClip(fps, seconds);
  const Skeleton& s = c.skeleton();
  for (int j = 0; j < c.jointCount(); ++j) {
    const std::string& name = s.name(j);
    if (name.size() < 2 || name.compare(name.size() - 2, 2, "_R") != 0) continue;
    const int left = s.findJoint(name.substr(0, name.size() - 2) + "_L");
    for (int f = 0; f < c.frameCount(); ++f) c.rotation(f, j) = mirrorRotation(c.rotation(f, left), 0);
  }
  c.makeSignContinuous();
  return c;
}

// Largest rotation angle (radians) and largest translation error relative
// to max(|value|, 1) over frames [begin, end) of every joint.
struct Difference {
  double angle = 0.0;
  double translation = 0.0;
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

// Mean global joint position error (metres) over frames [begin, end).
double meanPositionError(const Clip& a, const Clip& b, int begin, int end) {
  GlobalPoses pa, pb;
  ForwardKinematicsJob{&a, begin, end, &pa}.run();
  ForwardKinematicsJob{&b, begin, end, &pb}.run();
  double sum = 0.0;
  for (int f = 0; f < end - begin; ++f)
    for (int j = 0; j < a.jointCount(); ++j) sum += (pa.position(f, j) - pb.position(f, j)).norm();
  return sum / ((end - begin) * a.jointCount()) / a.unitsPerMeter();
}

// RMS over frames [begin, end) of joint j: degrees, and file units of the track.
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

// Marks joint j missing over [begin, end) and overwrites its values with
// junk, as a reader or the corruption lab leaves them.
void punch(Clip& c, int j, int begin, int end) {
  for (int f = begin; f < end; ++f) {
    c.setValid(f, j, false);
    c.rotation(f, j) = rotationOf(Eigen::Vector3d(1, 1, 0), 77.0);
    if (c.hasTrack(j)) c.translation(f, j) = Eigen::Vector3d(1e3, -1e3, 5);
  }
}

GapFillOptions withMethod(FillMethod m) {
  GapFillOptions o;
  o.method = m;
  return o;
}

}  // namespace

class TestRepairFill : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // LERP keeps a straight line, SLERP a constant angular velocity; the
  // cubic fill, whose velocities are fitted to the context, does too.
  void steadyMotionExact_data() {
    QTest::addColumn<FillMethod>("method");
    QTest::newRow("linear") << FillMethod::Linear;
    QTest::newRow("cubic") << FillMethod::Cubic;
  }
  void steadyMotionExact() {
    QFETCH(FillMethod, method);
    const Clip clean = steadyClip(30.0, 3.0);
    const Skeleton& s = clean.skeleton();
    Clip c = clean;
    punch(c, 0, 20, 35);
    punch(c, s.findJoint("UpperArm_L"), 40, 60);
    punch(c, s.findJoint("Hand_R"), 10, 12);
    const FillMask mask = FillMask::fromMissing(c);
    QCOMPARE(mask.count(), 15 + 20 + 2);
    const GapFillResult r = fillGaps(c, mask, withMethod(method));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.gaps, 3);
    QCOMPARE(r.filledSamples, 37);
    QCOMPARE(r.unfilledSamples, 0);
    QVERIFY(!c.hasMissing());
    const Difference d = difference(c, clean, 0, clean.frameCount());
    QVERIFY2(d.angle < 1e-9 && d.translation < 1e-9, qPrintable(QString("%1 %2").arg(d.angle).arg(d.translation)));
    QVERIFY(c.validate().empty());
  }

  // Hermite with exact end velocities reproduces a cubic; a cubic fit to the
  // context gives them. The default quadratic fit is close.
  void cubicReproducesCubic() {
    const double fps = 30.0;
    Clip clean(humanoid(), 90, fps);
    for (int f = 0; f < 90; ++f) {
      const double t = f / fps;
      clean.translation(f, 0) = Eigen::Vector3d(0, 95, 0) + t * Eigen::Vector3d(30, 0, -20) +
                                t * t * Eigen::Vector3d(-15, 8, 10) + t * t * t * Eigen::Vector3d(6, -3, 4);
    }
    FillMask mask(90, clean.jointCount());
    QVERIFY(mask.mark({30, 50}, {0}));
    Clip cubic3 = clean, cubic2 = clean, linear = clean;
    GapFillOptions o = withMethod(FillMethod::Cubic);
    o.velocityDegree = 3;
    QVERIFY(fillGaps(cubic3, mask, o).ok());
    QVERIFY(fillGaps(cubic2, mask, withMethod(FillMethod::Cubic)).ok());
    QVERIFY(fillGaps(linear, mask, withMethod(FillMethod::Linear)).ok());
    QVERIFY(difference(cubic3, clean, 0, 90).translation < 1e-9);
    const double e2 = rmsTranslation(cubic2, clean, 0, 30, 50), eLin = rmsTranslation(linear, clean, 0, 30, 50);
    qInfo("cubic polynomial, RMS error: quadratic velocity fit %.4f cm, linear fill %.4f cm", e2, eLin);
    QVERIFY(e2 < 0.05 * eLin);
  }

  void cubicBeatsLinearOnSine() {
    const Clip clean = curvedClip(30.0, 4.0);
    const int j = clean.skeleton().findJoint("LowerArm_L");
    FillMask mask(clean.frameCount(), clean.jointCount());
    QVERIFY(mask.mark({40, 52}, {0, j}));
    Clip cubic = clean, linear = clean;
    QVERIFY(fillGaps(cubic, mask, withMethod(FillMethod::Cubic)).ok());
    QVERIFY(fillGaps(linear, mask, withMethod(FillMethod::Linear)).ok());
    const double rc = rmsAngle(cubic, clean, j, 40, 52), rl = rmsAngle(linear, clean, j, 40, 52);
    const double tc = rmsTranslation(cubic, clean, 0, 40, 52), tl = rmsTranslation(linear, clean, 0, 40, 52);
    qInfo("sine gap of 0.4 s: rotation RMS cubic %.3f vs linear %.3f deg; root cubic %.3f vs linear %.3f cm", rc, rl,
          tc, tl);
    QVERIFY(rc < 0.25 * rl);
    QVERIFY(tc < 0.25 * tl);
  }

  // On a mirror-symmetric motion the mirrored partner's motion is the
  // missing limb's own: the pattern fill reproduces it, at clip ends too.
  void patternMirroredDonor() {
    const Clip clean = mirroredClip(30.0, 3.0);
    const Skeleton& s = clean.skeleton();
    const BodyPartMap parts = BodyPartMap::detect(s);
    const std::vector<PatternDonor> donors = mirroredLimbDonors(s, parts);
    QCOMPARE(donors.size(), size_t(2 * (4 + 4)));
    for (const PatternDonor& d : donors) QCOMPARE(d.mirrorAxis, 0);

    Clip c = clean;
    for (int j : parts.jointsOf(BodyPart::LeftArm)) punch(c, j, 20, 50);
    for (int j : parts.jointsOf(BodyPart::RightLeg)) punch(c, j, 60, 75);
    punch(c, s.findJoint("Hand_L"), 0, 10);                 // touches the start
    punch(c, s.findJoint("Foot_R"), 80, c.frameCount());  // touches the end
    punch(c, s.findJoint("Spine"), 10, 20);                 // torso: no donor
    GapFillOptions o = withMethod(FillMethod::Pattern);
    o.donors = donors;
    const GapFillResult r = fillGaps(c, FillMask::fromMissing(c), o);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.fallbackGaps, 1);
    QVERIFY(!c.hasMissing());
    for (BodyPart p : {BodyPart::LeftArm, BodyPart::RightLeg})
      for (int j : parts.jointsOf(p))
        for (int f = 0; f < c.frameCount(); ++f)
          QVERIFY2(angleBetween(c.rotation(f, j), clean.rotation(f, j)) < 1e-9,
                   qPrintable(QString("frame %1 joint %2").arg(f).arg(s.name(j).c_str())));

    // Pattern against the plain cubic fill on the same arm gap.
    Clip cubic = clean;
    for (int j : parts.jointsOf(BodyPart::LeftArm)) punch(cubic, j, 20, 50);
    QVERIFY(fillGaps(cubic, FillMask::fromMissing(cubic), withMethod(FillMethod::Cubic)).ok());
    QVERIFY(meanPositionError(cubic, clean, 20, 50) > 1e-3);  // a millimetre or more: cubic cannot know
  }

  // When the donor does not move like the missing limb, the fill still meets
  // both boundaries: each frame's step is at most the donor's step plus an
  // even share of the boundary mismatch.
  void patternJoinsBoundaries() {
    const Clip clean = curvedClip(30.0, 3.0);
    const Skeleton& s = clean.skeleton();
    const BodyPartMap parts = BodyPartMap::detect(s);
    Clip c = clean;
    for (int j : parts.jointsOf(BodyPart::LeftArm)) punch(c, j, 30, 50);
    GapFillOptions o = withMethod(FillMethod::Pattern);
    o.donors = mirroredLimbDonors(s, parts);
    QVERIFY(fillGaps(c, FillMask::fromMissing(c), o).ok());
    for (const PatternDonor& d : o.donors) {
      if (parts.part(d.target) != BodyPart::LeftArm) continue;
      auto donor = [&](int f) { return mirrorRotation(c.rotation(f, d.donor), d.mirrorAxis); };
      auto offset = [&](int f) { return Eigen::Quaterniond(donor(f).conjugate() * c.rotation(f, d.target)); };
      const double share = angleBetween(offset(29), offset(50)) / 21.0;
      for (int f = 29; f < 50; ++f) {
        const double step = angleBetween(c.rotation(f, d.target), c.rotation(f + 1, d.target));
        QVERIFY(step <= angleBetween(donor(f), donor(f + 1)) + share + 1e-9);
      }
      QVERIFY(sameBits(c.rotation(29, d.target), clean.rotation(29, d.target)));
      QVERIFY(sameBits(c.rotation(50, d.target), clean.rotation(50, d.target)));
    }
  }

  // A donor missing over the gap cannot help: that gap is filled as Cubic.
  void patternFallsBack() {
    const Clip clean = curvedClip(30.0, 3.0);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    Clip c = clean, cubic = clean;
    for (BodyPart p : {BodyPart::LeftArm, BodyPart::RightArm})
      for (int j : parts.jointsOf(p)) {
        punch(c, j, 30, 45);
        punch(cubic, j, 30, 45);
      }
    GapFillOptions o = withMethod(FillMethod::Pattern);
    o.donors = mirroredLimbDonors(clean.skeleton(), parts);
    const GapFillResult r = fillGaps(c, FillMask::fromMissing(c), o);
    QVERIFY(r.ok());
    QCOMPARE(r.fallbackGaps, 8);
    QVERIFY(fillGaps(cubic, FillMask::fromMissing(cubic), withMethod(FillMethod::Cubic)).ok());
    QVERIFY(sameClip(c, cubic));
  }

  // Gaps at the clip's ends hold the nearest known value.
  void edgeGapsHold_data() {
    QTest::addColumn<FillMethod>("method");
    QTest::newRow("linear") << FillMethod::Linear;
    QTest::newRow("cubic") << FillMethod::Cubic;
  }
  void edgeGapsHold() {
    QFETCH(FillMethod, method);
    const Clip clean = curvedClip(30.0, 3.0);
    const int F = clean.frameCount(), hand = clean.skeleton().findJoint("Hand_L"), spine = 1;
    Clip c = clean;
    punch(c, 0, 0, 10);
    punch(c, hand, 0, 10);
    punch(c, spine, F - 10, F);
    QVERIFY(fillGaps(c, FillMask::fromMissing(c), withMethod(method)).ok());
    for (int f = 0; f < 10; ++f) {
      QVERIFY(sameBits(c.translation(f, 0), clean.translation(10, 0)));
      QVERIFY(sameBits(c.rotation(f, 0), clean.rotation(10, 0)));
      QVERIFY(sameBits(c.rotation(f, hand), clean.rotation(10, hand)));
    }
    for (int f = F - 10; f < F; ++f) QVERIFY(sameBits(c.rotation(f, spine), clean.rotation(F - 11, spine)));
    QVERIFY(!c.hasMissing());
  }

  // Unmarked samples keep their bits, validity included; a joint with no
  // known frame is reported and left alone.
  void fillTouchesOnlyMarked() {
    const Clip clean = curvedClip(30.0, 3.0);
    Clip c = clean;
    punch(c, 3, 0, c.frameCount());  // never known
    for (int j : {0, 2, 7, 12, 17})
      for (int k = 0; k < 3; ++k) punch(c, j, 5 + 23 * k + j, 9 + 23 * k + 2 * j);
    const Clip before = c;
    const FillMask mask = FillMask::fromMissing(c);
    const GapFillResult r = fillGaps(c, mask, withMethod(FillMethod::Cubic));
    QVERIFY(r.ok());
    QCOMPARE(r.unfilledSamples, c.frameCount());
    QCOMPARE(r.filledSamples + r.unfilledSamples, mask.count());
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        if (!mask.at(f, j) || j == 3) QVERIFY(sameSample(c, before, f, j));
        if (mask.at(f, j) && j != 3) QVERIFY(c.isValid(f, j));
      }
    QCOMPARE(c.missingCount(), c.frameCount());
  }

  void fillBadArguments() {
    const Clip clean = curvedClip(30.0, 2.0);
    Clip c = clean;
    const FillMask mask = [&] {
      FillMask m(c.frameCount(), c.jointCount());
      m.mark({10, 20}, {7});
      return m;
    }();
    QVERIFY(!fillGaps(c, FillMask(c.frameCount() - 1, c.jointCount()), {}).ok());
    QVERIFY(!fillGaps(c, FillMask(c.frameCount(), c.jointCount() + 1), {}).ok());
    QVERIFY(!fillGaps(c, mask, withMethod(FillMethod::Pattern)).ok());  // no donors
    GapFillOptions o = withMethod(FillMethod::Pattern);
    o.donors = {{7, c.jointCount(), -1}};
    QVERIFY(!fillGaps(c, mask, o).ok());
    o.donors = {{-1, 3, -1}};
    QVERIFY(!fillGaps(c, mask, o).ok());
    o.donors = {{7, 7, -1}};
    QVERIFY(!fillGaps(c, mask, o).ok());
    o.donors = {{7, 11, 3}};
    QVERIFY(!fillGaps(c, mask, o).ok());
    o.donors = {{7, 11, 0}, {7, 12, 0}};
    QVERIFY(!fillGaps(c, mask, o).ok());
    GapFillOptions v;
    v.velocityDegree = 0;
    QVERIFY(!fillGaps(c, mask, v).ok());
    v.velocityDegree = 4;
    QVERIFY(!fillGaps(c, mask, v).ok());
    v = {};
    v.contextSeconds = 0.0;
    QVERIFY(!fillGaps(c, mask, v).ok());
    QVERIFY(sameClip(c, clean));
    FillMask m(c.frameCount(), c.jointCount());
    QVERIFY(!m.mark({10, 5}, {1}));
    QVERIFY(!m.mark({0, c.frameCount() + 1}, {1}));
    QVERIFY(!m.mark({0, 5}, {c.jointCount()}));
    QCOMPARE(m.count(), 0);
  }

  void inbetweenKeepsOtherFrames_data() {
    QTest::addColumn<InbetweenMethod>("method");
    QTest::newRow("slerp_lerp") << InbetweenMethod::SlerpLerp;
    QTest::newRow("hermite") << InbetweenMethod::Hermite;
  }
  void inbetweenKeepsOtherFrames() {
    QFETCH(InbetweenMethod, method);
    Clip c = curvedClip(30.0, 3.0);
    c.setValid(5, 4, false);
    c.setValid(35, 4, false);  // inside: regenerated and valid
    c.setValid(70, 9, false);
    const Clip before = c;
    InbetweenOptions o;
    o.method = method;
    QVERIFY(inbetween(c, {30, 45}, o).ok());
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        if (f < 30 || f >= 45) QVERIFY(sameSample(c, before, f, j));
        else QVERIFY(c.isValid(f, j));
      }
    QCOMPARE(c.missingCount(), 2);
    QVERIFY(c.validate().empty());
  }

  void inbetweenSteadyMotionExact() {
    const Clip clean = steadyClip(30.0, 3.0);
    for (InbetweenMethod m : {InbetweenMethod::SlerpLerp, InbetweenMethod::Hermite}) {
      Clip c = clean;
      InbetweenOptions o;
      o.method = m;
      QVERIFY(inbetween(c, {25, 50}, o).ok());
      const Difference d = difference(c, clean, 0, c.frameCount());
      QVERIFY(d.angle < 1e-9 && d.translation < 1e-9);
    }
  }

  void hermiteBeatsSlerpLerp() {
    const Clip clean = curvedClip(30.0, 4.0);
    for (FrameRange r : {FrameRange{30, 40}, FrameRange{60, 75}}) {
      Clip base = clean, hermite = clean;
      InbetweenOptions o;
      o.method = InbetweenMethod::SlerpLerp;
      QVERIFY(inbetween(base, r, o).ok());
      o.method = InbetweenMethod::Hermite;
      QVERIFY(inbetween(hermite, r, o).ok());
      const double eb = meanPositionError(base, clean, r.start, r.end);
      const double eh = meanPositionError(hermite, clean, r.start, r.end);
      qInfo("in-between [%d, %d): mean joint error SLERP/LERP %.2f cm, Hermite %.2f cm", r.start, r.end, 100 * eb,
            100 * eh);
      QVERIFY(eh < 0.3 * eb);
    }
  }

  void inbetweenAtClipEndsHolds() {
    const Clip clean = curvedClip(30.0, 2.0);
    const int F = clean.frameCount();
    Clip c = clean;
    QVERIFY(inbetween(c, {0, 10}).ok());
    QVERIFY(inbetween(c, {F - 5, F}).ok());
    for (int j = 0; j < c.jointCount(); ++j) {
      for (int f = 0; f < 10; ++f) QVERIFY(sameBits(c.rotation(f, j), clean.rotation(10, j)));
      for (int f = F - 5; f < F; ++f) QVERIFY(sameBits(c.rotation(f, j), clean.rotation(F - 6, j)));
    }
    QVERIFY(sameBits(c.translation(3, 0), clean.translation(10, 0)));
    QVERIFY(sameBits(c.translation(F - 1, 0), clean.translation(F - 6, 0)));
  }

  void inbetweenBadArguments() {
    const Clip clean = curvedClip(30.0, 2.0);
    const int F = clean.frameCount();
    Clip c = clean;
    QVERIFY(!inbetween(c, {-1, 5}).ok());
    QVERIFY(!inbetween(c, {5, F + 1}).ok());
    QVERIFY(!inbetween(c, {5, 5}).ok());
    QVERIFY(!inbetween(c, {8, 5}).ok());
    QVERIFY(!inbetween(c, {0, F}).ok());
    InbetweenOptions o;
    o.velocityDegree = 5;
    QVERIFY(!inbetween(c, {5, 10}, o).ok());
    o = {};
    o.contextSeconds = -1;
    QVERIFY(!inbetween(c, {5, 10}, o).ok());
    QVERIFY(sameClip(c, clean));
  }

  // The real fixture (the first 40 frames of a kick, 30 fps, centimetres):
  // a third of a second of the right leg filled stays within a centimetre of
  // the capture; short whole-body in-betweens are closer with Hermite than
  // with SLERP/LERP.
  void bandaiFixture() {
    const Clip clean = bandaiKick40();
    QCOMPARE(clean.frameCount(), 40);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    for (FillMethod m : {FillMethod::Linear, FillMethod::Cubic}) {
      Clip c = clean;
      for (int j : parts.jointsOf(BodyPart::RightLeg)) punch(c, j, 15, 25);
      const GapFillResult r = fillGaps(c, FillMask::fromMissing(c), withMethod(m));
      QVERIFY(r.ok());
      QCOMPARE(r.filledSamples, 40);
      QVERIFY(!c.hasMissing());
      const double e = meanPositionError(c, clean, 15, 25);
      qInfo("kick, right leg missing [15, 25), %s fill: mean joint error %.2f cm", fillMethodName(m), 100 * e);
      QVERIFY(e < 0.01);
    }
    // In-between spans of 0.2-0.33 s (over longer ones of this take the
    // motion turns back within the span, and neither method can know).
    double err[2] = {0.0, 0.0};
    for (InbetweenMethod m : {InbetweenMethod::SlerpLerp, InbetweenMethod::Hermite})
      for (FrameRange r : {FrameRange{5, 15}, FrameRange{12, 18}, FrameRange{20, 26}}) {
        Clip c = clean;
        InbetweenOptions o;
        o.method = m;
        QVERIFY(inbetween(c, r, o).ok());
        for (int f = 0; f < 40; ++f)
          if (!r.contains(f))
            for (int j = 0; j < c.jointCount(); ++j) QVERIFY(sameSample(c, clean, f, j));
        err[static_cast<int>(m)] += meanPositionError(c, clean, r.start, r.end) / 3.0;
      }
    qInfo("kick, in-between: mean joint error SLERP/LERP %.2f cm, Hermite %.2f cm", 100 * err[0], 100 * err[1]);
    QVERIFY(err[1] < 0.7 * err[0]);
  }

  // Velocity horizon: a vanishing horizon turns Cubic into Linear; a
  // horizon far longer than the gap leaves it the plain Hermite; in between
  // the fill lies between the two.
  void velocityHorizon() {
    const Clip clean = curvedClip(30.0, 4.0);
    const int j = clean.skeleton().findJoint("LowerArm_L");
    FillMask mask(clean.frameCount(), clean.jointCount());
    QVERIFY(mask.mark({30, 75}, {0, j}));  // 1.5 s
    Clip linear = clean, plain = clean, tiny = clean, huge = clean, half = clean;
    QVERIFY(fillGaps(linear, mask, withMethod(FillMethod::Linear)).ok());
    QVERIFY(fillGaps(plain, mask, withMethod(FillMethod::Cubic)).ok());
    GapFillOptions o = withMethod(FillMethod::Cubic);
    o.velocityHorizonSeconds = 1e-9;
    QVERIFY(fillGaps(tiny, mask, o).ok());
    o.velocityHorizonSeconds = 1e9;
    QVERIFY(fillGaps(huge, mask, o).ok());
    o.velocityHorizonSeconds = 0.5;
    QVERIFY(fillGaps(half, mask, o).ok());
    QVERIFY(difference(tiny, linear, 30, 75).angle < 1e-9);
    QVERIFY(difference(tiny, linear, 30, 75).translation < 1e-9);
    QVERIFY(difference(huge, plain, 30, 75).angle < 1e-9);
    QVERIFY(difference(huge, plain, 30, 75).translation < 1e-9);
    const double toLinear = difference(half, linear, 30, 75).angle, toPlain = difference(half, plain, 30, 75).angle;
    const double span = difference(plain, linear, 30, 75).angle;
    QVERIFY(toLinear > 0 && toPlain > 0 && toLinear < span && toPlain < span);
    o.velocityHorizonSeconds = -1;
    QVERIFY(!fillGaps(half, mask, o).ok());
  }

  // A bracketing frame with no known neighbour gives no velocity: the
  // straight path's is used, so steady motion is still filled exactly.
  void isolatedKnownFrames() {
    const Clip clean = steadyClip(30.0, 3.0);
    FillMask mask(clean.frameCount(), clean.jointCount());
    std::vector<int> all(clean.jointCount());
    for (int j = 0; j < clean.jointCount(); ++j) all[j] = j;
    // Known: ..., 19, then 25 alone, then 31, ... (each gap's far side is
    // an isolated frame).
    QVERIFY(mask.mark({20, 25}, all));
    QVERIFY(mask.mark({26, 31}, all));
    Clip c = clean;
    QVERIFY(fillGaps(c, mask, withMethod(FillMethod::Cubic)).ok());
    const Difference d = difference(c, clean, 20, 31);
    QVERIFY2(d.angle < 1e-9 && d.translation < 1e-9, qPrintable(QString("%1 %2").arg(d.angle).arg(d.translation)));
  }
};

QTEST_APPLESS_MAIN(TestRepairFill)
#include "tst_repair_fill.moc"
