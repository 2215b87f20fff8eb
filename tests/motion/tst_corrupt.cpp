#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/corrupt/injectors.h"
#include "motion/corrupt/portablerandom.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"
#include "testutil_rigs.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <string>

using namespace mm;

namespace {

// A small humanoid in a T-pose, Y up, facing +Z, its left side +X. `scale`
// 1 = centimetres, 0.01 = metres.
Skeleton humanoid(double scale) {
  Skeleton s;
  auto add = [&](const char* name, const char* parent, double x, double y, double z) {
    return s.addJoint(name, parent ? s.findJoint(parent) : Skeleton::kNoParent, Eigen::Vector3d(x, y, z) * scale);
  };
  add("Hips", nullptr, 0, 95, 0);
  add("Spine", "Hips", 0, 10, 0);
  add("Chest", "Spine", 0, 15, 0);
  add("Neck", "Chest", 0, 20, 0);
  add("Head", "Neck", 0, 10, 0);
  s.setEndSite(s.findJoint("Head"), Eigen::Vector3d(0, 10, 0) * scale);
  for (const char* side : {"L", "R"}) {
    const double x = side[0] == 'L' ? 1.0 : -1.0;
    const std::string sfx = std::string("_") + side;
    add(("Shoulder" + sfx).c_str(), "Chest", 5 * x, 12, 0);
    add(("UpperArm" + sfx).c_str(), ("Shoulder" + sfx).c_str(), 12 * x, 0, 0);
    add(("LowerArm" + sfx).c_str(), ("UpperArm" + sfx).c_str(), 28 * x, 0, 0);
    add(("Hand" + sfx).c_str(), ("LowerArm" + sfx).c_str(), 25 * x, 0, 0);
    s.setEndSite(s.findJoint("Hand" + sfx), Eigen::Vector3d(8 * x, 0, 0) * scale);
  }
  for (const char* side : {"L", "R"}) {
    const double x = side[0] == 'L' ? 1.0 : -1.0;
    const std::string sfx = std::string("_") + side;
    add(("UpperLeg" + sfx).c_str(), "Hips", 9 * x, 0, 0);
    add(("LowerLeg" + sfx).c_str(), ("UpperLeg" + sfx).c_str(), 0, -44, 0);
    add(("Foot" + sfx).c_str(), ("LowerLeg" + sfx).c_str(), 0, -42, 0);
    add(("Toes" + sfx).c_str(), ("Foot" + sfx).c_str(), 0, -6, 12);
    s.setEndSite(s.findJoint("Toes" + sfx), Eigen::Vector3d(0, 0, 5) * scale);
  }
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  return s;
}

Eigen::Quaterniond rx(double d) { return axisQuatDegrees(0, d); }
Eigen::Quaterniond ry(double d) { return axisQuatDegrees(1, d); }
Eigen::Quaterniond rz(double d) { return axisQuatDegrees(2, d); }

// A stylised walk in place: the legs swing alternately (each foot planted,
// knee bent, ankle under the hip, for half of every 2 s cycle), arms swing
// out of phase (so swapping them shows), a 5 Hz chest tremor gives the
// over-smoothing something to remove. The same motion in seconds at any fps.
Clip walkClip(double fps, double seconds, double scale = 1.0) {
  const Skeleton s = humanoid(scale);
  const int frames = static_cast<int>(std::lround(seconds * fps));
  Clip c(s, frames, fps);
  auto j = [&](const char* name) { return s.findJoint(name); };
  for (int f = 0; f < frames; ++f) {
    const double t = f / fps;
    const double w = 2.0 * kPi * t;
    const double phase = std::sin(0.5 * w);
    const double l = std::max(0.0, phase), r = std::max(0.0, -phase);
    c.translation(f, 0) = Eigen::Vector3d(0, 95 + 1.0 * std::sin(w), 0) * scale;
    c.rotation(f, 0) = ry(3 * std::sin(0.25 * w));
    c.rotation(f, j("Spine")) = rx(4 * std::sin(0.7 * w));
    c.rotation(f, j("Chest")) = ry(8 * std::sin(0.4 * w + 1)) * rx(3 * std::sin(5 * w));
    c.rotation(f, j("Neck")) = rx(5 * std::sin(0.3 * w));
    c.rotation(f, j("Head")) = ry(10 * std::sin(0.2 * w));
    const double arm = 25 * std::sin(0.5 * w);
    c.rotation(f, j("Shoulder_L")) = rz(5 * std::sin(0.5 * w));
    c.rotation(f, j("UpperArm_L")) = ry(arm) * rz(-70);
    c.rotation(f, j("LowerArm_L")) = ry(30 + 15 * std::sin(0.5 * w + 0.5));
    c.rotation(f, j("Hand_L")) = rx(10 * std::sin(1.1 * w));
    c.rotation(f, j("Shoulder_R")) = rz(-5 * std::sin(0.5 * w));
    c.rotation(f, j("UpperArm_R")) = ry(arm) * rz(70);
    c.rotation(f, j("LowerArm_R")) = ry(-30 - 15 * std::sin(0.5 * w + 0.5));
    c.rotation(f, j("Hand_R")) = rx(-10 * std::sin(1.1 * w));
    for (const auto& [sfx, lift] : {std::pair{"_L", l}, std::pair{"_R", r}}) {
      c.rotation(f, j((std::string("UpperLeg") + sfx).c_str())) = rx(-17 - 30 * lift);
      c.rotation(f, j((std::string("LowerLeg") + sfx).c_str())) = rx(35 + 40 * lift);
      c.rotation(f, j((std::string("Foot") + sfx).c_str())) = rx(-18 - 10 * lift);
      c.rotation(f, j((std::string("Toes") + sfx).c_str())) = rx(15 * lift);
    }
  }
  c.makeSignContinuous();
  return c;
}

// The walk with a translation track on every joint (holding its offset), as
// files whose joints carry position channels have: what stretch needs.
Clip withTracks(Clip c) {
  for (int j = 0; j < c.jointCount(); ++j) c.addTrack(j);
  return c;
}

bool sameBits(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b) {
  return std::memcmp(a.coeffs().data(), b.coeffs().data(), 4 * sizeof(double)) == 0;
}
bool sameBits(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::memcmp(a.data(), b.data(), 3 * sizeof(double)) == 0;
}
bool sameFrame(const Clip& a, const Clip& b, int f) {
  for (int j = 0; j < a.jointCount(); ++j) {
    if (!sameBits(a.rotation(f, j), b.rotation(f, j)) || a.isValid(f, j) != b.isValid(f, j)) return false;
    if (a.hasTrack(j) && !sameBits(a.translation(f, j), b.translation(f, j))) return false;
  }
  return true;
}
bool sameClip(const Clip& a, const Clip& b) {
  if (a.frameCount() != b.frameCount()) return false;
  for (int f = 0; f < a.frameCount(); ++f)
    if (!sameFrame(a, b, f)) return false;
  return true;
}

// The shared contract of every injector: frames outside the span untouched,
// labels exactly (span x parts x type), clip valid and sign-continuous.
// Returns an empty string or what went wrong.
QString checkContract(const Clip& clean, const Clip& out, const CorruptionLabels& labels, const InjectedArtifact& a) {
  if (!out.validate().empty()) return QString::fromStdString("invalid clip: " + out.validate());
  if (a.start < 0 || a.end > clean.frameCount() || a.start >= a.end) return "bad span";
  for (int f = 0; f < clean.frameCount(); ++f) {
    const bool inside = f >= a.start && f < a.end;
    if (!inside && !sameFrame(clean, out, f)) return QString("frame %1 outside the span changed").arg(f);
    for (BodyPart p : kAllBodyParts) {
      const std::uint16_t want = inside && (a.partMask & partBit(p)) ? artifactBit(a.type) : 0;
      if (labels.at(f, p) != want) return QString("label of frame %1 part %2 wrong").arg(f).arg(bodyPartName(p));
    }
    if (f > 0)
      for (int j = 0; j < out.jointCount(); ++j)
        if (out.rotation(f, j).coeffs().dot(out.rotation(f - 1, j).coeffs()) < 0)
          return QString("sign jump at frame %1 joint %2").arg(f).arg(j);
  }
  return {};
}

// Parts whose joints' local rotations differ from the clean clip inside the span.
std::uint8_t changedRotationParts(const Clip& clean, const Clip& out, const InjectedArtifact& a) {
  const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
  std::uint8_t mask = 0;
  for (int f = a.start; f < a.end; ++f)
    for (int j = 0; j < clean.jointCount(); ++j)
      if (!sameBits(clean.rotation(f, j), out.rotation(f, j))) mask |= partBit(parts.part(j));
  return mask;
}

using Injector = std::function<std::optional<InjectedArtifact>(Clip&, CorruptionLabels&, std::mt19937_64&,
                                                               const CorruptionParams&, const Placement&)>;

struct Run {
  Clip clip;
  CorruptionLabels labels;
  InjectedArtifact artifact;
};
Run inject(const Injector& fn, const Clip& clean, std::uint64_t seed, const CorruptionParams& params = {}) {
  Run r{clean, {}, {}};
  std::mt19937_64 rng(seed);
  const auto a = fn(r.clip, r.labels, rng, params, Placement{});
  if (!a) qFatal("injector refused");
  r.artifact = *a;
  return r;
}

double horizontal(Eigen::Vector3d v) {
  v.y() = 0;
  return v.norm();
}

}  // namespace

