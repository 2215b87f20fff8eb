// Detectors fire on their artifact and stay silent on clean motion, at 30
// and 120 fps and in centimetres and metres.
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/analysiscontext.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/rotations.h"

#include <QtTest>

#include <cmath>

using namespace mm;

namespace {

// A small humanoid (Bandai-style names) walking-ish: smooth sinusoids on
// every joint and a root moving forward at 1.2 m/s. Elbows and knees keep a
// bend the natural way under their sinusoids (40 degrees forward for the
// elbows, 25 with the shin back for the knees), so they never bend backwards.
// `scale` = units per metre.
Clip smoothClip(double fps, double scale, double seconds = 4.0) {
  Skeleton s;
  auto add = [&](const char* name, int parent, double x, double y, double z) {
    return s.addJoint(name, parent, Eigen::Vector3d(x, y, z) * scale);
  };
  const int hips = add("Hips", Skeleton::kNoParent, 0, 0.95, 0);
  const int spine = add("Spine", hips, 0, 0.15, 0);
  const int chest = add("Chest", spine, 0, 0.2, 0);
  const int neck = add("Neck", chest, 0, 0.2, 0);
  add("Head", neck, 0, 0.1, 0);
  for (int side = 0; side < 2; ++side) {
    const double sx = side == 0 ? 1 : -1;
    const std::string suf = side == 0 ? "_L" : "_R";
    const int sh = s.addJoint("Shoulder" + suf, chest, Eigen::Vector3d(0.05 * sx, 0.15, 0) * scale);
    const int ua = s.addJoint("UpperArm" + suf, sh, Eigen::Vector3d(0.12 * sx, 0, 0) * scale);
    const int la = s.addJoint("LowerArm" + suf, ua, Eigen::Vector3d(0.28 * sx, 0, 0) * scale);
    s.addJoint("Hand" + suf, la, Eigen::Vector3d(0.25 * sx, 0, 0) * scale);
  }
  for (int side = 0; side < 2; ++side) {
    const double sx = side == 0 ? 1 : -1;
    const std::string suf = side == 0 ? "_L" : "_R";
    const int ul = s.addJoint("UpperLeg" + suf, hips, Eigen::Vector3d(0.1 * sx, -0.05, 0) * scale);
    const int ll = s.addJoint("LowerLeg" + suf, ul, Eigen::Vector3d(0, -0.42, 0) * scale);
    const int ft = s.addJoint("Foot" + suf, ll, Eigen::Vector3d(0, -0.42, 0) * scale);
    s.addJoint("Toes" + suf, ft, Eigen::Vector3d(0, -0.05, 0.12) * scale);
  }
  const int frames = static_cast<int>(seconds * fps);
  // A constant left factor leaves the frame-to-frame rotations untouched.
  std::vector<Eigen::Quaterniond> flex(s.jointCount(), Eigen::Quaterniond::Identity());
  flex[s.findJoint("LowerArm_L")] = axisQuatDegrees(1, -40);
  flex[s.findJoint("LowerArm_R")] = axisQuatDegrees(1, 40);
  flex[s.findJoint("LowerLeg_L")] = axisQuatDegrees(0, 25);
  flex[s.findJoint("LowerLeg_R")] = axisQuatDegrees(0, 25);
  Clip c(s, frames, fps);
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps;
    c.translation(f, 0) = Eigen::Vector3d(0, 0.95 + 0.02 * std::sin(2 * kPi * 2 * t), 1.2 * t) * scale;
    for (int j = 0; j < c.jointCount(); ++j) {
      const double phase = 0.7 * j;
      const Eigen::Vector3d a(degToRad(20 * std::sin(2 * kPi * 1.0 * t + phase)),
                              degToRad(10 * std::sin(2 * kPi * 0.5 * t + 2 * phase)),
                              degToRad(15 * std::cos(2 * kPi * 0.8 * t + phase)));
      c.rotation(f, j) = flex[j] * eulerToQuat(a, EulerOrder::ZXY);
    }
  }
  return c;
}

// Standing in place: the upper body moves as in smoothClip (elbows bent),
// the root holds its height and turn and sways 2 cm sideways at 0.5 Hz, the
// legs hang straight, so both feet rest on the floor throughout.
Clip standClip(double fps, double scale, double seconds = 4.0) {
  Clip c = smoothClip(fps, scale, seconds);
  const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
  for (int f = 0; f < c.frameCount(); ++f) {
    c.translation(f, 0) = Eigen::Vector3d(0.02 * std::sin(kPi * f / fps), 0.95, 0) * scale;
    c.rotation(f, 0).setIdentity();
    for (BodyPart leg : {BodyPart::LeftLeg, BodyPart::RightLeg})
      for (int j : parts.jointsOf(leg)) c.rotation(f, j).setIdentity();
  }
  return c;
}

// Raised-cosine ramp in and out over `ramp` frames of [start, end), 1 between.
double ease(int f, int start, int end, int ramp) {
  if (f < start || f >= end) return 0.0;
  const int edge = std::min(f - start, end - 1 - f);
  return edge >= ramp ? 1.0 : 0.5 * (1.0 - std::cos(kPi * (edge + 1) / (ramp + 1)));
}

int flaggedFrames(const QualityReport& r, ArtifactType type, BodyPart part) {
  int n = 0;
  for (int f = 0; f < r.frameCount(); ++f) n += r.score(type, f, part) >= 0.5f;
  return n;
}

int flaggedAny(const QualityReport& r) {
  int n = 0;
  for (int f = 0; f < r.frameCount(); ++f) n += r.frameQuality(f) < 0.5f;
  return n;
}


// Smoothstep 0..1 of frame f over [a, b) (0 before, 1 after).
double smooth01(double t, double a, double b) {
  if (t <= a) return 0.0;
  if (t >= b) return 1.0;
  const double x = (t - a) / (b - a);
  return x * x * (3.0 - 2.0 * x);
}

