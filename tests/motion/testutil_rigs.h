#pragma once
// Skeletons of common rigs, built by hand for the body-part and canonical-rig
// tests (header only, so it adds nothing to the other tests of the folder).
// Units are centimetres; T-pose rigs stand in canonical space (Y up, facing
// +Z, left side at +X). Joint lists follow the rigs' own files; offsets are
// plausible, not copied, except bandai(), which has the offsets of
// tests/data/bandai_kick_40.bvh.

#include "motion/skeleton.h"

#include <string>
#include <vector>

namespace mm::testrigs {

inline int add(Skeleton& s, const std::string& name, const std::string& parent, const Eigen::Vector3d& offset) {
  return s.addJoint(name, parent.empty() ? Skeleton::kNoParent : s.findJoint(parent), offset);
}

inline const std::vector<Channel>& sixChannels() {
  static const std::vector<Channel> c = {Channel::Xposition, Channel::Yposition, Channel::Zposition,
                                         Channel::Zrotation, Channel::Xrotation, Channel::Yrotation};
  return c;
}

// Bandai-Namco: joint_Root above Hips, _L/_R suffixes, every bone along +-X
// in the rest pose, position channels on every joint.
inline Skeleton bandai() {
  Skeleton s;
  add(s, "joint_Root", "", {0, 0, 0});
  add(s, "Hips", "joint_Root", {0, 93.9241, -3});
  add(s, "Spine", "Hips", {15.7357, 0, 0});
  add(s, "Chest", "Spine", {8.98455, -0.406207, 0});
  add(s, "Neck", "Chest", {16.3773, 0, 0});
  add(s, "Head", "Neck", {6.45672, 0, 0});
  add(s, "Shoulder_L", "Chest", {12.9942, -0.242716, 4.98039});
  add(s, "UpperArm_L", "Shoulder_L", {5.34809, 0, 0});
  add(s, "LowerArm_L", "UpperArm_L", {24.3286, 1.87007e-05, 0});
  add(s, "Hand_L", "LowerArm_L", {22.2916, 0, 0});
  add(s, "Shoulder_R", "Chest", {12.9945, -0.242716, -4.98039});
  add(s, "UpperArm_R", "Shoulder_R", {-5.34813, 0, 0});
  add(s, "LowerArm_R", "UpperArm_R", {-24.3289, 0.000322201, 0});
  add(s, "Hand_R", "LowerArm_R", {-22.2915, -0.000108084, 0});
  add(s, "UpperLeg_L", "Hips", {-2.19248, -6.46944, 0});
  add(s, "LowerLeg_L", "UpperLeg_L", {39.0811, 0, -1.23785e-05});
  add(s, "Foot_L", "LowerLeg_L", {40.9854, 0, -1.26872e-05});
  add(s, "Toes_L", "Foot_L", {11.7543, 0, 0});
  add(s, "UpperLeg_R", "Hips", {-2.19251, 6.46944, 0});
  add(s, "LowerLeg_R", "UpperLeg_R", {-39.0811, -0.00228153, -0.0401928});
  add(s, "Foot_R", "LowerLeg_R", {-40.9854, 0, 0});
  add(s, "Toes_R", "Foot_R", {-11.7543, 0, 0});
  for (int j = 0; j < s.jointCount(); ++j) s.setChannels(j, sixChannels());
  return s;
}

// CMU ASF converted to a joint hierarchy: lowercase l/r glued to the bone.
inline Skeleton cmu() {
  Skeleton s;
  add(s, "root", "", {0, 95, 0});
  for (const char* side : {"l", "r"}) {
    const double x = side[0] == 'l' ? 1 : -1;
    const std::string p = side;
    add(s, p + "hipjoint", "root", {0, 0, 0});
    add(s, p + "femur", p + "hipjoint", {9 * x, -7, 0});
    add(s, p + "tibia", p + "femur", {0, -42, 0});
    add(s, p + "foot", p + "tibia", {0, -41, 0});
    add(s, p + "toes", p + "foot", {0, -5, 12});
  }
  add(s, "lowerback", "root", {0, 0, 0});
  add(s, "upperback", "lowerback", {0, 11, 0});
  add(s, "thorax", "upperback", {0, 11, 0});
  add(s, "lowerneck", "thorax", {0, 12, 0});
  add(s, "upperneck", "lowerneck", {0, 5, 0});
  add(s, "head", "upperneck", {0, 5, 0});
  for (const char* side : {"l", "r"}) {
    const double x = side[0] == 'l' ? 1 : -1;
    const std::string p = side;
    add(s, p + "clavicle", "thorax", {0, 12, 0});
    add(s, p + "humerus", p + "clavicle", {16 * x, 0, 0});
    add(s, p + "radius", p + "humerus", {28 * x, 0, 0});
    add(s, p + "wrist", p + "radius", {24 * x, 0, 0});
    add(s, p + "hand", p + "wrist", {4 * x, 0, 0});
    add(s, p + "fingers", p + "hand", {6 * x, 0, 0});
    add(s, p + "thumb", p + "wrist", {3 * x, 0, 3});
  }
  return s;
}

// Mixamo: "mixamorig:" namespace, three spine joints, fingers, end joints.
inline Skeleton mixamo() {
  Skeleton s;
  const std::string n = "mixamorig:";
  add(s, n + "Hips", "", {0, 100, 0});
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = n + side;
    add(s, p + "UpLeg", n + "Hips", {9 * x, -7, 0});
    add(s, p + "Leg", p + "UpLeg", {0, -42, 0});
    add(s, p + "Foot", p + "Leg", {0, -41, 0});
    add(s, p + "ToeBase", p + "Foot", {0, -6, 12});
    add(s, p + "Toe_End", p + "ToeBase", {0, 0, 7});
  }
  add(s, n + "Spine", n + "Hips", {0, 10, 0});
  add(s, n + "Spine1", n + "Spine", {0, 12, 0});
  add(s, n + "Spine2", n + "Spine1", {0, 13, 0});
  add(s, n + "Neck", n + "Spine2", {0, 15, 0});
  add(s, n + "Head", n + "Neck", {0, 10, 0});
  add(s, n + "HeadTop_End", n + "Head", {0, 18, 0});
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = n + side;
    add(s, p + "Shoulder", n + "Spine2", {6 * x, 10, 0});
    add(s, p + "Arm", p + "Shoulder", {12 * x, 0, 0});
    add(s, p + "ForeArm", p + "Arm", {27 * x, 0, 0});
    add(s, p + "Hand", p + "ForeArm", {25 * x, 0, 0});
    add(s, p + "HandThumb1", p + "Hand", {3 * x, 0, 3});
    add(s, p + "HandThumb2", p + "HandThumb1", {3 * x, 0, 0});
    add(s, p + "HandIndex1", p + "Hand", {9 * x, 0, 1});
    add(s, p + "HandIndex2", p + "HandIndex1", {3 * x, 0, 0});
  }
  return s;
}

