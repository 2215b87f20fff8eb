// Artifact repair (motion/repair/artifactrepair): each artifact type is
// repaired from its neighbours, only the span's frames and parts change (bit
// for bit elsewhere), what was done is reported, and bad input changes
// nothing.
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/kinematics.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/footcontact.h"
#include "motion/rotations.h"
#include "testutil_repair.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>

using namespace mm;
using namespace mm::testrepair;

namespace {

Eigen::Quaterniond rx(double d) { return axisQuatDegrees(0, d); }
Eigen::Quaterniond ry(double d) { return axisQuatDegrees(1, d); }

// A walk in place on the test humanoid (Y up, centimetres): arms swing,
// each foot is planted flat for half of a 2 s cycle (the right over [0, 1) s,
// the left over [1, 2) s, ...), the pelvis bobs 1 cm.
Clip walkClip(double fps = 30.0, double seconds = 6.0) {
  const Skeleton s = humanoid();
  const int frames = static_cast<int>(std::lround(seconds * fps));
  Clip c(s, frames, fps);
  auto j = [&](const std::string& name) { return s.findJoint(name); };
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps, w = 2.0 * kPi * t, phase = std::sin(0.5 * w);
    const double l = std::max(0.0, phase), r = std::max(0.0, -phase);
    c.translation(f, 0) = Eigen::Vector3d(0, 95 + std::sin(w), 0);
    c.rotation(f, 0) = ry(3 * std::sin(0.25 * w));
    c.rotation(f, j("Spine")) = rx(4 * std::sin(0.7 * w));
    c.rotation(f, j("Head")) = ry(20 * std::sin(0.3 * w));
    c.rotation(f, j("UpperArm_L")) = ry(25 * std::sin(0.5 * w)) * axisQuatDegrees(2, -70);
    c.rotation(f, j("UpperArm_R")) = ry(25 * std::sin(0.5 * w)) * axisQuatDegrees(2, 70);
    c.rotation(f, j("LowerArm_L")) = ry(30 + 20 * std::sin(0.5 * w + 1));
    c.rotation(f, j("LowerArm_R")) = ry(-30 - 20 * std::sin(0.5 * w + 1));
    for (const auto& [sfx, lift] : {std::pair{"_L", l}, std::pair{"_R", r}}) {
      c.rotation(f, j(std::string("UpperLeg") + sfx)) = rx(-17 - 30 * lift);
      c.rotation(f, j(std::string("LowerLeg") + sfx)) = rx(35 + 40 * lift);
      c.rotation(f, j(std::string("Foot") + sfx)) = rx(-18 - 10 * lift);
      c.rotation(f, j(std::string("Toes") + sfx)) = rx(15 * lift);
    }
  }
  c.makeSignContinuous();
  return c;
}

std::uint8_t bit(BodyPart p) { return static_cast<std::uint8_t>(1u << bodyPartIndex(p)); }

ArtifactSpan spanOf(ArtifactType type, int start, int end, std::uint8_t parts) {
  ArtifactSpan s;
  s.type = type;
  s.start = start;
  s.end = end;
  s.partMask = parts;
  s.severity = 1.0;
  return s;
}

// True if every sample outside frames `range` or outside `joints` is bit-identical.
bool onlyChanged(const Clip& a, const Clip& b, FrameRange range, const std::vector<int>& joints, QString* where) {
  std::vector<bool> allowed(a.jointCount(), false);
  for (int j : joints) allowed[j] = true;
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < a.jointCount(); ++j) {
      if (range.contains(f) && allowed[j]) continue;
      if (!sameSample(a, b, f, j)) {
        *where = QString("frame %1 joint %2 (%3)").arg(f).arg(j).arg(QString::fromStdString(a.skeleton().name(j)));
        return false;
      }
    }
  return true;
}

// Largest rotation difference (degrees) of `joints` over `range`.
double maxAngle(const Clip& a, const Clip& b, FrameRange range, const std::vector<int>& joints) {
  double worst = 0;
  for (int f = range.start; f < range.end; ++f)
    for (int j : joints) worst = std::max(worst, radToDeg(angleBetween(a.rotation(f, j), b.rotation(f, j))));
  return worst;
}