class TestCorrupt : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void labelGrid() {
    CorruptionLabels l(10);
    QCOMPARE(l.bits.size(), size_t(50));
    l.mark(2, 5, partBit(BodyPart::LeftArm) | partBit(BodyPart::RightLeg), ArtifactType::Jitter);
    l.set(4, BodyPart::Torso, ArtifactType::Pop);
    l.mark(8, 20, kAllPartsMask, ArtifactType::Drift);  // clamped to the grid
    QVERIFY(l.has(2, BodyPart::LeftArm, ArtifactType::Jitter));
    QVERIFY(!l.has(5, BodyPart::LeftArm, ArtifactType::Jitter));
    QVERIFY(!l.has(3, BodyPart::RightArm, ArtifactType::Jitter));
    QCOMPARE(l.any(4), std::uint16_t(artifactBit(ArtifactType::Jitter) | artifactBit(ArtifactType::Pop)));
    QCOMPARE(l.parts(3, ArtifactType::Jitter), std::uint8_t(partBit(BodyPart::LeftArm) | partBit(BodyPart::RightLeg)));
    QCOMPARE(l.any(1), std::uint16_t(0));
    QCOMPARE(l.parts(9, ArtifactType::Drift), kAllPartsMask);
    QCOMPARE(l.badFrameCount(), 5);
  }

  // Golden values: the draws depend only on std::mt19937_64, which the
  // standard fixes bit for bit, so they must match on every platform.
  void portableDraws() {
    std::mt19937_64 rng(42);
    const std::uint64_t first = std::mt19937_64(42)();
    QCOMPARE(portable::uniform01(rng), static_cast<double>(first >> 11) * 0x1.0p-53);
    std::mt19937_64 a(7), b(7);
    for (int i = 0; i < 1000; ++i) {
      const int x = portable::uniformInt(a, -3, 4);
      QVERIFY(x >= -3 && x <= 4);
      QCOMPARE(x, portable::uniformInt(b, -3, 4));
    }
    // Every value of a small range is reached, in roughly equal shares.
    std::mt19937_64 c(1);
    int hist[5] = {};
    for (int i = 0; i < 50000; ++i) ++hist[portable::uniformInt(c, 0, 4)];
    for (int h : hist) QVERIFY(std::abs(h - 10000) < 500);
    // Standard normal: mean 0, variance 1.
    double sum = 0, sq = 0;
    for (int i = 0; i < 100000; ++i) {
      const double z = portable::normal(c);
      sum += z;
      sq += z * z;
    }
    QVERIFY(std::abs(sum / 100000) < 0.02);
    QVERIFY(std::abs(sq / 100000 - 1.0) < 0.03);
    QCOMPARE(portable::uniform(c, 2.0, 2.0), 2.0);
  }

  void bodyGeometry() {
    const Clip c = walkClip(30, 2);
    const Skeleton& s = c.skeleton();
    const BodyPartMap parts = BodyPartMap::detect(s);
    const auto leg = findLegChain(s, parts, BodyPart::LeftLeg);
    QVERIFY(leg);
    QCOMPARE(leg->hip, s.findJoint("UpperLeg_L"));
    QCOMPARE(leg->knee, s.findJoint("LowerLeg_L"));
    QCOMPARE(leg->ankle, s.findJoint("Foot_L"));
    QVERIFY(!findLegChain(s, parts, BodyPart::LeftArm) || findLegChain(s, parts, BodyPart::LeftArm)->ankle != leg->ankle);
    const auto arms = pairLimbs(s, parts, BodyPart::LeftArm, BodyPart::RightArm);
    QVERIFY(arms);
    QCOMPARE(arms->joints.size(), size_t(4));
    QCOMPARE(arms->joints[1], std::make_pair(s.findJoint("UpperArm_L"), s.findJoint("UpperArm_R")));
    QCOMPARE(arms->mirrorAxis, 0);
    const auto arm = findArmChain(s, parts, BodyPart::RightArm);
    QVERIFY(arm);
    QCOMPARE(arm->shoulder, s.findJoint("UpperArm_R"));
    QCOMPARE(arm->elbow, s.findJoint("LowerArm_R"));
    QCOMPARE(arm->wrist, s.findJoint("Hand_R"));
    // Hinges: the knee's toe gives its natural direction, the elbow's comes
    // from how it bends; signed bends follow the clip's rotations.
    const auto knee = findHingeChain(s, parts, BodyPart::LeftLeg);
    QVERIFY(knee && knee->middle == leg->knee && knee->tip == s.findJoint("Toes_L"));
    const auto elbow = findHingeChain(s, parts, BodyPart::LeftArm);
    QVERIFY(elbow && elbow->middle == s.findJoint("LowerArm_L") && elbow->tip == -1);
    const auto kneeAxis = naturalHingeAxis(c, *knee), elbowAxis = naturalHingeAxis(c, *elbow);
    QVERIFY(kneeAxis && elbowAxis);
    QVERIFY(kneeAxis->isApprox(Eigen::Vector3d::UnitX(), 1e-9));
    for (int f = 0; f < c.frameCount(); f += 7) {
      const double w = 2.0 * kPi * f / 30.0;
      const double lift = std::max(0.0, std::sin(0.5 * w));
      QVERIFY(std::abs(radToDeg(signedHingeBend(c, *knee, *kneeAxis, f)) - (35 + 40 * lift)) < 1e-6);
      QVERIFY(std::abs(radToDeg(signedHingeBend(c, *elbow, *elbowAxis, f)) - (30 + 15 * std::sin(0.5 * w + 0.5))) < 1e-6);
    }
    // Bent backwards for less than half the clip, the elbow keeps its way.
    Clip back = c;
    for (int f = 0; f < 25; ++f) back.rotation(f, elbow->middle) = ry(-40);
    QVERIFY(naturalHingeAxis(back, *elbow)->isApprox(*elbowAxis, 1e-6));
    // Bent both ways alike, an elbow says nothing.
    Clip both = c;
    for (int f = 0; f < both.frameCount(); ++f) both.rotation(f, elbow->middle) = ry(f % 2 ? 30 : -30);
    QVERIFY(!naturalHingeAxis(both, *elbow));
    // Placement: the root of a rig rooted at the pelvis; Bandai's joint_Root and Hips.
    const std::vector<char> placed = placementJoints(s);
    QCOMPARE(std::count(placed.begin(), placed.end(), 1), 1L);
    QVERIFY(placed[0]);
    const Skeleton bandai = testrigs::bandai();
    const std::vector<char> bandaiPlaced = placementJoints(bandai);
    QCOMPARE(std::count(bandaiPlaced.begin(), bandaiPlaced.end(), 1), 2L);
    QVERIFY(bandaiPlaced[bandai.findJoint("joint_Root")] && bandaiPlaced[bandai.findJoint("Hips")]);
    QVERIFY(detectUpAxis(c, parts).isApprox(Eigen::Vector3d::UnitY()));
    // The same body lying so that +Z is up.
    Clip zUp = c;
    for (int f = 0; f < zUp.frameCount(); ++f) {
      zUp.rotation(f, 0) = rx(90) * zUp.rotation(f, 0);
      zUp.translation(f, 0) = rx(90) * zUp.translation(f, 0);
    }
    QVERIFY(detectUpAxis(zUp, parts).isApprox(Eigen::Vector3d::UnitZ()));
    // Mirroring: reflection through x = 0 turns rz(a) into rz(-a), keeps rx(a).
    QVERIFY(angleBetween(mirrorRotation(rz(30), 0), rz(-30)) < 1e-12);
    QVERIFY(angleBetween(mirrorRotation(rx(30), 0), rx(30)) < 1e-12);
    QVERIFY(angleBetween(mirrorRotation(ry(30) * rz(10), 0), ry(-30) * rz(-10)) < 1e-12);
  }

  void twoBoneIk() {
    // Thigh 4 down, shin 3 down and slightly forward, hip at the origin.
    TwoBoneIkInput in;
    in.hipPos = Eigen::Vector3d(0, 0, 0);
    in.hipParentRot = rz(10);
    in.hipRot = rz(10) * rx(-20);
    in.kneeRot = in.hipRot * rx(40);
    in.kneePos = in.hipRot * Eigen::Vector3d(0, -4, 0);
    in.anklePos = in.kneePos + in.kneeRot * Eigen::Vector3d(0, -3, 0);
    in.ankleRot = in.kneeRot * rx(-20);
    in.target = in.anklePos + Eigen::Vector3d(0.8, 0, -0.5);
    const TwoBoneIkOutput out = solveTwoBoneIk(in);
    QVERIFY((out.reached - in.target).norm() < 1e-9);
    // Forward kinematics of the new local rotations reaches the same point,
    // keeps both bone lengths and the foot's global rotation.
    const Eigen::Quaterniond hip = in.hipParentRot * out.hipLocal, knee = hip * out.kneeLocal;
    const Eigen::Vector3d kneePos = hip * Eigen::Vector3d(0, -4, 0);
    const Eigen::Vector3d anklePos = kneePos + knee * Eigen::Vector3d(0, -3, 0);
    QVERIFY((anklePos - in.target).norm() < 1e-9);
    QVERIFY(angleBetween(knee * out.ankleLocal, in.ankleRot) < 1e-9);
    // Out of reach: the leg straightens towards the target.
    in.target = Eigen::Vector3d(0, -20, 0);
    const TwoBoneIkOutput far = solveTwoBoneIk(in);
    QVERIFY(std::abs(far.reached.norm() - 0.999 * 7) < 1e-9);
    QVERIFY(far.reached.normalized().isApprox(Eigen::Vector3d(0, -1, 0), 1e-9));
  }

  void pop() {
    const Clip clean = walkClip(30, 6);
    const double upm = clean.unitsPerMeter();
    QCOMPARE(upm, 100.0);
    int rootPops = 0, jointPops = 0;
    for (std::uint64_t seed = 1; seed <= 24; ++seed) {
      const Run r = inject(injectPop, clean, seed);
      const InjectedArtifact& a = r.artifact;
      QCOMPARE(a.type, ArtifactType::Pop);
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QVERIFY(a.end - a.start >= 1 && a.end - a.start <= 3);
      for (int f = a.start; f < a.end; ++f) {
        if (a.joint == 0) {
          QCOMPARE(a.partMask, kAllPartsMask);
          const double moved = (r.clip.translation(f, 0) - clean.translation(f, 0)).norm() / upm;
          QVERIFY(std::abs(moved - a.magnitude) < 1e-9);
          QVERIFY(a.magnitude >= 0.05 && a.magnitude <= 0.30);
          QCOMPARE(changedRotationParts(clean, r.clip, a), std::uint8_t(0));
        } else {
          QCOMPARE(changedRotationParts(clean, r.clip, a), a.partMask);
          const double deg = radToDeg(angleBetween(r.clip.rotation(f, a.joint), clean.rotation(f, a.joint)));
          QVERIFY2(std::abs(deg - a.magnitude) < 1e-6, qPrintable(QString("%1 vs %2").arg(deg).arg(a.magnitude)));
          QVERIFY(a.magnitude >= 20 && a.magnitude <= 60);
          for (int j = 0; j < clean.jointCount(); ++j)
            if (j != a.joint) QVERIFY(sameBits(r.clip.rotation(f, j), clean.rotation(f, j)));
        }
      }
      (a.joint == 0 ? rootPops : jointPops)++;
    }
    QVERIFY(rootPops > 0 && jointPops > rootPops);
  }

  void frozen() {
    const Clip clean = walkClip(30, 6);
    const Run r = inject(injectFrozen, clean, 3);
    const InjectedArtifact& a = r.artifact;
    const QString e = checkContract(clean, r.clip, r.labels, a);
    QVERIFY2(e.isEmpty(), qPrintable(e));
    QCOMPARE(a.partMask, kAllPartsMask);
    QVERIFY(a.start >= 1 && a.end - a.start >= 6 && a.end - a.start <= 30);
    QCOMPARE(a.magnitude, (a.end - a.start) / 30.0);
    for (int f = a.start; f < a.end; ++f) {
      for (int j = 0; j < clean.jointCount(); ++j) QVERIFY(sameBits(r.clip.rotation(f, j), clean.rotation(a.start - 1, j)));
      QVERIFY(sameBits(r.clip.translation(f, 0), clean.translation(a.start - 1, 0)));
    }
    // The walk moves every frame, so the held frames really differ.
    QVERIFY(!sameFrame(r.clip, clean, a.end - 1));
  }

  void jitter() {
    const Clip clean = walkClip(30, 6);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    std::uint8_t seen = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      const Run r = inject(injectJitter, clean, seed);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Jitter);
      QVERIFY(a.magnitude >= 1.5 && a.magnitude <= 5.0);
      QCOMPARE(changedRotationParts(clean, r.clip, a), a.partMask);
      seen |= a.partMask;
      // A rotation vector with three N(0, sigma) components has an RMS angle of sigma * sqrt(3).
      double sq = 0;
      int n = 0;
      for (int f = a.start; f < a.end; ++f)
        for (int j = 0; j < clean.jointCount(); ++j)
          if (a.partMask & partBit(parts.part(j))) {
            const double d = radToDeg(angleBetween(r.clip.rotation(f, j), clean.rotation(f, j)));
            sq += d * d;
            ++n;
          }
      const double sigma = std::sqrt(sq / n / 3.0);
      QVERIFY2(std::abs(sigma / a.magnitude - 1.0) < 0.25, qPrintable(QString("%1 vs %2").arg(sigma).arg(a.magnitude)));
      const bool rootMoved = !sameBits(r.clip.translation(a.start, 0), clean.translation(a.start, 0));
      QCOMPARE(rootMoved, a.partMask == partBit(BodyPart::Torso));
    }
    QVERIFY(seen & partBit(BodyPart::Torso));
    QVERIFY(seen & (partBit(BodyPart::LeftArm) | partBit(BodyPart::RightArm)));
  }

  void footSkate() {
    const Clip clean = walkClip(30, 6);
    CorruptionParams params;
    params.skateMeters = {0.10, 0.10};
    const double upm = clean.unitsPerMeter();
    const GlobalPoses before = computeGlobalPoses(clean);
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      const Run r = inject(injectFootSkate, clean, seed, params);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::FootSkate);
      const bool left = a.partMask == partBit(BodyPart::LeftLeg);
      QVERIFY(left || a.partMask == partBit(BodyPart::RightLeg));
      QCOMPARE(a.joint, clean.skeleton().findJoint(left ? "Foot_L" : "Foot_R"));
      QCOMPARE(changedRotationParts(clean, r.clip, a), a.partMask);
      QVERIFY(a.end - a.start >= 9 && a.end - a.start <= 30);
      const int hip = clean.skeleton().findJoint(left ? "UpperLeg_L" : "UpperLeg_R");
      const GlobalPoses after = computeGlobalPoses(r.clip);
      double peak = 0;
      for (int f = a.start; f < a.end; ++f) {
        // The clean foot was planted here: low and slow.
        const int f0 = std::max(f - 1, 0), f1 = std::min(f + 1, clean.frameCount() - 1);
        QVERIFY((before.position(f1, a.joint) - before.position(f0, a.joint)).norm() / upm * 30 / (f1 - f0) < 0.25);
        QVERIFY((after.position(f, hip) - before.position(f, hip)).norm() < 1e-9);
        const Eigen::Vector3d moved = after.position(f, a.joint) - before.position(f, a.joint);
        QVERIFY2(std::abs(moved.y()) < 1e-6, "the ankle slides horizontally");
        QVERIFY(angleBetween(after.rotation(f, a.joint), before.rotation(f, a.joint)) < 1e-9);
        peak = std::max(peak, horizontal(moved) / upm);
      }
      QVERIFY(std::abs(peak - a.magnitude) < 1e-9);
      QVERIFY2(a.magnitude > 0.095 && a.magnitude <= 0.10 + 1e-12, qPrintable(QString::number(a.magnitude)));
    }
  }

  void drift() {
    const Clip clean = walkClip(30, 12);
    const double upm = clean.unitsPerMeter();
    const Run r = inject(injectDrift, clean, 5);
    const InjectedArtifact& a = r.artifact;
    const QString e = checkContract(clean, r.clip, r.labels, a);
    QVERIFY2(e.isEmpty(), qPrintable(e));
    QCOMPARE(a.partMask, kAllPartsMask);
    QCOMPARE(changedRotationParts(clean, r.clip, a), std::uint8_t(0));
    QVERIFY(a.end - a.start >= 60 && a.end - a.start <= 240);
    QVERIFY(a.magnitude >= 0.05 && a.magnitude <= 0.20);
    double peak = 0;
    for (int f = a.start; f < a.end; ++f) {
      const Eigen::Vector3d d = r.clip.translation(f, 0) - clean.translation(f, 0);
      QVERIFY(std::abs(d.y()) < 1e-9);
      peak = std::max(peak, d.norm() / upm);
    }
    QVERIFY(std::abs(peak - a.magnitude) < 1e-9);
    // Creeps in and out: the first and last frames barely move.
    QVERIFY((r.clip.translation(a.start, 0) - clean.translation(a.start, 0)).norm() / upm < 0.01 * a.magnitude + 1e-12);
    QVERIFY((r.clip.translation(a.end - 1, 0) - clean.translation(a.end - 1, 0)).norm() / upm < 0.01 * a.magnitude + 1e-12);
  }

  void overSmoothing() {
    const Clip clean = walkClip(30, 6);
    const Run r = inject(injectOverSmoothing, clean, 11);
    const InjectedArtifact& a = r.artifact;
    const QString e = checkContract(clean, r.clip, r.labels, a);
    QVERIFY2(e.isEmpty(), qPrintable(e));
    QCOMPARE(a.partMask, kAllPartsMask);
    QVERIFY(a.magnitude >= 0.1 && a.magnitude <= 0.2);
    QVERIFY(a.end - a.start >= 15 && a.end - a.start <= 60);
    // The 5 Hz chest tremor is gone: the chest's frame-to-frame angular
    // acceleration inside the span (past the fade in and out) drops far
    // below the clean clip's.
    const int chest = clean.skeleton().findJoint("Chest");
    const int radius = static_cast<int>(std::ceil(3.0 * a.magnitude * 30));
    const int ramp = std::max(1, std::min(radius, (a.end - a.start) / 4));
    auto accel = [&](const Clip& c) {
      double s = 0;
      for (int f = a.start + ramp; f < a.end - ramp; ++f) {
        const Eigen::Quaterniond d0 = c.rotation(f - 1, chest).conjugate() * c.rotation(f, chest);
        const Eigen::Quaterniond d1 = c.rotation(f, chest).conjugate() * c.rotation(f + 1, chest);
        s += angleBetween(d0, d1);
      }
      return s;
    };
    QVERIFY2(accel(r.clip) < 0.2 * accel(clean), qPrintable(QString("%1 vs %2").arg(accel(r.clip)).arg(accel(clean))));
    // The fade leaves no step where the span meets the untouched frames: the
    // chest turns no faster there than anywhere in the clean clip.
    double fastest = 0;
    for (int f = 1; f < clean.frameCount(); ++f)
      fastest = std::max(fastest, angleBetween(clean.rotation(f - 1, chest), clean.rotation(f, chest)));
    for (int f : {a.start, a.end})
      if (f > 0 && f < clean.frameCount()) {
        const double step = angleBetween(r.clip.rotation(f - 1, chest), r.clip.rotation(f, chest));
        QVERIFY2(step <= fastest * 1.01, qPrintable(QString("frame %1: %2 vs %3").arg(f).arg(step).arg(fastest)));
      }
  }

  void missing() {
    const Clip clean = walkClip(30, 6);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    for (MissingFill fill : {MissingFill::HoldLast, MissingFill::RestPose}) {
      CorruptionParams params;
      params.missingFill = fill;
      const Run r = inject(injectMissing, clean, 2, params);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Missing);
      QCOMPARE(a.magnitude, (a.end - a.start) / 30.0);
      int expected = 0;
      for (int f = a.start; f < a.end; ++f)
        for (int j = 0; j < clean.jointCount(); ++j) {
          const bool hidden = (a.partMask & partBit(parts.part(j))) != 0;
          QCOMPARE(r.clip.isValid(f, j), !hidden);
          expected += hidden;
          if (hidden && fill == MissingFill::HoldLast)
            QVERIFY(sameBits(r.clip.rotation(f, j), clean.rotation(a.start - 1, j)));
          if (hidden && fill == MissingFill::RestPose) QVERIFY(angleBetween(r.clip.rotation(f, j), Eigen::Quaterniond::Identity()) < 1e-15);
        }
      QCOMPARE(r.clip.missingCount(), expected);
    }
  }

  void limbSwap() {
    const Clip clean = walkClip(30, 6);
    const Skeleton& s = clean.skeleton();
    bool sawArms = false, sawLegs = false;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      const Run r = inject(injectLimbSwap, clean, seed);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Flip);
      const bool arms = a.partMask == (partBit(BodyPart::LeftArm) | partBit(BodyPart::RightArm));
      QVERIFY(arms || a.partMask == (partBit(BodyPart::LeftLeg) | partBit(BodyPart::RightLeg)));
      (arms ? sawArms : sawLegs) = true;
      QCOMPARE(changedRotationParts(clean, r.clip, a), a.partMask);
      const char* names[] = {arms ? "UpperArm" : "UpperLeg", arms ? "LowerArm" : "LowerLeg"};
      double largest = 0;
      for (int f = a.start; f < a.end; ++f)
        for (const char* n : names) {
          const int l = s.findJoint(std::string(n) + "_L"), rr = s.findJoint(std::string(n) + "_R");
          // The skeleton is symmetric about x = 0: each side gets the other's rotation, mirrored.
          QVERIFY(angleBetween(r.clip.rotation(f, l), mirrorRotation(clean.rotation(f, rr), 0)) < 1e-9);
          QVERIFY(angleBetween(r.clip.rotation(f, rr), mirrorRotation(clean.rotation(f, l), 0)) < 1e-9);
          largest = std::max(largest, radToDeg(angleBetween(r.clip.rotation(f, l), clean.rotation(f, l))));
        }
      QVERIFY(a.magnitude >= largest - 1e-9);
      QVERIFY2(a.magnitude > 5, qPrintable(QString::number(a.magnitude)));
    }
    QVERIFY(sawArms && sawLegs);
    // Without mirroring the raw rotations are exchanged.
    CorruptionParams plain;
    plain.swapMirror = false;
    const Run r = inject(injectLimbSwap, clean, 1, plain);
    const int l = s.findJoint(r.artifact.partMask & partBit(BodyPart::LeftArm) ? "UpperArm_L" : "UpperLeg_L");
    const int rr = s.findJoint(r.artifact.partMask & partBit(BodyPart::LeftArm) ? "UpperArm_R" : "UpperLeg_R");
    QVERIFY(angleBetween(r.clip.rotation(r.artifact.start, l), clean.rotation(r.artifact.start, rr)) < 1e-12);
  }

  // The body sinks along -up, smoothly, inside a span where a foot is
  // planted; the legs that go below the floor are labelled.
  void penetration() {
    const Clip clean = walkClip(30, 6);
    const double upm = clean.unitsPerMeter();
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      const Run r = inject(injectPenetration, clean, seed);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Penetration);
      QCOMPARE(a.joint, 0);
      QVERIFY(a.partMask != 0 && (a.partMask & ~(partBit(BodyPart::LeftLeg) | partBit(BodyPart::RightLeg))) == 0);
      QCOMPARE(changedRotationParts(clean, r.clip, a), std::uint8_t(0));
      QVERIFY(a.end - a.start >= 6 && a.end - a.start <= 30);
      QVERIFY(a.magnitude >= 0.05 && a.magnitude <= 0.15);
      double peak = 0;
      for (int f = a.start; f < a.end; ++f) {
        const Eigen::Vector3d d = (r.clip.translation(f, 0) - clean.translation(f, 0)) / upm;
        QVERIFY(std::abs(d.x()) < 1e-12 && std::abs(d.z()) < 1e-12 && d.y() <= 0);
        peak = std::max(peak, -d.y());
      }
      QVERIFY(std::abs(peak - a.magnitude) < 1e-9);
      // Eases in and out.
      QVERIFY(-(r.clip.translation(a.start, 0) - clean.translation(a.start, 0)).y() / upm < 0.5 * a.magnitude);
      QVERIFY(-(r.clip.translation(a.end - 1, 0) - clean.translation(a.end - 1, 0)).y() / upm < 0.5 * a.magnitude);
    }
    // A skeleton without legs has no foot to sink.
    Skeleton stick;
    stick.addJoint("Root", Skeleton::kNoParent, Eigen::Vector3d(0, 1, 0));
    stick.addJoint("Top", 0, Eigen::Vector3d(0, 1, 0));
    Clip sc(stick, 60, 30);
    std::mt19937_64 rng(1);
    CorruptionLabels labels;
    QVERIFY(!injectPenetration(sc, labels, rng, {}, {}));
  }

  void floating() {
    const Clip clean = walkClip(30, 6);
    const double upm = clean.unitsPerMeter();
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      const Run r = inject(injectFloating, clean, seed);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Floating);
      QCOMPARE(a.partMask, kAllPartsMask);
      QCOMPARE(a.joint, 0);
      QCOMPARE(changedRotationParts(clean, r.clip, a), std::uint8_t(0));
      QVERIFY(a.end - a.start >= 15 && a.end - a.start <= 60);
      QVERIFY(a.magnitude >= 0.1 && a.magnitude <= 0.4);
      double peak = 0;
      for (int f = a.start; f < a.end; ++f) {
        const Eigen::Vector3d d = (r.clip.translation(f, 0) - clean.translation(f, 0)) / upm;
        QVERIFY(std::abs(d.x()) < 1e-12 && std::abs(d.z()) < 1e-12 && d.y() >= 0);
        peak = std::max(peak, d.y());
      }
      QVERIFY(std::abs(peak - a.magnitude) < 1e-9);
    }
  }

  // One bone's translation track scales by 1 + s; a clip without bone
  // tracks is refused, not given one.
  void stretch() {
    const Clip clean = withTracks(walkClip(30, 6));
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    std::uint8_t seen = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      const Run r = inject(injectStretch, clean, seed);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Stretch);
      QVERIFY(a.joint > 0);
      QCOMPARE(a.partMask, partBit(parts.part(a.joint)));
      seen |= a.partMask;
      QCOMPARE(changedRotationParts(clean, r.clip, a), std::uint8_t(0));
      QVERIFY(a.magnitude >= 0.1 && a.magnitude <= 0.3);
      double peak = 0;
      for (int f = a.start; f < a.end; ++f) {
        for (int j = 0; j < clean.jointCount(); ++j)
          if (j != a.joint) QVERIFY(sameBits(r.clip.translation(f, j), clean.translation(f, j)));
        const Eigen::Vector3d before = clean.translation(f, a.joint), after = r.clip.translation(f, a.joint);
        QVERIFY(after.normalized().isApprox(before.normalized(), 1e-12));
        peak = std::max(peak, after.norm() / before.norm() - 1.0);
      }
      QVERIFY(std::abs(peak - a.magnitude) < 1e-9);
    }
    QVERIFY(seen & ~partBit(BodyPart::Torso));
    Clip plain = walkClip(30, 6);
    const Clip original = plain;
    std::mt19937_64 rng(1);
    CorruptionLabels labels;
    QVERIFY(!injectStretch(plain, labels, rng, {}, {}));
    QVERIFY(sameClip(plain, original));
    QCOMPARE(plain.trackCount(), 1);
  }

  // An elbow or knee turns about its natural axis until it is bent
  // backwards by the drawn angle; only that joint's rotation changes.
  void hyperextension() {
    const Clip clean = walkClip(30, 6);
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());
    std::uint8_t seen = 0;
    for (std::uint64_t seed = 1; seed <= 16; ++seed) {
      const Run r = inject(injectHyperextension, clean, seed);
      const InjectedArtifact& a = r.artifact;
      const QString e = checkContract(clean, r.clip, r.labels, a);
      QVERIFY2(e.isEmpty(), qPrintable(e));
      QCOMPARE(a.type, ArtifactType::Hyperextension);
      const BodyPart limb = parts.part(a.joint);
      QCOMPARE(a.partMask, partBit(limb));
      seen |= a.partMask;
      QCOMPARE(changedRotationParts(clean, r.clip, a), a.partMask);
      QVERIFY2(a.magnitude >= 20 - 1e-6 && a.magnitude <= 50 + 1e-6, qPrintable(QString::number(a.magnitude)));
      const auto chain = findHingeChain(clean.skeleton(), parts, limb);
      QVERIFY(chain && chain->middle == a.joint);
      const Eigen::Vector3d axis = *naturalHingeAxis(clean, *chain);
      double most = 0;
      for (int f = a.start; f < a.end; ++f) {
        for (int j = 0; j < clean.jointCount(); ++j)
          if (j != a.joint) QVERIFY(sameBits(r.clip.rotation(f, j), clean.rotation(f, j)));
        most = std::max(most, -radToDeg(signedHingeBend(r.clip, *chain, axis, f)));
      }
      QVERIFY(std::abs(most - a.magnitude) < 1e-6);
    }
    QVERIFY((seen & (partBit(BodyPart::LeftArm) | partBit(BodyPart::RightArm))) &&
            (seen & (partBit(BodyPart::LeftLeg) | partBit(BodyPart::RightLeg))));
  }

  // The same motion at 120 fps in metres gives artifacts of the same size in
  // seconds and metres as at 30 fps in centimetres.
  void unitsAndRates() {
    const Clip cm30 = walkClip(30, 12, 1.0), m120 = walkClip(120, 12, 0.01);
    QCOMPARE(m120.unitsPerMeter(), 1.0);
    const CorruptionParams p;
    struct Case {
      const char* name;
      Injector fn;
      ValueRange seconds;
    };
    const Case cases[] = {{"pop", injectPop, p.popSeconds},
                          {"frozen", injectFrozen, p.frozenSeconds},
                          {"jitter", injectJitter, p.jitterSeconds},
                          {"skate", injectFootSkate, p.skateSeconds},
                          {"drift", injectDrift, {2 * p.driftGrowSeconds.min, 2 * p.driftGrowSeconds.max}},
                          {"smooth", injectOverSmoothing, p.smoothSeconds},
                          {"missing", injectMissing, p.missingSeconds},
                          {"swap", injectLimbSwap, p.swapSeconds},
                          {"penetration", injectPenetration, p.penetrationSeconds},
                          {"floating", injectFloating, p.floatSeconds},
                          {"hyperextension", injectHyperextension, p.hyperextensionSeconds}};
    for (const Case& c : cases) {
      const std::string name = c.name;
      for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const Run a = inject(c.fn, cm30, seed), b = inject(c.fn, m120, seed);
        const QString ea = checkContract(cm30, a.clip, a.labels, a.artifact);
        const QString eb = checkContract(m120, b.clip, b.labels, b.artifact);
        QVERIFY2(ea.isEmpty() && eb.isEmpty(), qPrintable(QString(c.name) + ": " + ea + eb));
        // Durations in seconds fall in the same configured range at both rates.
        const double sa = (a.artifact.end - a.artifact.start) / 30.0, sb = (b.artifact.end - b.artifact.start) / 120.0;
        QVERIFY2(sa >= c.seconds.min - 0.5 / 30 && sa <= c.seconds.max + 0.5 / 30, c.name);
        QVERIFY2(sb >= c.seconds.min - 0.5 / 120 && sb <= c.seconds.max + 0.5 / 120, c.name);
        // The engine makes the same draws at both rates (only the frame
        // positions differ), so the part and the real-unit size agree.
        QCOMPARE(a.artifact.type, b.artifact.type);
        // Which legs sink below the floor depends on where the span lands.
        if (name != "penetration") QCOMPARE(a.artifact.partMask, b.artifact.partMask);
        if (name == "hyperextension") {
          QVERIFY(std::abs(a.artifact.magnitude - b.artifact.magnitude) < 1e-6);
        } else if (name == "skate" || name == "drift") {
          // Peaks sampled on different frame grids.
          QVERIFY2(std::abs(a.artifact.magnitude - b.artifact.magnitude) < 0.05 * a.artifact.magnitude,
                   qPrintable(QString("%1: %2 vs %3").arg(c.name).arg(a.artifact.magnitude).arg(b.artifact.magnitude)));
        } else if (name == "frozen" || name == "missing") {
          QVERIFY(std::abs(a.artifact.magnitude - sa) < 1e-12 && std::abs(b.artifact.magnitude - sb) < 1e-12);
        } else if (name != "swap") {  // a swap's size depends on where it lands
          QCOMPARE(a.artifact.magnitude, b.artifact.magnitude);
        }
      }
    }
    // Stretch on the walks with bone tracks: the same bone by the same share.
    const Clip tcm30 = withTracks(cm30), tm120 = withTracks(m120);
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      const Run a = inject(injectStretch, tcm30, seed), b = inject(injectStretch, tm120, seed);
      QVERIFY(checkContract(tcm30, a.clip, a.labels, a.artifact).isEmpty());
      QVERIFY(checkContract(tm120, b.clip, b.labels, b.artifact).isEmpty());
      QCOMPARE(a.artifact.joint, b.artifact.joint);
      QCOMPARE(a.artifact.magnitude, b.artifact.magnitude);
      const double sa = (a.artifact.end - a.artifact.start) / 30.0, sb = (b.artifact.end - b.artifact.start) / 120.0;
      QVERIFY(sa >= p.stretchSeconds.min - 0.5 / 30 && sa <= p.stretchSeconds.max + 0.5 / 30);
      QVERIFY(sb >= p.stretchSeconds.min - 0.5 / 120 && sb <= p.stretchSeconds.max + 0.5 / 120);
    }
    // Root pops move the root by the same metres in both.
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
      const Run a = inject(injectPop, cm30, seed);
      if (a.artifact.joint != 0) continue;
      const Run b = inject(injectPop, m120, seed);
      QCOMPARE(b.artifact.joint, 0);
      const double ma = (a.clip.translation(a.artifact.start, 0) - cm30.translation(a.artifact.start, 0)).norm() / 100.0;
      const double mb = (b.clip.translation(b.artifact.start, 0) - m120.translation(b.artifact.start, 0)).norm();
      QVERIFY(std::abs(ma - mb) < 1e-9);
      return;
    }
    QFAIL("no root pop among the seeds");
  }

  void refusals() {
    const Clip tiny = walkClip(30, 0.3);  // 9 frames
    std::mt19937_64 rng(1);
    Clip c = tiny;
    CorruptionLabels labels;
    QVERIFY(!injectDrift(c, labels, rng, {}, {}));
    QVERIFY(!injectOverSmoothing(c, labels, rng, {}, {}));
    QVERIFY(sameClip(c, tiny));
    QCOMPARE(labels.frames, 0);
    // Labels of another length are refused.
    CorruptionLabels wrong(5);
    QVERIFY(!injectPop(c, wrong, rng, {}, {}));
    // Nothing is placed outside the allowed frames.
    Placement only;
    only.allowed = std::vector<FrameSpan>{{2, 4}};
    for (int i = 0; i < 20; ++i) {
      Clip d = tiny;
      CorruptionLabels l;
      const auto a = injectPop(d, l, rng, {}, only);
      QVERIFY(a && a->start >= 2 && a->end <= 4);
    }
    only.allowed = std::vector<FrameSpan>{};
    QVERIFY(!injectPop(c, labels, rng, {}, only));
    // A skeleton without limbs has nothing to swap and no foot to slide.
    Skeleton stick;
    stick.addJoint("Root", Skeleton::kNoParent, Eigen::Vector3d(0, 1, 0));
    stick.addJoint("Top", 0, Eigen::Vector3d(0, 1, 0));
    Clip sc(stick, 60, 30);
    QVERIFY(!injectLimbSwap(sc, labels, rng, {}, {}));
    QVERIFY(!injectFootSkate(sc, labels, rng, {}, {}));
  }

  void corruptWholeClip() {
    const Clip clean = withTracks(walkClip(30, 60));
    const CorruptionConfig config = CorruptionConfig::mixed();
    for (std::uint64_t seed : {1ull, 2ull, 3ull}) {
      const CorruptionResult r = corruptClip(clean, config, seed);
      QVERIFY(r.error.empty());
      QVERIFY(r.clip.validate().empty());
      QVERIFY2(r.skipped.empty(), qPrintable(QString("%1 skipped").arg(r.skipped.size())));
      QCOMPARE(r.artifacts.size(), size_t(14));
      int per[kArtifactTypeCount] = {};
      for (const InjectedArtifact& a : r.artifacts) ++per[static_cast<int>(a.type)];
      for (int t = 0; t < kArtifactTypeCount; ++t) QCOMPARE(per[t], config.counts[t]);
      // Disjoint spans, at least 0.5 s (15 frames) apart.
      for (size_t i = 1; i < r.artifacts.size(); ++i)
        QVERIFY(r.artifacts[i].start - r.artifacts[i - 1].end >= 15);
      // Labels are exactly the union of the artifacts; everything else is the clean clip.
      for (int f = 0; f < clean.frameCount(); ++f) {
        const InjectedArtifact* cover = nullptr;
        for (const InjectedArtifact& a : r.artifacts)
          if (f >= a.start && f < a.end) cover = &a;
        for (BodyPart p : kAllBodyParts) {
          const std::uint16_t want = cover && (cover->partMask & partBit(p)) ? artifactBit(cover->type) : 0;
          QCOMPARE(r.labels.at(f, p), want);
        }
        if (!cover) QVERIFY2(sameFrame(clean, r.clip, f), qPrintable(QString("frame %1").arg(f)));
        if (f > 0)
          for (int j = 0; j < clean.jointCount(); ++j)
            QVERIFY(r.clip.rotation(f, j).coeffs().dot(r.clip.rotation(f - 1, j).coeffs()) >= 0);
      }
    }
  }

  void determinism() {
    const Clip clean = withTracks(walkClip(30, 60));
    const CorruptionConfig config = CorruptionConfig::mixed();
    const CorruptionResult a = corruptClip(clean, config, 99), b = corruptClip(clean, config, 99);
    QVERIFY(a.skipped.empty());
    QVERIFY(sameClip(a.clip, b.clip));
    QVERIFY(a.labels == b.labels);
    QVERIFY(a.artifacts == b.artifacts);
    // Each of the newer injectors alone: same seed, same bits.
    for (const Injector& fn : {Injector(injectPenetration), Injector(injectFloating), Injector(injectStretch),
                               Injector(injectHyperextension)}) {
      const Run x = inject(fn, clean, 7), y = inject(fn, clean, 7);
      QVERIFY(sameClip(x.clip, y.clip));
      QVERIFY(x.labels == y.labels);
      QVERIFY(x.artifact == y.artifact);
    }
    const CorruptionResult c = corruptClip(clean, config, 100);
    QVERIFY(!sameClip(a.clip, c.clip));
    QVERIFY(a.labels != c.labels);
  }

  void configEdges() {
    const Clip clean = walkClip(30, 3);
    CorruptionConfig config;
    config.set(ArtifactType::Stretch, 1).set(ArtifactType::Drift, 3);
    const CorruptionResult r = corruptClip(clean, config, 1);
    // A 3 s clip holds one drift of 2-8 s and no second one 0.5 s away, and
    // no stretch: it has no bone tracks.
    QCOMPARE(r.skipped.size(), size_t(3));
    QCOMPARE(r.skipped[0], ArtifactType::Drift);
    QCOMPARE(r.skipped[1], ArtifactType::Drift);
    QCOMPARE(r.skipped[2], ArtifactType::Stretch);
    QCOMPARE(r.artifacts.size(), size_t(1));
    for (int t = 0; t < kArtifactTypeCount; ++t) QVERIFY(hasInjector(static_cast<ArtifactType>(t)));
    // An invalid clip is refused, not corrupted.
    Clip bad = clean;
    bad.rotation(3, 2) = Eigen::Quaterniond(2, 0, 0, 0);
    const CorruptionResult rb = corruptClip(bad, CorruptionConfig::mixed(), 1);
    QVERIFY(!rb.error.empty());
    QVERIFY(rb.artifacts.empty());
    QCOMPARE(rb.labels.badFrameCount(), 0);
  }

  void speed() {
    const Clip clean = withTracks(walkClip(120, 120));  // two minutes at 120 fps
    CorruptionConfig config = CorruptionConfig::mixed();
    config.set(ArtifactType::Pop, 10).set(ArtifactType::Jitter, 3);
    QElapsedTimer t;
    t.start();
    const CorruptionResult r = corruptClip(clean, config, 5);
    QVERIFY(r.skipped.empty());
    // Generous: about 20 ms here; a training loader calls this per sample.
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString("%1 ms").arg(t.elapsed())));
  }
};

QTEST_APPLESS_MAIN(TestCorrupt)
#include "tst_corrupt.moc"