// SMPL body joints in SMPL's own index order; `shortNames` gives the
// "L_Hip" spelling instead of "left_hip".
inline Skeleton smpl(bool shortNames = false) {
  auto nm = [&](const char* side, const char* longName, const char* shortName) {
    if (!side) return std::string(shortNames ? shortName : longName);
    const bool left = side[0] == 'l';
    return shortNames ? std::string(left ? "L_" : "R_") + shortName
                      : std::string(left ? "left_" : "right_") + longName;
  };
  Skeleton s;
  add(s, nm(nullptr, "pelvis", "Pelvis"), "", {0, 90, 0});
  for (const char* side : {"l", "r"}) add(s, nm(side, "hip", "Hip"), nm(nullptr, "pelvis", "Pelvis"), {(side[0] == 'l' ? 7.0 : -7.0), -9, 0});
  add(s, nm(nullptr, "spine1", "Spine1"), nm(nullptr, "pelvis", "Pelvis"), {0, 11, -1});
  for (const char* side : {"l", "r"}) add(s, nm(side, "knee", "Knee"), nm(side, "hip", "Hip"), {(side[0] == 'l' ? 1.0 : -1.0), -38, 0});
  add(s, nm(nullptr, "spine2", "Spine2"), nm(nullptr, "spine1", "Spine1"), {0, 13, 1});
  for (const char* side : {"l", "r"}) add(s, nm(side, "ankle", "Ankle"), nm(side, "knee", "Knee"), {0, -40, -2});
  add(s, nm(nullptr, "spine3", "Spine3"), nm(nullptr, "spine2", "Spine2"), {0, 5, 0});
  for (const char* side : {"l", "r"}) add(s, nm(side, "foot", "Foot"), nm(side, "ankle", "Ankle"), {(side[0] == 'l' ? 1.0 : -1.0), -5, 12});
  add(s, nm(nullptr, "neck", "Neck"), nm(nullptr, "spine3", "Spine3"), {0, 21, -2});
  for (const char* side : {"l", "r"}) add(s, nm(side, "collar", "Collar"), nm(nullptr, "spine3", "Spine3"), {(side[0] == 'l' ? 7.0 : -7.0), 15, -1});
  add(s, nm(nullptr, "head", "Head"), nm(nullptr, "neck", "Neck"), {0, 9, 5});
  for (const char* side : {"l", "r"}) add(s, nm(side, "shoulder", "Shoulder"), nm(side, "collar", "Collar"), {(side[0] == 'l' ? 11.0 : -11.0), 3, -1});
  for (const char* side : {"l", "r"}) add(s, nm(side, "elbow", "Elbow"), nm(side, "shoulder", "Shoulder"), {(side[0] == 'l' ? 26.0 : -26.0), -1, 0});
  for (const char* side : {"l", "r"}) add(s, nm(side, "wrist", "Wrist"), nm(side, "elbow", "Elbow"), {(side[0] == 'l' ? 25.0 : -25.0), 1, -1});
  for (const char* side : {"l", "r"}) add(s, nm(side, "hand", "Hand"), nm(side, "wrist", "Wrist"), {(side[0] == 'l' ? 8.0 : -8.0), -1, -1});
  return s;
}

