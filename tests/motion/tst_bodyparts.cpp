#include "motion/bodyparts.h"
#include "motion/skeleton.h"
#include "testutil_rigs.h"

#include <QtTest>

#include <set>

using namespace mm;

namespace {

struct Expected {
  BodyPart part;
  std::vector<std::string> joints;
};

// Empty if every joint of `s` is listed exactly once, under the part `map`
// gives it; otherwise the first discrepancy.
std::string checkParts(const Skeleton& s, const BodyPartMap& map, const std::vector<Expected>& expected) {
  if (map.jointCount() != s.jointCount()) return "map has " + std::to_string(map.jointCount()) + " joints";
  std::set<std::string> seen;
  for (const Expected& e : expected)
    for (const std::string& name : e.joints) {
      const int j = s.findJoint(name);
      if (j < 0) return "test rig lacks " + name;
      if (!seen.insert(name).second) return "listed twice: " + name;
      if (map.part(j) != e.part)
        return name + " is " + bodyPartName(map.part(j)) + ", expected " + bodyPartName(e.part);
    }
  for (int j = 0; j < s.jointCount(); ++j)
    if (!seen.count(s.name(j))) return "not listed: " + s.name(j);
  return {};
}

std::vector<std::string> prefixed(const std::string& prefix, std::vector<std::string> names) {
  for (std::string& n : names) n = prefix + n;
  return names;
}

const char* sideName(BodySide s) { return s == BodySide::Left ? "L" : s == BodySide::Right ? "R" : "-"; }
const char* limbName(LimbKind k) { return k == LimbKind::Arm ? "arm" : k == LimbKind::Leg ? "leg" : "-"; }

}  // namespace