// Sets the legs of frame f so each ankle reaches its target (metres, world,
// the root unrotated), the knees bending forward, the feet flat: an
// analytic two-bone solve in the sagittal plane of smoothClip's legs
// (thigh and shin 0.42 m, hanging along -Y, toes along +Z).
void placeLegs(Clip& c, int f, const Eigen::Vector3d& hips, const Eigen::Vector3d ankles[2], double scale) {
  const char* names[2][3] = {{"UpperLeg_L", "LowerLeg_L", "Foot_L"}, {"UpperLeg_R", "LowerLeg_R", "Foot_R"}};
  c.translation(f, 0) = hips * scale;
  c.rotation(f, 0).setIdentity();
  for (int side = 0; side < 2; ++side) {
    const Eigen::Vector3d hip = hips + Eigen::Vector3d(side == 0 ? 0.1 : -0.1, -0.05, 0);
    const double dy = ankles[side].y() - hip.y(), dz = ankles[side].z() - hip.z();
    const double a = 0.42, b = 0.42;
    const double d = std::min(std::sqrt(dy * dy + dz * dz), 0.999 * (a + b));
    const double knee = std::acos(std::clamp((d * d - a * a - b * b) / (2 * a * b), -1.0, 1.0));
    const double alpha = std::atan2(-dz, -dy);
    const double beta = std::asin(std::clamp(b * std::sin(knee) / d, -1.0, 1.0));
    const double thigh = alpha - beta;  // about +X: positive swings the thigh back
    c.rotation(f, c.skeleton().findJoint(names[side][0])) = Eigen::Quaterniond(Eigen::AngleAxisd(thigh, Eigen::Vector3d::UnitX()));
    c.rotation(f, c.skeleton().findJoint(names[side][1])) = Eigen::Quaterniond(Eigen::AngleAxisd(knee, Eigen::Vector3d::UnitX()));
    c.rotation(f, c.skeleton().findJoint(names[side][2])) =
        Eigen::Quaterniond(Eigen::AngleAxisd(-(thigh + knee), Eigen::Vector3d::UnitX()));
  }
}

// A climb: standing on the floor for 1 s, the left foot steps onto a 40 cm
// box in front, then the right; 2 s standing on the box; the right foot
// steps back down, then the left; 1.4 s standing on the floor. Each step
// swings its foot on an arc while the other foot stays planted; the upper
// body moves as in smoothClip.
Clip climbClip(double fps, double scale, double boxSeconds = 2.0) {
  const double extra = boxSeconds - 2.0;  // the later phases shift by this
  Clip c = smoothClip(fps, scale, 7.0 + extra);
  const double box = 0.40, ankle = 0.06, front = 0.45;
  const Eigen::Vector3d floorL(0.1, ankle, 0), floorR(-0.1, ankle, 0);
  const Eigen::Vector3d boxL(0.1, ankle + box, front), boxR(-0.1, ankle + box, front);
  const Eigen::Vector3d hipsFloor(0, 0.92, 0), hipsStep(0, 0.92, 0.12), hipsBox(0, 1.28, front);
  auto swing = [](const Eigen::Vector3d& from, const Eigen::Vector3d& to, double s) {
    return Eigen::Vector3d(from + (to - from) * s + Eigen::Vector3d(0, 0.1 * std::sin(kPi * s), 0));
  };
  for (int f = 0; f < c.frameCount(); ++f) {
    double t = f / fps;
    if (t >= 4.4 + extra) t -= extra;  // after the stay on the box
    else if (t >= 2.4) t = std::min(t, 4.4 - 1e-9);
    Eigen::Vector3d hips = hipsFloor, feet[2] = {floorL, floorR};
    if (t < 1.0) {
    } else if (t < 1.6) {  // left foot up
      const double s = smooth01(t, 1.0, 1.6);
      hips = hipsFloor + (hipsStep - hipsFloor) * s;
      feet[0] = swing(floorL, boxL, s);
    } else if (t < 2.4) {  // right foot up, the body rises
      const double s = smooth01(t, 1.6, 2.4);
      hips = hipsStep + (hipsBox - hipsStep) * s;
      feet[0] = boxL;
      feet[1] = swing(floorR, boxR, s);
    } else if (t < 4.4) {  // on the box
      hips = hipsBox;
      feet[0] = boxL;
      feet[1] = boxR;
    } else if (t < 5.0) {  // right foot down
      const double s = smooth01(t, 4.4, 5.0);
      hips = hipsBox + (hipsStep - hipsBox) * s;
      feet[0] = boxL;
      feet[1] = swing(boxR, floorR, s);
    } else if (t < 5.6) {  // left foot down
      const double s = smooth01(t, 5.0, 5.6);
      hips = hipsStep + (hipsFloor - hipsStep) * s;
      feet[0] = swing(boxL, floorL, s);
    }
    placeLegs(c, f, hips, feet, scale);
  }
  c.makeSignContinuous();
  return c;
}

