#pragma once
// The same motion on another rig, for the tests that check the quality
// analysis reads every rig alike (header only; motion/ only).
//
// cmuStyleVariant() rebuilds a take of the Bandai rig (tests/data/
// bandai_*.bvh, the development takes) on a CMU-named 31-joint rig: joints
// renamed as CMU's ASF (root, lhipjoint, lfemur, ltibia, lfoot, ltoes,
// lowerback, upperback, thorax, lowerneck, upperneck, head, lclavicle,
// lhumerus, lradius, lwrist, lhand, lfingers, lthumb, ...), zero-length
// hip-joint, lower-back and upper-neck joints and hand, finger and thumb
// joints added, every joint with its own axis convention (a constant
// rotation of its frame, the same on both sides so the limbs still pair
// up), so rest pose and local rotations differ from the source while every
// source joint's world position is the same; `unitsPerSourceUnit` scales
// lengths (0.3937: centimetres to inches). resample() (motion/resample.h)
// gives the frame-rate variants.

#include "motion/clip.h"
#include "motion/kinematics.h"

#include <Eigen/Geometry>
#include <cmath>
#include <string>
#include <vector>

namespace mm::test {

struct VariantJoint {
  std::string name;
  std::string parent;  // in the variant ("" for the root)
  std::string source;  // the Bandai joint whose world frame it follows
  bool copiesOffset;   // offset = the source joint's own offset (else `extra`, in the source frame)
  Eigen::Vector3d extra = Eigen::Vector3d::Zero();
};

inline std::vector<VariantJoint> cmuStyleJoints() {
  std::vector<VariantJoint> j;
  j.push_back({"root", "", "Hips", false});
  for (const char* s : {"l", "r"}) {
    const std::string p = s, side = s[0] == 'l' ? "_L" : "_R";
    j.push_back({p + "hipjoint", "root", "Hips", false});
    j.push_back({p + "femur", p + "hipjoint", "UpperLeg" + side, true});
    j.push_back({p + "tibia", p + "femur", "LowerLeg" + side, true});
    j.push_back({p + "foot", p + "tibia", "Foot" + side, true});
    j.push_back({p + "toes", p + "foot", "Toes" + side, true});
  }
  j.push_back({"lowerback", "root", "Hips", false});
  j.push_back({"upperback", "lowerback", "Spine", true});
  j.push_back({"thorax", "upperback", "Chest", true});
  j.push_back({"lowerneck", "thorax", "Neck", true});
  j.push_back({"upperneck", "lowerneck", "Neck", false});
  j.push_back({"head", "upperneck", "Head", true});
  for (const char* s : {"l", "r"}) {
    const std::string p = s, side = s[0] == 'l' ? "_L" : "_R";
    const double x = s[0] == 'l' ? 1.0 : -1.0;  // Bandai's arm bones run along +-X
    j.push_back({p + "clavicle", "thorax", "Shoulder" + side, true});
    j.push_back({p + "humerus", p + "clavicle", "UpperArm" + side, true});
    j.push_back({p + "radius", p + "humerus", "LowerArm" + side, true});
    j.push_back({p + "wrist", p + "radius", "Hand" + side, true});
    j.push_back({p + "hand", p + "wrist", "Hand" + side, false, Eigen::Vector3d(4.0 * x, 0, 0)});
    j.push_back({p + "fingers", p + "hand", "Hand" + side, false, Eigen::Vector3d(1.5 * x, 0, 0)});
    j.push_back({p + "thumb", p + "wrist", "Hand" + side, false, Eigen::Vector3d(3.0 * x, 0, 2.0)});
  }
  return j;
}

// The axis convention of a variant joint: a fixed rotation, the same for a
// left joint and its right partner (CMU names differ only in the first letter).
inline Eigen::Quaterniond variantAxes(const std::string& name) {
  std::string key = name;
  if (key.size() > 1 && (key[0] == 'l' || key[0] == 'r') && key != "lowerback" && key != "lowerneck") key = key.substr(1);
  unsigned h = 2166136261u;
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  const Eigen::Vector3d axis(std::cos(h * 0.001), std::sin(h * 0.0013), std::cos(h * 0.0007) + 0.3);
  const double angle = 0.3 + (h % 1000) / 1000.0 * 2.5;  // 0.3 .. 2.8 radians
  return Eigen::Quaterniond(Eigen::AngleAxisd(angle, axis.normalized()));
}

inline Clip cmuStyleVariant(const Clip& bandai, double unitsPerSourceUnit = 1.0) {
  const Skeleton& src = bandai.skeleton();
  const std::vector<VariantJoint> joints = cmuStyleJoints();
  Skeleton s;
  std::vector<int> source;
  std::vector<Eigen::Quaterniond> axes;
  for (const VariantJoint& v : joints) {
    const int parent = v.parent.empty() ? Skeleton::kNoParent : s.findJoint(v.parent);
    const int sj = src.findJoint(v.source);
    const Eigen::Quaterniond c = variantAxes(v.name);
    // Offsets live in the parent's frame: the source offset seen through the
    // parent's axis convention.
    Eigen::Vector3d offset = Eigen::Vector3d::Zero();
    if (parent >= 0) {
      const Eigen::Vector3d inSource = v.copiesOffset ? bandai.localTranslation(0, sj) : v.extra;
      // A copied offset is in the source parent's frame; an extra one in the
      // source joint's own frame, which is the variant parent's source.
      offset = axes[parent].conjugate() * inSource * unitsPerSourceUnit;
    }
    s.addJoint(v.name, parent, offset);
    source.push_back(sj);
    axes.push_back(c);
  }
  const GlobalPoses g = computeGlobalPoses(bandai);
  Clip out(s, bandai.frameCount(), bandai.fps());
  for (int f = 0; f < bandai.frameCount(); ++f) {
    std::vector<Eigen::Quaterniond> world(joints.size());
    for (size_t k = 0; k < joints.size(); ++k) {
      world[k] = (g.rotation(f, source[k]) * axes[k]).normalized();
      const int parent = s.parent(static_cast<int>(k));
      out.rotation(f, static_cast<int>(k)) = parent < 0 ? world[k] : (world[parent].conjugate() * world[k]).normalized();
    }
    out.translation(f, 0) = g.position(f, source[0]) * unitsPerSourceUnit;
    // Missing data stays on the joint that is the source joint (added
    // joints have no data of their own to lose).
    for (int j = 0; j < s.jointCount(); ++j)
      if ((joints[j].copiesOffset || j == 0) && !bandai.isValid(f, source[j])) out.setValid(f, j, false);
  }
  out.makeSignContinuous();
  return out;
}

// The variant joint that follows a Bandai joint with a copied offset (its
// world position is the source joint's), or -1.
inline int variantJointOf(const Clip& variant, const std::string& bandaiName) {
  for (const VariantJoint& v : cmuStyleJoints())
    if (v.source == bandaiName && (v.copiesOffset || v.name == "root")) return variant.skeleton().findJoint(v.name);
  return -1;
}

}  // namespace mm::test
