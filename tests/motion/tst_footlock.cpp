// Foot-contact detection, foot locking and grounding (motion/repair), on a
// synthetic walk in place, in centimetres and metres, at 30 and 120 fps.
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/corrupt/injectors.h"
#include "motion/kinematics.h"
#include "motion/repair/footcontact.h"
#include "motion/repair/footlock.h"
#include "motion/rotations.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

using namespace mm;

namespace {

// A small humanoid in a T-pose, Y up, facing +Z, its left side +X, legs
// straight down (toe joint 6 cm below and 12 cm ahead of the ankle).
// `upm` = units per metre (100: centimetres, 1: metres).
Skeleton humanoid(double upm) {
  Skeleton s;
  const double k = upm / 100.0;  // offsets below in centimetres
  auto add = [&](const std::string& name, const std::string& parent, double x, double y, double z) {
    return s.addJoint(name, parent.empty() ? Skeleton::kNoParent : s.findJoint(parent), Eigen::Vector3d(x, y, z) * k);
  };
  add("Hips", "", 0, 95, 0);
  add("Spine", "Hips", 0, 10, 0);
  add("Chest", "Spine", 0, 15, 0);
  add("Neck", "Chest", 0, 20, 0);
  add("Head", "Neck", 0, 10, 0);
  for (const char* side : {"L", "R"}) {
    const double x = side[0] == 'L' ? 1.0 : -1.0;
    const std::string sfx = std::string("_") + side;
    add("Shoulder" + sfx, "Chest", 5 * x, 12, 0);
    add("UpperArm" + sfx, "Shoulder" + sfx, 12 * x, 0, 0);
    add("LowerArm" + sfx, "UpperArm" + sfx, 28 * x, 0, 0);
    add("Hand" + sfx, "LowerArm" + sfx, 25 * x, 0, 0);
  }
  for (const char* side : {"L", "R"}) {
    const double x = side[0] == 'L' ? 1.0 : -1.0;
    const std::string sfx = std::string("_") + side;
    add("UpperLeg" + sfx, "Hips", 9 * x, 0, 0);
    add("LowerLeg" + sfx, "UpperLeg" + sfx, 0, -44, 0);
    add("Foot" + sfx, "LowerLeg" + sfx, 0, -42, 0);
    add("Toes" + sfx, "Foot" + sfx, 0, -6, 12);
  }
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation, Channel::Xrotation,
                    Channel::Yrotation});
  return s;
}

Eigen::Quaterniond rx(double d) { return axisQuatDegrees(0, d); }
Eigen::Quaterniond ry(double d) { return axisQuatDegrees(1, d); }