// A hang: the hands hold a bar above the head for the whole take (arms
// up, torso still). The body stands for 1 s, lifts its feet off the ground
// (knees bent, 0.5 s), hangs 3 s with the legs swinging back and forth
// (2.5 s of it at full swing), lowers them (0.5 s) and stands again for 1 s.
Clip hangClip(double fps, double scale) {
  Clip c = smoothClip(fps, scale, 6.0);
  const Skeleton& s = c.skeleton();
  for (int f = 0; f < c.frameCount(); ++f) {
    const double t = f / fps;
    c.translation(f, 0) = Eigen::Vector3d(0, 0.95, 0) * scale;
    for (int j = 0; j < c.jointCount(); ++j) c.rotation(f, j).setIdentity();
    // Arms straight up, elbows bent 15 degrees the natural way.
    c.rotation(f, s.findJoint("UpperArm_L")) = axisQuatDegrees(2, 90);
    c.rotation(f, s.findJoint("UpperArm_R")) = axisQuatDegrees(2, -90);
    c.rotation(f, s.findJoint("LowerArm_L")) = axisQuatDegrees(1, -15);
    c.rotation(f, s.findJoint("LowerArm_R")) = axisQuatDegrees(1, 15);
    // 0 standing, 1 hanging with the legs lifted.
    const double lift = smooth01(t, 1.0, 1.5) * (1.0 - smooth01(t, 4.5, 5.0));
    for (const char* side : {"_L", "_R"}) {
      const double phase = side[1] == 'L' ? 0.0 : 0.6;
      // The swing fades in after the lift and out before the feet come down.
      const double swing = smooth01(t, 1.5, 2.0) * (1.0 - smooth01(t, 4.0, 4.5));
      const double swingDeg = swing * 20.0 * std::sin(2 * kPi * 0.5 * (t - 1.5) + phase);
      // Standing legs sway half a degree, as a real body's do (a part that
      // holds perfectly still next to motion reads as frozen).
      const double sway = 0.5 * std::sin(2 * kPi * 0.7 * t + phase);
      c.rotation(f, s.findJoint(std::string("UpperLeg") + side)) = axisQuatDegrees(0, -swingDeg - 45.0 * lift + sway);
      c.rotation(f, s.findJoint(std::string("LowerLeg") + side)) =
          axisQuatDegrees(0, 2.0 + lift * 90.0 + swing * 15.0 * std::sin(2 * kPi * 0.5 * (t - 1.5) + phase + 1.0) + sway);
    }
    // Marker noise of a few hundredths of a degree on every joint, as real
    // takes carry (a pure sinusoid swing is smoother than any recording).
    for (int j = 0; j < c.jointCount(); ++j) {
      const unsigned h = static_cast<unsigned>(f * 7919 + j * 104729) * 2654435761u;
      const Eigen::Vector3d n((h & 1023) / 1023.0 - 0.5, ((h >> 10) & 1023) / 1023.0 - 0.5, ((h >> 20) & 1023) / 1023.0 - 0.5);
      c.rotation(f, j) = c.rotation(f, j) * eulerToQuat(n * degToRad(0.06), EulerOrder::ZXY);
    }
  }
  c.makeSignContinuous();
  return c;
}

QString flagSummary(const QualityReport& r) {
  QStringList out;
  for (const ArtifactSpan& a : r.artifacts())
    out << QString("%1 %2-%3").arg(artifactTypeName(a.type)).arg(a.start).arg(a.end);
  return out.join(", ");
}

}  // namespace

