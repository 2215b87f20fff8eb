#include "motion/canonicalmirror.h"
#include "motion/canonicalrig.h"
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"
#include "motion/skeleton.h"
#include "testutil_rigs.h"

#include <QtTest>

#include <algorithm>
#include <random>
#include <set>
#include <thread>

using namespace mm;
using CJ = CanonicalJoint;

namespace {

constexpr int kN = kCanonicalJointCount;

Eigen::Quaterniond randomRotation(std::mt19937& rng, double maxAngle = kPi) {
  std::normal_distribution<double> n;
  const Eigen::Vector3d axis = Eigen::Vector3d(n(rng), n(rng), n(rng)).normalized();
  std::uniform_real_distribution<double> angle(-maxAngle, maxAngle);
  return Eigen::Quaterniond(Eigen::AngleAxisd(angle(rng), axis));
}

// A clip of `frames` frames with random rotations on every joint and random
// translations on the root's track and, with `moveJoints`, on every other.
Clip randomClip(const Skeleton& s, int frames, unsigned seed, double maxAngle = kPi, bool moveJoints = true) {
  Clip c(s, frames, 30.0);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-20.0, 20.0);
  for (int f = 0; f < frames; ++f)
    for (int j = 0; j < s.jointCount(); ++j) {
      c.rotation(f, j) = randomRotation(rng, maxAngle);
      if (c.hasTrack(j) && (j == 0 || moveJoints)) c.translation(f, j) = s.offset(j) + Eigen::Vector3d(u(rng), u(rng), u(rng));
    }
  return c;
}

// Empty if `rig` maps each canonical joint to the named source joint ("" for
// none), leaves exactly `unmapped` unmapped and has the given usability.
std::string checkMapping(const Skeleton& s, const CanonicalRig& rig, const std::array<const char*, kN>& expected,
                         std::vector<std::string> unmapped, bool usable) {
  if (rig.sourceJointCount() != s.jointCount()) return "rig is empty";
  for (int c = 0; c < kN; ++c) {
    const int j = rig.sourceJoint(static_cast<CJ>(c));
    const std::string got = j >= 0 ? s.name(j) : "";
    if (got != expected[c])
      return std::string(canonicalJointName(static_cast<CJ>(c))) + " -> \"" + got + "\", expected \"" + expected[c] + "\"";
    if (j >= 0 && rig.canonicalOf(j) != static_cast<CJ>(c)) return "canonicalOf disagrees for " + got;
  }
  std::vector<std::string> got;
  for (int j : rig.unmappedJoints()) {
    got.push_back(s.name(j));
    if (rig.canonicalOf(j)) return "unmapped joint " + s.name(j) + " has a canonical joint";
  }
  std::sort(got.begin(), got.end());
  std::sort(unmapped.begin(), unmapped.end());
  if (got != unmapped) {
    std::string list;
    for (const std::string& n : got) list += n + " ";
    return "unmapped joints: " + list;
  }
  std::vector<CJ> missing;
  for (int c = 0; c < kN; ++c)
    if (!*expected[c]) missing.push_back(static_cast<CJ>(c));
  if (rig.missingCanonical() != missing) return "missingCanonical() disagrees";
  if (rig.isUsable() != usable) return usable ? "not usable" : "usable";
  return {};
}

// Canonical global rotations of one frame, chained from the locals.
std::array<Eigen::Quaterniond, kN> canonicalGlobals(const CanonicalMotion& m, int f) {
  std::array<Eigen::Quaterniond, kN> g;
  for (int c = 0; c < kN; ++c) {
    const int p = kCanonicalParents[c];
    g[c] = p >= 0 ? g[p] * m.rotation(f, static_cast<CJ>(c)) : m.rotation(f, static_cast<CJ>(c));
  }
  return g;
}

// Rotation whose columns are the images of X, Y and Z.
Eigen::Quaterniond frame(const Eigen::Vector3d& x, const Eigen::Vector3d& y, const Eigen::Vector3d& z) {
  Eigen::Matrix3d m;
  m << x, y, z;
  return Eigen::Quaterniond(m);
}

// Bandai's joints standing in the exact canonical T-pose: every bone along a
// canonical axis, so all rest alignments are identity.
Skeleton tposeBandai() {
  using testrigs::add;
  Skeleton s;
  add(s, "joint_Root", "", {0, 0, 0});
  add(s, "Hips", "joint_Root", {0, 94, -3});
  add(s, "Spine", "Hips", {0, 16, 0});
  add(s, "Chest", "Spine", {0, 9, 0});
  add(s, "Neck", "Chest", {0, 16, 0});
  add(s, "Head", "Neck", {0, 7, 0});
  for (const char* side : {"_L", "_R"}) {
    const double x = side[1] == 'L' ? 1 : -1;
    const std::string p = side;
    add(s, "Shoulder" + p, "Chest", {4 * x, 13, 0});
    add(s, "UpperArm" + p, "Shoulder" + p, {5 * x, 0, 0});
    add(s, "LowerArm" + p, "UpperArm" + p, {24 * x, 0, 0});
    add(s, "Hand" + p, "LowerArm" + p, {22 * x, 0, 0});
  }
  for (const char* side : {"_L", "_R"}) {
    const double x = side[1] == 'L' ? 1 : -1;
    const std::string p = side;
    add(s, "UpperLeg" + p, "Hips", {7 * x, -6, 0});
    add(s, "LowerLeg" + p, "UpperLeg" + p, {0, -39, 0});
    add(s, "Foot" + p, "LowerLeg" + p, {0, -41, 0});
    add(s, "Toes" + p, "Foot" + p, {0, 0, 12});
  }
  for (int j = 0; j < s.jointCount(); ++j) s.setChannels(j, testrigs::sixChannels());
  return s;
}