// Vicon / MotionBuilder HumanIK names without a namespace, in an A-pose
// (arms 45 degrees down), with a finger.
inline Skeleton motionBuilder() {
  Skeleton s;
  add(s, "Hips", "", {0, 98, 0});
  add(s, "Spine", "Hips", {0, 9, 0});
  add(s, "Spine1", "Spine", {0, 12, 0});
  add(s, "Neck", "Spine1", {0, 25, 0});
  add(s, "Head", "Neck", {0, 10, 0});
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = side;
    add(s, p + "Shoulder", "Spine1", {5 * x, 20, 0});
    add(s, p + "Arm", p + "Shoulder", {12 * x, 0, 0});
    add(s, p + "ForeArm", p + "Arm", {19 * x, -19, 0});
    add(s, p + "Hand", p + "ForeArm", {18 * x, -18, 0});
    add(s, p + "HandIndex1", p + "Hand", {6 * x, -6, 1});
  }
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = side;
    add(s, p + "UpLeg", "Hips", {9 * x, -6, 0});
    add(s, p + "Leg", p + "UpLeg", {0, -43, 0});
    add(s, p + "Foot", p + "Leg", {0, -42, 0});
    add(s, p + "ToeBase", p + "Foot", {0, -6, 13});
  }
  return s;
}

// Biovision-style BVH: LeftCollar / LeftShoulder / LeftElbow / LeftWrist and
// LeftHip / LeftKnee / LeftAnkle, two chest joints.
inline Skeleton biovision() {
  Skeleton s;
  add(s, "Hips", "", {0, 95, 0});
  add(s, "Chest", "Hips", {0, 12, 0});
  add(s, "Chest2", "Chest", {0, 15, 0});
  add(s, "Neck", "Chest2", {0, 18, 0});
  add(s, "Head", "Neck", {0, 10, 0});
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = side;
    add(s, p + "Collar", "Chest2", {4 * x, 14, 0});
    add(s, p + "Shoulder", p + "Collar", {13 * x, 0, 0});
    add(s, p + "Elbow", p + "Shoulder", {28 * x, 0, 0});
    add(s, p + "Wrist", p + "Elbow", {25 * x, 0, 0});
  }
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = side;
    add(s, p + "Hip", "Hips", {9 * x, 0, 0});
    add(s, p + "Knee", p + "Hip", {0, -44, 0});
    add(s, p + "Ankle", p + "Knee", {0, -42, 0});
    add(s, p + "Toe", p + "Ankle", {0, -6, 13});
  }
  return s;
}

// 3ds Max Biped: "Bip01 L Thigh"; thighs hang from the spine, clavicles and
// head from the neck, as Biped builds them.
inline Skeleton biped() {
  Skeleton s;
  add(s, "Bip01", "", {0, 95, 0});
  add(s, "Bip01 Pelvis", "Bip01", {0, 0, 0});
  add(s, "Bip01 Spine", "Bip01 Pelvis", {0, 8, 0});
  for (const char* side : {"L", "R"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = std::string("Bip01 ") + side;
    add(s, p + " Thigh", "Bip01 Spine", {9 * x, -8, 0});
    add(s, p + " Calf", p + " Thigh", {0, -42, 0});
    add(s, p + " Foot", p + " Calf", {0, -42, 0});
    add(s, p + " Toe0", p + " Foot", {0, -6, 12});
  }
  add(s, "Bip01 Spine1", "Bip01 Spine", {0, 14, 0});
  add(s, "Bip01 Neck", "Bip01 Spine1", {0, 24, 0});
  for (const char* side : {"L", "R"}) {
    const double x = side[0] == 'L' ? 1 : -1;
    const std::string p = std::string("Bip01 ") + side;
    add(s, p + " Clavicle", "Bip01 Neck", {3 * x, 0, 0});
    add(s, p + " UpperArm", p + " Clavicle", {14 * x, 0, 0});
    add(s, p + " Forearm", p + " UpperArm", {27 * x, 0, 0});
    add(s, p + " Hand", p + " Forearm", {25 * x, 0, 0});
    add(s, p + " Finger0", p + " Hand", {3 * x, 0, 3});
    add(s, p + " Finger01", p + " Finger0", {3 * x, 0, 0});
  }
  add(s, "Bip01 Head", "Bip01 Neck", {0, 8, 0});
  add(s, "Bip01 HeadNub", "Bip01 Head", {0, 18, 0});
  return s;
}

}  // namespace mm::testrigs