class TestQuality : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void variants_data() {
    QTest::addColumn<double>("fps");
    QTest::addColumn<double>("scale");
    QTest::newRow("30fps cm") << 30.0 << 100.0;
    QTest::newRow("30fps m") << 30.0 << 1.0;
    QTest::newRow("120fps cm") << 120.0 << 100.0;
    QTest::newRow("120fps m") << 120.0 << 1.0;
  }

  void cleanIsSilent_data() { variants_data(); }
  void cleanIsSilent() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    const QualityReport r = analyzeQuality(smoothClip(fps, scale));
    QCOMPARE(flaggedAny(r), 0);
    QVERIFY(r.artifacts().empty());
    QCOMPARE(r.frameQuality(10), 1.0f);
  }

  // A 30 degree pop on the left forearm over 0.05 s: exactly those frames,
  // on the left arm only.
  void popOnJoint_data() { variants_data(); }
  void popOnJoint() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    const int joint = c.skeleton().findJoint("LowerArm_L");
    const int start = static_cast<int>(1.5 * fps);
    const int len = std::max(1, static_cast<int>(std::lround(0.05 * fps)));
    const Eigen::Quaterniond jump(Eigen::AngleAxisd(degToRad(30), Eigen::Vector3d(0, 0, 1)));
    for (int f = start; f < start + len; ++f) c.rotation(f, joint) = jump * c.rotation(f, joint);
    const QualityReport r = analyzeQuality(c);
    for (int f = 0; f < c.frameCount(); ++f) {
      const bool inside = f >= start && f < start + len;
      QVERIFY2((r.score(ArtifactType::Pop, f, BodyPart::LeftArm) >= 0.5f) == inside, qPrintable(QString::number(f)));
    }
    QCOMPARE(flaggedFrames(r, ArtifactType::Pop, BodyPart::RightArm), 0);
    QCOMPARE(flaggedFrames(r, ArtifactType::Pop, BodyPart::Torso), 0);
    QCOMPARE(r.artifacts().size(), size_t(1));
    QCOMPARE(r.artifacts()[0].type, ArtifactType::Pop);
    QCOMPARE(r.artifacts()[0].start, start);
    QCOMPARE(r.artifacts()[0].end, start + len);
  }

  // A pop holding the first or the last 0.05 s of a take shows one jump
  // only; it is still found, on exactly those frames.
  void popAtTakeEdges_data() { variants_data(); }
  void popAtTakeEdges() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    const int len = std::max(2, static_cast<int>(std::lround(0.05 * fps)));
    for (bool atStart : {true, false}) {
      Clip c = smoothClip(fps, scale);
      const int joint = c.skeleton().findJoint("LowerLeg_R");
      const int start = atStart ? 0 : c.frameCount() - len, end = start + len;
      const Eigen::Quaterniond jump(Eigen::AngleAxisd(degToRad(40), Eigen::Vector3d(1, 0, 0)));
      for (int f = start; f < end; ++f) c.rotation(f, joint) = jump * c.rotation(f, joint);
      const QualityReport r = analyzeQuality(c);
      for (int f = 0; f < c.frameCount(); ++f)
        QVERIFY2((r.score(ArtifactType::Pop, f, BodyPart::RightLeg) >= 0.5f) == (f >= start && f < end),
                 qPrintable(QString("%1 %2").arg(atStart).arg(f)));
    }
  }

  // A frozen span ends with a catch-up jump to where the motion went on;
  // that step belongs to the frozen span, it is no pop.
  void frozenCatchUpIsNoPop_data() { variants_data(); }
  void frozenCatchUpIsNoPop() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    for (int start : {static_cast<int>(0.05 * fps) + 1, static_cast<int>(2.0 * fps)}) {
      const int end = start + static_cast<int>(0.5 * fps);
      for (int f = start; f < end; ++f)
        for (int j = 0; j < c.jointCount(); ++j) {
          c.rotation(f, j) = c.rotation(start - 1, j);
          if (c.hasTrack(j)) c.translation(f, j) = c.translation(start - 1, j);
        }
    }
    const QualityReport r = analyzeQuality(c);
    QVERIFY(flaggedAny(r) > 0);
    for (BodyPart p : kAllBodyParts) QCOMPARE(flaggedFrames(r, ArtifactType::Pop, p), 0);
  }

  // The root jumps 10 cm for one frame: all parts, that frame.
  void rootPop_data() { variants_data(); }
  void rootPop() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    const int at = static_cast<int>(2.0 * fps);
    c.translation(at, 0) += Eigen::Vector3d(0.1, 0, 0) * scale;
    const QualityReport r = analyzeQuality(c);
    for (BodyPart p : kAllBodyParts) {
      QCOMPARE(flaggedFrames(r, ArtifactType::Pop, p), 1);
      QVERIFY(r.score(ArtifactType::Pop, at, p) >= 0.5f);
    }
  }

  // A frozen span of 0.3 s (each frame a copy of the frame before) is found
  // exactly; a take that stands still is not frozen.
  void frozen_data() { variants_data(); }
  void frozen() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    const int start = static_cast<int>(1.0 * fps), end = start + static_cast<int>(0.3 * fps);
    for (int f = start; f < end; ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        c.rotation(f, j) = c.rotation(start - 1, j);
        if (c.hasTrack(j)) c.translation(f, j) = c.translation(start - 1, j);
      }
    const QualityReport r = analyzeQuality(c);
    for (int f = 0; f < c.frameCount(); ++f)
      QVERIFY2((r.score(ArtifactType::Frozen, f, BodyPart::LeftLeg) >= 0.5f) == (f >= start && f < end),
               qPrintable(QString::number(f)));

    Clip still = smoothClip(fps, scale);
    for (int f = 1; f < still.frameCount(); ++f)
      for (int j = 0; j < still.jointCount(); ++j) {
        still.rotation(f, j) = still.rotation(0, j);
        if (still.hasTrack(j)) still.translation(f, j) = still.translation(0, j);
      }
    QCOMPARE(flaggedAny(analyzeQuality(still)), 0);
  }

  // Noise of 6 degrees on the right arm over 1 s.
  void jitter_data() { variants_data(); }
  void jitter() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    const int start = static_cast<int>(1.0 * fps), end = static_cast<int>(2.0 * fps);
    uint64_t state = 12345;
    auto noise = [&] {  // portable LCG, uniform in [-1, 1]
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return ((state >> 11) * (1.0 / 9007199254740992.0)) * 2.0 - 1.0;
    };
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    for (int f = start; f < end; ++f)
      for (int j : parts.jointsOf(BodyPart::RightArm)) {
        const Eigen::Vector3d n(noise(), noise(), noise());
        c.rotation(f, j) = eulerToQuat(n * degToRad(6.0 * std::sqrt(3.0)), EulerOrder::XYZ) * c.rotation(f, j);
      }
    const QualityReport r = analyzeQuality(c);
    const int hit = flaggedFrames(r, ArtifactType::Jitter, BodyPart::RightArm);
    QVERIFY2(hit >= 0.8 * (end - start), qPrintable(QString::number(hit)));
    int outside = 0;
    for (int f = 0; f < c.frameCount(); ++f)
      if (f < start - 0.15 * fps || f >= end + 0.15 * fps) outside += r.score(ArtifactType::Jitter, f, BodyPart::RightArm) >= 0.5f;
    QCOMPARE(outside, 0);
    QCOMPARE(flaggedFrames(r, ArtifactType::Jitter, BodyPart::LeftArm), 0);
  }

  // Left and right arm rotations swapped for 0.5 s (what a marker-labelling
  // swap does to a solved skeleton): both arms flagged over exactly that span.
  void limbSwap_data() { variants_data(); }
  void limbSwap() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    const std::vector<int> left = parts.jointsOf(BodyPart::LeftArm), right = parts.jointsOf(BodyPart::RightArm);
    QCOMPARE(left.size(), right.size());
    // Arms in clearly different poses (left raised 45 degrees throughout), as
    // a swap is only visible when the limbs differ.
    const Eigen::Quaterniond raise(Eigen::AngleAxisd(degToRad(45), Eigen::Vector3d::UnitZ()));
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j : left) c.rotation(f, j) = raise * c.rotation(f, j);
    QCOMPARE(flaggedAny(analyzeQuality(c)), 0);
    const int start = static_cast<int>(1.0 * fps), end = start + static_cast<int>(0.5 * fps);
    // The rig is mirror-symmetric in X: a limb takes the other's pose mirrored.
    for (int f = start; f < end; ++f)
      for (size_t k = 0; k < left.size(); ++k) {
        const Eigen::Quaterniond l = c.rotation(f, left[k]);
        c.rotation(f, left[k]) = mirrorRotation(c.rotation(f, right[k]), 0);
        c.rotation(f, right[k]) = mirrorRotation(l, 0);
      }
    const QualityReport r = analyzeQuality(c);
    for (int f = 0; f < c.frameCount(); ++f) {
      const bool inside = f >= start && f < end;
      QVERIFY2((r.score(ArtifactType::Flip, f, BodyPart::LeftArm) >= 0.5f) == inside, qPrintable(QString::number(f)));
      QVERIFY2((r.score(ArtifactType::Flip, f, BodyPart::RightArm) >= 0.5f) == inside, qPrintable(QString::number(f)));
    }
    QCOMPARE(flaggedFrames(r, ArtifactType::Flip, BodyPart::LeftLeg), 0);
  }

  // Standing still, then the whole body slides 20 cm sideways and back over
  // 0.6 s with the feet on the floor: both feet skate, at no other time.
  void footSkate_data() { variants_data(); }
  void footSkate() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        c.rotation(f, j).setIdentity();
        if (c.hasTrack(j)) c.translation(f, j) = c.skeleton().offset(j);
      }
    const int start = static_cast<int>(1.0 * fps), len = static_cast<int>(0.6 * fps);
    for (int k = 0; k < len; ++k)
      c.translation(start + k, 0).x() += 0.2 * scale * std::sin(kPi * (k + 0.5) / len);
    const QualityReport r = analyzeQuality(c);
    const int left = flaggedFrames(r, ArtifactType::FootSkate, BodyPart::LeftLeg);
    QVERIFY2(left >= len / 2, qPrintable(QString::number(left)));
    QCOMPARE(flaggedFrames(r, ArtifactType::FootSkate, BodyPart::RightLeg), left);
    for (int f = 0; f < c.frameCount(); ++f)
      if (f < start || f > start + len) QVERIFY(r.score(ArtifactType::FootSkate, f, BodyPart::LeftLeg) < 0.5f);
    QCOMPARE(flaggedFrames(r, ArtifactType::Pop, BodyPart::Torso), 0);
  }

  // Motion with real high-frequency detail (a 9 Hz component on every
  // joint), Gaussian-blurred (sigma 0.15 s) over 1 s: flagged on all parts
  // inside the blur, nowhere well outside it.
  void overSmoothing() {
    const double fps = 60;
    Clip c = smoothClip(fps, 100, 5.0);
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 1; j < c.jointCount(); ++j) {
        const double a = degToRad(2.0 * std::sin(2 * kPi * 9.0 * f / fps + j));
        c.rotation(f, j) = c.rotation(f, j) * Eigen::Quaterniond(Eigen::AngleAxisd(a, Eigen::Vector3d::UnitX()));
      }
    const Clip original = c;
    const int start = static_cast<int>(2.0 * fps), end = static_cast<int>(3.0 * fps);
    const double sigma = 0.15 * fps;
    for (int f = start; f < end; ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        Eigen::Vector4d sum = Eigen::Vector4d::Zero();
        for (int k = -3 * static_cast<int>(sigma); k <= 3 * static_cast<int>(sigma); ++k) {
          const int g = std::clamp(f + k, 0, c.frameCount() - 1);
          sum += std::exp(-0.5 * k * k / (sigma * sigma)) * alignSign(original.rotation(g, j), original.rotation(f, j)).coeffs();
        }
        c.rotation(f, j).coeffs() = sum.normalized();
      }
    c.makeSignContinuous();
    const QualityReport r = analyzeQuality(c);
    const int inside = flaggedFrames(r, ArtifactType::OverSmoothed, BodyPart::LeftArm);
    QVERIFY2(inside >= 0.5 * (end - start), qPrintable(QString::number(inside)));
    for (int f = 0; f < c.frameCount(); ++f)
      if (f < start - 0.3 * fps || f >= end + 0.3 * fps)
        QVERIFY2(r.score(ArtifactType::OverSmoothed, f, BodyPart::Torso) < 0.5f, qPrintable(QString::number(f)));
    QCOMPARE(flaggedFrames(analyzeQuality(original), ArtifactType::OverSmoothed, BodyPart::Torso), 0);
  }

  // The body sinks 8 cm for 1 s (0.1 s ramps): both feet are under the
  // floor over the span and nowhere else. The span cannot drag the floor
  // down with it.
  void penetration_data() { variants_data(); }
  void penetration() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = standClip(fps, scale);
    QCOMPARE(flaggedAny(analyzeQuality(c)), 0);
    const int start = static_cast<int>(1.0 * fps), end = static_cast<int>(2.0 * fps), ramp = static_cast<int>(0.1 * fps);
    for (int f = start; f < end; ++f) c.translation(f, 0).y() -= 0.08 * scale * ease(f, start, end, ramp);
    const QualityReport r = analyzeQuality(c);
    for (BodyPart leg : {BodyPart::LeftLeg, BodyPart::RightLeg})
      for (int f = 0; f < c.frameCount(); ++f) {
        const bool deep = f >= start + ramp && f < end - ramp;
        const bool flagged = r.score(ArtifactType::Penetration, f, leg) >= 0.5f;
        QVERIFY2(!deep || flagged, qPrintable(QString::number(f)));
        QVERIFY2(flagged <= (f >= start && f < end), qPrintable(QString::number(f)));
      }
    QCOMPARE(flaggedFrames(r, ArtifactType::Penetration, BodyPart::Torso), 0);
    QCOMPARE(flaggedFrames(r, ArtifactType::Floating, BodyPart::Torso), 0);
  }

  // Raised 25 cm for 1.5 s: floating over the span on all parts. A jump of
  // 0.5 s airtime (a parabola under g, 31 cm high) is not; a "jump" of 1.2 s
  // airtime, as long as no one jumps, is.
  void floating_data() { variants_data(); }
  void floating() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    const Clip clean = standClip(fps, scale);
    const int start = static_cast<int>(1.0 * fps), end = static_cast<int>(2.5 * fps), ramp = static_cast<int>(0.15 * fps);
    Clip c = clean;
    for (int f = start; f < end; ++f) c.translation(f, 0).y() += 0.25 * scale * ease(f, start, end, ramp);
    QualityReport r = analyzeQuality(c);
    for (BodyPart p : kAllBodyParts)
      for (int f = 0; f < c.frameCount(); ++f) {
        const bool flagged = r.score(ArtifactType::Floating, f, p) >= 0.5f;
        if (f >= start + ramp && f < end - ramp) QVERIFY2(flagged, qPrintable(QString::number(f)));
        if (f < start || f >= end) QVERIFY2(!flagged, qPrintable(QString::number(f)));
      }
    QCOMPARE(flaggedFrames(r, ArtifactType::Penetration, BodyPart::LeftLeg), 0);

    auto jump = [&](double airtime) {
      Clip j = clean;
      const double v0 = 0.5 * 9.81 * airtime;
      const int n = static_cast<int>(std::lround(airtime * fps));
      for (int k = 0; k <= n; ++k) {
        const double t = k / fps;
        j.translation(start + k, 0).y() += std::max(0.0, v0 * t - 0.5 * 9.81 * t * t) * scale;
      }
      return analyzeQuality(j);
    };
    r = jump(0.5);
    QCOMPARE(flaggedFrames(r, ArtifactType::Floating, BodyPart::Torso), 0);
    QCOMPARE(flaggedAny(r), 0);
    r = jump(1.2);
    QVERIFY(flaggedFrames(r, ArtifactType::Floating, BodyPart::Torso) > fps);
  }

  // Bone tracks on every joint: clean, they hold their length. The left
  // forearm bone 20 % longer for 1 s is a stretch of the left arm, exactly
  // there.
  void stretch_data() { variants_data(); }
  void stretch() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = smoothClip(fps, scale);
    for (int j = 0; j < c.jointCount(); ++j) c.addTrack(j);
    QCOMPARE(flaggedAny(analyzeQuality(c)), 0);
    const int joint = c.skeleton().findJoint("LowerArm_L");
    const int start = static_cast<int>(1.0 * fps), end = static_cast<int>(2.0 * fps);
    for (int f = start; f < end; ++f) c.translation(f, joint) *= 1.2;
    const QualityReport r = analyzeQuality(c);
    for (int f = 0; f < c.frameCount(); ++f)
      QVERIFY2((r.score(ArtifactType::Stretch, f, BodyPart::LeftArm) >= 0.5f) == (f >= start && f < end),
               qPrintable(QString::number(f)));
    for (BodyPart p : {BodyPart::Torso, BodyPart::RightArm, BodyPart::LeftLeg, BodyPart::RightLeg})
      QCOMPARE(flaggedFrames(r, ArtifactType::Stretch, p), 0);
  }

  // The left knee bent 30 degrees backwards (straight legs: the toe tells
  // which way is back) and the right elbow 50 degrees past its natural
  // 40 degree bend: each flagged on its own limb over its span.
  void hyperextension_data() { variants_data(); }
  void hyperextension() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip c = standClip(fps, scale);
    const int knee = c.skeleton().findJoint("LowerLeg_L"), elbow = c.skeleton().findJoint("LowerArm_R");
    const int kneeStart = static_cast<int>(1.0 * fps), kneeEnd = static_cast<int>(1.6 * fps);
    const int elbowStart = static_cast<int>(2.5 * fps), elbowEnd = static_cast<int>(3.0 * fps);
    for (int f = kneeStart; f < kneeEnd; ++f) c.rotation(f, knee) = axisQuatDegrees(0, -30);
    // The right elbow's natural bend is +40 about Y; -50 more bends it back.
    for (int f = elbowStart; f < elbowEnd; ++f) c.rotation(f, elbow) = axisQuatDegrees(1, -90) * c.rotation(f, elbow);
    c.makeSignContinuous();
    const QualityReport r = analyzeQuality(c);
    for (int f = 0; f < c.frameCount(); ++f)
      QVERIFY2((r.score(ArtifactType::Hyperextension, f, BodyPart::LeftLeg) >= 0.5f) == (f >= kneeStart && f < kneeEnd),
               qPrintable(QString::number(f)));
    const int margin = static_cast<int>(0.2 * fps);
    for (int f = 0; f < c.frameCount(); ++f) {
      const bool flagged = r.score(ArtifactType::Hyperextension, f, BodyPart::RightArm) >= 0.5f;
      if (f >= elbowStart && f < elbowEnd) QVERIFY2(flagged, qPrintable(QString::number(f)));
      if (f < elbowStart - margin || f >= elbowEnd + margin) QVERIFY2(!flagged, qPrintable(QString::number(f)));
    }
    QCOMPARE(flaggedFrames(r, ArtifactType::Hyperextension, BodyPart::LeftArm), 0);
    QCOMPARE(flaggedFrames(r, ArtifactType::Hyperextension, BodyPart::RightLeg), 0);
  }

  // The lab's injections of the four types on the standing clip (with bone
  // tracks): each is found on most of its labelled cells, and flags of its
  // type stay within 0.2 s of its span.
  void labInjections_data() { variants_data(); }
  void labInjections() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    Clip clean = standClip(fps, scale, 8.0);
    for (int j = 0; j < clean.jointCount(); ++j) clean.addTrack(j);
    QCOMPARE(flaggedAny(analyzeQuality(clean)), 0);
    for (ArtifactType type :
         {ArtifactType::Penetration, ArtifactType::Floating, ArtifactType::Stretch, ArtifactType::Hyperextension}) {
      for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        CorruptionConfig config;
        config.set(type, 1);
        const CorruptionResult c = corruptClip(clean, config, seed);
        QCOMPARE(c.artifacts.size(), size_t(1));
        const InjectedArtifact& a = c.artifacts[0];
        const QualityReport r = analyzeQuality(c.clip);
        int labelled = 0, found = 0, stray = 0;
        const int margin = static_cast<int>(0.2 * fps);
        for (int f = 0; f < c.clip.frameCount(); ++f)
          for (BodyPart p : kAllBodyParts) {
            const bool truth = c.labels.has(f, p, type), pred = r.score(type, f, p) >= 0.5f;
            labelled += truth;
            found += truth && pred;
            stray += pred && (f < a.start - margin || f >= a.end + margin);
          }
        const QString what = QString("%1 seed %2: %3 of %4, %5 stray")
                                 .arg(artifactTypeName(type)).arg(seed).arg(found).arg(labelled).arg(stray);
        QVERIFY2(found >= 0.6 * labelled, qPrintable(what));
        QVERIFY2(stray == 0, qPrintable(what));
      }
    }
  }


  // Feet planted on a 40 cm box for 2 s, then back on the floor: a person
  // on a box is not floating, and neither level is under the other's floor.
  // Ten seconds on the box, about three on the floor: the box is where the
  // feet rest most (the floor estimate's level), and the floor 40 cm under
  // it is a surface the feet step down onto, not a penetration.
  void longStayOnBoxIsClean_data() { variants_data(); }
  void longStayOnBoxIsClean() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    const Clip c = climbClip(fps, scale, 10.0);
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    const AnalysisContext ctx = AnalysisContext::build(c, parts);
    QVERIFY2(ctx.floor.level[0][0] > 0.3, "the box should be the floor estimate's level");
    const QualityReport r = analyzeQuality(c);
    QVERIFY2(flaggedAny(r) == 0, qPrintable(flagSummary(r)));
    QVERIFY2(r.artifacts().empty(), qPrintable(flagSummary(r)));
  }

  void climbOnBoxIsClean_data() { variants_data(); }
  void climbOnBoxIsClean() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    const Clip c = climbClip(fps, scale);
    const QualityReport r = analyzeQuality(c);
    QVERIFY2(flaggedAny(r) == 0, qPrintable(flagSummary(r)));
    QVERIFY2(r.artifacts().empty(), qPrintable(flagSummary(r)));
    // The same climb lifted off the box (the body raised 30 cm for the 2 s on
    // it, as a floating glitch would) is flagged: the box contacts rose
    // with the whole body.
    Clip lifted = c;
    for (int f = static_cast<int>(2.7 * fps); f < static_cast<int>(4.1 * fps); ++f) {
      const double s = ease(f, static_cast<int>(2.7 * fps), static_cast<int>(4.1 * fps), static_cast<int>(0.15 * fps));
      lifted.translation(f, 0).y() += 0.3 * s * scale;
    }
    const QualityReport rl = analyzeQuality(lifted);
    QVERIFY2(flaggedFrames(rl, ArtifactType::Floating, BodyPart::Torso) >= static_cast<int>(1.0 * fps), qPrintable(flagSummary(rl)));
  }

  // Hands fixed on a bar, feet off the ground for 3.5 s, legs swinging:
  // nothing flagged.
  void hangIsClean_data() { variants_data(); }
  void hangIsClean() {
    QFETCH(double, fps);
    QFETCH(double, scale);
    const Clip hang = hangClip(fps, scale);
    const QualityReport r = analyzeQuality(hang);
    QVERIFY2(flaggedAny(r) == 0, qPrintable(flagSummary(r)));
    QVERIFY2(r.artifacts().empty(), qPrintable(flagSummary(r)));
    // The same body with its arms down, holding nothing: it floats.
    Clip noBar = hang;
    for (int f = 0; f < noBar.frameCount(); ++f) {
      noBar.rotation(f, noBar.skeleton().findJoint("UpperArm_L")) = axisQuatDegrees(2, -70);
      noBar.rotation(f, noBar.skeleton().findJoint("UpperArm_R")) = axisQuatDegrees(2, 70);
    }
    const QualityReport rf = analyzeQuality(noBar);
    QVERIFY2(flaggedFrames(rf, ArtifactType::Floating, BodyPart::Torso) >= static_cast<int>(2.0 * fps), qPrintable(flagSummary(rf)));
  }

  // A preset that declares no reliable floor turns the floor-relative flags
  // into hints: none in the quality or the artifacts, all in hints().
  void noReliableFloorGivesHints() {
    Clip c = standClip(30, 100);
    for (int f = 40; f < 70; ++f) c.translation(f, 0).y() -= 10.0 * ease(f, 40, 70, 5);  // sinks 10 cm
    const QualityReport sure = analyzeQuality(c);
    QVERIFY(flaggedFrames(sure, ArtifactType::Penetration, BodyPart::LeftLeg) > 10);
    bool plausibility = false;
    for (const ArtifactSpan& a : sure.artifacts())
      if (a.type == ArtifactType::Penetration) {
        plausibility = a.kind() == ArtifactKind::Plausibility;
        QVERIFY(a.confidence >= kHintConfidence && a.confidence <= 1.0);
      }
    QVERIFY(plausibility);
    QualityPreset preset;
    preset.reliableFloor = false;
    const QualityReport hinted = analyzeQuality(c, preset);
    QCOMPARE(flaggedFrames(hinted, ArtifactType::Penetration, BodyPart::LeftLeg), 0);
    QCOMPARE(flaggedAny(hinted), 0);
    bool hint = false;
    for (const ArtifactSpan& a : hinted.hints())
      hint = hint || (a.type == ArtifactType::Penetration && a.confidence < kHintConfidence && a.start >= 35 && a.end <= 75);
    QVERIFY(hint);
    QVERIFY(hinted.hintScore(ArtifactType::Penetration, 55, BodyPart::LeftLeg) >= 0.5f);
  }

  void kinds() {
    QCOMPARE(kindOf(ArtifactType::Pop), ArtifactKind::SignalGlitch);
    QCOMPARE(kindOf(ArtifactType::Frozen), ArtifactKind::SignalGlitch);
    QCOMPARE(kindOf(ArtifactType::Jitter), ArtifactKind::SignalGlitch);
    QCOMPARE(kindOf(ArtifactType::Flip), ArtifactKind::SignalGlitch);
    QCOMPARE(kindOf(ArtifactType::Missing), ArtifactKind::SignalGlitch);
    QCOMPARE(kindOf(ArtifactType::Stretch), ArtifactKind::SignalGlitch);
    QCOMPARE(kindOf(ArtifactType::Penetration), ArtifactKind::Plausibility);
    QCOMPARE(kindOf(ArtifactType::Floating), ArtifactKind::Plausibility);
    QCOMPARE(kindOf(ArtifactType::FootSkate), ArtifactKind::Plausibility);
    QCOMPARE(kindOf(ArtifactType::Hyperextension), ArtifactKind::Plausibility);
    QCOMPARE(kindOf(ArtifactType::OverSmoothed), ArtifactKind::Plausibility);
  }

  // Confidence travels from the flags to the spans; hints stay apart.
  void confidenceAndHints() {
    QualityReport r(50);
    r.flag(ArtifactType::Penetration, 10, BodyPart::LeftLeg, 0.8f, 0.7f);
    r.flag(ArtifactType::Penetration, 11, BodyPart::LeftLeg, 0.8f, 0.9f);
    r.flag(ArtifactType::Pop, 20, BodyPart::Torso, 1.0f);
    r.flag(ArtifactType::Floating, 30, BodyPart::Torso, 0.75f, 0.3f);
    r.buildSpans(0);
    QCOMPARE(r.artifacts().size(), size_t(2));
    QCOMPARE(r.artifacts()[0].type, ArtifactType::Penetration);
    QCOMPARE(r.artifacts()[0].confidence, double(0.9f));
    QCOMPARE(r.artifacts()[1].confidence, 1.0);
    QCOMPARE(r.confidence(ArtifactType::Penetration, 10, BodyPart::LeftLeg), 0.7f);
    QCOMPARE(r.confidence(ArtifactType::Pop, 20, BodyPart::Torso), 1.0f);
    QCOMPARE(r.frameQuality(30), 1.0f);
    QCOMPARE(r.hints().size(), size_t(1));
    QCOMPARE(r.hints()[0].type, ArtifactType::Floating);
    QCOMPARE(r.hints()[0].confidence, double(0.3f));
    QCOMPARE(r.hintScore(ArtifactType::Floating, 30, BodyPart::Torso), 0.75f);
  }

  void missing() {
    Clip c = smoothClip(30, 100);
    const int head = c.skeleton().findJoint("Head");
    for (int f = 40; f < 50; ++f) c.setValid(f, head, false);
    const QualityReport r = analyzeQuality(c);
    QCOMPARE(flaggedFrames(r, ArtifactType::Missing, BodyPart::Torso), 10);
    QCOMPARE(flaggedFrames(r, ArtifactType::Missing, BodyPart::LeftLeg), 0);
    bool found = false;
    for (const ArtifactSpan& a : r.artifacts())
      found = found || (a.type == ArtifactType::Missing && a.start == 40 && a.end == 50 && a.hasPart(BodyPart::Torso));
    QVERIFY(found);
  }

  void spansMergeAcrossSmallGaps() {
    QualityReport r(100);
    r.flag(ArtifactType::Pop, 10, BodyPart::Torso, 1.0f);
    r.flag(ArtifactType::Pop, 12, BodyPart::LeftArm, 0.7f);
    r.flag(ArtifactType::Pop, 30, BodyPart::Torso, 0.6f);
    r.buildSpans(1);
    QCOMPARE(r.artifacts().size(), size_t(2));
    QCOMPARE(r.artifacts()[0].start, 10);
    QCOMPARE(r.artifacts()[0].end, 13);
    QVERIFY(r.artifacts()[0].hasPart(BodyPart::LeftArm) && r.artifacts()[0].hasPart(BodyPart::Torso));
    QCOMPARE(r.artifacts()[0].severity, 1.0);
    QCOMPARE(r.partQuality(12, BodyPart::LeftArm), 0.3f);
  }

  void jobValidation() {
    const Clip c = smoothClip(30, 100, 1.0);
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    QualityReport out;
    QVERIFY((QualityAnalysisJob{&c, &parts, {}, &out}.run()));
    QCOMPARE(out.frameCount(), c.frameCount());
    QVERIFY(!(QualityAnalysisJob{nullptr, &parts, {}, &out}.run()));
    QVERIFY(!(QualityAnalysisJob{&c, nullptr, {}, &out}.run()));
    QVERIFY(!(QualityAnalysisJob{&c, &parts, {}, nullptr}.run()));
    const BodyPartMap wrong(3);
    QVERIFY(!(QualityAnalysisJob{&c, &wrong, {}, &out}.run()));
  }

  // Progress rises from 0 to 1 in many small steps (the editor shows it and
  // polls cancel through it), and the result equals an analysis without it.
  void progressReportsEveryPass() {
    const Clip c = smoothClip(120, 100, 60.0);  // 7,200 frames
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    std::vector<double> seen;
    QualityReport withProgress;
    QualityAnalysisJob job{&c, &parts, {}, &withProgress};
    job.progress = [&seen](double f) {
      seen.push_back(f);
      return true;
    };
    QVERIFY(job.run());
    QVERIFY2(seen.size() >= 20, qPrintable(QString::number(seen.size())));
    QCOMPARE(seen.front(), 0.0);
    QCOMPARE(seen.back(), 1.0);
    for (size_t i = 1; i < seen.size(); ++i) QVERIFY(seen[i] >= seen[i - 1]);
    const QualityReport plain = analyzeQuality(c);
    QCOMPARE(withProgress.frameQuality(3000), plain.frameQuality(3000));
    QCOMPARE(withProgress.artifacts().size(), plain.artifacts().size());
  }

  // Returning false stops the analysis at the next step: no more calls,
  // run() is false and the output is left as it was.
  void progressStops() {
    const Clip c = smoothClip(120, 100, 60.0);
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    for (double stopAt : {0.0, 0.3, 0.8, 0.99}) {
      QualityReport out(7);
      int callsAfterStop = 0;
      bool stopped = false;
      QualityAnalysisJob job{&c, &parts, {}, &out};
      job.progress = [&](double f) {
        if (stopped) ++callsAfterStop;
        stopped = stopped || f >= stopAt;
        return !stopped;
      };
      QVERIFY(!job.run());
      QCOMPARE(callsAfterStop, 0);
      QCOMPARE(out.frameCount(), 7);
    }
    // The reused context of an analyzer stays usable after a stop.
    QualityAnalyzer analyzer;
    QualityReport out;
    QVERIFY(!analyzer.analyze(c, parts, {}, &out, [](double f) { return f < 0.5; }));
    QVERIFY(analyzer.analyze(c, parts, {}, &out, {}));
    QCOMPARE(out.artifacts().size(), analyzeQuality(c).artifacts().size());
  }
};

QTEST_APPLESS_MAIN(TestQuality)
#include "tst_quality.moc"