// Per joint of tposeBandai(): the rotation from a Bandai-style joint frame
// (every bone along +-X, right limbs mirrored) to the T-pose frame, written
// out from what Bandai's data means: hips up +X and left -Y, spine to head up
// +X and left +Z, left limbs along +X with Y as the hinge mapping to canonical
// Y (arms) or X (legs), right limbs the same hinges with the bone along -X.
std::vector<Eigen::Quaterniond> bandaiFrames(const Skeleton& s) {
  const Eigen::Vector3d X = Eigen::Vector3d::UnitX(), Y = Eigen::Vector3d::UnitY(), Z = Eigen::Vector3d::UnitZ();
  std::vector<Eigen::Quaterniond> a(s.jointCount(), Eigen::Quaterniond::Identity());
  auto set = [&](std::initializer_list<const char*> names, const Eigen::Quaterniond& q) {
    for (const char* n : names) a[s.findJoint(n)] = q;
  };
  set({"Hips"}, frame(Y, -X, Z));
  set({"Spine", "Chest", "Neck", "Head"}, frame(Y, Z, X));
  set({"Shoulder_R", "UpperArm_R", "LowerArm_R", "Hand_R"}, frame(X, -Y, -Z));
  set({"UpperLeg_L", "LowerLeg_L"}, frame(-Y, X, Z));
  set({"Foot_L", "Toes_L"}, frame(Z, X, Y));
  set({"UpperLeg_R", "LowerLeg_R"}, frame(Y, X, -Z));
  set({"Foot_R", "Toes_R"}, frame(-Z, X, -Y));
  return a;
}

// The skeleton and clip of `a` re-expressed with joint frames turned by
// `frames` (frame of joint j -> frame of `a`): same joint positions in every
// frame, different rest pose and local rotations.
Clip reexpress(const Clip& a, const std::vector<Eigen::Quaterniond>& frames) {
  const Skeleton& sa = a.skeleton();
  Skeleton sb = sa;
  for (int j = 1; j < sa.jointCount(); ++j) sb.setOffset(j, frames[sa.parent(j)].conjugate() * sa.offset(j));
  Clip b(sb, a.frameCount(), a.fps());
  const GlobalPoses g = computeGlobalPoses(a);
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < sa.jointCount(); ++j) {
      const int p = sa.parent(j);
      const Eigen::Quaterniond global = g.rotation(f, j) * frames[j];
      const Eigen::Quaterniond parent = p >= 0 ? g.rotation(f, p) * frames[p] : Eigen::Quaterniond::Identity();
      b.rotation(f, j) = (parent.conjugate() * global).normalized();
      if (a.hasTrack(j))
        b.translation(f, j) = p >= 0 ? Eigen::Vector3d(frames[p].conjugate() * a.translation(f, j)) : a.translation(f, j);
    }
  return b;
}

}  // namespace

class TestCanonicalRig : public QObject {
  Q_OBJECT

  void checkRoundTrip(const Skeleton& s, unsigned seed) {
    std::string err;
    const CanonicalRig rig = CanonicalRig::map(s, &err);
    QVERIFY2(err.empty(), err.c_str());
    const Clip original = randomClip(s, 12, seed);
    const CanonicalMotion m = rig.toCanonical(original, &err);
    QVERIFY2(err.empty(), err.c_str());
    QCOMPARE(m.frames, 12);

    // Scramble what fromCanonical must restore: rotations of mapped joints
    // and the translation track that carries the pelvis.
    Clip target = original;
    std::mt19937 rng(seed + 1);
    for (int f = 0; f < target.frameCount(); ++f)
      for (int j = 0; j < s.jointCount(); ++j)
        if (rig.canonicalOf(j)) target.rotation(f, j) = randomRotation(rng);
    int track = rig.sourceJoint(CJ::Pelvis);
    while (!target.hasTrack(track)) track = s.parent(track);
    for (int f = 0; f < target.frameCount(); ++f) target.translation(f, track) = Eigen::Vector3d(1e3, -2e3, 5e2);
    Clip rotationsOnly = target;

    QVERIFY2(rig.fromCanonical(m, target, &err), err.c_str());
    for (int f = 0; f < original.frameCount(); ++f) {
      for (int j = 0; j < s.jointCount(); ++j) {
        if (rig.canonicalOf(j)) {
          const double angle = angleBetween(target.rotation(f, j), original.rotation(f, j));
          QVERIFY2(angle < 1e-9, (s.name(j) + " off by " + std::to_string(angle)).c_str());
        } else {
          QVERIFY2(target.rotation(f, j).coeffs() == original.rotation(f, j).coeffs(), s.name(j).c_str());
        }
        if (!target.hasTrack(j)) continue;
        if (j == track)
          QVERIFY((target.translation(f, j) - original.translation(f, j)).norm() < 1e-9);
        else
          QVERIFY(target.translation(f, j) == original.translation(f, j));
      }
    }

    // Without positions the translations stay as they are.
    CanonicalMotion noPositions = m;
    noPositions.positions.clear();
    QVERIFY2(rig.fromCanonical(noPositions, rotationsOnly, &err), err.c_str());
    for (int f = 0; f < original.frameCount(); ++f) {
      QVERIFY(rotationsOnly.translation(f, track) == Eigen::Vector3d(1e3, -2e3, 5e2));
      for (int j = 0; j < s.jointCount(); ++j)
        QVERIFY(angleBetween(rotationsOnly.rotation(f, j), original.rotation(f, j)) < 1e-9);
    }
  }