// Largest global position difference (metres) over `range`, all joints.
double maxPositionError(const Clip& a, const Clip& b, FrameRange range) {
  GlobalPoses pa, pb;
  ForwardKinematicsJob{&a, range.start, range.end, &pa}.run();
  ForwardKinematicsJob{&b, range.start, range.end, &pb}.run();
  double worst = 0;
  for (int f = 0; f < range.length(); ++f)
    for (int j = 0; j < a.jointCount(); ++j) worst = std::max(worst, (pa.position(f, j) - pb.position(f, j)).norm());
  return worst / a.unitsPerMeter();
}

}  // namespace

class TestArtifactRepair : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // A pop on one joint's rotation: only that joint's rotation over the pop
  // is regenerated, close to the original; the report names it.
  void popOnOneJoint() {
    const Clip clean = walkClip();
    const int elbow = clean.skeleton().findJoint("LowerArm_L");
    Clip c = clean;
    for (int f = 40; f < 42; ++f) c.rotation(f, elbow) = alignSign(c.rotation(f, elbow) * ry(40), c.rotation(f - 1, elbow));
    const Clip popped = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Pop, 40, 42, bit(BodyPart::LeftArm)));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Inbetween);
    QCOMPARE(r.jointsChanged, 1);
    QCOMPARE(r.edited.start, 40);
    QCOMPARE(r.edited.end, 42);
    QVERIFY2(QString::fromStdString(r.detail).contains("LowerArm_L rotation"), r.detail.c_str());
    QString where;
    QVERIFY2(onlyChanged(c, popped, {40, 42}, {elbow}, &where), qPrintable(where));
    QVERIFY(!sameBits(c.rotation(40, elbow), popped.rotation(40, elbow)));
    QVERIFY2(maxAngle(c, clean, {40, 42}, {elbow}) < 1.0, qPrintable(QString::number(maxAngle(c, clean, {40, 42}, {elbow}))));
    // The hand moved with the forearm: 40 degrees over 25 cm, 2 x 0.25 x sin(20 deg) = 0.17 m.
    QVERIFY2(r.maxChangeMeters > 0.1 && r.maxChangeMeters < 0.25, qPrintable(QString::number(r.maxChangeMeters)));
  }

  // A root pop (all five parts flagged): only the root's translation changes.
  void rootPop() {
    const Clip clean = walkClip();
    Clip c = clean;
    c.translation(50, 0) += Eigen::Vector3d(0, 0, 25);
    const Clip popped = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Pop, 50, 51, 0x1f));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.jointsChanged, 1);
    QVERIFY(sameBits(c.rotation(50, 0), popped.rotation(50, 0)));  // the root's rotation is not touched
    QVERIFY((c.translation(50, 0) - clean.translation(50, 0)).norm() < 0.05);  // cm
    QString where;
    QVERIFY2(onlyChanged(c, popped, {50, 51}, {0}, &where), qPrintable(where));
    QVERIFY(std::abs(r.maxChangeMeters - 0.25) < 0.01);
  }

  // Frozen frames of every part: regenerated from the motion around them.
  void frozen() {
    const Clip clean = walkClip();
    Clip c = clean;
    for (int f = 60; f < 66; ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        c.rotation(f, j) = c.rotation(59, j);
        if (c.hasTrack(j)) c.translation(f, j) = c.translation(59, j);
      }
    const Clip held = c;
    RepairOptions o;
    o.lockFeetAfter = false;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Frozen, 60, 66, 0x1f), o);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Inbetween);
    std::vector<int> all(c.jointCount());
    std::iota(all.begin(), all.end(), 0);
    QString where;
    QVERIFY2(onlyChanged(c, held, {60, 66}, all, &where), qPrintable(where));
    const double before = maxPositionError(held, clean, {60, 66}), after = maxPositionError(c, clean, {60, 66});
    qInfo("frozen 0.2 s: largest joint error %.1f cm held, %.2f cm repaired", 100 * before, 100 * after);
    QVERIFY(after < 0.2 * before);
  }

  // A part that froze alone: the other parts keep every bit.
  void frozenArmOnly() {
    const Clip clean = walkClip();
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const std::vector<int> arm = parts.jointsOf(BodyPart::RightArm);
    Clip c = clean;
    for (int f = 30; f < 45; ++f)
      for (int j : arm) c.rotation(f, j) = c.rotation(29, j);
    const Clip held = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Frozen, 30, 45, bit(BodyPart::RightArm)));
    QVERIFY2(r.ok(), r.error.c_str());
    QString where;
    QVERIFY2(onlyChanged(c, held, {30, 45}, arm, &where), qPrintable(where));
    QVERIFY(maxAngle(c, clean, {30, 45}, arm) < 0.5 * maxAngle(held, clean, {30, 45}, arm));
  }

  // Jitter on an arm: filtered over the span and a margin, noise reduced,
  // nothing else changes.
  void jitter() {
    const Clip clean = walkClip();
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const std::vector<int> arm = parts.jointsOf(BodyPart::LeftArm);
    Clip c = clean;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> n(0.0, degToRad(3.0));
    for (int f = 60; f < 120; ++f)
      for (int j : arm)
        c.rotation(f, j) = alignSign(c.rotation(f, j) * quatExpOf(Eigen::Vector3d(n(rng), n(rng), n(rng))), c.rotation(f - 1, j));
    const Clip noisy = c;
    RepairOptions o;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Jitter, 60, 120, bit(BodyPart::LeftArm)), o);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Filter);
    const int margin = static_cast<int>(std::ceil(o.jitterMarginSeconds * c.fps() - 1e-9));
    QCOMPARE(r.edited.start, 60 - margin);
    QCOMPARE(r.edited.end, 120 + margin);
    QString where;
    QVERIFY2(onlyChanged(c, noisy, r.edited, arm, &where), qPrintable(where));
    double before = 0, after = 0;
    for (int f = 60; f < 120; ++f)
      for (int j : arm) {
        before += std::pow(angleBetween(noisy.rotation(f, j), clean.rotation(f, j)), 2);
        after += std::pow(angleBetween(c.rotation(f, j), clean.rotation(f, j)), 2);
      }
    qInfo("jitter 3 deg: RMS error %.2f deg -> %.2f deg", radToDeg(std::sqrt(before / (60.0 * arm.size()))),
          radToDeg(std::sqrt(after / (60.0 * arm.size()))));
    QVERIFY(after < 0.3 * before);
  }

  // A mirrored left/right arm swap is swapped back exactly.
  void limbSwap() {
    const Clip clean = walkClip();
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const std::optional<LimbPairing> pairing = pairLimbs(clean.skeleton(), parts, BodyPart::LeftArm, BodyPart::RightArm);
    QVERIFY(pairing && pairing->mirrorAxis == 0);
    Clip c = clean;
    for (int f = 70; f < 85; ++f)
      for (const auto& [l, r] : pairing->joints) {
        const Eigen::Quaterniond ql = c.rotation(f, l), qr = c.rotation(f, r);
        c.rotation(f, l) = alignSign(mirrorRotation(qr, 0), c.rotation(f - 1, l));
        c.rotation(f, r) = alignSign(mirrorRotation(ql, 0), c.rotation(f - 1, r));
      }
    const Clip swapped = c;
    const RepairResult r =
        repairArtifact(c, spanOf(ArtifactType::Flip, 70, 85, bit(BodyPart::LeftArm) | bit(BodyPart::RightArm)));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Unswap);
    std::vector<int> arms = parts.jointsOf(BodyPart::LeftArm);
    for (int j : parts.jointsOf(BodyPart::RightArm)) arms.push_back(j);
    QString where;
    QVERIFY2(onlyChanged(c, swapped, {70, 85}, arms, &where), qPrintable(where));
    QVERIFY(maxAngle(c, clean, {70, 85}, arms) < 1e-9);
  }

  // A flip that is no swap (one joint turned half a turn) is in-betweened.
  void flipThatIsNoSwap() {
    const Clip clean = walkClip();
    const int hand = clean.skeleton().findJoint("Hand_R");
    Clip c = clean;
    for (int f = 20; f < 26; ++f) c.rotation(f, hand) = alignSign(c.rotation(f, hand) * rx(170), c.rotation(f - 1, hand));
    const RepairResult r =
        repairArtifact(c, spanOf(ArtifactType::Flip, 20, 26, bit(BodyPart::LeftArm) | bit(BodyPart::RightArm)));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Inbetween);
    QCOMPARE(r.jointsChanged, 1);
    QVERIFY(maxAngle(c, clean, {20, 26}, {hand}) < 2.0);
  }

  // Missing data: filled, marked valid, nothing else touched.
  void missing() {
    const Clip clean = walkClip();
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const std::vector<int> arm = parts.jointsOf(BodyPart::RightArm);
    Clip c = clean;
    for (int f = 80; f < 95; ++f)
      for (int j : arm) {
        c.rotation(f, j) = Eigen::Quaterniond::Identity();
        c.setValid(f, j, false);
      }
    const Clip holed = c;
    for (FillMethod m : {FillMethod::Cubic, FillMethod::Linear, FillMethod::Pattern}) {
      c = holed;
      RepairOptions o;
      o.missingFill = m;
      const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Missing, 80, 95, bit(BodyPart::RightArm)), o);
      QVERIFY2(r.ok(), r.error.c_str());
      QCOMPARE(r.method, RepairMethod::GapFill);
      QVERIFY(!c.hasMissing());
      QString where;
      QVERIFY2(onlyChanged(c, holed, {80, 95}, arm, &where), qPrintable(where));
      QVERIFY2(maxAngle(c, clean, {80, 95}, arm) < 10.0, fillMethodName(m));
    }
  }

  // A skating foot is pinned again; the other leg and the rest of the body
  // keep their bits.
  void footSkate() {
    const Clip clean = walkClip();
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const LegChain chain = *findLegChain(clean.skeleton(), parts, BodyPart::RightLeg);
    // Drag the planted right ankle (planted over [2, 3) s) 10 cm along X and back.
    Clip c = clean;
    GlobalPoses poses;
    const int f0 = 63, f1 = 87;
    ForwardKinematicsJob{&c, f0, f1, &poses}.run();
    const int hipParent = c.skeleton().parent(chain.hip);
    for (int f = f0; f < f1; ++f) {
      const int i = f - f0;
      TwoBoneIkInput in;
      in.hipPos = poses.position(i, chain.hip);
      in.kneePos = poses.position(i, chain.knee);
      in.anklePos = poses.position(i, chain.ankle);
      in.target = in.anklePos + Eigen::Vector3d(10, 0, 0) * std::sin(kPi * (i + 0.5) / (f1 - f0));
      in.hipParentRot = poses.rotation(i, hipParent);
      in.hipRot = poses.rotation(i, chain.hip);
      in.kneeRot = poses.rotation(i, chain.knee);
      in.ankleRot = poses.rotation(i, chain.ankle);
      const TwoBoneIkOutput out = solveTwoBoneIk(in);
      c.rotation(f, chain.hip) = alignSign(out.hipLocal, c.rotation(f - 1, chain.hip));
      c.rotation(f, chain.knee) = alignSign(out.kneeLocal, c.rotation(f - 1, chain.knee));
      c.rotation(f, chain.ankle) = alignSign(out.ankleLocal, c.rotation(f - 1, chain.ankle));
    }
    const Clip skating = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::FootSkate, f0, f1, bit(BodyPart::RightLeg)));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::FootLock);
    QVERIFY(r.edited.start <= f0 && r.edited.end >= f1);
    QString where;
    QVERIFY2(onlyChanged(c, skating, r.edited, parts.jointsOf(BodyPart::RightLeg), &where), qPrintable(where));
    // The ankle's slide over the contact, before and after.
    auto slide = [&](const Clip& clip) {
      GlobalPoses p;
      ForwardKinematicsJob{&clip, f0, f1, &p}.run();
      double worst = 0;
      for (int i = 0; i < f1 - f0; ++i)
        worst = std::max(worst, (p.position(i, chain.ankle) - p.position(0, chain.ankle)).norm());
      return worst;
    };
    qInfo("skating ankle: slide %.1f cm -> %.2f cm (clean %.2f cm)", slide(skating), slide(c), slide(clean));
    QVERIFY(slide(c) < 0.25 * slide(skating));
  }

  // Types without a classical repair change nothing.
  // A stretched bone: only that joint's translation track changes, back to
  // the length around the span; rotations are kept.
  void stretch() {
    const Clip clean = bandaiKick40();  // position channels on every joint
    const int elbow = clean.skeleton().findJoint("LowerArm_L");
    QVERIFY(clean.hasTrack(elbow));
    Clip c = clean;
    for (int f = 15; f < 25; ++f) c.translation(f, elbow) *= 1.4;
    const Clip stretched = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Stretch, 15, 25, bit(BodyPart::LeftArm)));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Inbetween);
    QCOMPARE(r.jointsChanged, 1);
    QVERIFY2(QString::fromStdString(r.detail).contains("LowerArm_L"), r.detail.c_str());
    QString where;
    QVERIFY2(onlyChanged(c, stretched, {15, 25}, {elbow}, &where), qPrintable(where));
    for (int f = 15; f < 25; ++f) {
      QVERIFY(sameBits(c.rotation(f, elbow), stretched.rotation(f, elbow)));
      QVERIFY((c.translation(f, elbow) - clean.translation(f, elbow)).norm() < 1e-3 * clean.unitsPerMeter());
    }
  }

  // A knee bent backwards: the leg is in-betweened over the span, closer to
  // the original than the bent pose.
  void hyperextension() {
    const Clip clean = walkClip();
    const int knee = clean.skeleton().findJoint("LowerLeg_R");
    Clip c = clean;
    for (int f = 80; f < 95; ++f) {
      const double a = 60.0 * std::sin(kPi * (f - 79) / 16.0);
      c.rotation(f, knee) = alignSign(c.rotation(f, knee) * rx(-a), c.rotation(f - 1, knee));
    }
    const Clip bent = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Hyperextension, 80, 95, bit(BodyPart::RightLeg)));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.method, RepairMethod::Inbetween);
    QString where;
    const std::vector<int> leg = BodyPartMap::detect(clean.skeleton()).jointsOf(BodyPart::RightLeg);
    QVERIFY2(onlyChanged(c, bent, {80, 95}, leg, &where), qPrintable(where));
    const double before = maxAngle(bent, clean, {80, 95}, {knee}), after = maxAngle(c, clean, {80, 95}, {knee});
    QVERIFY2(after < 0.5 * before, qPrintable(QString("%1 -> %2 degrees").arg(before).arg(after)));
  }

  void noRepairForDrift() {
    Clip c = walkClip();
    const Clip before = c;
    const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Drift, 10, 60, 0x1f));
    QVERIFY(r.ok());
    QCOMPARE(r.method, RepairMethod::None);
    QVERIFY(!r.changed());
    QVERIFY(r.edited.empty());
    QVERIFY(sameClip(c, before));
  }

  // Bad input: an error, and the clip keeps every bit.
  void badInput() {
    Clip c = walkClip();
    const Clip before = c;
    QVERIFY(!repairArtifact(c, spanOf(ArtifactType::Pop, 170, 190, 0x1f)).ok());  // past the end
    QVERIFY(!repairArtifact(c, spanOf(ArtifactType::Pop, 10, 10, 0x1f)).ok());    // empty
    QVERIFY(!repairArtifact(c, spanOf(ArtifactType::Frozen, 0, c.frameCount(), 0x1f)).ok());  // nothing to start from
    const BodyPartMap wrong(3);
    RepairOptions o;
    o.parts = &wrong;
    QVERIFY(!repairArtifact(c, spanOf(ArtifactType::Pop, 10, 12, 0x1f), o).ok());
    RepairOptions bad;
    bad.contextSeconds = 0;
    QVERIFY(!repairArtifact(c, spanOf(ArtifactType::Pop, 10, 12, 0x1f), bad).ok());
    bad = RepairOptions();
    bad.jitterFilter.cutoffHz = 20;  // above Nyquist at 30 fps
    QVERIFY(!repairArtifact(c, spanOf(ArtifactType::Jitter, 10, 40, 0x1f), bad).ok());
    QVERIFY(sameClip(c, before));
  }

  // repairAll on the analysis of a popped take: the pops are gone, frames
  // outside the repaired spans keep their bits, one result per span.
  void repairAllOnFixture() {
    const Clip clean = bandaiKick40();
    QVERIFY(clean.frameCount() == 40);
    Clip c = clean;
    const int hips = c.skeleton().findJoint("Hips");
    c.translation(20, hips) += Eigen::Vector3d(0, 0, 25);
    const Clip popped = c;
    const QualityReport report = analyzeQuality(c);
    bool found = false;
    for (const ArtifactSpan& a : report.artifacts()) found = found || (a.type == ArtifactType::Pop && a.start == 20);
    QVERIFY(found);
    const std::vector<RepairResult> results = repairAll(c, report);
    QCOMPARE(results.size(), report.artifacts().size());
    std::vector<bool> edited(c.frameCount(), false);
    for (size_t i = 0; i < results.size(); ++i) {
      QCOMPARE(results[i].type, report.artifacts()[i].type);
      QCOMPARE(results[i].start, report.artifacts()[i].start);
      if (results[i].changed())
        for (int f = results[i].edited.start; f < results[i].edited.end; ++f) edited[f] = true;
    }
    QVERIFY(edited[20]);
    for (int f = 0; f < c.frameCount(); ++f)
      if (!edited[f])
        for (int j = 0; j < c.jointCount(); ++j) QVERIFY(sameSample(c, popped, f, j));
    QVERIFY((c.translation(20, hips) - clean.translation(20, hips)).norm() < 2.0);  // cm
    const QualityReport after = analyzeQuality(c);
    for (const ArtifactSpan& a : after.artifacts()) QVERIFY(!(a.type == ArtifactType::Pop && a.start <= 20 && a.end > 20));
  }

  // A fault reported twice (missing data held still is also frozen): the
  // second report is left alone, so the gap fill is not overwritten.
  void repairAllSkipsDoubleReports() {
    Clip c = walkClip();
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    for (int f = 40; f < 55; ++f)
      for (int j : parts.jointsOf(BodyPart::LeftArm)) {
        c.rotation(f, j) = c.rotation(39, j);
        c.setValid(f, j, false);
      }
    QualityReport report(c.frameCount());
    for (int f = 40; f < 55; ++f) {
      report.flag(ArtifactType::Missing, f, BodyPart::LeftArm, 1.0f);
      report.flag(ArtifactType::Frozen, f, BodyPart::LeftArm, 1.0f);
    }
    report.buildSpans(0);
    QCOMPARE(report.artifacts().size(), size_t(2));
    RepairOptions o;
    o.parts = &parts;
    Clip viaAll = c;
    const std::vector<RepairResult> results = repairAll(viaAll, report, o);
    Clip viaFill = c;
    const ArtifactSpan& missing = report.artifacts()[report.artifacts()[0].type == ArtifactType::Missing ? 0 : 1];
    QVERIFY(repairArtifact(viaFill, missing, o).changed());
    QVERIFY(sameClip(viaAll, viaFill));
    for (const RepairResult& r : results) {
      if (r.type == ArtifactType::Frozen) {
        QCOMPARE(r.method, RepairMethod::None);
        QVERIFY2(QString::fromStdString(r.detail).contains("already repaired"), r.detail.c_str());
      } else {
        QCOMPARE(r.method, RepairMethod::GapFill);
      }
    }
    // Types switched off are reported and left alone.
    o.types = {};
    Clip untouched = c;
    for (const RepairResult& r : repairAll(untouched, report, o)) QVERIFY(!r.changed());
    QVERIFY(sameClip(untouched, c));
  }

  // The same repair at 30 and 120 fps (thresholds in seconds and degrees).
  void frameRates() {
    for (double fps : {30.0, 120.0}) {
      const Clip clean = walkClip(fps);
      const int elbow = clean.skeleton().findJoint("LowerArm_L");
      const int start = static_cast<int>(1.3 * fps), end = start + static_cast<int>(0.06 * fps) + 1;
      Clip c = clean;
      for (int f = start; f < end; ++f) c.rotation(f, elbow) = alignSign(c.rotation(f, elbow) * ry(40), c.rotation(f - 1, elbow));
      const RepairResult r = repairArtifact(c, spanOf(ArtifactType::Pop, start, end, bit(BodyPart::LeftArm)));
      QVERIFY2(r.ok(), r.error.c_str());
      QCOMPARE(r.jointsChanged, 1);
      QVERIFY(maxAngle(c, clean, {start, end}, {elbow}) < 1.0);
    }
  }

 private:
  static Eigen::Quaterniond quatExpOf(const Eigen::Vector3d& v) {
    const double a = v.norm();
    return a < 1e-12 ? Eigen::Quaterniond::Identity() : Eigen::Quaterniond(Eigen::AngleAxisd(a, v / a));
  }
};

QTEST_GUILESS_MAIN(TestArtifactRepair)
#include "tst_artifactrepair.moc"