// A stylised walk in place (as in tst_corrupt): the legs swing alternately
// over a 2 s cycle; each foot is planted, flat, knee bent, for half of it:
// the right foot over [0, 1) s, the left over [1, 2) s, and so on. The pelvis
// bobs 1 cm and yaws 3 degrees, so a planted ankle wanders by a few mm.
// The same motion in seconds and metres at any fps and units.
Clip walkClip(double fps, double seconds, double upm = 100.0) {
  const Skeleton s = humanoid(upm);
  const int frames = static_cast<int>(std::lround(seconds * fps));
  Clip c(s, frames, fps);
  auto j = [&](const std::string& name) { return s.findJoint(name); };
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps;
    const double w = 2.0 * kPi * t;
    const double phase = std::sin(0.5 * w);
    const double l = std::max(0.0, phase), r = std::max(0.0, -phase);
    c.translation(f, 0) = Eigen::Vector3d(0, 0.95 + 0.01 * std::sin(w), 0) * upm;
    c.rotation(f, 0) = ry(3 * std::sin(0.25 * w));
    c.rotation(f, j("Spine")) = rx(4 * std::sin(0.7 * w));
    c.rotation(f, j("UpperArm_L")) = ry(25 * std::sin(0.5 * w)) * axisQuatDegrees(2, -70);
    c.rotation(f, j("UpperArm_R")) = ry(25 * std::sin(0.5 * w)) * axisQuatDegrees(2, 70);
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

// Drags one ankle by offsetMeters * sin(pi u) (u over [t0, t1) seconds) with
// two-bone IK, as a foot skate looks.
void slideFoot(Clip& c, FootSide side, double t0, double t1, const Eigen::Vector3d& offsetMeters) {
  const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
  const LegChain chain = *findLegChain(c.skeleton(), parts, legOf(side));
  const int f0 = static_cast<int>(std::lround(t0 * c.fps())), f1 = static_cast<int>(std::lround(t1 * c.fps()));
  GlobalPoses poses;
  ForwardKinematicsJob{&c, f0, f1, &poses}.run();
  const int hipParent = c.skeleton().parent(chain.hip);
  for (int f = f0; f < f1; ++f) {
    const int i = f - f0;
    const double u = (i + 0.5) / (f1 - f0);
    TwoBoneIkInput in;
    in.hipPos = poses.position(i, chain.hip);
    in.kneePos = poses.position(i, chain.knee);
    in.anklePos = poses.position(i, chain.ankle);
    in.target = in.anklePos + offsetMeters * (std::sin(kPi * u) * c.unitsPerMeter());
    in.hipParentRot = poses.rotation(i, hipParent);
    in.hipRot = poses.rotation(i, chain.hip);
    in.kneeRot = poses.rotation(i, chain.knee);
    in.ankleRot = poses.rotation(i, chain.ankle);
    const TwoBoneIkOutput out = solveTwoBoneIk(in);
    c.rotation(f, chain.hip) = alignSign(out.hipLocal, c.rotation(f - 1, chain.hip));
    c.rotation(f, chain.knee) = alignSign(out.kneeLocal, c.rotation(f - 1, chain.knee));
    c.rotation(f, chain.ankle) = alignSign(out.ankleLocal, c.rotation(f - 1, chain.ankle));
  }
}

bool sameBits(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b) {
  return std::memcmp(a.coeffs().data(), b.coeffs().data(), 4 * sizeof(double)) == 0;
}
bool sameBits(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::memcmp(a.data(), b.data(), 3 * sizeof(double)) == 0;
}
bool sameFrame(const Clip& a, const Clip& b, int f) {
  for (int j = 0; j < a.jointCount(); ++j) {
    if (!sameBits(a.rotation(f, j), b.rotation(f, j))) return false;
    if (a.hasTrack(j) && !sameBits(a.translation(f, j), b.translation(f, j))) return false;
  }
  return true;
}

int joint(const Clip& c, FootSide side, const char* name) {
  return c.skeleton().findJoint(std::string(name) + (side == FootSide::Left ? "_L" : "_R"));
}

// Largest distance (metres) of each pinned point from its pin over the pins'
// frames, per `poses` of the locked clip.
double worstPinError(const std::vector<LockedContact>& contacts, const FootContacts& fc, const GlobalPoses& poses) {
  double worst = 0;
  for (const LockedContact& lc : contacts)
    for (const FootPin& pin : lc.pins) {
      const int j = fc.feet[footIndex(lc.side)]->joint(pin.point);
      for (int f = pin.start; f < pin.end; ++f)
        worst = std::max(worst, (poses.position(f, j) - pin.position).norm() / fc.unitsPerMeter);
    }
  return worst;
}

// The pin holding `point` of `side` at frame f, or nullptr.
const FootPin* pinAt(const std::vector<LockedContact>& contacts, FootSide side, FootPoint point, int f) {
  for (const LockedContact& lc : contacts)
    if (lc.side == side)
      for (const FootPin& pin : lc.pins)
        if (pin.point == point && f >= pin.start && f < pin.end) return &pin;
  return nullptr;
}

// Spans of one side, in seconds.
std::vector<std::pair<double, double>> spansSeconds(const FootContacts& c, FootSide side) {
  std::vector<std::pair<double, double>> out;
  for (const FootContactSpan& s : c.spans)
    if (s.side == side) out.emplace_back(s.start / c.fps, s.end / c.fps);
  return out;
}

QString describe(const std::vector<std::pair<double, double>>& spans) {
  QStringList l;
  for (const auto& [a, b] : spans) l << QString("[%1, %2)").arg(a, 0, 'f', 3).arg(b, 0, 'f', 3);
  return l.join(' ');
}

}  // namespace