  // Bone directions need no twist convention: for every canonical joint whose
  // chain child hangs directly below it in the source, the canonical global
  // rotation turns the canonical direction onto the joint-to-child direction.
  void checkBoneDirections(const Skeleton& s) {
    const CanonicalRig rig = CanonicalRig::map(s);
    QVERIFY(rig.isUsable());
    const Clip clip = randomClip(s, 6, 7u, kPi, false);
    const CanonicalMotion m = rig.toCanonical(clip);
    const GlobalPoses g = computeGlobalPoses(clip);
    const double upm = clip.unitsPerMeter();
    const std::array<int, kN> chainChild = {1, 2, 3, 4, -1, 6, 7, 8, -1, 10, 11, 12, -1, 14, 15, 16, -1, 18, 19, 20, -1};
    int checked = 0;
    for (int f = 0; f < m.frames; ++f) {
      const std::array<Eigen::Quaterniond, kN> R = canonicalGlobals(m, f);
      for (int c = 0; c < kN; ++c) {
        const int j = rig.sourceJoint(static_cast<CJ>(c));
        if (j < 0) continue;
        QVERIFY((m.position(f, static_cast<CJ>(c)) - g.position(f, j) / upm).norm() < 1e-12);
        const int n = chainChild[c];
        if (n < 0) continue;
        const int k = rig.sourceJoint(static_cast<CJ>(n));
        if (k < 0 || s.parent(k) != j || s.offset(k).norm() < 1e-9) continue;
        const Eigen::Vector3d bone = (g.position(f, k) - g.position(f, j)).normalized();
        const Eigen::Vector3d got = R[c] * canonicalBoneDirection(static_cast<CJ>(c));
        QVERIFY2((got - bone).norm() < 1e-9, canonicalJointName(static_cast<CJ>(c)));
        ++checked;
      }
    }
    QVERIFY(checked >= 6 * 10);
  }