class TestBodyParts : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void partNames() {
    QCOMPARE(kBodyPartCount, 5);
    const char* expected[] = {"torso", "left_arm", "right_arm", "left_leg", "right_leg"};
    for (int i = 0; i < kBodyPartCount; ++i) {
      const BodyPart p = kAllBodyParts[i];
      QCOMPARE(bodyPartIndex(p), i);
      QCOMPARE(QString(bodyPartName(p)), QString(expected[i]));
      QVERIFY(parseBodyPart(expected[i]) == p);
    }
    QVERIFY(parseBodyPart("Left-Arm") == BodyPart::LeftArm);
    QVERIFY(parseBodyPart("RIGHT_LEG") == BodyPart::RightLeg);
    QVERIFY(!parseBodyPart("arm"));
    QVERIFY(!parseBodyPart(""));
    QVERIFY(!parseBodyPart("left_arm "));
  }

  void analyzeNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("side");
    QTest::addColumn<QString>("limb");
    QTest::addColumn<QString>("words");
    QTest::newRow("cmu lowerback is not left") << "lowerback" << "-" << "-" << "lower back";
    QTest::newRow("cmu lowerneck is not left") << "lowerneck" << "-" << "-" << "lower neck";
    QTest::newRow("cmu lfemur") << "lfemur" << "L" << "leg" << "femur";
    QTest::newRow("cmu rhumerus") << "rhumerus" << "R" << "arm" << "humerus";
    QTest::newRow("cmu lhipjoint") << "lhipjoint" << "L" << "leg" << "hip joint";
    QTest::newRow("cmu rradius") << "rradius" << "R" << "arm" << "radius";
    QTest::newRow("radius alone") << "radius" << "-" << "arm" << "radius";
    QTest::newRow("ring is no right side") << "ring" << "-" << "arm" << "ring";
    QTest::newRow("rib stays whole") << "rib" << "-" << "-" << "rib";
    QTest::newRow("mixamo namespace") << "mixamorig:LeftUpLeg" << "L" << "leg" << "up leg";
    QTest::newRow("mixamo thumb") << "mixamorig:LeftHandThumb1" << "L" << "arm" << "hand thumb";
    QTest::newRow("pipe namespace") << "Character1|RightForeArm" << "R" << "arm" << "fore arm";
    QTest::newRow("biped") << "Bip01 L Thigh" << "L" << "leg" << "bip thigh";
    QTest::newRow("biped forearm") << "Bip01 R Forearm" << "R" << "arm" << "bip fore arm";
    QTest::newRow("bandai suffix") << "UpperArm_L" << "L" << "arm" << "upper arm";
    QTest::newRow("bandai toes") << "Toes_R" << "R" << "leg" << "toes";
    QTest::newRow("smpl short") << "L_Hip" << "L" << "leg" << "hip";
    QTest::newRow("smpl long") << "left_collar" << "L" << "arm" << "collar";
    QTest::newRow("toe base") << "RightToeBase" << "R" << "leg" << "toe base";
    QTest::newRow("capital run") << "LHand" << "L" << "arm" << "hand";
    QTest::newRow("all caps glued") << "RIGHTHAND" << "R" << "arm" << "hand";
    QTest::newRow("lowercase glued") << "leftupleg" << "L" << "leg" << "up leg";
    QTest::newRow("unsided hip is torso") << "Hip" << "-" << "-" << "hip";
    QTest::newRow("hips") << "Hips" << "-" << "-" << "hips";
    QTest::newRow("joint_Root") << "joint_Root" << "-" << "-" << "joint root";
    QTest::newRow("end joint") << "HeadTop_End" << "-" << "-" << "head top end";
    QTest::newRow("sided torso") << "Spine_L1" << "L" << "-" << "spine";
    QTest::newRow("utf8") << QString::fromUtf8("\xc3\x84rmel_L") << "L" << "-" << QString::fromUtf8("\xc3\x84rmel");
    QTest::newRow("empty") << "" << "-" << "-" << "";
    QTest::newRow("separators only") << "__::" << "-" << "-" << "";
  }
  void analyzeNames() {
    QFETCH(QString, name);
    QFETCH(QString, side);
    QFETCH(QString, limb);
    QFETCH(QString, words);
    const JointNameInfo info = analyzeJointName(name.toStdString());
    QCOMPARE(QString(sideName(info.side)), side);
    QCOMPARE(QString(limbName(limbOfWords(info.words, info.side != BodySide::None))), limb);
    QStringList got;
    for (const std::string& w : info.words) got << QString::fromStdString(w);
    QCOMPARE(got.join(' '), words);
  }

  void bandai() {
    const Skeleton s = testrigs::bandai();
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"joint_Root", "Hips", "Spine", "Chest", "Neck", "Head"}},
         {BodyPart::LeftArm, {"Shoulder_L", "UpperArm_L", "LowerArm_L", "Hand_L"}},
         {BodyPart::RightArm, {"Shoulder_R", "UpperArm_R", "LowerArm_R", "Hand_R"}},
         {BodyPart::LeftLeg, {"UpperLeg_L", "LowerLeg_L", "Foot_L", "Toes_L"}},
         {BodyPart::RightLeg, {"UpperLeg_R", "LowerLeg_R", "Foot_R", "Toes_R"}}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void cmu() {
    const Skeleton s = testrigs::cmu();
    auto arm = [](const std::string& p) {
      return prefixed(p, {"clavicle", "humerus", "radius", "wrist", "hand", "fingers", "thumb"});
    };
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"root", "lowerback", "upperback", "thorax", "lowerneck", "upperneck", "head"}},
         {BodyPart::LeftArm, arm("l")},
         {BodyPart::RightArm, arm("r")},
         {BodyPart::LeftLeg, prefixed("l", {"hipjoint", "femur", "tibia", "foot", "toes"})},
         {BodyPart::RightLeg, prefixed("r", {"hipjoint", "femur", "tibia", "foot", "toes"})}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void mixamo() {
    const Skeleton s = testrigs::mixamo();
    auto arm = [](const std::string& p) {
      return prefixed("mixamorig:" + p, {"Shoulder", "Arm", "ForeArm", "Hand", "HandThumb1", "HandThumb2",
                                         "HandIndex1", "HandIndex2"});
    };
    auto leg = [](const std::string& p) {
      return prefixed("mixamorig:" + p, {"UpLeg", "Leg", "Foot", "ToeBase", "Toe_End"});
    };
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, prefixed("mixamorig:", {"Hips", "Spine", "Spine1", "Spine2", "Neck", "Head", "HeadTop_End"})},
         {BodyPart::LeftArm, arm("Left")},
         {BodyPart::RightArm, arm("Right")},
         {BodyPart::LeftLeg, leg("Left")},
         {BodyPart::RightLeg, leg("Right")}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void smpl() {
    const Skeleton s = testrigs::smpl();
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"pelvis", "spine1", "spine2", "spine3", "neck", "head"}},
         {BodyPart::LeftArm, prefixed("left_", {"collar", "shoulder", "elbow", "wrist", "hand"})},
         {BodyPart::RightArm, prefixed("right_", {"collar", "shoulder", "elbow", "wrist", "hand"})},
         {BodyPart::LeftLeg, prefixed("left_", {"hip", "knee", "ankle", "foot"})},
         {BodyPart::RightLeg, prefixed("right_", {"hip", "knee", "ankle", "foot"})}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void smplShortNames() {
    const Skeleton s = testrigs::smpl(true);
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"Pelvis", "Spine1", "Spine2", "Spine3", "Neck", "Head"}},
         {BodyPart::LeftArm, prefixed("L_", {"Collar", "Shoulder", "Elbow", "Wrist", "Hand"})},
         {BodyPart::RightArm, prefixed("R_", {"Collar", "Shoulder", "Elbow", "Wrist", "Hand"})},
         {BodyPart::LeftLeg, prefixed("L_", {"Hip", "Knee", "Ankle", "Foot"})},
         {BodyPart::RightLeg, prefixed("R_", {"Hip", "Knee", "Ankle", "Foot"})}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void motionBuilder() {
    const Skeleton s = testrigs::motionBuilder();
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"Hips", "Spine", "Spine1", "Neck", "Head"}},
         {BodyPart::LeftArm, prefixed("Left", {"Shoulder", "Arm", "ForeArm", "Hand", "HandIndex1"})},
         {BodyPart::RightArm, prefixed("Right", {"Shoulder", "Arm", "ForeArm", "Hand", "HandIndex1"})},
         {BodyPart::LeftLeg, prefixed("Left", {"UpLeg", "Leg", "Foot", "ToeBase"})},
         {BodyPart::RightLeg, prefixed("Right", {"UpLeg", "Leg", "Foot", "ToeBase"})}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void biovision() {
    const Skeleton s = testrigs::biovision();
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"Hips", "Chest", "Chest2", "Neck", "Head"}},
         {BodyPart::LeftArm, prefixed("Left", {"Collar", "Shoulder", "Elbow", "Wrist"})},
         {BodyPart::RightArm, prefixed("Right", {"Collar", "Shoulder", "Elbow", "Wrist"})},
         {BodyPart::LeftLeg, prefixed("Left", {"Hip", "Knee", "Ankle", "Toe"})},
         {BodyPart::RightLeg, prefixed("Right", {"Hip", "Knee", "Ankle", "Toe"})}});
    QVERIFY2(err.empty(), err.c_str());
  }

  void biped() {
    const Skeleton s = testrigs::biped();
    const std::string err = checkParts(s, BodyPartMap::detect(s),
        {{BodyPart::Torso, {"Bip01", "Bip01 Pelvis", "Bip01 Spine", "Bip01 Spine1", "Bip01 Neck", "Bip01 Head",
                            "Bip01 HeadNub"}},
         {BodyPart::LeftArm, prefixed("Bip01 L ", {"Clavicle", "UpperArm", "Forearm", "Hand", "Finger0", "Finger01"})},
         {BodyPart::RightArm, prefixed("Bip01 R ", {"Clavicle", "UpperArm", "Forearm", "Hand", "Finger0", "Finger01"})},
         {BodyPart::LeftLeg, prefixed("Bip01 L ", {"Thigh", "Calf", "Foot", "Toe0"})},
         {BodyPart::RightLeg, prefixed("Bip01 R ", {"Thigh", "Calf", "Foot", "Toe0"})}});
    QVERIFY2(err.empty(), err.c_str());
  }

  // Inheritance: fingers, props and unknown children follow their limb; an
  // unsided limb word or a sided joint without a limb word under the torso
  // stays torso.
  void inheritance() {
    Skeleton s;
    testrigs::add(s, "Root", "", {0, 90, 0});
    testrigs::add(s, "Hand", "Root", {0, 10, 0});         // limb word, no side
    testrigs::add(s, "Eye_L", "Root", {3, 60, 5});        // side, no limb word
    testrigs::add(s, "Arm_L", "Root", {10, 40, 0});
    testrigs::add(s, "Weapon_R", "Arm_L", {20, 0, 0});   // other side, no limb word: follows its parent
    testrigs::add(s, "Blade", "Weapon_R", {30, 0, 0});
    testrigs::add(s, "Foot_R", "Arm_L", {0, -5, 0});     // own side and keyword win
    const BodyPartMap m = BodyPartMap::detect(s);
    QVERIFY(m.part(0) == BodyPart::Torso);
    QVERIFY(m.part(1) == BodyPart::Torso);
    QVERIFY(m.part(2) == BodyPart::Torso);
    QVERIFY(m.part(3) == BodyPart::LeftArm);
    QVERIFY(m.part(4) == BodyPart::LeftArm);
    QVERIFY(m.part(5) == BodyPart::LeftArm);
    QVERIFY(m.part(6) == BodyPart::RightLeg);
  }

  void jointsOfAndSetPart() {
    const Skeleton s = testrigs::bandai();
    BodyPartMap m = BodyPartMap::detect(s);
    const std::vector<int> leftLeg = m.jointsOf(BodyPart::LeftLeg);
    QCOMPARE(leftLeg, (std::vector<int>{s.findJoint("UpperLeg_L"), s.findJoint("LowerLeg_L"),
                                        s.findJoint("Foot_L"), s.findJoint("Toes_L")}));
    size_t total = 0;
    for (BodyPart p : kAllBodyParts) total += m.jointsOf(p).size();
    QCOMPARE(static_cast<int>(total), s.jointCount());
    const int hand = s.findJoint("Hand_L");
    m.setPart(hand, BodyPart::Torso);
    QVERIFY(m.part(hand) == BodyPart::Torso);
    QCOMPARE(m.jointsOf(BodyPart::LeftArm).size(), size_t(3));
    QVERIFY(m != BodyPartMap::detect(s));
    QVERIFY(BodyPartMap(4, BodyPart::RightLeg).jointsOf(BodyPart::RightLeg).size() == 4);
    QCOMPARE(BodyPartMap(-3).jointCount(), 0);
    QCOMPARE(BodyPartMap::detect(Skeleton()).jointCount(), 0);
  }

  void overrides() {
    const Skeleton s = testrigs::bandai();
    BodyPartMap m = BodyPartMap::detect(s);
    const std::vector<std::string> unknown =
        m.applyOverrides(s, {{"Shoulder_L", BodyPart::Torso}, {"Nope", BodyPart::LeftArm}, {"Head", BodyPart::RightArm}});
    QCOMPARE(unknown, std::vector<std::string>{"Nope"});
    QVERIFY(m.part(s.findJoint("Shoulder_L")) == BodyPart::Torso);
    QVERIFY(m.part(s.findJoint("Head")) == BodyPart::RightArm);
    // Joint only: the rest of the arm keeps its part.
    QVERIFY(m.part(s.findJoint("UpperArm_L")) == BodyPart::LeftArm);
    QVERIFY(m.part(s.findJoint("Neck")) == BodyPart::Torso);
  }

  void overridesWithDescendants() {
    const Skeleton s = testrigs::bandai();
    BodyPartMap m = BodyPartMap::detect(s);
    QVERIFY(m.applyOverrides(s, {{"Shoulder_L", BodyPart::Torso}, {"LowerArm_L", BodyPart::RightArm}}, true).empty());
    QVERIFY(m.part(s.findJoint("Shoulder_L")) == BodyPart::Torso);
    QVERIFY(m.part(s.findJoint("UpperArm_L")) == BodyPart::Torso);      // inherited
    QVERIFY(m.part(s.findJoint("LowerArm_L")) == BodyPart::RightArm);   // its own override wins
    QVERIFY(m.part(s.findJoint("Hand_L")) == BodyPart::RightArm);       // inherited from LowerArm_L
    QVERIFY(m.part(s.findJoint("Shoulder_R")) == BodyPart::RightArm);   // untouched subtree
    QVERIFY(m.part(s.findJoint("Chest")) == BodyPart::Torso);
  }
};

QTEST_APPLESS_MAIN(TestBodyParts)
#include "tst_bodyparts.moc"