class TestFootLock : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void variants_data() {
    QTest::addColumn<double>("fps");
    QTest::addColumn<double>("upm");
    QTest::newRow("30fps cm") << 30.0 << 100.0;
    QTest::newRow("30fps m") << 30.0 << 1.0;
    QTest::newRow("120fps cm") << 120.0 << 100.0;
    QTest::newRow("120fps m") << 120.0 << 1.0;
  }

  // The planted half-cycles of the walk, for each foot, within two frames
  // at 30 fps, in every unit and frame rate; the floor is the toes' level.
  void detectsPlantedIntervals_data() { variants_data(); }
  void detectsPlantedIntervals() {
    QFETCH(double, fps);
    QFETCH(double, upm);
    const Clip c = walkClip(fps, 6, upm);
    const FootContacts fc = detectFootContacts(c, BodyPartMap::detect(c.skeleton()));
    QVERIFY2(fc.ok(), fc.error.c_str());
    QCOMPARE(fc.up, Eigen::Vector3d(0, 1, 0));
    QCOMPARE(fc.unitsPerMeter, upm);
    QCOMPARE(fc.feet[0]->chain.ankle, joint(c, FootSide::Left, "Foot"));
    QCOMPARE(fc.feet[1]->toe, joint(c, FootSide::Right, "Toes"));
    // Lowest planted toe: pelvis at 0.94 m, straight-down leg of 0.86 m bent
    // to a flat foot, toe joint 6 cm below the ankle.
    QVERIFY2(fc.floorMeters > -0.02 && fc.floorMeters < 0.06, qPrintable(QString::number(fc.floorMeters)));
    QVERIFY(std::abs(fc.levelMeters[0][0] - fc.floorMeters - 0.06) < 0.002);  // ankle clearance
    QCOMPARE(fc.levelMeters[0][1], fc.floorMeters);
    const double tol = 2.0 / 30.0 + 1e-9;
    const std::vector<std::pair<double, double>> want[2] = {{{1, 2}, {3, 4}, {5, 6}}, {{0, 1}, {2, 3}, {4, 5}}};
    for (FootSide side : {FootSide::Left, FootSide::Right}) {
      const auto got = spansSeconds(fc, side);
      const auto& w = want[footIndex(side)];
      QVERIFY2(got.size() == w.size(), qPrintable(describe(got)));
      for (size_t i = 0; i < w.size(); ++i) {
        QVERIFY2(std::abs(got[i].first - w[i].first) <= tol, qPrintable(describe(got)));
        QVERIFY2(std::abs(got[i].second - w[i].second) <= tol, qPrintable(describe(got)));
      }
      // Point detail: inside a contact the flat foot has both points down.
      for (const FootContactSpan& s : fc.spans)
        if (s.side == side) {
          const int mid = (s.start + s.end) / 2;
          QVERIFY(fc.pointInContact(mid, side, FootPoint::Ankle));
          QVERIFY(fc.pointInContact(mid, side, FootPoint::Toe));
        }
    }
    // Frames outside every span are not in contact.
    for (int f = 0; f < c.frameCount(); ++f) {
      bool inSpan = false;
      for (const FootContactSpan& s : fc.spans) inSpan |= s.side == FootSide::Left && f >= s.start && f < s.end;
      QCOMPARE(fc.inContact(f, FootSide::Left), inSpan);
    }
  }

  // Standing, then the feet hover around the "on" height (3 cm) with 3 mm
  // noise for 2.5 s, then back down: with hysteresis (off at 5 cm) one
  // contact per foot for the whole clip; with on == off it chatters.
  void hysteresis() {
    const double fps = 30, upm = 100;
    const Skeleton s = humanoid(upm);
    const int frames = static_cast<int>(4.5 * fps);
    Clip c(s, frames, fps);
    std::mt19937_64 rng(7);
    for (int f = 0; f < frames; ++f) {
      const double t = f / fps;
      double h = 0;
      if (t >= 1.0 && t < 4.0) {
        const double ramp = std::min({1.0, (t - 1.0) / 0.3, (4.0 - t) / 0.3});
        const double noise = (static_cast<double>(rng() >> 11) * 0x1.0p-53 - 0.5) * 0.006;  // +-3 mm
        h = ramp * (0.03 + noise);
      }
      c.translation(f, 0).y() += h * upm;
    }
    const BodyPartMap parts = BodyPartMap::detect(s);
    FootContactParams p;
    const FootContacts fc = detectFootContacts(c, parts, p);
    QVERIFY2(fc.ok(), fc.error.c_str());
    QVERIFY(std::abs(fc.floorMeters - 0.03) < 1e-9);  // the standing toe joint
    for (FootSide side : {FootSide::Left, FootSide::Right}) {
      const auto got = spansSeconds(fc, side);
      QVERIFY2(got.size() == 1, qPrintable(describe(got)));
      QCOMPARE(got[0].first, 0.0);
      QCOMPARE(got[0].second, frames / fps);
    }
    p.heightOffMeters = p.heightOnMeters;
    p.mergeGapSeconds = 0;
    p.minContactSeconds = 0;
    const FootContacts chatter = detectFootContacts(c, parts, p);
    QVERIFY2(spansSeconds(chatter, FootSide::Left).size() > 3,
             qPrintable(describe(spansSeconds(chatter, FootSide::Left))));
  }

  // The floor ignores a few penetrating frames; an override moves the levels.
  void floorEstimate() {
    const Clip clean = walkClip(30, 8);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const FootContacts a = detectFootContacts(clean, parts);
    Clip sunk = clean;
    for (int f = 100; f < 103; ++f) sunk.translation(f, 0).y() -= 8.0;  // 3 of 240 frames, 8 cm down
    const FootContacts b = detectFootContacts(sunk, parts);
    QVERIFY2(std::abs(a.floorMeters - b.floorMeters) < 0.001,
             qPrintable(QString("%1 vs %2").arg(a.floorMeters).arg(b.floorMeters)));
    FootContactParams p;
    p.floorMeters = a.floorMeters - 0.01;
    const FootContacts c = detectFootContacts(clean, parts, p);
    QCOMPARE(c.floorMeters, a.floorMeters - 0.01);
    QCOMPARE(c.estimatedFloorMeters, a.floorMeters);
    QVERIFY(std::abs(c.levelMeters[1][0] - (a.levelMeters[1][0] - 0.01)) < 1e-12);
    p.upAxis = 1;
    QCOMPARE(detectFootContacts(clean, parts, p).up, Eigen::Vector3d(0, 1, 0));
  }

  // The corruption lab's foot skate (3 cm over 0.5-0.8 s) on a planted foot:
  // after locking, the ankle holds its pin within 1 mm on every frame its
  // ankle is in contact, the slide is gone, and nothing jumps.
  void lockRemovesInjectedSkate() {
    const Clip clean = walkClip(30, 6);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const double upm = clean.unitsPerMeter();
    CorruptionParams cp;
    cp.skateMeters = {0.03, 0.03};
    cp.skateSeconds = {0.5, 0.8};
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      Clip clip = clean;
      CorruptionLabels labels;
      std::mt19937_64 rng(seed);
      const auto a = injectFootSkate(clip, labels, rng, cp);
      QVERIFY(a.has_value());
      const FootSide side = a->partMask == partBit(BodyPart::LeftLeg) ? FootSide::Left : FootSide::Right;
      const FootContacts fc = detectFootContacts(clip, parts);
      QVERIFY(fc.ok());
      int covered = 0;
      for (int f = a->start; f < a->end; ++f) covered += fc.pointInContact(f, side, FootPoint::Ankle);
      QVERIFY2(covered >= 0.8 * (a->end - a->start),
               qPrintable(QString("%1 of %2").arg(covered).arg(a->end - a->start)));

      const Clip corrupted = clip;
      const FootLockReport r = lockFeet(clip, parts);
      QVERIFY2(r.ok(), r.error.c_str());
      QCOMPARE(r.contactsFound, static_cast<int>(fc.spans.size()));
      QCOMPARE(r.contacts.size(), fc.spans.size());
      QVERIFY(r.framesChanged > 0);
      QVERIFY2(r.maxCorrectionMeters > 0.02 && r.maxCorrectionMeters < 0.05,
               qPrintable(QString::number(r.maxCorrectionMeters)));
      QVERIFY(clip.validate().empty());
      const GlobalPoses before = computeGlobalPoses(clean);
      const GlobalPoses after = computeGlobalPoses(clip);
      const GlobalPoses broken = computeGlobalPoses(corrupted);
      // Flat feet: the ankle is held on every contact frame.
      for (const LockedContact& lc : r.contacts) {
        QCOMPARE(lc.pins.size(), size_t(1));
        QCOMPARE(lc.pins[0].point, FootPoint::Ankle);
        QCOMPARE(lc.pins[0].start, lc.start);
        QCOMPARE(lc.pins[0].end, lc.end);
      }
      const double err = worstPinError(r.contacts, fc, after);
      QVERIFY2(err < 0.001, qPrintable(QString("seed %1: %2 m").arg(seed).arg(err)));
      // The skated ankle is back where the clean foot stood (horizontally:
      // the lock also takes out the clean walk's 1 cm pelvis bob, and up to
      // a few mm of its pelvis yaw).
      const int ankle = fc.feet[footIndex(side)]->chain.ankle;
      auto horizontal = [](Eigen::Vector3d v) {
        v.y() = 0;
        return v.norm();
      };
      double worstBroken = 0, worstFixed = 0;
      for (int f = a->start; f < a->end; ++f) {
        worstBroken = std::max(worstBroken, horizontal(broken.position(f, ankle) - before.position(f, ankle)) / upm);
        worstFixed = std::max(worstFixed, horizontal(after.position(f, ankle) - before.position(f, ankle)) / upm);
      }
      QVERIFY2(worstFixed < 0.006 && worstFixed < 0.25 * worstBroken,
               qPrintable(QString("%1 vs %2").arg(worstFixed).arg(worstBroken)));
      // Smooth: no ankle moves much more per frame than in the clean walk.
      for (FootSide s : {FootSide::Left, FootSide::Right}) {
        const int aj = fc.feet[footIndex(s)]->chain.ankle;
        double stepClean = 0, stepFixed = 0;
        for (int f = 1; f < clip.frameCount(); ++f) {
          stepClean = std::max(stepClean, (before.position(f, aj) - before.position(f - 1, aj)).norm());
          stepFixed = std::max(stepFixed, (after.position(f, aj) - after.position(f - 1, aj)).norm());
        }
        QVERIFY2(stepFixed < 1.1 * stepClean, qPrintable(QString("%1 vs %2").arg(stepFixed).arg(stepClean)));
      }
      // Pinned at the median instead: held as firmly.
      {
        Clip m = corrupted;
        FootLockParams p;
        p.pinAt = FootPinAt::Median;
        const FootLockReport rm = lockFeet(m, parts, p);
        QVERIFY2(rm.ok(), rm.error.c_str());
        QVERIFY(worstPinError(rm.contacts, fc, computeGlobalPoses(m)) < 0.001);
      }
      // The hips do not move and the planted foot keeps its orientation.
      const int hip = fc.feet[footIndex(side)]->chain.hip;
      for (int f = 0; f < clip.frameCount(); ++f) {
        QVERIFY((after.position(f, hip) - broken.position(f, hip)).norm() < 1e-9);
        QVERIFY(angleBetween(after.rotation(f, ankle), broken.rotation(f, ankle)) < 1e-9);
      }
    }
  }

  // The left heel rises over the last 0.4 s of its stance (the foot rolls
  // 30 degrees about the toe) after a 2 cm slide: while only the toe is in
  // contact, the toe holds where the locked foot put it and the heel still rises.
  void heelOffHoldsToe() {
    Clip clip = walkClip(30, 6);
    slideFoot(clip, FootSide::Left, 1.1, 1.5, {0.02, 0, 0});
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    const LegChain chain = *findLegChain(clip.skeleton(), parts, BodyPart::LeftLeg);
    const int toeJoint = joint(clip, FootSide::Left, "Toes");
    const int f0 = 48, f1 = 60;  // 1.6 s .. 2 s
    GlobalPoses poses;
    ForwardKinematicsJob{&clip, f0, f1, &poses}.run();
    for (int f = f0; f < f1; ++f) {
      const int i = f - f0;
      const double u = (i + 1.0) / (f1 - f0);
      const Eigen::Quaterniond roll = rx(30 * u * u * (3 - 2 * u));
      const Eigen::Vector3d toe = poses.position(i, toeJoint);
      TwoBoneIkInput in;
      in.hipPos = poses.position(i, chain.hip);
      in.kneePos = poses.position(i, chain.knee);
      in.anklePos = poses.position(i, chain.ankle);
      in.target = toe + roll * (in.anklePos - toe);
      in.hipParentRot = poses.rotation(i, clip.skeleton().parent(chain.hip));
      in.hipRot = poses.rotation(i, chain.hip);
      in.kneeRot = poses.rotation(i, chain.knee);
      in.ankleRot = roll * poses.rotation(i, chain.ankle);
      const TwoBoneIkOutput out = solveTwoBoneIk(in);
      clip.rotation(f, chain.hip) = alignSign(out.hipLocal, clip.rotation(f - 1, chain.hip));
      clip.rotation(f, chain.knee) = alignSign(out.kneeLocal, clip.rotation(f - 1, chain.knee));
      clip.rotation(f, chain.ankle) = alignSign(out.ankleLocal, clip.rotation(f - 1, chain.ankle));
    }
    const Clip input = clip;
    const FootContacts fc = detectFootContacts(input, parts);
    QVERIFY(fc.ok());
    int lastAnkle = -1, toeOnly = 0;
    for (int f = 30; f < 62; ++f) {
      if (fc.pointInContact(f, FootSide::Left, FootPoint::Ankle)) lastAnkle = f;
      if (!fc.pointInContact(f, FootSide::Left, FootPoint::Ankle) &&
          fc.pointInContact(f, FootSide::Left, FootPoint::Toe)) {
        QVERIFY(lastAnkle >= 30);
        ++toeOnly;
      }
    }
    QVERIFY2(toeOnly >= 3, qPrintable(QString::number(toeOnly)));
    const FootLockReport r = lockFeet(clip, parts);
    QVERIFY2(r.ok(), r.error.c_str());
    const GlobalPoses in = computeGlobalPoses(input), out = computeGlobalPoses(clip);
    const double upm = clip.unitsPerMeter();
    int checked = 0;
    double maxRise = 0;
    for (int f = 30; f < 62; ++f) {
      if (fc.pointInContact(f, FootSide::Left, FootPoint::Ankle)) {
        lastAnkle = f;
        continue;
      }
      if (!fc.pointInContact(f, FootSide::Left, FootPoint::Toe)) continue;
      const double err = (out.position(f, toeJoint) - out.position(lastAnkle, toeJoint)).norm() / upm;
      QVERIFY2(err < 0.001, qPrintable(QString("frame %1: %2 m").arg(f).arg(err)));
      // The heel rises as it did.
      const double rise = (out.position(f, chain.ankle) - out.position(lastAnkle, chain.ankle)).y();
      const double riseIn = (in.position(f, chain.ankle) - in.position(f, toeJoint) -
                             (in.position(lastAnkle, chain.ankle) - in.position(lastAnkle, toeJoint)))
                                .y();
      QVERIFY2(std::abs(rise - riseIn) / upm < 1e-6,
               qPrintable(QString("frame %1: %2 vs %3").arg(f).arg(rise).arg(riseIn)));
      maxRise = std::max(maxRise, rise / upm);
      ++checked;
    }
    QCOMPARE(checked, toeOnly);
    QVERIFY(worstPinError(r.contacts, fc, out) < 1e-6);
    int toePinned = 0;
    for (int f = 30; f < 62; ++f) toePinned += pinAt(r.contacts, FootSide::Left, FootPoint::Toe, f) != nullptr;
    QCOMPARE(toePinned, toeOnly);
    QVERIFY2(maxRise > 0.003, qPrintable(QString::number(maxRise)));
  }

  // A range that starts and ends inside contacts: frames outside bit for
  // bit the same, the edit joins them without a step, only the selected leg
  // changes.
  void rangeAndSelection() {
    Clip clip = walkClip(30, 6);
    slideFoot(clip, FootSide::Left, 1.2, 1.8, {0.03, 0, 0});
    slideFoot(clip, FootSide::Right, 2.2, 2.8, {0, 0, 0.03});
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    const Clip input = clip;
    const FrameRange range{45, 80};  // 1.5 s .. 2.67 s
    const FootLockReport r = lockFeet(clip, parts, range, {}, {true, false});
    QVERIFY2(r.ok(), r.error.c_str());
    QVERIFY(r.framesChanged > 0 && r.framesChanged <= range.length());
    for (int f = 0; f < clip.frameCount(); ++f)
      if (!range.contains(f)) QVERIFY2(sameFrame(clip, input, f), qPrintable(QString::number(f)));
    for (const LockedContact& lc : r.contacts) {
      QCOMPARE(lc.side, FootSide::Left);
      QVERIFY(lc.start >= range.start && lc.end <= range.end);
    }
    QCOMPARE(r.contacts.size(), size_t(1));  // the left plant of [1, 2) s, cut at 1.5 s
    QVERIFY(r.contacts[0].anchoredAtEdge);
    QCOMPARE(r.contacts[0].start, range.start);
    for (const char* name : {"UpperLeg", "LowerLeg", "Foot", "Toes"}) {
      const int j = joint(clip, FootSide::Right, name);
      for (int f = 0; f < clip.frameCount(); ++f) QVERIFY(sameBits(clip.rotation(f, j), input.rotation(f, j)));
    }
    // The left ankle holds the position it has on the frame before the
    // range, so the first edited frame joins it.
    const GlobalPoses in = computeGlobalPoses(input), out = computeGlobalPoses(clip);
    const int ankle = joint(clip, FootSide::Left, "Foot");
    const double upm = clip.unitsPerMeter();
    QCOMPARE(r.contacts[0].pins.front().point, FootPoint::Ankle);
    QVERIFY((r.contacts[0].pins.front().position - in.position(range.start - 1, ankle)).norm() < 1e-12);
    QVERIFY((out.position(range.start, ankle) - in.position(range.start - 1, ankle)).norm() / upm < 0.001);
    const double stepIn = (in.position(range.end, ankle) - in.position(range.end - 1, ankle)).norm();
    const double stepOut = (out.position(range.end, ankle) - out.position(range.end - 1, ankle)).norm();
    QVERIFY2(stepOut < 1.5 * stepIn + 0.001 * upm, qPrintable(QString("%1 vs %2").arg(stepOut).arg(stepIn)));
  }

  // Sunk frames: both feet 4 cm under near a double support (the root is
  // lifted) and the planted right foot pushed 3 cm down (IK): afterwards no
  // foot point is below the floor, or below its own planted level; only
  // frames that had a point below changed.
  void groundingLiftsSunkFeet() {
    const Clip clean = walkClip(30, 6);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    const double upm = clean.unitsPerMeter();
    const FootContacts ref = detectFootContacts(clean, parts);
    Clip clip = clean;
    for (int f = 29; f < 32; ++f) clip.translation(f, 0).y() -= 0.04 * upm;
    slideFoot(clip, FootSide::Right, 2.2, 2.4, {0, -0.03, 0});
    const Clip input = clip;
    FootLockParams p;
    p.contact.floorMeters = ref.floorMeters;
    const FootContacts before = detectFootContacts(input, parts, p.contact);
    const FootLockReport r = groundFeet(clip, parts, {0, clip.frameCount()}, p);
    QVERIFY2(r.ok(), r.error.c_str());
    QVERIFY(r.contacts.empty());
    QCOMPARE(r.floorMeters, ref.floorMeters);
    QVERIFY2(r.framesGrounded >= 5, qPrintable(QString::number(r.framesGrounded)));
    QVERIFY2(r.maxCorrectionMeters > 0.015 && r.maxCorrectionMeters < 0.041,
             qPrintable(QString::number(r.maxCorrectionMeters)));
    const FootContacts after = detectFootContacts(clip, parts, p.contact);
    int below = 0;
    for (int f = 0; f < clip.frameCount(); ++f) {
      bool wasBelow = false;
      for (FootSide s : {FootSide::Left, FootSide::Right})
        for (FootPoint pt : {FootPoint::Ankle, FootPoint::Toe}) {
          const double level = before.levelMeters[footIndex(s)][static_cast<int>(pt)];
          const double h = after.position(f, s, pt).y() / upm;
          QVERIFY2(h >= ref.floorMeters - 1e-9, qPrintable(QString("frame %1: %2").arg(f).arg(h - ref.floorMeters)));
          QVERIFY2(h >= level - 1e-9, qPrintable(QString("frame %1: %2").arg(f).arg(h - level)));
          wasBelow |= before.position(f, s, pt).y() / upm < level - 1e-7;
        }
      QCOMPARE(!sameFrame(clip, input, f), wasBelow);
      below += wasBelow;
    }
    QCOMPARE(r.framesGrounded, below);
    QCOMPARE(r.framesChanged, below);
    // Both feet sunk: the root came up.
    for (int f = 29; f < 32; ++f) {
      const double lift = (clip.translation(f, 0) - input.translation(f, 0)).y() / upm;
      QVERIFY2(lift > 0.015 && lift <= 0.04, qPrintable(QString("frame %1: %2").arg(f).arg(lift)));
    }
  }

  // A jump (both feet well off the floor for 0.5 s): locking and grounding
  // leave its airborne frames alone, so it keeps its height.
  void jumpKeepsHeight() {
    Clip clip = walkClip(30, 6);
    const double upm = clip.unitsPerMeter();
    const int f0 = 75, f1 = 90;  // 2.5 s .. 3 s
    for (int f = f0; f < f1; ++f) {
      const double u = (f - f0 + 0.5) / (f1 - f0);
      clip.translation(f, 0).y() += 4 * 0.3 * u * (1 - u) * upm;
    }
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    const Clip input = clip;
    const FootContacts fc = detectFootContacts(input, parts);
    const FootLockReport r = lockFeet(clip, parts);
    QVERIFY2(r.ok(), r.error.c_str());
    const GlobalPoses in = computeGlobalPoses(input), out = computeGlobalPoses(clip);
    double apexIn = -1e300, apexOut = -1e300;
    const int blend = static_cast<int>(std::lround(FootLockParams{}.blendSeconds * 30));
    for (int f = f0; f < f1; ++f) {
      bool airborne = true, nearContact = false;
      for (FootSide s : {FootSide::Left, FootSide::Right}) {
        airborne &= fc.heightAboveFloor(f, s, FootPoint::Toe) > 0.05;
        for (int d = -blend; d <= blend; ++d)
          nearContact |= f + d >= 0 && f + d < clip.frameCount() && fc.inContact(f + d, s);
        const int a = fc.feet[footIndex(s)]->chain.ankle;
        apexIn = std::max(apexIn, in.position(f, a).y());
        apexOut = std::max(apexOut, out.position(f, a).y());
        // Never pulled down by more than a lock's fade (a few mm).
        QVERIFY(out.position(f, a).y() > in.position(f, a).y() - 0.005 * upm);
      }
      if (airborne && !nearContact) QVERIFY2(sameFrame(clip, input, f), qPrintable(QString::number(f)));
    }
    QVERIFY(apexIn > 0.2 * upm);
    QCOMPARE(apexOut, apexIn);
  }

  // The same slide in metres and seconds gives the same contacts, pins and
  // corrections in metres in every unit and at every frame rate.
  void unitsAndFrameRates() {
    struct Result {
      std::vector<std::pair<double, double>> spans[2];
      double floor;
      double maxCorrection;
      Eigen::Vector3d pin;  // metres
    };
    std::vector<Result> results;
    for (double fps : {30.0, 120.0})
      for (double upm : {100.0, 1.0}) {
        Clip clip = walkClip(fps, 6, upm);
        slideFoot(clip, FootSide::Left, 3.2, 3.8, {0.03, 0, 0.01});
        const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
        const FootContacts fc = detectFootContacts(clip, parts);
        QVERIFY(fc.ok());
        Result res;
        for (FootSide s : {FootSide::Left, FootSide::Right}) res.spans[footIndex(s)] = spansSeconds(fc, s);
        res.floor = fc.floorMeters;
        const FootLockReport r = lockFeet(clip, parts, {0, clip.frameCount()}, {}, kBothFeet, &fc);
        QVERIFY2(r.ok(), r.error.c_str());
        res.maxCorrection = r.maxCorrectionMeters;
        const FootPin* pin =
            pinAt(r.contacts, FootSide::Left, FootPoint::Ankle, static_cast<int>(std::lround(3.5 * fps)));
        QVERIFY(pin);
        res.pin = pin->position / upm;
        // Locked within a millimetre at the height of the slide.
        const GlobalPoses out = computeGlobalPoses(clip);
        const int f = static_cast<int>(std::lround(3.5 * fps));
        QVERIFY((out.position(f, fc.feet[0]->chain.ankle) / upm - res.pin).norm() < 0.001);
        results.push_back(res);
      }
    const Result& ref = results[0];
    for (const Result& r : results) {
      for (int s = 0; s < 2; ++s) {
        QCOMPARE(r.spans[s].size(), ref.spans[s].size());
        for (size_t i = 0; i < r.spans[s].size(); ++i) {
          QVERIFY(std::abs(r.spans[s][i].first - ref.spans[s][i].first) <= 1.0 / 30 + 1e-9);
          QVERIFY(std::abs(r.spans[s][i].second - ref.spans[s][i].second) <= 1.0 / 30 + 1e-9);
        }
      }
      QVERIFY(std::abs(r.floor - ref.floor) < 0.001);
      QVERIFY2(std::abs(r.maxCorrection - ref.maxCorrection) < 0.003,
               qPrintable(QString("%1 vs %2").arg(r.maxCorrection).arg(ref.maxCorrection)));
      QVERIFY2((r.pin - ref.pin).norm() < 0.002, qPrintable(QString::number((r.pin - ref.pin).norm())));
    }
  }

  // Bad input is reported, and the clip is left untouched.
  void badInput() {
    const Clip clean = walkClip(30, 2);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    Clip clip = clean;
    auto untouched = [&] {
      for (int f = 0; f < clip.frameCount(); ++f)
        if (!sameFrame(clip, clean, f)) return false;
      return true;
    };
    QVERIFY(!lockFeet(clip, parts, FrameRange{10, 10}).ok());
    QVERIFY(!lockFeet(clip, parts, FrameRange{-1, 10}).ok());
    QVERIFY(!lockFeet(clip, parts, FrameRange{0, clip.frameCount() + 1}).ok());
    FootLockParams p;
    p.blendSeconds = -1;
    QVERIFY(!lockFeet(clip, parts, p).ok());
    p = {};
    p.contact.heightOffMeters = 0.5 * p.contact.heightOnMeters;
    QVERIFY(!lockFeet(clip, parts, p).ok());
    p = {};
    p.contact.upAxis = 3;
    QVERIFY(!lockFeet(clip, parts, p).ok());
    QVERIFY(!lockFeet(clip, BodyPartMap(3)).ok());  // not this skeleton
    // No legs: every joint torso.
    const FootLockReport noLegs = lockFeet(clip, BodyPartMap(clip.jointCount()));
    QVERIFY(!noLegs.ok());
    QVERIFY(noLegs.error.find("leg") != std::string::npos);
    QVERIFY(!detectFootContacts(clip, BodyPartMap(clip.jointCount())).ok());
    // Contacts of another clip.
    const Clip other = walkClip(30, 3);
    const FootContacts fc = detectFootContacts(other, parts);
    QVERIFY(!lockFeet(clip, parts, {0, clip.frameCount()}, {}, kBothFeet, &fc).ok());
    QVERIFY(!detectFootContacts(Clip(clean.skeleton(), 0, 30), parts).ok());
    QVERIFY(untouched());
    // Nothing selected.
    QVERIFY(!lockFeet(clip, parts, {0, clip.frameCount()}, {}, {false, false}).ok());
    QVERIFY(untouched());
  }

  // A clip that needs nothing (feet planted still, never below the floor)
  // stays bit for bit the same.
  void cleanStandingIsUntouched() {
    const Clip clean(humanoid(100), 60, 30);  // rest pose, feet flat
    Clip clip = clean;
    const FootLockReport r = lockFeet(clip, BodyPartMap::detect(clip.skeleton()));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.contactsFound, 2);
    QCOMPARE(r.framesChanged, 0);
    QCOMPARE(r.maxCorrectionMeters, 0.0);
    for (int f = 0; f < clip.frameCount(); ++f) QVERIFY(sameFrame(clip, clean, f));
  }
};

QTEST_APPLESS_MAIN(TestFootLock)
#include "tst_footlock.moc"