 private Q_SLOTS:
  void canonicalTables() {
    std::set<std::string> names;
    for (int c = 0; c < kN; ++c) {
      const CJ cj = static_cast<CJ>(c);
      QCOMPARE(canonicalIndex(cj), c);
      QVERIFY(names.insert(canonicalJointName(cj)).second);
      QVERIFY(parseCanonicalJoint(canonicalJointName(cj)) == cj);
      QVERIFY(kCanonicalParents[c] < c);
      QVERIFY(std::abs(canonicalBoneDirection(cj).norm() - 1.0) < 1e-15);
    }
    QCOMPARE(kCanonicalParents[0], -1);
    QVERIFY(parseCanonicalJoint("Left_Upper_Arm") == CJ::LeftUpperArm);
    QVERIFY(!parseCanonicalJoint("upper_arm"));
    QCOMPARE(QString(canonicalJointName(CJ::RightToe)), QString("right_toe"));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::LeftShoulder)], canonicalIndex(CJ::Chest));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::RightShoulder)], canonicalIndex(CJ::Chest));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::LeftUpperLeg)], canonicalIndex(CJ::Pelvis));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::RightUpperLeg)], canonicalIndex(CJ::Pelvis));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::Neck)], canonicalIndex(CJ::Chest));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::RightHand)], canonicalIndex(CJ::RightForearm));
    QCOMPARE(kCanonicalParents[canonicalIndex(CJ::LeftToe)], canonicalIndex(CJ::LeftFoot));
    QVERIFY(canonicalBodyPart(CJ::Head) == BodyPart::Torso);
    QVERIFY(canonicalBodyPart(CJ::LeftShoulder) == BodyPart::LeftArm);
    QVERIFY(canonicalBodyPart(CJ::RightHand) == BodyPart::RightArm);
    QVERIFY(canonicalBodyPart(CJ::LeftToe) == BodyPart::LeftLeg);
    QVERIFY(canonicalBodyPart(CJ::RightUpperLeg) == BodyPart::RightLeg);
    QVERIFY(canonicalBoneDirection(CJ::Spine) == Eigen::Vector3d::UnitY());
    QVERIFY(canonicalBoneDirection(CJ::LeftForearm) == Eigen::Vector3d::UnitX());
    QVERIFY(canonicalBoneDirection(CJ::RightUpperArm) == -Eigen::Vector3d::UnitX());
    QVERIFY(canonicalBoneDirection(CJ::RightLowerLeg) == -Eigen::Vector3d::UnitY());
    QVERIFY(canonicalBoneDirection(CJ::LeftFoot) == Eigen::Vector3d::UnitZ());
  }

  // Mirroring exchanges twins whose T-pose bones are mirror images, keeps the
  // spine's joints, and mirroring twice gives the motion back bit for bit.
  void mirror() {
    for (int c = 0; c < kN; ++c) {
      const CJ cj = static_cast<CJ>(c);
      const CJ twin = mirrorJoint(cj);
      QVERIFY(mirrorJoint(twin) == cj);
      QCOMPARE(kCanonicalParents[canonicalIndex(twin)] < 0, kCanonicalParents[c] < 0);
      if (kCanonicalParents[c] >= 0)
        QCOMPARE(kCanonicalParents[canonicalIndex(twin)],
                 canonicalIndex(mirrorJoint(static_cast<CJ>(kCanonicalParents[c]))));
      const Eigen::Vector3d d = canonicalBoneDirection(cj), e = canonicalBoneDirection(twin);
      QVERIFY((Eigen::Vector3d(-d.x(), d.y(), d.z()) - e).norm() < 1e-15);
      QCOMPARE(twin == cj, canonicalBodyPart(cj) == BodyPart::Torso);
      QVERIFY(mirrorBodyPart(canonicalBodyPart(cj)) == canonicalBodyPart(twin));
    }
    std::mt19937 rng(5);
    CanonicalMotion m;
    m.frames = 3;
    std::uniform_real_distribution<double> u(-1, 1);
    for (int i = 0; i < m.frames * kN; ++i) {
      m.rotations.push_back(randomRotation(rng));
      m.positions.emplace_back(u(rng), u(rng), u(rng));
    }
    m.mapped.fill(true);
    m.mapped[canonicalIndex(CJ::LeftToe)] = false;
    const CanonicalMotion once = mirrorMotion(m);
    QVERIFY(!once.mapped[canonicalIndex(CJ::RightToe)] && once.mapped[canonicalIndex(CJ::LeftToe)]);
    // The right hand's rotation is the left hand's reflected: same angle, the
    // axis with X kept and Y, Z negated.
    const Eigen::Quaterniond& l = m.rotation(1, CJ::LeftHand);
    const Eigen::Quaterniond& r = once.rotation(1, CJ::RightHand);
    QVERIFY(r.w() == l.w() && r.x() == l.x() && r.y() == -l.y() && r.z() == -l.z());
    QVERIFY(once.position(2, CJ::RightFoot).x() == -m.position(2, CJ::LeftFoot).x());
    const CanonicalMotion twice = mirrorMotion(once);
    QVERIFY(twice.mapped == m.mapped);
    for (size_t i = 0; i < m.rotations.size(); ++i) {
      QVERIFY(twice.rotations[i].coeffs() == m.rotations[i].coeffs());
      QVERIFY(twice.positions[i] == m.positions[i]);
    }
  }

  void mapBandai() {
    const Skeleton s = testrigs::bandai();
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"Hips", "Spine", "Chest", "Neck", "Head", "Shoulder_L", "UpperArm_L", "LowerArm_L", "Hand_L", "Shoulder_R",
         "UpperArm_R", "LowerArm_R", "Hand_R", "UpperLeg_L", "LowerLeg_L", "Foot_L", "Toes_L", "UpperLeg_R",
         "LowerLeg_R", "Foot_R", "Toes_R"},
        {"joint_Root"}, true);
    QVERIFY2(err.empty(), err.c_str());
  }

  void mapCmu() {
    const Skeleton s = testrigs::cmu();
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"root", "lowerback", "thorax", "lowerneck", "head", "lclavicle", "lhumerus", "lradius", "lwrist",
         "rclavicle", "rhumerus", "rradius", "rwrist", "lfemur", "ltibia", "lfoot", "ltoes", "rfemur", "rtibia",
         "rfoot", "rtoes"},
        {"lhipjoint", "rhipjoint", "upperback", "upperneck", "lhand", "lfingers", "lthumb", "rhand", "rfingers",
         "rthumb"},
        true);
    QVERIFY2(err.empty(), err.c_str());
  }

  void mapMixamo() {
    const Skeleton s = testrigs::mixamo();
    std::array<const char*, kN> expected = {
        "Hips", "Spine", "Spine2", "Neck", "Head", "LeftShoulder", "LeftArm", "LeftForeArm", "LeftHand",
        "RightShoulder", "RightArm", "RightForeArm", "RightHand", "LeftUpLeg", "LeftLeg", "LeftFoot",
        "LeftToeBase", "RightUpLeg", "RightLeg", "RightFoot", "RightToeBase"};
    std::vector<std::string> names(expected.begin(), expected.end());
    for (int c = 0; c < kN; ++c) {
      names[c] = "mixamorig:" + names[c];
      expected[c] = names[c].c_str();
    }
    std::vector<std::string> unmapped = {"Spine1", "HeadTop_End", "LeftToe_End", "RightToe_End"};
    for (const char* side : {"Left", "Right"})
      for (const char* f : {"HandThumb1", "HandThumb2", "HandIndex1", "HandIndex2"})
        unmapped.push_back(std::string(side) + f);
    for (std::string& n : unmapped) n = "mixamorig:" + n;
    const std::string err = checkMapping(s, CanonicalRig::map(s), expected, unmapped, true);
    QVERIFY2(err.empty(), err.c_str());
  }

  void mapSmpl() {
    const Skeleton s = testrigs::smpl();
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"pelvis", "spine1", "spine3", "neck", "head", "left_collar", "left_shoulder", "left_elbow", "left_wrist",
         "right_collar", "right_shoulder", "right_elbow", "right_wrist", "left_hip", "left_knee", "left_ankle",
         "left_foot", "right_hip", "right_knee", "right_ankle", "right_foot"},
        {"spine2", "left_hand", "right_hand"}, true);
    QVERIFY2(err.empty(), err.c_str());
  }

  void mapSmplShortNames() {
    const Skeleton s = testrigs::smpl(true);
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"Pelvis", "Spine1", "Spine3", "Neck", "Head", "L_Collar", "L_Shoulder", "L_Elbow", "L_Wrist", "R_Collar",
         "R_Shoulder", "R_Elbow", "R_Wrist", "L_Hip", "L_Knee", "L_Ankle", "L_Foot", "R_Hip", "R_Knee", "R_Ankle",
         "R_Foot"},
        {"Spine2", "L_Hand", "R_Hand"}, true);
    QVERIFY2(err.empty(), err.c_str());
  }

  void mapMotionBuilder() {
    const Skeleton s = testrigs::motionBuilder();
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"Hips", "Spine", "Spine1", "Neck", "Head", "LeftShoulder", "LeftArm", "LeftForeArm", "LeftHand",
         "RightShoulder", "RightArm", "RightForeArm", "RightHand", "LeftUpLeg", "LeftLeg", "LeftFoot", "LeftToeBase",
         "RightUpLeg", "RightLeg", "RightFoot", "RightToeBase"},
        {"LeftHandIndex1", "RightHandIndex1"}, true);
    QVERIFY2(err.empty(), err.c_str());
  }

  // Collar + shoulder: the shoulder is the upper arm; a sided hip without a
  // thigh is the upper leg.
  void mapBiovision() {
    const Skeleton s = testrigs::biovision();
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"Hips", "Chest", "Chest2", "Neck", "Head", "LeftCollar", "LeftShoulder", "LeftElbow", "LeftWrist",
         "RightCollar", "RightShoulder", "RightElbow", "RightWrist", "LeftHip", "LeftKnee", "LeftAnkle", "LeftToe",
         "RightHip", "RightKnee", "RightAnkle", "RightToe"},
        {}, true);
    QVERIFY2(err.empty(), err.c_str());
  }

  // Biped hangs the thighs from its spine and the clavicles from its neck, so
  // the structural rules put the pelvis and chest there; no neck is left.
  void mapBiped() {
    const Skeleton s = testrigs::biped();
    const std::string err = checkMapping(s, CanonicalRig::map(s),
        {"Bip01 Spine", "Bip01 Spine1", "Bip01 Neck", "", "Bip01 Head", "Bip01 L Clavicle", "Bip01 L UpperArm",
         "Bip01 L Forearm", "Bip01 L Hand", "Bip01 R Clavicle", "Bip01 R UpperArm", "Bip01 R Forearm",
         "Bip01 R Hand", "Bip01 L Thigh", "Bip01 L Calf", "Bip01 L Foot", "Bip01 L Toe0", "Bip01 R Thigh",
         "Bip01 R Calf", "Bip01 R Foot", "Bip01 R Toe0"},
        {"Bip01", "Bip01 Pelvis", "Bip01 L Finger0", "Bip01 L Finger01", "Bip01 R Finger0", "Bip01 R Finger01",
         "Bip01 HeadNub"},
        true);
    QVERIFY2(err.empty(), err.c_str());
  }

  void notUsable() {
    // Upper body only: the pelvis comes from its name, the legs are missing.
    Skeleton s;
    using testrigs::add;
    add(s, "Hips", "", {0, 100, 0});
    add(s, "Spine", "Hips", {0, 20, 0});
    add(s, "Head", "Spine", {0, 30, 0});
    for (const char* side : {"Left", "Right"}) {
      const double x = side[0] == 'L' ? 1 : -1;
      const std::string p = side;
      add(s, p + "Arm", "Spine", {15 * x, 15, 0});
      add(s, p + "ForeArm", p + "Arm", {27 * x, 0, 0});
      add(s, p + "Hand", p + "ForeArm", {25 * x, 0, 0});
    }
    std::string err;
    const CanonicalRig rig = CanonicalRig::map(s, &err);
    QVERIFY(!rig.isUsable());
    QVERIFY(QString::fromStdString(err).contains("left_upper_leg"));
    QVERIFY(!QString::fromStdString(err).contains("left_upper_arm"));
    QCOMPARE(rig.sourceJoint(CJ::Pelvis), 0);
    QCOMPARE(rig.sourceJoint(CJ::Chest), s.findJoint("Spine"));
    QCOMPARE(rig.sourceJoint(CJ::Spine), -1);  // nothing between pelvis and chest
    QCOMPARE(rig.sourceJoint(CJ::Head), s.findJoint("Head"));
    const std::vector<CJ> missing = rig.missingCanonical();
    QVERIFY(std::find(missing.begin(), missing.end(), CJ::RightFoot) != missing.end());
    // A partial rig still converts: unmapped joints follow their parent.
    const Clip clip = randomClip(s, 3, 5u);
    const CanonicalMotion m = rig.toCanonical(clip, &err);
    QCOMPARE(m.frames, 3);
    QVERIFY(!m.mapped[canonicalIndex(CJ::LeftFoot)] && m.mapped[canonicalIndex(CJ::LeftHand)]);
    for (int f = 0; f < 3; ++f) {
      QVERIFY(angleBetween(m.rotation(f, CJ::LeftUpperLeg), Eigen::Quaterniond::Identity()) < 1e-12);
      QVERIFY(m.position(f, CJ::LeftToe) == m.position(f, CJ::Pelvis));
    }
    Clip target = clip;
    QVERIFY(rig.fromCanonical(m, target, &err));
    for (int f = 0; f < 3; ++f)
      for (int j = 0; j < s.jointCount(); ++j) QVERIFY(angleBetween(target.rotation(f, j), clip.rotation(f, j)) < 1e-9);
  }

  void overrides() {
    const Skeleton s = testrigs::mixamo();
    auto joint = [&](const char* n) { return s.findJoint(std::string("mixamorig:") + n); };
    CanonicalRigOverrides o;
    o.joints["mixamorig:Spine1"] = CJ::Spine;
    o.cleared.push_back(CJ::Neck);
    o.parts["mixamorig:LeftShoulder"] = BodyPart::Torso;
    std::string err;
    const CanonicalRig rig = CanonicalRig::map(s, o, &err);
    QVERIFY2(err.empty(), err.c_str());
    QCOMPARE(rig.sourceJoint(CJ::Spine), joint("Spine1"));
    QCOMPARE(rig.sourceJoint(CJ::Neck), -1);
    QCOMPARE(rig.sourceJoint(CJ::LeftShoulder), -1);
    QVERIFY(rig.bodyParts().part(joint("LeftShoulder")) == BodyPart::Torso);
    // The chest falls back to the upper arms' common ancestor.
    QCOMPARE(rig.sourceJoint(CJ::Chest), joint("Spine2"));
    QCOMPARE(rig.sourceJoint(CJ::LeftUpperArm), joint("LeftArm"));
    const std::vector<int> unmapped = rig.unmappedJoints();
    for (const char* n : {"Spine", "Neck", "LeftShoulder"})
      QVERIFY(std::find(unmapped.begin(), unmapped.end(), joint(n)) != unmapped.end());
    // Still round-trips.
    const Clip clip = randomClip(s, 4, 9u);
    Clip target = clip;
    for (int f = 0; f < 4; ++f) target.rotation(f, joint("Spine1")) = Eigen::Quaterniond::Identity();
    QVERIFY(rig.fromCanonical(rig.toCanonical(clip), target, &err));
    for (int f = 0; f < 4; ++f) QVERIFY(angleBetween(target.rotation(f, joint("Spine1")), clip.rotation(f, joint("Spine1"))) < 1e-9);

    // An automatic child that no longer hangs below an override is dropped...
    CanonicalRigOverrides finger;
    finger.joints["mixamorig:LeftHandIndex1"] = CJ::LeftForearm;
    const CanonicalRig r2 = CanonicalRig::map(s, finger, &err);
    QCOMPARE(r2.sourceJoint(CJ::LeftForearm), joint("LeftHandIndex1"));
    QCOMPARE(r2.sourceJoint(CJ::LeftHand), -1);
    QCOMPARE(r2.sourceJoint(CJ::LeftUpperArm), joint("LeftArm"));
    QVERIFY(!r2.isUsable());
    // ...and so is an automatic ancestor an override does not hang below.
    CanonicalRigOverrides neck;
    neck.joints["mixamorig:Spine"] = CJ::Neck;
    const CanonicalRig r3 = CanonicalRig::map(s, neck, &err);
    QVERIFY2(err.empty(), err.c_str());
    QCOMPARE(r3.sourceJoint(CJ::Neck), joint("Spine"));
    QCOMPARE(r3.sourceJoint(CJ::Chest), -1);
    QCOMPARE(r3.sourceJoint(CJ::Head), joint("Head"));
    QCOMPARE(r3.sourceJoint(CJ::LeftShoulder), joint("LeftShoulder"));
  }

  void overrideErrors() {
    const Skeleton s = testrigs::mixamo();
    std::string err;
    CanonicalRigOverrides unknown;
    unknown.joints["NoSuchJoint"] = CJ::Head;
    CanonicalRig rig = CanonicalRig::map(s, unknown, &err);
    QVERIFY(QString::fromStdString(err).contains("NoSuchJoint"));
    QCOMPARE(rig.sourceJointCount(), 0);
    QVERIFY(!rig.isUsable());

    CanonicalRigOverrides twice;
    twice.joints["mixamorig:Spine"] = CJ::Chest;
    twice.joints["mixamorig:Spine1"] = CJ::Chest;
    rig = CanonicalRig::map(s, twice, &err);
    QVERIFY(QString::fromStdString(err).contains("chest"));
    QCOMPARE(rig.sourceJointCount(), 0);

    CanonicalRigOverrides crossed;
    crossed.joints["mixamorig:LeftHand"] = CJ::LeftUpperArm;
    crossed.joints["mixamorig:LeftArm"] = CJ::LeftHand;
    rig = CanonicalRig::map(s, crossed, &err);
    QVERIFY(QString::fromStdString(err).contains("not below"));
    QCOMPARE(rig.sourceJointCount(), 0);

    CanonicalRigOverrides badPart;
    badPart.parts["Nope"] = BodyPart::Torso;
    rig = CanonicalRig::map(s, badPart, &err);
    QVERIFY(QString::fromStdString(err).contains("Nope"));

    rig = CanonicalRig::map(Skeleton(), &err);
    QVERIFY(!err.empty());
    QCOMPARE(rig.sourceJointCount(), 0);
  }

  void roundTripBandai() { checkRoundTrip(testrigs::bandai(), 11u); }
  void roundTripCmu() { checkRoundTrip(testrigs::cmu(), 12u); }
  void roundTripMixamo() { checkRoundTrip(testrigs::mixamo(), 13u); }
  void roundTripSmpl() { checkRoundTrip(testrigs::smpl(), 14u); }
  void roundTripMotionBuilder() { checkRoundTrip(testrigs::motionBuilder(), 15u); }
  void roundTripBiovision() { checkRoundTrip(testrigs::biovision(), 16u); }
  void roundTripBiped() { checkRoundTrip(testrigs::biped(), 17u); }
  // Only the root above the pelvis has a translation track: moving it must
  // still put the pelvis where the canonical motion says.
  void roundTripRootAbovePelvis() {
    Skeleton s = testrigs::bandai();
    for (int j = 1; j < s.jointCount(); ++j) s.setChannels(j, {Channel::Zrotation, Channel::Xrotation, Channel::Yrotation});
    const Clip clip(s, 1, 30.0);
    QVERIFY(!clip.hasTrack(s.findJoint("Hips")));
    checkRoundTrip(s, 18u);
  }

  void boneDirections() {
    checkBoneDirections(testrigs::bandai());
    checkBoneDirections(testrigs::mixamo());
    checkBoneDirections(testrigs::smpl());
    checkBoneDirections(testrigs::motionBuilder());
    checkBoneDirections(testrigs::cmu());
  }

  // A rig standing in the exact canonical T-pose needs no correction.
  void tposeIsIdentity() {
    const Skeleton s = tposeBandai();
    const CanonicalRig rig = CanonicalRig::map(s);
    QVERIFY(rig.isUsable());
    for (int c = 0; c < kN; ++c)
      QVERIFY2(angleBetween(rig.restAlignment(static_cast<CJ>(c)), Eigen::Quaterniond::Identity()) < 1e-12,
               canonicalJointName(static_cast<CJ>(c)));
    const Clip rest(s, 2, 30.0);
    const CanonicalMotion m = rig.toCanonical(rest);
    QCOMPARE(m.fps, 30.0);
    const std::vector<Eigen::Vector3d> restPositions = s.restPositions();
    for (int c = 0; c < kN; ++c) {
      QVERIFY(angleBetween(m.rotation(1, static_cast<CJ>(c)), Eigen::Quaterniond::Identity()) < 1e-12);
      const int j = rig.sourceJoint(static_cast<CJ>(c));
      QVERIFY((m.position(1, static_cast<CJ>(c)) - restPositions[j] / rest.unitsPerMeter()).norm() < 1e-12);
    }
  }

  // The same motion on the T-pose rig and on a Bandai-style rig (every bone
  // along +-X, same joint positions in every frame) gives the same canonical
  // rotations.
  void rigIndependence() {
    const Skeleton ta = tposeBandai();
    const Clip a = randomClip(ta, 10, 21u, 1.5);
    const std::vector<Eigen::Quaterniond> frames = bandaiFrames(ta);
    const Clip b = reexpress(a, frames);
    // The re-expressed rig looks like Bandai's: spine and left limbs along
    // +X, right limbs along -X.
    const Skeleton& tb = b.skeleton();
    QVERIFY((tb.offset(tb.findJoint("Spine")).normalized() - Eigen::Vector3d::UnitX()).norm() < 1e-12);
    QVERIFY((tb.offset(tb.findJoint("LowerLeg_L")).normalized() - Eigen::Vector3d::UnitX()).norm() < 1e-12);
    QVERIFY((tb.offset(tb.findJoint("Toes_R")).normalized() + Eigen::Vector3d::UnitX()).norm() < 1e-12);
    QVERIFY((tb.offset(tb.findJoint("Hand_R")).normalized() + Eigen::Vector3d::UnitX()).norm() < 1e-12);
    const GlobalPoses ga = computeGlobalPoses(a), gb = computeGlobalPoses(b);
    for (int f = 0; f < a.frameCount(); ++f)
      for (int j = 0; j < ta.jointCount(); ++j) QVERIFY((ga.position(f, j) - gb.position(f, j)).norm() < 1e-9);

    const CanonicalRig ra = CanonicalRig::map(ta), rb = CanonicalRig::map(tb);
    QVERIFY(ra.isUsable() && rb.isUsable());
    for (int c = 0; c < kN; ++c) {
      const int j = rb.sourceJoint(static_cast<CJ>(c));
      QVERIFY2(angleBetween(rb.restAlignment(static_cast<CJ>(c)), frames[j]) < 1e-6,
               canonicalJointName(static_cast<CJ>(c)));
    }
    const CanonicalMotion ma = ra.toCanonical(a), mb = rb.toCanonical(b);
    QCOMPARE(mb.frames, ma.frames);
    for (int f = 0; f < ma.frames; ++f)
      for (int c = 0; c < kN; ++c) {
        const CJ cj = static_cast<CJ>(c);
        const double angle = angleBetween(ma.rotation(f, cj), mb.rotation(f, cj));
        QVERIFY2(angle < 1e-6, (std::string(canonicalJointName(cj)) + " differs by " + std::to_string(angle)).c_str());
        QVERIFY((ma.position(f, cj) - mb.position(f, cj)).norm() < 1e-9);
      }

    // And back: the T-pose rig's canonical motion drives the Bandai-style rig
    // into the same poses.
    // (Translations as in b, so bone lengths agree; every rotation and the
    // pelvis translation start wrong.)
    Clip onB = b;
    for (int f = 0; f < onB.frameCount(); ++f) {
      for (int j = 0; j < tb.jointCount(); ++j) onB.rotation(f, j) = Eigen::Quaterniond::Identity();
      onB.translation(f, tb.findJoint("Hips")) = Eigen::Vector3d::Zero();
    }
    QVERIFY(rb.fromCanonical(ma, onB));
    const GlobalPoses gOnB = computeGlobalPoses(onB);
    for (int f = 0; f < a.frameCount(); ++f)
      for (int j = 0; j < tb.jointCount(); ++j)
        if (rb.canonicalOf(j)) QVERIFY((gOnB.position(f, j) - ga.position(f, j)).norm() < 1e-6);
  }

  // With the real Bandai offsets: the same channel values bend both knees
  // (about +Y of the joint) and both elbows; canonically the knees bend about
  // +X and the elbows bring the forearms forward (+Z), mirror images.
  void bandaiHingesMirror() {
    const Skeleton s = testrigs::bandai();
    const CanonicalRig rig = CanonicalRig::map(s);
    Clip clip(s, 1, 30.0);
    const Eigen::Quaterniond knee(Eigen::AngleAxisd(degToRad(40), Eigen::Vector3d::UnitY()));
    const Eigen::Quaterniond elbow(Eigen::AngleAxisd(degToRad(-90), Eigen::Vector3d::UnitY()));
    clip.rotation(0, s.findJoint("LowerLeg_L")) = knee;
    clip.rotation(0, s.findJoint("LowerLeg_R")) = knee;
    clip.rotation(0, s.findJoint("LowerArm_L")) = elbow;
    clip.rotation(0, s.findJoint("LowerArm_R")) = elbow;
    const CanonicalMotion m = rig.toCanonical(clip);
    const Eigen::Quaterniond bend(Eigen::AngleAxisd(degToRad(40), Eigen::Vector3d::UnitX()));
    // Bandai's offsets are off-axis by up to 1e-3 rad (LowerLeg_R).
    const double tol = 3e-3;
    QVERIFY(angleBetween(m.rotation(0, CJ::LeftLowerLeg), bend) < tol);
    QVERIFY(angleBetween(m.rotation(0, CJ::RightLowerLeg), bend) < tol);
    const Eigen::Vector3d leftForearm = m.rotation(0, CJ::LeftForearm) * Eigen::Vector3d::UnitX();
    const Eigen::Vector3d rightForearm = m.rotation(0, CJ::RightForearm) * -Eigen::Vector3d::UnitX();
    QVERIFY((leftForearm - Eigen::Vector3d::UnitZ()).norm() < tol);
    QVERIFY((rightForearm - Eigen::Vector3d::UnitZ()).norm() < tol);
    // Feet carry the knee's hinge: bending the ankles about the same joint
    // axis flexes both feet about canonical +X as well (on top of the rest
    // pose, where Bandai's feet point along the shins).
    Clip ankles(s, 1, 30.0);
    ankles.rotation(0, s.findJoint("Foot_L")) = knee;
    ankles.rotation(0, s.findJoint("Foot_R")) = knee;
    const CanonicalMotion a = rig.toCanonical(ankles);
    const CanonicalMotion rest = rig.toCanonical(Clip(s, 1, 30.0));
    const Eigen::Quaterniond down(Eigen::AngleAxisd(kPi / 2, Eigen::Vector3d::UnitX()));
    QVERIFY(angleBetween(rest.rotation(0, CJ::LeftFoot), down) < tol);
    QVERIFY(angleBetween(rest.rotation(0, CJ::RightFoot), down) < tol);
    QVERIFY(angleBetween(a.rotation(0, CJ::LeftFoot), bend * down) < tol);
    QVERIFY(angleBetween(a.rotation(0, CJ::RightFoot), bend * down) < tol);
  }

  // A bone opposite to its canonical direction (legs pointing up): rounding
  // noise in the rest offsets must not pick the twist.
  void nearOppositeIsStable() {
    auto legsUp = [](const Eigen::Vector3d& noise) {
      Skeleton s = tposeBandai();
      for (const char* n : {"LowerLeg_L", "Foot_L"}) s.setOffset(s.findJoint(n), Eigen::Vector3d(0, 40, 0) + noise);
      return s;
    };
    const CanonicalRig exact = CanonicalRig::map(legsUp(Eigen::Vector3d::Zero()));
    const CanonicalRig noisyX = CanonicalRig::map(legsUp({1e-7, 0, 0}));
    const CanonicalRig noisyZ = CanonicalRig::map(legsUp({0, 0, -1e-7}));
    for (CJ c : {CJ::LeftUpperLeg, CJ::LeftLowerLeg}) {
      QVERIFY((exact.restAlignment(c) * Eigen::Vector3d::UnitY() + Eigen::Vector3d::UnitY()).norm() < 1e-12);
      QVERIFY(angleBetween(exact.restAlignment(c), noisyX.restAlignment(c)) < 1e-6);
      QVERIFY(angleBetween(exact.restAlignment(c), noisyZ.restAlignment(c)) < 1e-6);
    }
  }

  void signContinuity() {
    const Skeleton s = testrigs::cmu();
    const CanonicalRig rig = CanonicalRig::map(s);
    Clip clip = randomClip(s, 8, 31u, 0.3);
    // Flip the sign of every other frame: the same poses.
    for (int f = 1; f < clip.frameCount(); f += 2)
      for (int j = 0; j < s.jointCount(); ++j) clip.rotation(f, j).coeffs() *= -1.0;
    const CanonicalMotion m = rig.toCanonical(clip);
    for (int c = 0; c < kN; ++c) {
      QVERIFY(m.rotation(0, static_cast<CJ>(c)).w() >= 0.0);
      for (int f = 1; f < m.frames; ++f)
        QVERIFY(m.rotation(f, static_cast<CJ>(c)).coeffs().dot(m.rotation(f - 1, static_cast<CJ>(c)).coeffs()) >= 0.0);
    }
  }

  void mismatches() {
    const CanonicalRig rig = CanonicalRig::map(testrigs::bandai());
    std::string err;
    const Clip other = randomClip(testrigs::cmu(), 3, 1u);
    QCOMPARE(rig.toCanonical(other, &err).frames, 0);
    QVERIFY(!err.empty());

    Skeleton renamed = testrigs::bandai();
    renamed.setName(1, "Pelvis");
    QCOMPARE(rig.toCanonical(Clip(renamed, 2, 30.0), &err).frames, 0);
    QVERIFY(!err.empty());
    QCOMPARE(CanonicalRig().toCanonical(Clip(renamed, 2, 30.0), &err).frames, 0);
    QVERIFY(!err.empty());

    const Clip clip = randomClip(testrigs::bandai(), 4, 2u);
    CanonicalMotion m = rig.toCanonical(clip, &err);
    QVERIFY(err.empty());
    Clip shorter = clip.subClip(0, 3);
    const Clip before = shorter;
    QVERIFY(!rig.fromCanonical(m, shorter, &err));
    QVERIFY(!err.empty());
    CanonicalMotion bad = m;
    bad.rotations[5] = Eigen::Quaterniond(0, 0, 0, 0);
    Clip target = clip;
    target.rotation(2, 3) = Eigen::Quaterniond::Identity();
    const Clip untouched = target;
    QVERIFY(!rig.fromCanonical(bad, target, &err));
    bad = m;
    bad.positions.resize(3);
    QVERIFY(!rig.fromCanonical(bad, target, &err));
    bad = m;
    bad.rotations.pop_back();
    QVERIFY(!rig.fromCanonical(bad, target, &err));
    for (int f = 0; f < 4; ++f)
      for (int j = 0; j < target.jointCount(); ++j)
        QVERIFY(target.rotation(f, j).coeffs() == untouched.rotation(f, j).coeffs());
    for (int f = 0; f < 3; ++f)
      for (int j = 0; j < shorter.jointCount(); ++j)
        QVERIFY(shorter.rotation(f, j).coeffs() == before.rotation(f, j).coeffs());
  }

  // One rig serves several threads at once (no hidden state).
  void concurrentUse() {
    const Skeleton s = testrigs::mixamo();
    const CanonicalRig rig = CanonicalRig::map(s);
    const Clip clip = randomClip(s, 20, 41u);
    const CanonicalMotion reference = rig.toCanonical(clip);
    std::vector<CanonicalMotion> results(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { results[t] = rig.toCanonical(clip); });
    for (std::thread& t : threads) t.join();
    for (const CanonicalMotion& r : results) {
      QCOMPARE(r.frames, reference.frames);
      for (size_t i = 0; i < r.rotations.size(); ++i) QVERIFY(r.rotations[i].coeffs() == reference.rotations[i].coeffs());
    }
  }
};

QTEST_APPLESS_MAIN(TestCanonicalRig)
#include "tst_canonicalrig.moc"
